"""``alignkg plot``: PNG or SVG pictures of a state's neighbourhood and of a bloc's pair matrix.

A typer sub-app (``app``) registered by the root app. Drawing is ``alignkg.graph.analysis.plot``'s
job (matplotlib, Agg, imported on use); the commands open the store, build the view or the
bloc report, and say where the file went.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from alignkg.app.cli.analyse import (
    ClaimOption,
    SinceOption,
    StatesArgument,
    UntilOption,
    WeightOption,
    members_of,
    reporting,
    weights_of,
)
from alignkg.app.cli.graph import StoreOption, open_graph

app = typer.Typer(
    name="plot",
    help="Draw pictures of the graph as PNG or SVG (format from the file extension or --format).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

OutputOption = Annotated[Path, typer.Option("--output", "-o", help="The file to write (.png or .svg).")]
PlotFormatOption = Annotated[str | None, typer.Option("--format", help="png or svg (default: from the extension).")]


@contextmanager
def _needs_matplotlib(command: str) -> Iterator[None]:
    """Report a missing matplotlib on stderr and exit 1."""
    try:
        yield
    except ImportError as err:
        typer.echo(f"alignkg {command}: {err}", err=True)
        raise typer.Exit(code=1) from err


@app.command("neighbourhood")
def neighbourhood(state: Annotated[str, typer.Argument(help="The state at the centre.")], output: OutputOption,
                  format: PlotFormatOption = None, since: SinceOption = None, until: UntilOption = None,
                  store: StoreOption = None) -> None:
    """Draw a state and its facts with other states, edges coloured by quad class."""
    from alignkg.graph.analysis import neighbourhood_view, plot_neighbourhood

    with (open_graph(store, "plot neighbourhood") as kg, reporting("plot neighbourhood"),
          _needs_matplotlib("plot neighbourhood")):
        written = plot_neighbourhood(neighbourhood_view(kg, state), state, output, format=format, since=since,
                                     until=until)
    typer.echo(f"wrote {written}", err=True)


@app.command("bloc")
def bloc(output: OutputOption, states: StatesArgument = None, claim: ClaimOption = None,
         format: PlotFormatOption = None, since: SinceOption = None, until: UntilOption = None,
         weight: WeightOption = None, store: StoreOption = None) -> None:
    """Draw a bloc's pair matrix: each pair coloured by its score, with its counts by category."""
    from alignkg.graph.analysis import plot_bloc

    with open_graph(store, "plot bloc") as kg, reporting("plot bloc"), _needs_matplotlib("plot bloc"):
        report = kg.bloc(members_of(kg, states, claim), weights=weights_of(weight), since=since, until=until)
        written = plot_bloc(report, output, format=format)
    typer.echo(f"wrote {written}", err=True)

"""``alignkg curate``: analysts' corrections from the command line, each kept as a PROV-O record.

``assert`` adds a fact the extractor missed (with the source URL and the quoting sentence),
``retract`` takes a wrong fact out of the analysis (with a reason), ``revert`` undoes either,
and ``list`` shows the records. Each prints the record as JSON on stdout; errors go to stderr
with exit code 1. The rules (what a retraction does, what a reversal undoes) are in ``graph``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from alignkg.app.cli.graph import StoreOption, open_graph
from alignkg.graph import AlignkgError

if TYPE_CHECKING:
    from alignkg.graph import Curation, KnowledgeGraph

app = typer.Typer(
    name="curate",
    help="Correct the graph: assert a fact the extractor missed, retract a wrong one, revert either; every "
         "record is kept, with who, when and why.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

ByOption = Annotated[str, typer.Option("--by", help="Who makes the record (your name).")]


def _run(command: str, store: StoreOption, action: Callable[[KnowledgeGraph], Curation | list[Curation]]) -> None:
    """Open the graph, run ``action``, print its records as JSON; report an error on stderr and exit 1."""
    with open_graph(store, "curate") as kg:
        try:
            result = action(kg)
        except AlignkgError as err:
            typer.echo(f"alignkg curate {command}: {err}", err=True)
            raise typer.Exit(code=1) from err
    out = [r.to_dict() for r in result] if isinstance(result, list) else result.to_dict()
    typer.echo(json.dumps(out, indent=2))


@app.command("assert")
def assert_(
    subject: Annotated[str, typer.Argument(help="The subject state: code, name or alias.")],
    type: Annotated[str, typer.Argument(help="The edge type id (arms_transfer, ...).")],
    object: Annotated[str, typer.Argument(help="The object state: code, name or alias.")],
    url: Annotated[str, typer.Option(help="The source's URL (absolute http(s)).")],
    sentence: Annotated[str, typer.Option(help="The sentence of the source that states the fact.")],
    by: ByOption,
    reason: Annotated[str | None, typer.Option(help="Why (optional).")] = None,
    published: Annotated[str | None, typer.Option(help="The source's date, YYYY-MM-DD (optional).")] = None,
    hedged: Annotated[bool, typer.Option(help="The sentence reports or alleges the event.")] = False,
    directed: Annotated[bool, typer.Option(help="--no-directed when the sentence does not say who sells.")] = True,
    store: StoreOption = None,
) -> None:
    """Add a fact the extractor missed, with the sentence of the source that states it."""
    _run("assert", store, lambda kg: kg.assert_fact(subject, type, object, url=url, sentence=sentence, by=by,
                                                    reason=reason, published=published, hedged=hedged,
                                                    directed=directed))


@app.command("retract")
def retract(
    fact: Annotated[str, typer.Argument(help="The fact's id (or IRI).")],
    reason: Annotated[str, typer.Option(help="Why the fact is wrong.")],
    by: ByOption,
    store: StoreOption = None,
) -> None:
    """Take a wrong fact out of listings and the analysis; it stays, flagged, for audit."""
    _run("retract", store, lambda kg: kg.retract_fact(fact, reason=reason, by=by))


@app.command("revert")
def revert(
    record: Annotated[str, typer.Argument(help="The id of the assertion or retraction to undo.")],
    by: ByOption,
    reason: Annotated[str | None, typer.Option(help="Why (optional).")] = None,
    store: StoreOption = None,
) -> None:
    """Undo an assertion (its evidence goes) or a retraction (the fact counts again)."""
    _run("revert", store, lambda kg: kg.revert(record, by=by, reason=reason))


@app.command("list")
def list_(
    fact: Annotated[str | None, typer.Option(help="Only the records on this fact (its id).")] = None,
    store: StoreOption = None,
) -> None:
    """Print the records, oldest first, as a JSON list."""
    _run("list", store, lambda kg: kg.curations(fact=fact))

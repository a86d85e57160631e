"""The ``alignkg`` command line: a root typer app that gathers one module per command.

Commands hold no domain logic: they parse arguments, call ``graph``, and print.
Errors from ``graph`` go to stderr with a non-zero exit; batch commands report
the bad line and go on.
"""

from __future__ import annotations

import typer

from alignkg.app.cli import analyse, curate, evaluate, extract, graph, ontology, plot, query, serve

app = typer.Typer(
    name="alignkg",
    help="alignkg: a knowledge graph of how states align, built from news text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("extract")(extract.extract)
app.command("eval")(evaluate.evaluate)
app.command("serve")(serve.serve)
app.command("ontology")(ontology.ontology)
app.command("ingest")(graph.ingest)
app.command("export")(graph.export)
app.command("import")(graph.import_)
app.command("stats")(graph.stats)
app.command("query")(query.query)
app.add_typer(analyse.app, name="analyse")
app.add_typer(curate.app, name="curate")
app.add_typer(plot.app, name="plot")


def run() -> None:
    """Entry point of the console script."""
    app()


if __name__ == "__main__":
    run()

"""``alignkg ontology``: prints the vocabulary (RDFS/OWL) or the SHACL shapes made from it, in Turtle."""

from __future__ import annotations

from typing import Annotated

import typer


def ontology(shapes: Annotated[bool, typer.Option("--shapes", help="Print the SHACL shapes instead.")] = False) -> None:
    """Print every ak: term (the edge types, their properties, the fact and evidence terms) as Turtle."""
    if shapes:
        from alignkg.graph import shapes_turtle

        typer.echo(shapes_turtle())
        return
    from alignkg.graph import vocabulary_turtle

    typer.echo(vocabulary_turtle())

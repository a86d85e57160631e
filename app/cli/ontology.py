"""``alignkg ontology``: prints the edge types as an RDFS/OWL vocabulary in Turtle."""

from __future__ import annotations

import typer


def ontology() -> None:
    """Print the ontology of edge types as an RDF vocabulary (Turtle)."""
    from alignkg.graph.rdf.vocabulary import vocabulary_turtle

    typer.echo(vocabulary_turtle())

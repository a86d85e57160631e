"""SPARQL Update requests for the writes of the graph: ingest, recompute, delete.

Every write is one SPARQL Update request, which a store applies in one
transaction, and which a remote SPARQL 1.1 endpoint accepts as well as the
embedded store. Terms enter the text only as pyoxigraph terms, whose ``str()``
is escaped N-Triples, never as raw strings.
"""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import NamedNode, Quad

from alignkg.graph import namespace as ns
from alignkg.graph.ontology import SPECS

_PREFIXES = "\n".join(f"PREFIX {p}: <{iri}>" for p, iri in ns.PREFIXES.items())
_FACTS = f"<{ns.FACTS_GRAPH}>"


def insert_data(quads: Iterable[Quad]) -> str:
    """Return an ``INSERT DATA`` operation adding ``quads`` to their graphs."""
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        by_graph.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
    blocks = "\n".join(f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}" for g, lines in by_graph.items())
    return f"INSERT DATA {{\n{blocks}\n}}"


def _class_to_property() -> str:
    rows = " ".join(f"(ak:{spec.rdf_class} ak:{spec.rdf_property})" for spec in SPECS.values())
    return f"VALUES (?cls ?rel) {{ {rows} }}"


def recompute(targets: Iterable[NamedNode]) -> str:
    """Return operations that recompute hedged, first and last seen of facts from their evidence.

    Update requests see the store's real default graph, not the union, so every
    pattern here names its graph.

    ``hedged`` is the minimum of the evidence's flags (true only when all hedge);
    dates are the earliest and latest publication dates of the articles. Facts
    and claims left without evidence are removed, with their direct triple unless
    another fact still states it.
    """
    values = " ".join(str(t) for t in targets)
    if not values:
        return ""
    deletes = "".join(f"""
DELETE {{ GRAPH {_FACTS} {{ ?f ak:{name} ?v }} }}
WHERE {{ VALUES ?f {{ {values} }} GRAPH {_FACTS} {{ ?f ak:{name} ?v }} }} ;""" for name in ("hedged", "firstSeen",
                                                                                            "lastSeen"))
    return deletes + f"""
INSERT {{ GRAPH {_FACTS} {{ ?f ak:hedged ?hedged . }} }}
WHERE {{
  {{ SELECT ?f (MIN(?eh) AS ?hedged) WHERE {{
      VALUES ?f {{ {values} }}
      GRAPH ?g {{ ?ev ak:supports ?f ; ak:hedged ?eh . }}
  }} GROUP BY ?f }}
}} ;
INSERT {{ GRAPH {_FACTS} {{ ?f ak:firstSeen ?first . ?f ak:lastSeen ?last . }} }}
WHERE {{
  {{ SELECT ?f (MIN(?d) AS ?first) (MAX(?d) AS ?last) WHERE {{
      VALUES ?f {{ {values} }}
      GRAPH ?g {{ ?ev ak:supports ?f ; ak:article ?art . ?art schema:datePublished ?d . }}
  }} GROUP BY ?f }}
}} ;
DELETE {{ GRAPH {_FACTS} {{ ?s ?rel ?t }} }}
WHERE {{
  VALUES ?f {{ {values} }}
  GRAPH {_FACTS} {{ ?f ak:subject ?s ; ak:object ?t ; a ?cls . }}
  {_class_to_property()}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?ev ak:supports ?f }} }}
  FILTER NOT EXISTS {{ GRAPH {_FACTS} {{ ?other ak:subject ?s ; ak:object ?t ; a ?cls . }}
                      FILTER(?other != ?f) GRAPH ?g2 {{ ?ev2 ak:supports ?other }} }}
}} ;
DELETE {{ GRAPH {_FACTS} {{ ?f ?p ?o }} }}
WHERE {{
  VALUES ?f {{ {values} }}
  GRAPH {_FACTS} {{ ?f ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?ev ak:supports ?f }} }}
}}
"""


def delete_article(article_id: str) -> str:
    """Return an operation that drops an article's graph (its text and evidence)."""
    return f"DROP SILENT GRAPH <{ns.article_graph(article_id)}>"


def request(*operations: str) -> str:
    """Join operations into one Update request with the project's prefixes."""
    body = " ;\n".join(op.strip().rstrip(";") for op in operations if op.strip())
    return f"{_PREFIXES}\n{body}"

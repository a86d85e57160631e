"""SPARQL Update requests for the writes of the graph: ingest, recompute, delete.

The home of every update the library sends, as :mod:`alignkg.graph.rdf.queries` is of every read.

Every write is one SPARQL Update request, which a store applies in one
transaction, and which a remote SPARQL 1.1 endpoint accepts as well as the
embedded store. A batch ingest computes what :func:`recompute` would write in
Python (:mod:`alignkg.graph.rdf.derivation`) and sends it as ``DELETE DATA`` and
``INSERT DATA`` of one request. Terms enter the text only as pyoxigraph terms, whose ``str()``
is escaped N-Triples, never as raw strings.
"""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from alignkg.graph import namespace as ns
from alignkg.graph.rdf.mapping import FactGroup, ak, state_node

_PREFIXES = "\n".join(f"PREFIX {p}: <{iri}>" for p, iri in ns.PREFIXES.items())
_FACTS = f"<{ns.FACTS_GRAPH}>"
_CURATION = f"<{ns.CURATION_GRAPH}>"


def retracted(fact: str) -> str:
    """Return a pattern that holds when an analyst's retraction of ``fact`` (a variable or IRI) stands.

    A retraction stands until a reversal undoes it. Names its graph, as update patterns must.
    """
    return (f"GRAPH {_CURATION} {{ ?_retraction ak:concerns {fact} ; a ak:Retraction }} "
            f"FILTER NOT EXISTS {{ GRAPH {_CURATION} {{ ?_reversal ak:reverts ?_retraction }} }}")


def insert_data(quads: Iterable[Quad]) -> str:
    """Return an ``INSERT DATA`` operation adding ``quads`` to their graphs."""
    return _data("INSERT", quads)


def delete_data(quads: Iterable[Quad]) -> str:
    """Return a ``DELETE DATA`` operation removing ``quads`` from their graphs ("" when there are none)."""
    return _data("DELETE", quads)


def _data(verb: str, quads: Iterable[Quad]) -> str:
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        graph = "" if isinstance(q.graph_name, DefaultGraph) else str(q.graph_name)
        by_graph.setdefault(graph, []).append(f"{q.subject} {q.predicate} {q.object} .")
    if not by_graph and verb == "DELETE":
        return ""
    blocks = "\n".join((f"GRAPH {g} {{\n" if g else "{\n") + "\n".join(lines) + "\n}" for g, lines in by_graph.items())
    return f"{verb} DATA {{\n{blocks}\n}}"


def _terms(*terms: object) -> str:
    return "(" + " ".join("UNDEF" if t is None else str(t) for t in terms) + ")"


def recompute(groups: Iterable[FactGroup], claims: Iterable[NamedNode] = ()) -> str:
    """Return operations that bring the facts of ``groups`` and the ``claims`` in line with their evidence.

    Run after every write that adds or removes evidence (in the same request, so the
    store never shows a half-done state). In order:

    1. **One relation, one fact.** Evidence whose sentence names no direction
       (``ak:directed false`` on the evidence) supports the directed facts of its group
       that a sentence orients and no analyst retracted, or the undirected fact while
       none does.
    2. The undirected fact resource is written again when evidence came back to it.
    3. Derived values (:data:`DERIVED`: hedged, dates, counts, retracted) are computed again;
       ``ak:retracted`` comes from the analysts' records, so a retracted fact that an
       article states again is retracted again.
    4. The direct state-to-state triples of each group are written again from its facts
       that have evidence and are not retracted (see ``docs/rdf-model.md``: both
       orientations of the pair property, the type's own property only where the
       direction is known).
    5. Facts and claims left without evidence are removed.

    Update requests see the store's real default graph, not the union, so every
    pattern here names its graph.
    """
    groups = list(dict.fromkeys(groups))
    nodes = [n for g in groups for n in g.nodes] + list(claims)
    if not nodes:
        return ""
    operations = [_orient(groups), _restore_undirected(groups), _derive(nodes), *_direct_triples(groups),
                  _remove_orphans(nodes)]
    return " ;\n".join(op for op in operations if op)


def _orient(groups: list[FactGroup]) -> str:
    # One row per resource that may hold the evidence, so the evidence is found by index, not by a scan; the
    # flags are matched as variables and filtered, because a constant (`ak:directed false`) makes Oxigraph
    # start from every piece of evidence with that flag (50x slower at 20k facts), and so does EXISTS.
    rows = " ".join(_terms(old, g.forward, g.backward, g.undirected) for g in groups if not g.symmetric
                    for old in g.nodes)
    if not rows:
        return ""
    return f"""
DELETE {{ GRAPH ?g {{ ?ev ak:supports ?old ; oa:hasBody ?old . }} }}
INSERT {{ GRAPH ?g {{ ?ev ak:supports ?new ; oa:hasBody ?new . }} }}
WHERE {{
  VALUES (?old ?fw ?bw ?u) {{ {rows} }}
  GRAPH ?g {{ ?ev ak:supports ?old }} GRAPH ?g {{ ?ev ak:directed ?d }} FILTER(!?d)
  OPTIONAL {{ GRAPH ?g1 {{ ?e1 ak:supports ?fw }} GRAPH ?g1 {{ ?e1 ak:directed ?d1 }} FILTER(?d1)
             FILTER NOT EXISTS {{ {retracted('?fw')} }} }}
  OPTIONAL {{ GRAPH ?g2 {{ ?e2 ak:supports ?bw }} GRAPH ?g2 {{ ?e2 ak:directed ?d2 }} FILTER(?d2)
             FILTER NOT EXISTS {{ {retracted('?bw')} }} }}
  VALUES ?side {{ "fw" "bw" "u" }}
  FILTER((?side = "fw" && BOUND(?e1)) || (?side = "bw" && BOUND(?e2)) || (?side = "u" && !BOUND(?e1) && !BOUND(?e2)))
  BIND(IF(?side = "fw", ?fw, IF(?side = "bw", ?bw, ?u)) AS ?new)
}}"""


def _restore_undirected(groups: list[FactGroup]) -> str:
    rows = " ".join(_terms(g.undirected, state_node(g.first), state_node(g.second), ak(g.type.spec.rdf_class),
                           Literal(g.type.value)) for g in groups if not g.symmetric)
    if not rows:
        return ""
    return f"""
INSERT {{ GRAPH {_FACTS} {{ ?u a ?cls ; ak:subject ?a ; ak:object ?b ; ak:edgeType ?t ; ak:directed false . }} }}
WHERE {{
  VALUES (?u ?a ?b ?cls ?t) {{ {rows} }}
  FILTER EXISTS {{ GRAPH ?g {{ ?ev ak:supports ?u }} }}
}}"""


#: The values derived from a fact's or claim's evidence, recomputed by every write that touches it.
DERIVED = ("hedged", "firstSeen", "lastSeen", "eventDate", "articleCount", "sourceCount", "evidenceCount",
           "retracted")


def _derive(nodes: list[NamedNode]) -> str:
    """Return operations that recompute the derived values of ``nodes`` from their evidence.

    ``hedged`` is the minimum of the evidence's flags (true only when all hedge); the dates
    are the earliest and latest publication dates of the documents the evidence comes from
    and the earliest event date a sentence gives; the counts are of documents, of their
    sources (a document without a source is its own) and of pieces of evidence.
    """
    values = " ".join(str(n) for n in nodes)
    deletes = " ;".join(f"""
DELETE {{ GRAPH {_FACTS} {{ ?f ak:{name} ?v }} }}
WHERE {{ VALUES ?f {{ {values} }} GRAPH {_FACTS} {{ ?f ak:{name} ?v }} }}""" for name in DERIVED)
    return deletes + f""" ;
INSERT {{ GRAPH {_FACTS} {{ ?f ak:hedged ?hedged ; ak:articleCount ?docs ; ak:sourceCount ?sources ;
                           ak:evidenceCount ?pieces . }} }}
WHERE {{
  {{ SELECT ?f (MIN(?eh) AS ?hedged) (COUNT(DISTINCT ?doc) AS ?docs) (COUNT(DISTINCT ?source) AS ?sources)
                (COUNT(DISTINCT ?ev) AS ?pieces) WHERE {{
      VALUES ?f {{ {values} }}
      GRAPH ?g {{ ?ev ak:supports ?f }} GRAPH ?g {{ ?ev ak:hedged ?eh ; prov:wasDerivedFrom ?doc . }}
      OPTIONAL {{ GRAPH ?g2 {{ ?doc ak:source ?named }} }}
      BIND(COALESCE(?named, STR(?doc)) AS ?source)
  }} GROUP BY ?f }}
}} ;
INSERT {{ GRAPH {_FACTS} {{ ?f ak:firstSeen ?first . ?f ak:lastSeen ?last . }} }}
WHERE {{
  {{ SELECT ?f (MIN(?d) AS ?first) (MAX(?d) AS ?last) WHERE {{
      VALUES ?f {{ {values} }}
      GRAPH ?g {{ ?ev ak:supports ?f }} GRAPH ?g {{ ?ev prov:wasDerivedFrom ?doc }}
      GRAPH ?g2 {{ ?doc schema:datePublished ?d }}
  }} GROUP BY ?f }}
}} ;
INSERT {{ GRAPH {_FACTS} {{ ?f ak:eventDate ?event . }} }}
WHERE {{
  {{ SELECT ?f (MIN(?e) AS ?event) WHERE {{
      VALUES ?f {{ {values} }}
      GRAPH ?g {{ ?ev ak:supports ?f }} GRAPH ?g {{ ?ev ak:eventDate ?e }}
  }} GROUP BY ?f }}
}} ;
INSERT {{ GRAPH {_FACTS} {{ ?f ak:retracted true . }} }}
WHERE {{
  VALUES ?f {{ {values} }}
  GRAPH {_FACTS} {{ ?f ak:edgeType ?t }}
  {retracted('?f')}
}}"""


def _direct_triples(groups: list[FactGroup]) -> tuple[str, str]:
    """Return the operations that delete a group's direct triples, then write those its facts state.

    A directed fact states its type's property and the pair property both ways; an
    undirected fact (and a symmetric one) only the pair property, both ways.
    """
    old: list[str] = []
    rows: list[str] = []
    for g in groups:
        spec = g.type.spec
        prop, pair = ak(spec.rdf_property), ak(spec.rdf_pair_property)
        a, b = state_node(g.first), state_node(g.second)
        old.extend(f"{x} {p} {y} ." for p in dict.fromkeys((prop, pair)) for x, y in ((a, b), (b, a)))
        rows.extend(_terms(node, prop, pair) for node in (g.forward, g.backward) if node is not None)
        rows.append(_terms(g.undirected, pair, pair))
    return (f"DELETE DATA {{ GRAPH {_FACTS} {{ {' '.join(old)} }} }}", f"""
INSERT {{ GRAPH {_FACTS} {{ ?s ?p ?o . ?s ?w ?o . ?o ?w ?s . }} }}
WHERE {{
  VALUES (?f ?p ?w) {{ {' '.join(rows)} }}
  GRAPH {_FACTS} {{ ?f ak:subject ?s ; ak:object ?o . }}
  FILTER EXISTS {{ GRAPH ?g {{ ?ev ak:supports ?f }} }}
  FILTER NOT EXISTS {{ GRAPH {_FACTS} {{ ?f ak:retracted true }} }}
}}""")


def _remove_orphans(nodes: list[NamedNode]) -> str:
    values = " ".join(str(n) for n in nodes)
    return f"""
DELETE {{ GRAPH {_FACTS} {{ ?f ?p ?o }} }}
WHERE {{
  VALUES ?f {{ {values} }}
  GRAPH {_FACTS} {{ ?f ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?ev ak:supports ?f }} }}
}}"""


def flag_evidence_direction() -> str:
    """Return an operation that flags each unflagged piece of fact evidence with its fact's ``ak:directed``.

    Evidence written before the flag existed stated what its fact states, so the fact's own
    flag is the sentence's.
    """
    return f"""
INSERT {{ GRAPH ?g {{ ?ev ak:directed ?d }} }}
WHERE {{
  GRAPH ?g {{ ?ev ak:supports ?f }} GRAPH {_FACTS} {{ ?f ak:directed ?d }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?ev ak:directed ?any }} }}
}}"""


def drop_graph(graph: NamedNode) -> str:
    """Return an operation that drops a named graph, whether or not it exists."""
    return f"DROP SILENT GRAPH {graph}"


def delete_article(article_id: str) -> str:
    """Return an operation that drops an article's graph (its text and evidence)."""
    return drop_graph(NamedNode(ns.article_graph(article_id)))


def request(*operations: str) -> str:
    """Join operations into one Update request with the project's prefixes."""
    body = " ;\n".join(op.strip().rstrip(";") for op in operations if op.strip())
    return f"{_PREFIXES}\n{body}"

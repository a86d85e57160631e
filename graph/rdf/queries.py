"""Every SPARQL query the library sends to its store, by name, with its parameters.

Writes are :mod:`alignkg.graph.rdf.updates`; everything the library reads is here, so a
change of the RDF model, a benchmark of the library's reads (docs/decisions/
20261207-one-module-of-queries.md) or a port to a remote store has one module to look at.
A :class:`Query` is constant text with ``$name`` placeholders; :meth:`Query.bind` fills
them with pyoxigraph terms (a :class:`~pyoxigraph.NamedNode` or :class:`~pyoxigraph.Literal`,
whose ``str()`` is escaped N-Triples), lists of terms (a ``VALUES`` row), or a whole number
(``LIMIT``), and refuses anything else: no text from outside reaches a query by pasting.
Queries whose shape depends on filters (the fact listing, the analysis views, the curation
records) are composed here from named fragments, each bound the same way.

This module must not run queries or read results: the callers do
(:mod:`alignkg.graph.kg`, :mod:`alignkg.graph.rdf.export`, :mod:`alignkg.graph.rdf.events`,
:mod:`alignkg.graph.analysis.views`), and results become Python through
:func:`alignkg.graph.rdf.reader.to_python` alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode

from alignkg.graph import namespace as ns
from alignkg.graph.ontology import SPECS, EdgeType
from alignkg.graph.rdf.curation import CLASSES
from alignkg.graph.rdf.facts import DateBasis, FactFilter
from alignkg.graph.rdf.mapping import ak, boolean, date, integer

#: What a placeholder may be bound to: a term, the terms of a ``VALUES`` row, or a whole number (``LIMIT``).
Param = NamedNode | Literal | Iterable[NamedNode | Literal] | int

_PLACEHOLDER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def _render(name: str, value: Param) -> str:
    """Return a parameter's value as SPARQL text; only terms and whole numbers are accepted."""
    if isinstance(value, NamedNode | Literal):
        return str(value)
    if isinstance(value, bool) or not isinstance(value, int | Iterable) or isinstance(value, str | bytes):
        raise TypeError(f"query parameter ${name} must be a pyoxigraph NamedNode or Literal, a list of them or an "
                        f"int, not {type(value).__name__}")
    if isinstance(value, int):
        return str(int(value))
    terms = list(value)
    for term in terms:
        if not isinstance(term, NamedNode | Literal):
            raise TypeError(f"query parameter ${name} holds a {type(term).__name__}, not a pyoxigraph term")
    return " ".join(str(t) for t in terms)


@dataclass(frozen=True, slots=True)
class Query:
    r"""A named SPARQL text whose ``$name`` placeholders are filled by :meth:`bind`.

    Example:
        >>> ARTICLE_TEXT_HASH.params
        ('graph',)
        >>> print(Query("demo", "ASK { $s ?p $o }").bind(s=NamedNode("https://example.org/a"), o=Literal('x" }')))
        ASK { <https://example.org/a> ?p "x\" }" }
        >>> Query("demo", "ASK { $s ?p ?o }").bind(s="https://example.org/a")
        Traceback (most recent call last):
        ...
        TypeError: query parameter $s must be a pyoxigraph NamedNode or Literal, a list of them or an int, not str
    """

    name: str
    text: str

    @property
    def params(self) -> tuple[str, ...]:
        """The names of the placeholders, in order of first use."""
        return tuple(dict.fromkeys(_PLACEHOLDER.findall(self.text)))

    def bind(self, **values: Param) -> str:
        """Return the query text with every placeholder replaced by its value.

        Raises:
            TypeError: a placeholder without a value, a value without a placeholder, or a value
                that is not a term, a list of terms or an int.
        """
        missing = [p for p in self.params if p not in values]
        extra = [v for v in values if v not in self.params]
        if missing or extra:
            raise TypeError(f"query {self.name!r} takes {', '.join(self.params) or 'no parameters'}; "
                            f"missing {missing}, unknown {extra}")
        rendered = {name: _render(name, value) for name, value in values.items()}
        return _PLACEHOLDER.sub(lambda m: rendered[m.group(1)], self.text)


def _query(name: str, text: str) -> Query:
    query = Query(name, text)
    QUERIES[name] = query
    return query


#: Every named query, by name (the composed ones are built from the fragments below).
QUERIES: dict[str, Query] = {}

# --- the store's set-up ------------------------------------------------------------------------------
HAS_STATES = _query("has_states", "ASK { GRAPH $graph { ?s a ak:State } }")
HAS_ACTIVITY = _query("has_activity", "ASK { $activity ?p ?o }")
GRAPH_TRIPLES = _query("graph_triples", "SELECT ?s ?p ?o WHERE { GRAPH $graph { ?s ?p ?o } }")
HAS_FACTS = _query("has_facts", "ASK { GRAPH ?g { ?f ak:edgeType ?t } }")
HAS_ARTICLES = _query("has_articles", "ASK { ?a a schema:NewsArticle }")

# --- what writes need to know ------------------------------------------------------------------------
ARTICLE_TEXT_HASH = _query("article_text_hash", "SELECT ?h WHERE { GRAPH $graph { ?a ak:textHash ?h } }")
ALL_FACT_GROUPS = _query("all_fact_groups",
                         "SELECT ?s ?t ?o WHERE { GRAPH ?g { ?f ak:subject ?s ; ak:edgeType ?t ; ak:object ?o } }")
ALL_CLAIMS = _query("all_claims", "SELECT DISTINCT ?c WHERE { ?c a ak:Claim }")
ARTICLE_FACT_GROUPS = _query("article_fact_groups", """SELECT DISTINCT ?s ?t ?o WHERE {
    GRAPH $graph { ?e ak:supports ?target } ?target ak:subject ?s ; ak:edgeType ?t ; ak:object ?o }""")
ARTICLE_CLAIMS = _query("article_claims",
                        "SELECT DISTINCT ?target WHERE { GRAPH $graph { ?e ak:supports ?target } ?target a ak:Claim }")
ARTICLE_TEXT_HASHES = _query("article_text_hashes", """SELECT ?g ?h WHERE { VALUES ?g { $graphs }
    GRAPH ?g { ?a ak:textHash ?h } }""")
#: What a batch ingest reads before it derives values in Python (:mod:`alignkg.graph.rdf.derivation`): the
#: evidence that supports some resources, with its flags and its document's date and source (one pattern per
#: property: a ``VALUES ?p`` over ``?s ?p ?o`` is planned as a scan, 100x slower); the facts-graph quads of
#: the resources; which of them an analyst's retraction holds.
DERIVATION_EVIDENCE = _query("derivation_evidence", """SELECT ?s ?g ?f ?h ?d ?e ?doc ?date ?src WHERE {
    VALUES ?f { $nodes }
    GRAPH ?g { ?s ak:supports ?f }
    OPTIONAL { GRAPH ?g { ?s ak:hedged ?h } } OPTIONAL { GRAPH ?g { ?s ak:directed ?d } }
    OPTIONAL { GRAPH ?g { ?s ak:eventDate ?e } }
    OPTIONAL { GRAPH ?g { ?s prov:wasDerivedFrom ?doc }
               OPTIONAL { GRAPH ?g1 { ?doc schema:datePublished ?date } }
               OPTIONAL { GRAPH ?g2 { ?doc ak:source ?src } } } }""")
DERIVATION_FACTS = _query("derivation_facts", """SELECT ?s ?p ?o WHERE { VALUES ?s { $nodes }
    GRAPH $graph { ?s ?p ?o } }""")
DERIVATION_RETRACTED = _query("derivation_retracted", """SELECT DISTINCT ?f WHERE { VALUES ?f { $nodes }
    GRAPH $curation { ?r ak:concerns ?f ; a ak:Retraction }
    FILTER NOT EXISTS { GRAPH $curation { ?v ak:reverts ?r } } }""")
FACT_GROUP = _query("fact_group", """SELECT ?s ?t ?o WHERE { GRAPH $graph { VALUES ?f { $fact }
    ?f ak:subject ?s ; ak:edgeType ?t ; ak:object ?o } }""")

# --- facts: one listing, filtered (kg.facts, count_facts, fact, the filtered export, the events table) ---
#: The derived values a Fact carries; after the patterns that select facts (OPTIONAL is not reordered).
DERIVED = """OPTIONAL { ?f ak:articleCount ?na } OPTIONAL { ?f ak:sourceCount ?ns }
            OPTIONAL { ?f ak:evidenceCount ?ne }
            OPTIONAL { ?f ak:firstSeen ?first } OPTIONAL { ?f ak:lastSeen ?last }
            OPTIONAL { ?f ak:eventDate ?event } OPTIONAL { ?f ak:retracted ?r }"""
#: A fact's type and the keys its states sort by: their ISO codes (short literals, which pyoxigraph
#: compares and returns without reading the long IRI strings back from disk, a third of the cost
#: of a fact listing), or the IRI itself for a state the reference graph lacks.
#: It comes after the patterns and filters that select the facts: OPTIONAL and BIND are not reordered.
KEYS = """OPTIONAL { ?s ak:iso3 ?sc } OPTIONAL { ?o ak:iso3 ?oc }
            BIND(COALESCE(?sc, STR(?s)) AS ?sk) BIND(COALESCE(?oc, STR(?o)) AS ?ok)"""
#: The columns of a fact listing, read by :func:`alignkg.graph.rdf.facts.fact_of`.
COLUMNS = "?f ?sk ?ok ?t ?h ?d ?first ?last ?event ?na ?ns ?ne ?r"
#: The facts after a cursor fact in the listing's order (type, subject, object).
_AFTER = Query("after", "FILTER(?t > $t || (?t = $t && (?sk > $sk || (?sk = $sk && ?ok > $ok))))")
#: The facts of a page, by IRI, with every value a Fact carries (unordered; read with ``fact_of(row, "s", "o")``).
FACTS_OF = _query("facts_of", f"""SELECT ?f ?s ?o ?t ?h ?d ?first ?last ?event ?na ?ns ?ne ?r WHERE {{
    VALUES ?f {{ $facts }} ?f ak:subject ?s ; ak:object ?o ; ak:edgeType ?t ; ak:hedged ?h ; ak:directed ?d .
    {DERIVED} }}""")
#: Every fact that is not retracted with every value a Fact carries, unordered (``fact_of(row, "s", "o")``): the
#: whole graph for ``kg.to_networkx()``. Sorted in Python: the store's ``ORDER BY`` of the listing, one query per
#: type, took most of the time (docs/decisions/20261207-response-cache.md, "to_networkx").
ALL_FACTS = _query("all_facts", f"""SELECT ?f ?s ?o ?t ?h ?d ?first ?last ?event ?na ?ns ?ne ?r WHERE {{
    ?f ak:subject ?s ; ak:object ?o ; ak:edgeType ?t ; ak:hedged ?h ; ak:directed ?d .
    {DERIVED} FILTER(!BOUND(?r)) }}""")
FACT_KEYS = _query("fact_keys", f"""SELECT ?t ?sk ?ok WHERE {{ VALUES ?f {{ $fact }}
    ?f ak:subject ?s ; ak:object ?o ; ak:edgeType ?t . {KEYS} }}""")


def _state(code: str) -> NamedNode:
    return NamedNode(ns.state_iri(code))


#: The derived values a filter reads, by what it reads them for: a lean query (a count, the keys of a
#: listing) joins only these, as every OPTIONAL costs one lookup per matching fact (a count of one
#: state's facts took 244 ms with all of :data:`DERIVED` at 100k facts, 30 ms with only ``?r``).
_RETRACTED = "OPTIONAL { ?f ak:retracted ?r }"
_SEEN = "OPTIONAL { ?f ak:firstSeen ?first } OPTIONAL { ?f ak:lastSeen ?last }"
_EVENT = "OPTIONAL { ?f ak:eventDate ?event }"
_SOURCES = "OPTIONAL { ?f ak:sourceCount ?ns }"


def _needed(f: FactFilter) -> list[str]:
    """Return the OPTIONALs of :data:`DERIVED` that the filters of ``f`` read."""
    needed = []
    if f.since is not None or f.until is not None:
        needed.append(_EVENT if f.date is DateBasis.EVENT else _SEEN)
    if f.min_sources is not None:
        needed.append(_SOURCES)
    if not f.retracted:
        needed.append(_RETRACTED)
    return needed


def _states(f: FactFilter) -> tuple[str, str]:
    """Return the pattern binding ``?f``, its states and type ``?t``, and the BINDs of ``?s``, ``?o``.

    A state the filter gives is written in the pattern, where the store finds its facts through
    an index; as ``VALUES ?s { ... }`` the join cost 2-3x as much (16 against 6 ms for one
    state's 259 facts at 10k facts). The BINDs go after every pattern, which they would split.
    """
    params: dict[str, Param] = {}
    binds = []
    if f.subject is not None:
        params["s"] = _state(f.subject)
        binds.append("BIND($s AS ?s)")
    if f.object is not None:
        params["o"] = _state(f.object)
        binds.append("BIND($o AS ?o)")
    pattern = Query("states", f"?f ak:subject {'$s' if 's' in params else '?s'} ; "
                              f"ak:object {'$o' if 'o' in params else '?o'} ; ak:edgeType ?t .")
    binding = Query("state_binds", " ".join(binds))
    return (pattern.bind(**params),
            binding.bind(**{k: v for k, v in params.items() if k in binding.params}))


def fact_where(f: FactFilter, *, derived: bool = True) -> str:
    """Return the SPARQL that binds ``?f`` (and its states ``?s``, ``?o``, its type ``?t``) to the facts ``f`` keeps.

    With ``derived`` it also binds every value a :class:`Fact` carries (:data:`DERIVED`, ``?h``,
    ``?d``); without, only those the filters read, for a query that only counts or sorts the facts.

    Example:
        >>> "FILTER(?ns >= " in fact_where(FactFilter(min_sources=2))
        True
        >>> "firstSeen" in fact_where(FactFilter(subject="IRN"), derived=False)
        False
    """
    clauses = [] if f.fact is None else [Query("fact", "VALUES ?f { $f }").bind(f=f.fact)]
    pattern, binds = _states(f)
    clauses.append(pattern)
    if derived or f.hedged is not None:
        clauses.append("?f ak:hedged ?h ; ak:directed ?d .")
    if f.type is not None:
        clauses.append(Query("type", "?f a $cls .").bind(cls=ak(f.type.spec.rdf_class)))
    if f.quad_class is not None:
        members = [ak(s.rdf_class) for s in SPECS.values() if s.quad_class is f.quad_class]
        clauses.append(Query("quad_class", "?f a ?cls . VALUES ?cls { $classes }").bind(classes=members))
    if binds:
        clauses.append(binds)
    if f.state is not None:
        clauses.append(Query("state", "FILTER(?s = $x || ?o = $x)").bind(x=_state(f.state)))
    clauses.extend([DERIVED] if derived else _needed(f))
    late, early = ("?event", "?event") if f.date is DateBasis.EVENT else ("?last", "?first")
    if f.since is not None:
        clauses.append(Query("since", f"FILTER(BOUND({late}) && {late} >= $d)").bind(d=date(f.since)))
    if f.until is not None:
        clauses.append(Query("until", f"FILTER(BOUND({early}) && {early} <= $d)").bind(d=date(f.until)))
    if f.hedged is not None:
        clauses.append(Query("hedged", "FILTER(?h = $h)").bind(h=boolean(f.hedged)))
    if f.min_sources is not None:
        clauses.append(Query("min_sources", "FILTER(?ns >= $n)").bind(n=integer(f.min_sources)))
    if not f.retracted:
        clauses.append("FILTER(!BOUND(?r))")
    return "\n            ".join(clauses)


def facts(f: FactFilter, *, after: tuple[NamedNode | Literal, Literal, Literal] | None = None,
          limit: int | None = None) -> str:
    """Return the SELECT of the facts ``f`` keeps, ordered by (type, subject, object).

    ``after`` is the (type, subject key, object key) of a cursor fact, as :data:`FACT_KEYS` returns them.
    """
    cursor = "" if after is None else _AFTER.bind(t=after[0], sk=after[1], ok=after[2])
    text = f"""SELECT {COLUMNS} WHERE {{
            {fact_where(f)}
            {KEYS}
            {cursor}
        }} ORDER BY ?t ?sk ?ok"""
    return text if limit is None else Query("limit", text + " LIMIT $n").bind(n=int(limit))


def listing_types(f: FactFilter, *, after: tuple[NamedNode | Literal, Literal, Literal] | None = None
                  ) -> list[EdgeType | None]:
    """Return the edge types a listing of ``f`` goes through, in its order (the ids' order, as ``ORDER BY ?t``).

    A listing over all states sorts one type at a time (:func:`facts` with ``f.type`` set), so that
    no page sorts every fact (10x faster for the first page at 20k facts); ``after`` (a cursor's
    keys) skips the types before the cursor's. A listing of one state's facts (``subject``,
    ``object`` or ``state``) stays one query (``[None]``): each query per type would walk all the
    state's facts again, as the store finds them by state first.

    Example:
        >>> [t.value for t in listing_types(FactFilter())][:2]
        ['alliance', 'arms_transfer']
    """
    if f.type is None and (f.subject is not None or f.object is not None or f.state is not None):
        return [None]
    types = [f.type] if f.type is not None else sorted(EdgeType, key=lambda t: t.value)
    if f.quad_class is not None:
        types = [t for t in types if t.spec.quad_class is f.quad_class]
    if after is not None:
        types = [t for t in types if t.value >= after[0].value]
    return list(types)


def fact_count(f: FactFilter) -> str:
    """Return the query counting the facts ``f`` keeps (column ``n``), joining only what the filters read."""
    return f"SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE {{ {fact_where(f, derived=False)} }}"


def listing_keys(f: FactFilter) -> str:
    """Return the query of every fact ``f`` keeps with its listing keys (``?f ?t ?s ?o``), unordered.

    For a listing of one state's facts (:func:`listing_types` answers ``[None]``): its rows are
    sorted in Python and give the total, and only a page of them is then read whole
    (:data:`FACTS_OF`). An ``ORDER BY`` in the store evaluated every value of every match
    before it cut a page: 320 ms and 244 ms more for the total, against 76-140 ms for these
    keys and 33 ms for a page of 101, for one state's 1,305 facts at 100k facts.
    """
    return f"SELECT ?f ?t ?s ?o WHERE {{ {fact_where(f, derived=False)} }}"


def fact_ids(f: FactFilter) -> str:
    """Return the query of the IRIs (column ``f``) of the facts ``f`` keeps, for a filtered export."""
    return f"SELECT ?f WHERE {{ {fact_where(f)} }}"


def event_rows(f: FactFilter) -> str:
    """Return the SELECT of the facts ``f`` keeps with each piece of their evidence, the chosen one first per fact."""
    return f"""SELECT {COLUMNS} ?text ?url ?pub ?id ?start WHERE {{
            {fact_where(f)}
            {KEYS}
            OPTIONAL {{ ?ev ak:supports ?f ; ak:sentence ?text ; prov:wasDerivedFrom ?doc .
                       ?doc schema:identifier ?id .
                       OPTIONAL {{ ?doc schema:url ?url }} OPTIONAL {{ ?doc schema:datePublished ?pub }}
                       OPTIONAL {{ ?ev oa:hasTarget/oa:hasSelector ?p . ?p oa:start ?start }} }}
        }} ORDER BY ?t ?sk ?ok ?f (COALESCE(STR(?pub), "9999")) ?id ?start"""


# --- evidence, claims, states, articles ---------------------------------------------------------------
#: The evidence of a fact or claim; columns read by ``kg._evidence_of``.
EVIDENCE = _query("evidence", """SELECT ?id ?text ?start ?end ?event ?by WHERE {
    ?ev ak:supports $target ; ak:sentence ?text ; prov:wasDerivedFrom ?a ; oa:hasTarget ?t .
    ?a schema:identifier ?id .
    ?t oa:hasSelector ?p . ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
    OPTIONAL { ?ev ak:eventDate ?event }
    OPTIONAL { ?ev prov:wasGeneratedBy ?by . ?by a ak:Assertion }
} ORDER BY ?id ?start""")
#: The evidence of several facts (``?target``), unordered: a page of facts takes one query for all of
#: its evidence, sorted (as :data:`EVIDENCE`) and cut per fact by the caller.
EVIDENCE_OF = _query("evidence_of", """SELECT ?target ?id ?text ?start ?end ?event ?by WHERE {
    VALUES ?target { $targets }
    ?ev ak:supports ?target ; ak:sentence ?text ; prov:wasDerivedFrom ?a ; oa:hasTarget ?t .
    ?a schema:identifier ?id .
    ?t oa:hasSelector ?p . ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
    OPTIONAL { ?ev ak:eventDate ?event }
    OPTIONAL { ?ev prov:wasGeneratedBy ?by . ?by a ak:Assertion }
}""")
CLAIMS = _query("claims", """SELECT ?c (GROUP_CONCAT(DISTINCT STR(?m)) AS ?members)
                   (GROUP_CONCAT(DISTINCT STR(?cl)) AS ?claimants)
    WHERE { ?c a ak:Claim ; ak:member ?m . OPTIONAL { ?ev ak:supports ?c ; ak:claimant ?cl } } GROUP BY ?c""")
#: The facts each state is the subject of, and the object of: two one-pattern GROUP BYs. Only a fact has
#: ``ak:subject`` (and it always has ``ak:edgeType``): joining the type as well, or a UNION of both sides
#: with BINDs summed, took 60-150x as long at 20k facts (355 and 810 ms against 5.6 ms).
STATE_SUBJECT_COUNTS = _query("state_subject_counts",
                              "SELECT ?x (COUNT(*) AS ?n) WHERE { ?f ak:subject ?x } GROUP BY ?x")
STATE_OBJECT_COUNTS = _query("state_object_counts",
                             "SELECT ?x (COUNT(*) AS ?n) WHERE { ?f ak:object ?x } GROUP BY ?x")
#: A state's facts (not retracted) with their evidence, in (type, subject, object, article, offset) order.
STATE_EDGES = _query("state_edges", f"""SELECT * WHERE {{
    {{ ?f ak:subject $state ; ak:object ?o . BIND($state AS ?s) }}
    UNION {{ ?f ak:object $state ; ak:subject ?s . BIND($state AS ?o) }}
    ?f ak:edgeType ?t ; ak:hedged ?h ; ak:directed ?d .
    {DERIVED} FILTER(!BOUND(?r))
    OPTIONAL {{ ?ev ak:supports ?f ; ak:sentence ?text ; prov:wasDerivedFrom ?a ; oa:hasTarget ?tg .
               ?a schema:identifier ?id . ?tg oa:hasSelector ?p .
               ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
               OPTIONAL {{ ?ev ak:eventDate ?ed }}
               OPTIONAL {{ ?ev prov:wasGeneratedBy ?by . ?by a ak:Assertion }} }}
}} ORDER BY ?t ?s ?o ?id ?start""")
ARTICLE = _query("article", """SELECT ?text ?title ?url ?date ?publisher WHERE { GRAPH $graph {
    ?a schema:text ?text .
    OPTIONAL { ?a schema:headline ?title } OPTIONAL { ?a schema:url ?url }
    OPTIONAL { ?a schema:datePublished ?date } OPTIONAL { ?a schema:publisher/schema:name ?publisher }
} }""")
ARTICLE_IDS = _query("article_ids",
                     "SELECT ?id WHERE { ?a a schema:NewsArticle ; schema:identifier ?id } ORDER BY ?id")

# --- counts (kg.stats) ---------------------------------------------------------------------------------
FACTS_BY_TYPE = _query("facts_by_type", """SELECT ?t (COUNT(?f) AS ?n)
    WHERE { ?f ak:edgeType ?t FILTER NOT EXISTS { ?f ak:retracted true } } GROUP BY ?t ORDER BY ?t""")
RESOURCE_COUNTS = _query("resource_counts", """SELECT
    (COUNT(DISTINCT ?a) AS ?articles) (COUNT(DISTINCT ?c) AS ?claims) (COUNT(DISTINCT ?e) AS ?evidence)
    WHERE { { ?a a schema:NewsArticle } UNION { ?c a ak:Claim } UNION { ?e a ak:Evidence } }""")
CURATION_COUNTS = _query("curation_counts", """SELECT
    (COUNT(DISTINCT ?f) AS ?retracted) (COUNT(DISTINCT ?r) AS ?curations)
    WHERE { { ?f ak:retracted true } UNION { ?r a ak:Curation } }""")

# --- curation records ---------------------------------------------------------------------------------
_RECORDS = """SELECT ?r ?cls ?f ?by ?at ?reason ?key ?url ?sentence ?reverts ?undone WHERE {
  GRAPH $graph {
    %s
    ?r a ak:Curation ; a ?cls ; ak:concerns ?f ; prov:wasAssociatedWith ?agent ; prov:endedAtTime ?at .
    ?agent rdfs:label ?by .
    VALUES ?cls { $classes }
    OPTIONAL { ?r ak:reason ?reason } OPTIONAL { ?r ak:apiKey ?key } OPTIONAL { ?r schema:url ?url }
    OPTIONAL { ?r ak:sentence ?sentence } OPTIONAL { ?r ak:reverts ?reverts }
    OPTIONAL { ?undone ak:reverts ?r }
  }
} ORDER BY ?at ?r"""
#: Every record, oldest first, with the reversal that undid it if any.
RECORDS = _query("records", _RECORDS % "")
#: The records on one fact (its reversals included).
RECORDS_OF_FACT = _query("records_of_fact", _RECORDS % "VALUES ?f { $fact }")
#: One record, by its IRI.
RECORD = _query("record", _RECORDS % "VALUES ?r { $record }")


def records(*, fact: NamedNode | None = None, record: NamedNode | None = None) -> str:
    """Return the SELECT of the records on ``fact``, of one ``record``, or all; read by ``curation.record_of``."""
    common: dict[str, Param] = {"graph": NamedNode(ns.CURATION_GRAPH), "classes": [ak(c) for c in CLASSES.values()]}
    if record is not None:
        return RECORD.bind(record=record, **common)
    if fact is not None:
        return RECORDS_OF_FACT.bind(fact=fact, **common)
    return RECORDS.bind(**common)


# --- the analysis views -------------------------------------------------------------------------------
#: The pattern that binds a fact and its two states; scopes put VALUES before it or wrap it in a UNION.
_MATCH = "?f ak:subject ?s ; ak:object ?o ."
#: Every fact of the scope with what the analysis needs of it. The quad class comes from the ontology,
#: by edge type, in Python: joining a VALUES table of it in the query makes Oxigraph plan a scoped
#: query from the table (6x slower at 20k facts).
_VIEW = """SELECT ?f ?s ?o ?t ?h ?d ?first ?last (COUNT(DISTINCT ?ev) AS ?n) WHERE {
        %s
        ?f ak:edgeType ?t ; ak:hedged ?h ; ak:directed ?d .
        FILTER(?s != ?o)
        FILTER NOT EXISTS { ?f ak:retracted true }
        OPTIONAL { ?f ak:firstSeen ?first } OPTIONAL { ?f ak:lastSeen ?last }
        %s
        OPTIONAL { ?ev ak:supports ?f }
    } GROUP BY ?f ?s ?o ?t ?h ?d ?first ?last"""
_SCOPES = {
    "all": _MATCH,
    "among": f"VALUES ?s {{ $states }} VALUES ?o {{ $states }} {_MATCH}",
    "bloc": (f"{{ VALUES ?s {{ $states }} VALUES ?o {{ $states }} {_MATCH} }} UNION "
             "{ VALUES ?o { $states } ?f ak:object ?o ; a $strike ; ak:subject ?s . }"),
    "around": ("{ ?f ak:subject $state ; ak:object ?o . BIND($state AS ?s) } UNION "
               "{ ?f ak:object $state ; ak:subject ?s . BIND($state AS ?o) }"),
}
_WINDOWS = {(False, False): "", (True, False): "FILTER(BOUND(?last) && ?last >= $since)",
            (False, True): "FILTER(BOUND(?first) && ?first <= $until)",
            (True, True): "FILTER(BOUND(?last) && ?last >= $since) FILTER(BOUND(?first) && ?first <= $until)"}
#: One query per scope and window of a view (``view_all``, ``view_among_since``...).
VIEWS = {(scope, window): _query("_".join(["view", scope, *(["since"] if window[0] else []),
                                                     *(["until"] if window[1] else [])]),
                                 _VIEW % (text, _WINDOWS[window]))
         for scope, text in _SCOPES.items() for window in _WINDOWS}


def view(scope: str, *, states: Iterable[str] = (), state: str | None = None, since: Literal | None = None,
         until: Literal | None = None) -> str:
    """Return the query of an analysis view of one scope, in a window of dates.

    The scope is ``all`` facts, those ``among`` or around a ``bloc`` of ``states``, or ``around``
    one ``state`` (codes); the window keeps facts last seen on or after ``since`` and first seen
    on or before ``until``.
    """
    params: dict[str, Param] = {}
    if scope in ("among", "bloc"):
        params["states"] = [_state(c) for c in sorted(states)]
    if scope == "bloc":
        params["strike"] = ak(EdgeType.MILITARY_STRIKE.spec.rdf_class)
    if scope == "around" and state is not None:
        params["state"] = _state(state)
    if since is not None:
        params["since"] = since
    if until is not None:
        params["until"] = until
    return VIEWS[scope, (since is not None, until is not None)].bind(**params)


# --- the filtered export: the quads that audit a selection of facts -----------------------------------
#: The (class, property) pairs whose direct triples belong to a fact: its type's own property and pair property.
_PAIRS = [f"({ak(s.rdf_class)} {ak(p)})" for s in SPECS.values() for p in dict.fromkeys((s.rdf_property,
                                                                                          s.rdf_pair_property))]
#: The other orientation: only the pair property (the type's own property that way is another fact's).
_PAIR_ONLY = [f"({ak(s.rdf_class)} {ak(s.rdf_pair_property)})" for s in SPECS.values()]
FACT_QUADS = _query("fact_quads", f"""SELECT DISTINCT ?s ?p ?o ?g WHERE {{ VALUES ?f {{ $facts }}
    {{ GRAPH ?g {{ ?f ?p ?o }} BIND(?f AS ?s) }}
    UNION {{ GRAPH ?g {{ ?s ak:supports ?f ; ?p ?o }} }}
    UNION {{ GRAPH ?g {{ ?ev ak:supports ?f ; oa:hasTarget ?s . ?s ?p ?o }} }}
    UNION {{ GRAPH ?g {{ ?ev ak:supports ?f ; oa:hasTarget ?t . ?t oa:hasSelector ?s . ?s ?p ?o }} }}
    UNION {{ GRAPH ?g {{ ?f ak:subject ?s ; ak:object ?o ; a ?cls }} VALUES (?cls ?p) {{ {" ".join(_PAIRS)} }}
            GRAPH ?g {{ ?s ?p ?o }} }}
    UNION {{ GRAPH ?g {{ ?f ak:subject ?o ; ak:object ?s ; a ?cls }} VALUES (?cls ?p) {{ {" ".join(_PAIR_ONLY)} }}
            GRAPH ?g {{ ?s ?p ?o }} }}
}}""")
FACT_SOURCES = _query("fact_sources", """SELECT DISTINCT ?a ?x ?y WHERE { VALUES ?f { $facts }
    ?f ak:subject ?x ; ak:object ?y . OPTIONAL { ?ev ak:supports ?f ; prov:wasDerivedFrom ?a } }""")
ARTICLE_QUADS = _query("article_quads", """SELECT DISTINCT ?s ?p ?o ?g WHERE { VALUES ?a { $articles }
    { GRAPH ?g { ?a ?p ?o } BIND(?a AS ?s) }
    UNION { GRAPH ?g { ?a schema:publisher ?s . ?s ?p ?o } } }""")
STATE_QUADS = _query("state_quads", """SELECT ?s ?p ?o ?g WHERE { VALUES ?s { $states }
    GRAPH ?g { ?s ?p ?o } FILTER(?g = $graph) }""")
ACTIVITY_QUADS = _query("activity_quads",
                        "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s a prov:Activity ; ?p ?o } FILTER(?g = $graph) }")
GRAPH_QUADS = _query("graph_quads", "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g = $graph) }")

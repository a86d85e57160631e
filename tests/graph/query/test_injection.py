"""Hostile input cannot change what a compiled pattern query does.

Every payload is either refused (QuerySyntaxError, UnknownStateError,
UnknownEdgeTypeError) or, where a value legitimately reaches SPARQL, proven inert: the
query still parses, runs read-only, and the store is unchanged. sparql_term, the one
door for values into SPARQL, is tested on its own.
"""

from __future__ import annotations

import datetime as dt

import pytest
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store

from alignkg.graph.errors import QuerySyntaxError, UnknownEdgeTypeError, UnknownStateError
from alignkg.graph.namespace import state_iri, vocab_iri
from alignkg.graph.query import compile_pattern, parse, sparql_term

REFUSED = (QuerySyntaxError, UnknownStateError, UnknownEdgeTypeError)

PAYLOADS = [
    '"',
    "}",
    "{",
    "\n",
    "\\",
    "'",
    "<",
    ">",
    "#",
    "?",
    "$",
    "} ; DROP ALL",
    "} ; DROP ALL ; {",
    '" } ; DROP ALL ; SELECT * { "',
    "IRN> } ; DROP ALL ; SELECT * WHERE { <x",
    "IRN}\nDROP ALL",
    'Iran\\" } DROP ALL #',
    "Iran\\",
    "Iran\\\\",
    "Iran\r\nDROP ALL",
    "Iran\u2028DROP ALL",
    "Iran\x00",
    "Ir\u0430n",  # Cyrillic a
    "イラン",
    "🇮🇷",
    "SERVICE <http://evil.example/> { ?s ?p ?o }",
    "LOAD <http://evil.example/data.ttl>",
    "INSERT DATA { <a> <b> <c> }",
    "2024-01-01\"^^<http://www.w3.org/2001/XMLSchema#date>) } DROP ALL #",
    "10 } DROP ALL",
    "x) || true || (?x",
]

TEMPLATES = [
    "?x trade {p}",           # bare state
    '?x trade "{p}"',         # quoted state
    "{p} trade ?x",
    '"{p}" -[any]-> ?x',
    "?x {p} IRN",             # edge type
    "?x trade|{p} IRN",
    "?x [{p}] IRN",           # quad class
    "?x -[{p}]-> IRN",
    "?{p} trade IRN",         # variable
    "?x trade IRN since {p}",
    "?x trade IRN until {p}",
    "?x trade IRN hedged {p}",
    "?x trade IRN limit {p}",
    "?x trade IRN order by {p}",
    "?x trade IRN order by ?x {p}",
    "?x trade IRN with {p}",
    "?x trade IRN # {p}",     # a comment: ignored up to the line break
]

SEED = """
<https://w3id.org/alignkg/graph/facts> {
  <https://w3id.org/alignkg/fact/f1> a <https://w3id.org/alignkg/ontology#Trade> ;
      <https://w3id.org/alignkg/ontology#subject> <https://w3id.org/alignkg/state/CHN> ;
      <https://w3id.org/alignkg/ontology#object> <https://w3id.org/alignkg/state/IRN> ;
      <https://w3id.org/alignkg/ontology#edgeType> "trade" ;
      <https://w3id.org/alignkg/ontology#hedged> false ;
      <https://w3id.org/alignkg/ontology#directed> true ;
      <https://w3id.org/alignkg/ontology#firstSeen> "2024-01-01"^^<http://www.w3.org/2001/XMLSchema#date> ;
      <https://w3id.org/alignkg/ontology#lastSeen> "2024-01-01"^^<http://www.w3.org/2001/XMLSchema#date> .
}
"""


@pytest.fixture
def store() -> Store:
    store = Store()
    store.load(input=SEED, format=RdfFormat.TRIG)
    return store


def _snapshot(store: Store) -> set[Quad]:
    return set(store)


def _refused_or_inert(text: str, gazetteer, store: Store) -> str:
    """Compile ``text``; if it compiles, run it and check nothing changed. Return what happened."""
    before = _snapshot(store)
    try:
        compiled = compile_pattern(text, gazetteer)
    except REFUSED:
        return "refused"
    rows = list(store.query(compiled.sparql, use_default_graph_as_union=True))  # raises if it does not parse
    assert _snapshot(store) == before
    for name in compiled.variables:
        assert name.removeprefix("_").replace("_", "").isalnum()
    for row in rows:
        compiled.decode(row)
    return "inert"


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("template", TEMPLATES)
def test_injection_payload_is_refused_or_inert(template, payload, gazetteer, store):
    text = template.replace("{p}", payload)
    outcome = _refused_or_inert(text, gazetteer, store)
    if outcome == "inert":
        # Only blanks, or what a comment swallows, get into an accepted query: the SPARQL is exactly
        # that of the query without the payload.
        without = compile_pattern(template.replace("{p}", ""), gazetteer).sparql
        assert compile_pattern(text, gazetteer).sparql == without


@pytest.mark.parametrize("payload", PAYLOADS)
def test_injection_payload_in_a_quoted_name_is_an_unknown_state_or_a_syntax_error(payload, gazetteer):
    text = '?x trade "' + payload.replace("\\", "\\\\").replace('"', '\\"') + '"'
    with pytest.raises(REFUSED) as info:
        compile_pattern(text, gazetteer)
    if "\n" not in payload and "\r" not in payload and payload.strip():
        # Properly escaped, the payload parses as a name and is refused as a state, naming it.
        assert info.type is UnknownStateError
        assert info.value.name == payload


@pytest.mark.parametrize("text", [
    "?x trade IRN } ; DROP ALL",
    "?x trade IRN . } DROP ALL { ?x trade IRN",
    "?x trade IRN\n} ; DROP ALL",
    "?x trade IRN limit 10 } DROP ALL",
    "?x trade IRN limit 1; DROP ALL",
    "?x trade <http://evil.example/>",
    "?x trade IRN FILTER(true)",
    "?x trade IRN UNION { ?s ?p ?o }",
    "?x trade IRN . ?x ?p ?o",
    "?x\ttrade\u00a0IRN",
])
def test_injection_sparql_syntax_in_the_pattern_is_a_syntax_error(text):
    with pytest.raises(QuerySyntaxError):
        parse(text)


@pytest.mark.parametrize(("name", "code"), [
    ('"Côte d\'Ivoire"', "CIV"),
    ("Türkiye", "TUR"),
    ('"São Tomé and Príncipe"', "STP"),
    ("Guinea-Bissau", "GNB"),
])
def test_injection_unicode_names_resolve_to_plain_iris(name, code, gazetteer, store):
    compiled = compile_pattern(f"?x trade {name}", gazetteer)
    assert f"<{state_iri(code)}>" in compiled.sparql
    assert name.strip('"') not in compiled.sparql
    assert _refused_or_inert(f"?x trade {name}", gazetteer, store) == "inert"


def test_injection_legitimate_values_reach_sparql_only_as_terms(gazetteer, store):
    text = '"the Kremlin" -[any]-> ?x since 2024-01-01 until 2025-06-30 hedged false order by ?x desc limit 7'
    compiled = compile_pattern(text, gazetteer)
    assert "<https://w3id.org/alignkg/state/RUS>" in compiled.sparql
    assert '"2024-01-01"^^<http://www.w3.org/2001/XMLSchema#date>' in compiled.sparql
    assert '"false"^^<http://www.w3.org/2001/XMLSchema#boolean>' in compiled.sparql
    assert "Kremlin" not in compiled.sparql
    assert compiled.sparql.endswith("LIMIT 7")
    assert _refused_or_inert(text, gazetteer, store) == "inert"


def test_injection_a_refused_query_leaves_the_store_unchanged(gazetteer, store):
    before = _snapshot(store)
    with pytest.raises(REFUSED):
        compile_pattern('?x trade "IRN\\" } ; DROP ALL ; {"', gazetteer)
    assert _snapshot(store) == before
    assert len(before) == 8


# sparql_term, the one door


NASTY_STRINGS = [
    "",
    '"',
    '""',
    "'",
    "\\",
    "\\\\",
    '\\"',
    "}",
    "} ; DROP ALL",
    '" } ; DROP ALL ; SELECT * { "',
    "line\nbreak",
    "carriage\rreturn",
    "tab\there",
    "nul\x00byte",
    "\u2028\u2029",
    "é ü 中文 🇮🇷",
    '"""',
    "'''",
    "<http://evil.example/>",
    "?x",
    "#comment",
]


@pytest.mark.parametrize("value", NASTY_STRINGS)
def test_injection_sparql_term_string_round_trips_through_a_query(value):
    store = Store()
    term = sparql_term(value)
    assert "\n" not in term and "\r" not in term
    rows = list(store.query("SELECT ?v WHERE { BIND(" + term + " AS ?v) }"))
    assert len(rows) == 1
    assert rows[0]["v"].value == value
    assert len(store) == 0


@pytest.mark.parametrize("value", NASTY_STRINGS)
def test_injection_sparql_term_string_in_a_triple_pattern_stays_one_term(value):
    store = Store()
    node = NamedNode("http://example.org/s")
    pred = NamedNode("http://example.org/p")
    store.add(Quad(node, pred, Literal(value)))
    query = "SELECT ?s WHERE { ?s " + sparql_term(pred) + " " + sparql_term(value) + " }"
    assert [row["s"] for row in store.query(query)] == [node]


@pytest.mark.parametrize("iri", [
    "http://example.org/a>b",
    "http://example.org/a b",
    "http://example.org/a\"b",
    "http://example.org/a{b}",
    "http://example.org/a\nb",
    "http://example.org/a\\b",
    "http://example.org/> } ; DROP ALL ; <x",
])
def test_injection_iris_with_breaking_characters_cannot_be_built(iri):
    with pytest.raises(ValueError):
        NamedNode(iri)


def test_injection_sparql_term_writes_each_kind():
    assert sparql_term(NamedNode(vocab_iri("Trade"))) == "<https://w3id.org/alignkg/ontology#Trade>"
    assert sparql_term(True) == '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>'
    assert sparql_term(0) == "0"
    assert sparql_term(-3) == "-3"
    assert sparql_term(dt.date(2025, 6, 30)) == '"2025-06-30"^^<http://www.w3.org/2001/XMLSchema#date>'
    assert sparql_term(Literal("x", language="en")) == '"x"@en'
    assert sparql_term("a\"b\\c\nd") == '"a\\"b\\\\c\\nd"'


@pytest.mark.parametrize("value", [1.5, None, object(), b"bytes", dt.datetime(2024, 1, 1, 12, 0), ["IRN"]])
def test_injection_sparql_term_refuses_other_types(value):
    with pytest.raises(TypeError):
        sparql_term(value)

"""The pattern language's parser: text -> syntax tree, and the errors it reports (no SPARQL here)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from alignkg.graph.errors import QuerySyntaxError, UnknownEdgeTypeError, UnknownStateError
from alignkg.graph.ontology import EdgeType, QuadClass
from alignkg.graph.query import (
    AnyEdge,
    EdgeClass,
    EdgeTypes,
    OrderKey,
    Pattern,
    Query,
    StateTerm,
    Variable,
    parse,
    resolve,
)
from alignkg.graph.query.parser import MAX_QUERY_LENGTH

EXAMPLES = [
    "?x arms_transfer IRN . ?x condemnation USA",
    "RUS -[energy_trade]-> ?y since 2024-01-01",
    "?a alliance ?b",
    "IRN -[any]-> ?y until 2025-06-30",
    '?x military_strike "Iran" hedged false',
    "?x arms_transfer RUS with evidence",
    "?x arms_transfer|military_support UKR",
    "?x [material_conflict] IRN",
    "?x arms_transfer RUS . not ?x condemnation RUS",
    "?x arms_transfer RUS limit 10",
    "?x arms_transfer RUS order by ?x",
    "IRN <-[arms_transfer]- ?x",
    '"the Kremlin" -[[verbal_conflict]]-> ?y',
    '"North Korea" alliance ?x .',
    "?x sanction IRN since 2024-01-01 until 2025-06-30 hedged true with evidence order by ?x desc limit 5",
    "?x arms_transfer RUS since 2024-01-01 date event min_sources 2 with dates with counts",
]


def T(*types: EdgeType) -> EdgeTypes:
    return EdgeTypes(types)


@pytest.mark.parametrize("text", EXAMPLES)
def test_parser_every_documented_example_parses(text):
    query = parse(text)
    assert isinstance(query, Query)
    assert query.patterns


def test_parser_conjunction_builds_two_patterns():
    query = parse("?x arms_transfer IRN . ?x condemnation USA")
    assert query.patterns == (
        Pattern(Variable("x"), T(EdgeType.ARMS_TRANSFER), StateTerm("IRN")),
        Pattern(Variable("x"), T(EdgeType.CONDEMNATION), StateTerm("USA")),
    )


def test_parser_arrow_forms_normalise_to_subject_edge_object():
    plain = parse("?x arms_transfer IRN").patterns
    assert parse("?x -[arms_transfer]-> IRN").patterns == plain
    assert parse("IRN <-[arms_transfer]- ?x").patterns == plain


def test_parser_modifiers_are_read():
    query = parse("?x sanction IRN since 2024-01-01 until 2025-06-30 hedged true with evidence "
                  "order by ?x desc limit 5")
    assert query.since == dt.date(2024, 1, 1)
    assert query.until == dt.date(2025, 6, 30)
    assert query.hedged is True
    assert query.with_evidence is True
    assert query.limit == 5
    assert query.order_by == (OrderKey(Variable("x"), descending=True),)


def test_parser_corroboration_modifiers_are_read():
    query = parse("?x arms_transfer RUS since 2024-01-01 date event min_sources 2 with dates with counts")
    assert (query.date, query.min_sources, query.with_dates, query.with_counts) == ("event", 2, True, True)
    assert parse("?x trade IRN DATE Seen").date == "seen" and parse("?x trade IRN").date == "seen"


@pytest.mark.parametrize("text,message", [
    ("?x trade IRN min_sources 2 min_sources 3", "'min_sources' is given twice"),
    ("?x trade IRN date published", "expected 'event', 'seen'"),
    ("?x trade IRN min_sources two", "expected a whole number"),
])
def test_parser_corroboration_modifier_errors(text, message):
    with pytest.raises(QuerySyntaxError, match=message):
        parse(text)


def test_parser_modifiers_come_in_any_order():
    assert parse("?x trade IRN limit 3 hedged false") == parse("?x trade IRN hedged false limit 3")


def test_parser_order_by_takes_several_keys():
    query = parse("?x trade ?y order by ?y desc, ?x asc")
    assert query.order_by == (OrderKey(Variable("y"), True), OrderKey(Variable("x"), False))


def test_parser_edge_alternatives_class_and_any():
    assert parse("?x arms_transfer|military_support UKR").patterns[0].edge == T(
        EdgeType.ARMS_TRANSFER, EdgeType.MILITARY_SUPPORT)
    assert parse("?x [material_conflict] IRN").patterns[0].edge == EdgeClass(QuadClass.MATERIAL_CONFLICT)
    assert parse("IRN -[any]-> ?y").patterns[0].edge == AnyEdge()


def test_parser_repeated_alternatives_are_kept_once():
    assert parse("?x trade|trade IRN").patterns[0].edge == T(EdgeType.TRADE)


def test_parser_edge_type_accepts_rdf_names():
    assert parse("?x ArmsTransfer IRN").patterns[0].edge == T(EdgeType.ARMS_TRANSFER)


def test_parser_negation_marks_the_pattern():
    first, second = parse("?x arms_transfer RUS . not ?x condemnation RUS").patterns
    assert (first.negated, second.negated) == (False, True)


def test_parser_quoted_names_and_escapes():
    assert parse('"North Korea" alliance ?x').patterns[0].subject == StateTerm("North Korea")
    assert parse(r'"a \"b\" \\ c" alliance ?x').patterns[0].subject == StateTerm('a "b" \\ c')


def test_parser_hyphenated_and_unicode_names_are_one_word():
    assert parse("Guinea-Bissau trade ?x").patterns[0].subject == StateTerm("Guinea-Bissau")
    assert parse("Türkiye trade ?x").patterns[0].subject == StateTerm("Türkiye")


def test_parser_keywords_are_case_insensitive():
    assert parse("?x trade IRN SINCE 2024-01-01 LIMIT 2 ORDER BY ?x DESC") == parse(
        "?x trade IRN since 2024-01-01 limit 2 order by ?x desc")
    assert parse("NOT ?x trade IRN . ?x sanction IRN").patterns[0].negated


def test_parser_keywords_are_names_where_no_keyword_fits():
    # "Not" as a subject would be the keyword; as an object it can only be a name.
    assert parse("?x trade Not").patterns[0].object == StateTerm("Not")
    assert parse("?x trade Any").patterns[0].object == StateTerm("Any")


def test_parser_spans_lines_and_skips_comments():
    query = parse("# who arms Iran\n?x arms_transfer IRN .   # and condemns the US\n?x condemnation USA\nlimit 3")
    assert len(query.patterns) == 2
    second = query.patterns[1]
    assert (second.line, second.column) == (3, 1)
    assert (second.object.line, second.object.column) == (3, 17)


def test_parser_positions_are_one_based():
    pattern = parse('?x military_strike "Iran"').patterns[0]
    assert (pattern.subject.column, pattern.edge.column, pattern.object.column) == (1, 4, 20)


def test_parser_variables_lists_positive_variables_once():
    query = parse("?x arms_transfer ?y . ?y alliance ?x . not ?x sanction ?z")
    assert [v.name for v in query.variables()] == ["x", "y"]


SYNTAX_ERRORS = [
    # text, line, column, words that must be among the expected ones
    ("?x arms_transfer", 1, 17, {"a state", "a variable"}),
    ("", 1, 1, {"a state", "a variable", "'not'"}),
    ("?x arms_transfer IRN sinse 2024-01-01", 1, 22, {"'.'", "'since'", "the end of the query"}),
    ("?x arms_transfer IRN since 2024", 1, 28, {"a date (YYYY-MM-DD)"}),
    ("?x arms_transfer IRN limit ten", 1, 28, {"a whole number"}),
    ("?x arms_transfer IRN hedged maybe", 1, 29, {"'true'", "'false'"}),
    ("?x -[arms_transfer] IRN", 1, 19, {"']->'", "'|'"}),
    ("?x $ IRN", 1, 4, {"an edge type", "'any'", "'['", "'-['"}),
    ("?x trade IRN .\n?y ; USA", 2, 4, {"an edge type"}),
    ("?x trade IRN . . ?y trade USA", 1, 16, {"a state", "a variable"}),
    ("?x [] IRN", 1, 5, {"a quad class"}),
    ("?x trade IRN order by x", 1, 23, {"a variable"}),
]


@pytest.mark.parametrize(("text", "line", "column", "words"), SYNTAX_ERRORS)
def test_parser_syntax_error_reports_line_column_and_expected_words(text, line, column, words):
    with pytest.raises(QuerySyntaxError) as info:
        parse(text)
    err = info.value
    assert (err.line, err.column) == (line, column)
    assert words <= set(err.expected)
    assert f"line {line}, column {column}" in str(err)
    assert err.context is not None and err.context.rstrip().endswith("^")


@pytest.mark.parametrize("text", [t for t, *_ in SYNTAX_ERRORS])
def test_parser_expected_words_never_show_token_ids(text):
    with pytest.raises(QuerySyntaxError) as info:
        parse(text)
    for word in info.value.expected:
        assert "__ANON" not in word and not re.fullmatch(r"[A-Z_$]+", word), word


def test_parser_context_points_at_the_problem():
    with pytest.raises(QuerySyntaxError) as info:
        parse("?x arms_transfer IRN sinse 2024-01-01")
    line, caret = info.value.context.splitlines()
    assert line == "?x arms_transfer IRN sinse 2024-01-01"
    assert caret.index("^") == line.index("sinse")


@pytest.mark.parametrize(("text", "fragment", "column"), [
    ("?x trade IRN since 2024-02-30", "'2024-02-30' is not a date", 20),
    ("?x trade IRN limit 3 limit 4", "'limit' is given twice", 22),
    ("?x trade IRN with evidence with evidence", "'with' is given twice", 28),
    ("not ?x trade IRN", "at least one pattern without 'not'", 1),
    ("?x trade IRN order by ?y", "cannot order by ?y", 23),
    ("?x trade IRN . not ?y trade ?x order by ?y", "cannot order by ?y", 41),
    ("?_x trade IRN", "reserved", 1),
    ("?x trade|any IRN", "'any' stands alone", 10),
    ('"" trade IRN', "quoted state name is empty", 1),
    ('?x trade "Iran', "quoted name must end", 10),
    ('?x trade "North\nKorea"', "quoted name must end", 10),
    (r'?x trade "Ir\an"', "quoted name must end", 10),
])
def test_parser_refuses_what_cannot_be_asked(text, fragment, column):
    with pytest.raises(QuerySyntaxError) as info:
        parse(text)
    assert fragment in str(info.value)
    assert info.value.column == column


def test_parser_refuses_overlong_queries():
    with pytest.raises(QuerySyntaxError, match="at most"):
        parse("?x trade IRN . " * (MAX_QUERY_LENGTH // 10))


def test_parser_unknown_edge_type_lists_accepted_ids_and_column():
    with pytest.raises(UnknownEdgeTypeError) as info:
        parse("?x arms_transfers IRN")
    err = info.value
    assert err.name == "arms_transfers"
    assert set(err.expected) == {t.value for t in EdgeType}
    message = str(err)
    assert "unknown edge type 'arms_transfers' at column 4" in message
    assert "did you mean arms_transfer?" in message
    assert all(t.value in message for t in EdgeType)


def test_parser_unknown_edge_type_in_arrow_and_alternatives():
    with pytest.raises(UnknownEdgeTypeError, match="'sanctions' at column 19"):
        parse("?x -[condemnation|sanctions]-> IRN")


def test_parser_unknown_quad_class_lists_the_classes():
    with pytest.raises(UnknownEdgeTypeError) as info:
        parse("?x [material] IRN")
    assert set(info.value.expected) == {c.value for c in QuadClass}
    assert "at column 5" in str(info.value)


@pytest.mark.parametrize(("name", "code"), [
    ("IRN", "IRN"), ("Iran", "IRN"), ('"North Korea"', "PRK"), ('"the Kremlin"', "RUS"), ("DPRK", "PRK"),
])
def test_parser_resolve_fills_codes_from_codes_names_and_aliases(gazetteer, name, code):
    query = resolve(parse(f"{name} alliance ?x"), gazetteer)
    assert query.patterns[0].subject.code == code
    assert query.patterns[0].subject.name == name.strip('"')


def test_parser_unknown_state_names_value_column_and_suggestions(gazetteer):
    with pytest.raises(UnknownStateError) as info:
        resolve(parse("?x sanction Iram"), gazetteer)
    err = info.value
    assert err.name == "Iram"
    assert "IRN Iran" in err.suggestions
    message = str(err)
    assert message.startswith("unknown state 'Iram' at column 13 (did you mean ")
    assert "IRN Iran" in message


def test_parser_unknown_state_on_a_later_line_gives_the_line(gazetteer):
    with pytest.raises(UnknownStateError, match="'Atlantis' at line 2, column 15"):
        resolve(parse("?x trade IRN .\n?x sanction   Atlantis"), gazetteer)


def test_parser_resolve_leaves_variables_and_positions(gazetteer):
    query = resolve(parse("?x sanction Iran"), gazetteer)
    assert query.patterns[0].subject == Variable("x")
    assert query.patterns[0].object.column == 13

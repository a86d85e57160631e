"""Parsing of the pattern language: query text -> :mod:`alignkg.graph.query.ast`, with errors a person can act on.

The grammar is ``grammar.lark`` next to this module, read through :mod:`alignkg.graph.resources`
(LALR, positions propagated); a lark :class:`~lark.Transformer` with one method per rule
builds the syntax tree, and a rule it does not know raises. Edge types and quad classes
are checked here, against :mod:`alignkg.graph.ontology`; states are names until
:func:`resolve` asks the gazetteer for their codes. Lark's errors never escape: they
become :class:`QuerySyntaxError` with the line, column, what was expected (in words, not
token ids) and the offending spot.
This module builds no SPARQL.
"""

from __future__ import annotations

import datetime as dt
import difflib
import sys
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import Any

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken, VisitError
from lark.lexer import PatternStr
from lark.tree import Meta

from alignkg.graph.errors import AlignkgError, QuerySyntaxError, UnknownEdgeTypeError, UnknownStateError
from alignkg.graph.gazetteer import Gazetteer
from alignkg.graph.ontology import EdgeType, QuadClass
from alignkg.graph.query.ast import (
    AnyEdge,
    Edge,
    EdgeClass,
    EdgeTypes,
    OrderKey,
    Pattern,
    Query,
    StateTerm,
    Term,
    Variable,
)
from alignkg.graph.resources import grammar_text

#: Longer queries are refused before parsing; a pattern query is a line or two.
MAX_QUERY_LENGTH = 10_000

#: What each named terminal is, for "expected ..." lists. Keywords and punctuation are
#: quoted from the grammar itself; the order here is the order they are listed in.
_TERMINAL_WORDS: dict[str, str] = {
    "STATE_NAME": "a state",
    "STRING": "a state",
    "VAR": "a variable",
    "NOT": "'not'",
    "EDGE_NAME": "an edge type",
    "ANY": "'any'",
    "CLASS_NAME": "a quad class",
    "DATE": "a date (YYYY-MM-DD)",
    "INT": "a whole number",
    "TRUE": "'true'",
    "FALSE": "'false'",
}
_END = "$END"


@lru_cache(maxsize=1)
def _parser() -> Lark:
    """Return the LALR parser of ``grammar.lark``, built on first use."""
    return Lark(grammar_text(), parser="lalr", propagate_positions=True)


def parse(text: str) -> Query:
    """Return the syntax tree of a pattern query; states stay unresolved names.

    Args:
        text: the query, e.g. ``?x arms_transfer IRN . not ?x condemnation RUS limit 10``.

    Returns:
        The :class:`~alignkg.graph.query.ast.Query`, with arrow forms normalised to subject-edge-object.

    Raises:
        QuerySyntaxError: the text does not parse, a date is not a date, a modifier is
            given twice, no pattern is positive, or ``order by`` names a variable no
            positive pattern binds.
        UnknownEdgeTypeError: an edge type or quad class the ontology does not have.

    Example:
        >>> q = parse('IRN <-[arms_transfer]- ?x since 2024-01-01')
        >>> q.patterns[0].subject.name, q.patterns[0].object.name, q.since
        ('x', 'IRN', datetime.date(2024, 1, 1))
        >>> parse("?x alliance")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        alignkg.graph.errors.QuerySyntaxError: unexpected end of query at line 1, column 12; expected a state, ...
        ?x alliance
                   ^
    """
    if len(text) > MAX_QUERY_LENGTH:
        raise QuerySyntaxError(f"the query is {len(text)} characters long; at most {MAX_QUERY_LENGTH} are accepted")
    try:
        tree = _parser().parse(text)
    except UnexpectedInput as err:
        raise _syntax_error(err, text) from err
    try:
        query: Query = _Builder().transform(tree)
    except VisitError as err:
        if isinstance(err.orig_exc, AlignkgError):
            raise err.orig_exc from None
        raise
    _check(query)
    return query


def resolve(query: Query, gazetteer: Gazetteer) -> Query:
    """Return ``query`` with the ISO alpha-3 code of every state filled in.

    Args:
        query: a parsed query.
        gazetteer: resolves codes, names and aliases (``"the Kremlin"`` -> ``RUS``).

    Raises:
        UnknownStateError: a state the gazetteer does not know; the message names it,
            says where it is and suggests close states.

    Example:
        >>> gaz = Gazetteer.load()
        >>> resolve(parse('"the Kremlin" alliance ?x'), gaz).patterns[0].subject.code
        'RUS'
        >>> resolve(parse('?x sanction Iram'), gaz)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        alignkg.graph.errors.UnknownStateError: unknown state 'Iram' at column 13 (did you mean ...IRN Iran...?)
    """
    codes: dict[str, str] = {}

    def code_of(term: Term) -> Term:
        if not isinstance(term, StateTerm):
            return term
        if term.name not in codes:
            try:
                codes[term.name] = gazetteer.resolve(term.name)
            except UnknownStateError as err:
                raise _located_state_error(term, err.suggestions) from err
        return term.resolved(codes[term.name])

    patterns = tuple(replace(p, subject=code_of(p.subject), object=code_of(p.object)) for p in query.patterns)
    return replace(query, patterns=patterns)


def _where(line: int, column: int) -> str:
    return f"column {column}" if line == 1 else f"line {line}, column {column}"


def _located_state_error(term: StateTerm, suggestions: Iterable[str]) -> UnknownStateError:
    """Return the gazetteer's error for ``term``, its message saying where the name is."""
    error = UnknownStateError(term.name, tuple(suggestions))
    hint = f" (did you mean {', '.join(error.suggestions)}?)" if error.suggestions else ""
    error.args = (f"unknown state {term.name!r} at {_where(term.line, term.column)}{hint}",)
    return error


def _syntax_error(err: UnexpectedInput, text: str) -> QuerySyntaxError:
    """Translate one of lark's errors into ours: position, expected words and context."""
    line, column, context = err.line, err.column, err.get_context(text)
    if isinstance(err, UnexpectedCharacters):
        char = text[err.pos_in_stream or 0]
        message = (f"unexpected character {char!r}" if char != '"' else
                   r'a quoted name must end with " on the same line and may escape only \" and \\')
        names: Iterable[str] = err.allowed or ()
    elif isinstance(err, UnexpectedToken | UnexpectedEOF):
        names = err.expected or ()
        if err.token.type == _END:  # lark places the end at the last token; point after the last character
            message = "unexpected end of query"
            end = len(text.rstrip())
            start_of_line = text.rfind("\n", 0, end) + 1
            line, column = text.count("\n", 0, end) + 1, end - start_of_line + 1
            context = text[start_of_line:end] + "\n" + " " * (end - start_of_line) + "^"
        else:
            message = f"unexpected {str(err.token)!r}"
    else:  # pragma: no cover - lark has no other UnexpectedInput
        message = "the query does not parse"
        names = ()
    # The LALR tables share states between places, so the lexer's list can be too wide; the
    # interactive parser tries each terminal and keeps those that would really be accepted.
    interactive = getattr(err, "interactive_parser", None)
    if interactive is not None:
        names = interactive.accepts()
    return QuerySyntaxError(message, line=line, column=column, expected=_expected_words(names),
                            context=context.rstrip("\n"))


def _expected_words(names: Iterable[str]) -> list[str]:
    """Return terminal names as words a person reads (``'a state'``, ``"'.'"``), without duplicates."""
    order = list(_TERMINAL_WORDS)
    words: dict[str, int] = {}
    for name in names:
        if name in _TERMINAL_WORDS:
            words.setdefault(_TERMINAL_WORDS[name], order.index(name))
        elif name == _END:
            words.setdefault("the end of the query", len(order) + 1)
        else:
            pattern = _parser().get_terminal(name).pattern
            word = f"'{pattern.value}'" if isinstance(pattern, PatternStr) else name.lower()
            words.setdefault(word, len(order))
    return sorted(words, key=lambda w: (words[w], w))


def _position(token: Token) -> tuple[int, int]:
    """The 1-based line and column of a token (lark types them as optional; the LALR lexer always sets them)."""
    return token.line or 1, token.column or 1


def _syntax(message: str, token: Token, expected: Iterable[str] = ()) -> QuerySyntaxError:
    line, column = _position(token)
    return QuerySyntaxError(message, line=line, column=column, expected=tuple(expected))


def _check(query: Query) -> None:
    """Refuse what parses but cannot be asked: no positive pattern, ordering on an unbound variable."""
    if all(p.negated for p in query.patterns):
        first = query.patterns[0]
        raise QuerySyntaxError("a query needs at least one pattern without 'not'", line=first.line,
                               column=first.column)
    bound = {v.name for v in query.variables()}
    for key in query.order_by:
        if key.variable.name not in bound:
            raise QuerySyntaxError(f"cannot order by ?{key.variable.name}: no pattern without 'not' binds it",
                                   line=key.line, column=key.column,
                                   expected=tuple(f"?{name}" for name in sorted(bound)))


def _edge_type(token: Token) -> EdgeType:
    """Return the edge type a name token names, or raise naming it, its place and the accepted ids."""
    name = str(token)
    if name.lower() == "any":
        raise _syntax("'any' stands alone; it cannot be one of several alternatives", token,
                      ("an edge type",))
    try:
        return EdgeType.parse(name)
    except UnknownEdgeTypeError as err:
        ids = [t.value for t in EdgeType]
        close = difflib.get_close_matches(name.lower(), ids, n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        error = UnknownEdgeTypeError(name, ids)
        error.args = (f"unknown edge type {name!r} at {_where(*_position(token))}{hint}; "
                      f"expected one of {', '.join(ids)}, or any",)
        raise error from err


def _quad_class(token: Token) -> QuadClass:
    """Return the quad class a name token names, or raise naming it, its place and the accepted classes."""
    name = str(token)
    try:
        return QuadClass(name.lower())
    except ValueError as err:
        classes = [c.value for c in QuadClass]
        error = UnknownEdgeTypeError(name, classes)
        error.args = (f"unknown quad class {name!r} at {_where(*_position(token))}; "
                      f"expected one of {', '.join(classes)}",)
        raise error from err


def _date(token: Token) -> dt.date:
    try:
        return dt.date.fromisoformat(str(token))
    except ValueError as err:
        raise _syntax(f"{str(token)!r} is not a date ({err})", token, ("a date (YYYY-MM-DD)",)) from err


def _whole(token: Token, keyword: str) -> int:
    value = int(token)
    if value > sys.maxsize:
        raise _syntax(f"{keyword} {value} is too large; at most {sys.maxsize}", token, ("a whole number",))
    return value


def _variable(token: Token) -> Variable:
    name = str(token)[1:]
    if name.startswith("_"):
        raise _syntax(f"variable {str(token)!r}: names starting with '_' are reserved for the columns "
                      "the compiler adds", token, ("a variable",))
    line, column = _position(token)
    return Variable(name, line=line, column=column)


def _unquote(token: Token) -> str:
    r"""``"North Korea"`` -> ``North Korea``; the grammar allows only the escapes ``\"`` and ``\\``."""
    body = str(token)[1:-1]
    out: list[str] = []
    chars = iter(body)
    for char in chars:
        out.append(next(chars) if char == "\\" else char)
    name = "".join(out)
    if not name.strip():
        raise _syntax("a quoted state name is empty", token, ("a state",))
    return name


@v_args(meta=True)
class _Builder(Transformer[Token, Any]):
    """Build the :mod:`~alignkg.graph.query.ast` nodes bottom-up, one method per grammar rule."""

    def __default__(self, data: str, children: list[Any], meta: Meta) -> Any:
        raise NotImplementedError(f"the pattern grammar has a rule {data!r} the parser does not handle")

    def start(self, meta: Meta, children: list[Any]) -> Query:
        """Rule ``start: clauses modifier*``."""
        patterns, *modifiers = children
        options: dict[str, Any] = {}
        for name, value, token in modifiers:
            if name in options:
                raise _syntax(f"{str(token).lower()!r} is given twice", token)
            options[name] = value
        return Query(tuple(patterns), **options)

    def clauses(self, meta: Meta, children: list[Pattern]) -> tuple[Pattern, ...]:
        """Rule ``clauses: clause ("." clause)* "."?``."""
        return tuple(children)

    def clause(self, meta: Meta, children: list[Any]) -> Pattern:
        """Rule ``clause: NOT? pattern``."""
        pattern: Pattern = children[-1]
        return replace(pattern, negated=len(children) == 2, line=meta.line, column=meta.column)

    def plain_pattern(self, meta: Meta, children: list[Any]) -> Pattern:
        """Rule ``pattern: term edge term``."""
        subject, edge, obj = children
        return Pattern(subject, edge, obj, line=meta.line, column=meta.column)

    def forward_pattern(self, meta: Meta, children: list[Any]) -> Pattern:
        """Rule ``pattern: term "-[" edge "]->" term``."""
        subject, edge, obj = children
        return Pattern(subject, edge, obj, line=meta.line, column=meta.column)

    def backward_pattern(self, meta: Meta, children: list[Any]) -> Pattern:
        """Rule ``pattern: term "<-[" edge "]-" term``; the object is written first."""
        obj, edge, subject = children
        return Pattern(subject, edge, obj, line=meta.line, column=meta.column)

    def any_edge(self, meta: Meta, children: list[Token]) -> Edge:
        """Rule ``edge: ANY``."""
        return AnyEdge(line=meta.line, column=meta.column)

    def edge_types(self, meta: Meta, children: list[Token]) -> Edge:
        """Rule ``edge: EDGE_NAME ("|" EDGE_NAME)*``."""
        types = tuple(dict.fromkeys(_edge_type(token) for token in children))
        return EdgeTypes(types, line=meta.line, column=meta.column)

    def edge_class(self, meta: Meta, children: list[Token]) -> Edge:
        """Rule ``edge: "[" CLASS_NAME "]"``."""
        return EdgeClass(_quad_class(children[0]), line=meta.line, column=meta.column)

    def variable(self, meta: Meta, children: list[Token]) -> Variable:
        """Rule ``term: VAR``."""
        return _variable(children[0])

    def state_name(self, meta: Meta, children: list[Token]) -> StateTerm:
        """Rule ``term: STATE_NAME``."""
        token = children[0]
        line, column = _position(token)
        return StateTerm(str(token), line=line, column=column)

    def quoted_state(self, meta: Meta, children: list[Token]) -> StateTerm:
        """Rule ``term: STRING``."""
        token = children[0]
        line, column = _position(token)
        return StateTerm(_unquote(token), line=line, column=column)

    def since(self, meta: Meta, children: list[Token]) -> tuple[str, dt.date, Token]:
        """Rule ``modifier: SINCE DATE``."""
        return "since", _date(children[1]), children[0]

    def until(self, meta: Meta, children: list[Token]) -> tuple[str, dt.date, Token]:
        """Rule ``modifier: UNTIL DATE``."""
        return "until", _date(children[1]), children[0]

    def hedged(self, meta: Meta, children: list[Token]) -> tuple[str, bool, Token]:
        """Rule ``modifier: HEDGED (TRUE | FALSE)``."""
        return "hedged", children[1].type == "TRUE", children[0]

    def with_evidence(self, meta: Meta, children: list[Token]) -> tuple[str, bool, Token]:
        """Rule ``modifier: WITH EVIDENCE``."""
        return "with_evidence", True, children[0]

    def with_dates(self, meta: Meta, children: list[Token]) -> tuple[str, bool, Token]:
        """Rule ``modifier: WITH DATES``."""
        return "with_dates", True, children[0]

    def with_counts(self, meta: Meta, children: list[Token]) -> tuple[str, bool, Token]:
        """Rule ``modifier: WITH COUNTS``."""
        return "with_counts", True, children[0]

    def min_sources(self, meta: Meta, children: list[Token]) -> tuple[str, int, Token]:
        """Rule ``modifier: MIN_SOURCES INT``."""
        return "min_sources", _whole(children[1], "min_sources"), children[0]

    def date_basis(self, meta: Meta, children: list[Token]) -> tuple[str, str, Token]:
        """Rule ``modifier: DATE_BASIS (SEEN | EVENT)``."""
        return "date", children[1].type.lower(), children[0]

    def limit(self, meta: Meta, children: list[Token]) -> tuple[str, int, Token]:
        """Rule ``modifier: LIMIT INT``."""
        return "limit", _whole(children[1], "limit"), children[0]

    def order_by(self, meta: Meta, children: list[Any]) -> tuple[str, tuple[OrderKey, ...], Token]:
        """Rule ``modifier: ORDER BY order_key ("," order_key)*``."""
        return "order_by", tuple(children[2:]), children[0]

    def order_key(self, meta: Meta, children: list[Any]) -> OrderKey:
        """Rule ``order_key: VAR (ASC | DESC)?``."""
        variable = _variable(children[0])
        descending = len(children) == 2 and children[1].type == "DESC"
        return OrderKey(variable, descending, line=variable.line, column=variable.column)

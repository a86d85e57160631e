"""Networkx views of the store: the only code of the analysis that reads the graph.

This module runs the one query that brings facts into the analysis (every fact with its edge
type, hence its quad class, hedged and directed flags, first and last seen dates and number of
pieces of evidence, in one request, never one request per fact; its text is
:func:`alignkg.graph.rdf.queries.view`) and owns the shape of the
typed fact multigraph that :mod:`alignkg.graph.analysis.dyad`, :mod:`alignkg.graph.analysis.bloc` and
:mod:`alignkg.graph.analysis.network` work on. It resolves the states users name, and it must not
score, judge or print anything.

The fact multigraph is a ``networkx.MultiDiGraph``: one node per state (attribute ``name``),
one edge per fact from its subject to its object, keyed by the fact id (its IRI) with the
attributes ``fact``, ``type``, ``quad_class``, ``hedged``, ``directed``, ``first_seen``,
``last_seen`` and ``evidence``. ``G.graph`` records what the view covers (``scope``) and how
to resolve a state's name (``resolve``), so that an analysis never mistakes a fact missing
from a partial view for a fact missing from the store.
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx

from alignkg.graph import namespace as ns
from alignkg.graph.errors import InvalidInputError, UnknownStateError
from alignkg.graph.model import Claim, to_date
from alignkg.graph.ontology import EdgeType, QuadClass
from alignkg.graph.rdf import mapping, queries
from alignkg.graph.rdf.reader import to_python

if TYPE_CHECKING:
    from alignkg.graph.kg import KnowledgeGraph

__all__ = [
    "FactRef",
    "Members",
    "Scope",
    "bloc_view",
    "fact_view",
    "iter_facts",
    "neighbourhood_view",
    "pair_facts",
    "resolve_members",
    "resolve_state",
    "to_date",
]

#: A date given as a ``datetime.date`` or an ISO string (``"2024-05-01"``).
DateLike = dt.date | str
#: The members of a bloc: a list of states (codes, names or aliases) or a stored claim.
Members = Sequence[str] | Claim


@dataclass(frozen=True, slots=True)
class FactRef:
    """One stored fact as the analysis sees it: its id and what a score needs to know of it.

    ``id`` is the fact's id (the hash at the end of its IRI, as ``kg.fact_id`` gives it and the
    HTTP API and the CLI show it), the key of its edge in the fact multigraph and the handle to
    its evidence (``kg.fact(id)``). ``evidence`` counts the pieces of evidence (sentences) that
    support it.

    Example:
        >>> ref = FactRef("fact:1", "IRN", EdgeType.ARMS_TRANSFER, "RUS", directed=False)
        >>> ref.describe(), ref.quad_class.value
        ('arms transfer between IRN and RUS', 'material_cooperation')
    """

    id: str
    subject: str
    type: EdgeType
    object: str
    hedged: bool = False
    directed: bool = True
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    evidence: int = 0

    @property
    def quad_class(self) -> QuadClass:
        """The quad class of the fact's edge type."""
        return self.type.spec.quad_class

    @property
    def oriented(self) -> bool:
        """Whether the fact goes from its subject to its object (not symmetric, not undirected)."""
        return self.directed and not self.type.spec.symmetric

    def other(self, state: str) -> str:
        """Return the state at the other end of the fact from ``state``."""
        return self.object if state == self.subject else self.subject

    def describe(self) -> str:
        """Return a short English description: ``arms transfer from IRN to RUS``, ``... between ...``."""
        label = self.type.spec.label
        text = (f"{label} from {self.subject} to {self.object}" if self.oriented
                else f"{label} between {self.subject} and {self.object}")
        return text + " (hedged)" if self.hedged else text

    def in_window(self, since: dt.date | None, until: dt.date | None) -> bool:
        """Whether the fact was seen in the window: last seen on or after ``since``, first seen on or before ``until``.

        Undated facts are outside every window that has a bound, as in ``kg.facts``.
        """
        if since is not None and (self.last_seen is None or self.last_seen < since):
            return False
        return until is None or (self.first_seen is not None and self.first_seen <= until)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used by the CLI."""
        return {
            "id": self.id,
            "subject": self.subject,
            "type": self.type.value,
            "object": self.object,
            "hedged": self.hedged,
            "directed": self.directed,
            "first_seen": self.first_seen.isoformat() if self.first_seen else None,
            "last_seen": self.last_seen.isoformat() if self.last_seen else None,
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class Scope:
    """What part of the store a view holds: all facts, the facts among some states, or around them.

    ``among``: facts whose two states are in ``states``; ``around``: facts with one of
    ``states`` on either side; ``bloc``: facts among ``states`` plus the strikes on them.

    Example:
        >>> scope = Scope("among", frozenset({"IRN", "RUS"}))
        >>> scope.covers("IRN", "RUS"), scope.covers("IRN", "ISR"), scope.describe()
        (True, False, 'the facts among IRN, RUS')
    """

    kind: str
    states: frozenset[str]

    def covers(self, a: str, b: str) -> bool:
        """Whether every fact between ``a`` and ``b`` in the store is in the view."""
        if self.kind == "around":
            return a in self.states or b in self.states
        return a in self.states and b in self.states

    def describe(self) -> str:
        """Return the scope in words, for error messages."""
        return f"the facts {self.kind} {', '.join(sorted(self.states))}"


def resolve_state(G: Any, name: str) -> str:
    """Return the ISO code of the state ``name`` (code, name or alias) for the view ``G``.

    Views built from a KnowledgeGraph resolve through its gazetteer; on a graph built by
    hand, a state is a node's code.

    Raises:
        UnknownStateError: ``name`` names no state (with close suggestions).

    Example:
        >>> import networkx as nx
        >>> G = nx.MultiDiGraph()
        >>> G.add_edge("IRN", "RUS")
        0
        >>> resolve_state(G, "irn")
        'IRN'
    """
    resolve: Callable[[str], str] | None = G.graph.get("resolve")
    if resolve is not None:
        return resolve(name)
    code = name.strip().upper()
    if code in G:
        return code
    raise UnknownStateError(name, difflib.get_close_matches(code, sorted(map(str, G.nodes)), n=3))


def resolve_members(resolve: Callable[[str], str], states: Members) -> tuple[str, ...]:
    """Return the distinct codes of a bloc's members, in the order given (a claim's in code order).

    Raises:
        InvalidInputError: fewer than 2 distinct states, or a string instead of a list of states.
        UnknownStateError: a member names no state.

    Example:
        >>> resolve_members(str.upper, ["rus", "irn", "RUS"])
        ('RUS', 'IRN')
    """
    if isinstance(states, Claim):
        names: Sequence[str] = states.members
    elif isinstance(states, str):
        raise InvalidInputError(f"a bloc is a list of states, not the string {states!r}")
    else:
        names = states
    members = tuple(dict.fromkeys(resolve(name) for name in names))
    if len(members) < 2:
        given = ", ".join(map(str, names)) or "none"
        raise InvalidInputError(f"a bloc needs at least 2 distinct states; got {len(members)} ({given})")
    return members


def fact_view(source: KnowledgeGraph, *, states: Iterable[str] | None = None, since: DateLike | None = None,
              until: DateLike | None = None) -> Any:
    """Return the typed fact multigraph of the store, or of the facts among ``states``.

    One SPARQL query reads every fact with its quad class, dates, flags and evidence count.
    ``since``/``until`` keep the facts last seen on or after / first seen on or before a date
    (undated facts then drop out).

    Args:
        source: the knowledge graph to read.
        states: when given, only the facts whose two states are among these (codes, names or aliases).
        since: keep facts last seen on or after this date.
        until: keep facts first seen on or before this date.

    Returns:
        A ``networkx.MultiDiGraph`` (see the module docstring for its attributes).

    Raises:
        UnknownStateError: a state names no state.
        InvalidInputError: a date is not an ISO date.

    Example:
        >>> from alignkg.graph import KnowledgeGraph
        >>> with KnowledgeGraph.in_memory() as kg:
        ...     _ = kg.ingest("Iran sold drones to Russia. Israel struck Iran.", id="a1")
        ...     G = fact_view(kg)
        >>> sorted((u, d["type"].value, v) for u, v, d in G.edges(data=True))
        [('IRN', 'arms_transfer', 'RUS'), ('ISR', 'military_strike', 'IRN')]
    """
    if states is None:
        return _load(source, None, "all", frozenset(), since, until)
    codes = frozenset(source.gazetteer.resolve(s) for s in states)
    return _load(source, Scope("among", codes), "among", codes,
                 since, until)


def bloc_view(source: KnowledgeGraph, states: Members, *, since: DateLike | None = None,
              until: DateLike | None = None) -> Any:
    """Return the fact multigraph a bloc report needs: the facts among the members and the strikes on them.

    The strikes say who attacked a member when another member stayed out. Reading only
    these facts keeps a bloc query fast on a large store.

    Raises:
        InvalidInputError: fewer than 2 distinct states.
        UnknownStateError: a member names no state.

    Example:
        >>> from alignkg.graph import KnowledgeGraph
        >>> with KnowledgeGraph.in_memory() as kg:
        ...     _ = kg.ingest("Israel struck Iran. Russia refrained from intervening to help Iran.", id="a1")
        ...     G = bloc_view(kg, ["Russia", "Iran"])
        >>> sorted((u, d["type"].value, v) for u, v, d in G.edges(data=True))
        [('ISR', 'military_strike', 'IRN'), ('RUS', 'non_intervention', 'IRN')]
    """
    codes = frozenset(resolve_members(source.gazetteer.resolve, states))
    return _load(source, Scope("bloc", codes), "bloc", codes, since, until)


def neighbourhood_view(source: KnowledgeGraph, state: str, *, since: DateLike | None = None,
                       until: DateLike | None = None) -> Any:
    """Return the fact multigraph of the facts with ``state`` on either side.

    Raises:
        UnknownStateError: ``state`` names no state.

    Example:
        >>> from alignkg.graph import KnowledgeGraph
        >>> with KnowledgeGraph.in_memory() as kg:
        ...     _ = kg.ingest("Iran sold drones to Russia. Israel struck Syria.", id="a1")
        ...     G = neighbourhood_view(kg, "Iran")
        >>> sorted(G.edges())
        [('IRN', 'RUS')]
    """
    code = source.gazetteer.resolve(state)
    return _load(source, Scope("around", frozenset({code})), "around", frozenset({code}), since, until)


def _load(source: KnowledgeGraph, scope: Scope | None, kind: str, codes: frozenset[str], since: DateLike | None,
          until: DateLike | None) -> Any:
    """Return the fact multigraph of the facts of a scope (:func:`alignkg.graph.rdf.queries.view`) in a window."""
    first, last = to_date(since), to_date(until)
    sparql = queries.view(kind, states=codes, state=min(codes) if kind == "around" else None,
                          since=None if first is None else mapping.date(first),
                          until=None if last is None else mapping.date(last))
    G = nx.MultiDiGraph(scope=scope, since=first, until=last, resolve=source.gazetteer.resolve)
    rows: dict[str, tuple[str, str, bool, Any]] = {}
    for row in source.store.query(sparql, prefixes=ns.PREFIXES):
        fact = ns.fact_id(row["f"].value)
        subject, obj = to_python(row["s"], codes=True), to_python(row["o"], codes=True)
        directed = row["d"].value == "true"
        seen = rows.get(fact)
        if seen is not None:
            # One resource, several rows (a store written before relations were kept once): an undirected fact
            # stated in both orientations has two subjects (keep the pair in code order), and a deal stated
            # with and without its supplier has both flags (keep directed: some text named the supplier).
            subject, obj = min((subject, obj), (seen[0], seen[1]))
            directed = directed or seen[2]
        rows[fact] = (subject, obj, directed, row)
    for fact, (subject, obj, directed, row) in rows.items():
        edge_type = EdgeType(row["t"].value)
        G.add_edge(subject, obj, key=fact, fact=fact, type=edge_type, quad_class=edge_type.spec.quad_class,
                   hedged=row["h"].value == "true", directed=directed, first_seen=to_python(row["first"]),
                   last_seen=to_python(row["last"]), evidence=int(row["n"].value))
    if scope is not None:
        G.add_nodes_from(sorted(scope.states))
    states = source.gazetteer.states
    for node in G.nodes:
        G.nodes[node]["name"] = states[node].name if node in states else node
    return G


def require_cover(G: Any, states: Sequence[str]) -> None:
    """Check that the view ``G`` holds every fact between any two of ``states``.

    Raises:
        InvalidInputError: the view was built for other states.
    """
    scope: Scope | None = G.graph.get("scope")
    if scope is None:
        return
    for a, b in itertools.combinations(states, 2):
        if not scope.covers(a, b):
            raise InvalidInputError(f"this view holds only {scope.describe()}, not the facts between {a} and {b}; "
                                    "build a view that covers them (fact_view(kg) holds every fact)")


def check_window(G: Any, since: dt.date | None, until: dt.date | None) -> None:
    """Check that a window asked of ``G`` lies within the window ``G`` was built with.

    Raises:
        InvalidInputError: the view lacks facts of the window asked for.
    """
    built_since, built_until = G.graph.get("since"), G.graph.get("until")
    if built_since is not None and (since is None or since < built_since):
        raise InvalidInputError(f"this view holds only facts last seen on or after {built_since}")
    if built_until is not None and (until is None or until > built_until):
        raise InvalidInputError(f"this view holds only facts first seen on or before {built_until}")


def fact_of(u: str, v: str, data: dict[str, Any]) -> FactRef:
    """Return the :class:`FactRef` of an edge ``u -> v`` with attributes ``data``.

    Works on ``kg.to_networkx()`` graphs too, and on graphs built by hand (missing attributes take defaults).
    """
    return FactRef(str(data["fact"]), u, EdgeType.parse(data["type"]), v, hedged=bool(data.get("hedged", False)),
                   directed=bool(data.get("directed", True)), first_seen=data.get("first_seen"),
                   last_seen=data.get("last_seen"), evidence=int(data.get("evidence", 0)))


def iter_facts(G: Any, *, since: DateLike | None = None, until: DateLike | None = None) -> Iterator[FactRef]:
    """Yield the facts of the view ``G`` seen in the window, in edge order.

    Raises:
        InvalidInputError: a date is not an ISO date.

    Example:
        >>> from alignkg.graph import KnowledgeGraph
        >>> with KnowledgeGraph.in_memory() as kg:
        ...     _ = kg.ingest("Israel struck Iran.", id="a1", published=dt.date(2024, 4, 1))
        ...     G = fact_view(kg)
        >>> [f.describe() for f in iter_facts(G, since="2024-01-01")], list(iter_facts(G, until="2023-12-31"))
        (['military strike from ISR to IRN'], [])
    """
    first, last = to_date(since), to_date(until)
    for u, v, data in G.edges(data=True):
        fact = fact_of(u, v, data)
        if fact.in_window(first, last):
            yield fact


def pair_facts(G: Any, a: str, b: str, *, since: dt.date | None = None,
               until: dt.date | None = None) -> list[FactRef]:
    """Return the facts between ``a`` and ``b`` (either direction) seen in the window, sorted by type and id.

    Example:
        >>> import networkx as nx
        >>> G = nx.MultiDiGraph()
        >>> G.add_edge("RUS", "IRN", key="f2", fact="f2", type=EdgeType.CONDEMNATION)
        'f2'
        >>> G.add_edge("IRN", "RUS", key="f1", fact="f1", type=EdgeType.ARMS_TRANSFER)
        'f1'
        >>> [f.id for f in pair_facts(G, "RUS", "IRN")]
        ['f1', 'f2']
    """
    found = []
    for u, v in ((a, b), (b, a)):
        for data in (G.get_edge_data(u, v) or {}).values():
            fact = fact_of(u, v, data)
            if fact.in_window(since, until):
                found.append(fact)
    order = {t: i for i, t in enumerate(EdgeType)}
    return sorted(found, key=lambda f: (order[f.type], f.id))

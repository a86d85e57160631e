"""The extraction lexicon as data: word classes and frames, read from ``data/lexicon/``.

A frame says which words start an edge (lemmas with a part of speech) and where
in the dependency parse its arguments are (slots: paths such as ``subj``,
``prep:to``, ``obj>poss``). Rules never hold word lists: a new trigger is one
word in ``frames.toml``, a new construction one frame. The grammar of a frame is
documented in ``data/lexicon/README.md``; this module checks it when loading, so
a typo in the data is an error naming the frame, not a silent miss.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from alignkg.graph.errors import DataError
from alignkg.graph.ontology import EdgeType
from alignkg.graph.resources import data_path

#: The steps a slot path may take (see data/lexicon/README.md).
STEPS = frozenset({"self", "subj", "obj", "iobj", "poss", "mod", "compound", "amod", "advmod", "light", "head",
                   "comp", "xcomp", "ccomp", "advcl", "appos", "acl", "theme", "conflict", "nsubj", "nsubj:pass",
                   "speaker", "verb", "speech", "prt", "det", "cond", "along", "reason"})
#: How the states of a role are read from the tokens its slot found.
MODES = frozenset({"agent", "place", "actor", "goods", "origin"})
_POS = frozenset({"VERB", "NOUN", "PROPN", "ADJ", "ADP"})


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a slot path: a relation, and an optional filter on the tokens it reaches."""

    relation: str
    preps: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Slot:
    """A path of steps over the parse, written ``a>b=class:name``."""

    text: str
    steps: tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class Frame:
    """One construction that states an edge, with where its arguments are."""

    name: str
    pos: frozenset[str]
    lemmas: frozenset[str]
    particles: dict[str, str]
    type: EdgeType | None
    source: tuple[Slot, ...] = ()
    target: tuple[Slot, ...] = ()
    theme: tuple[Slot, ...] = ()
    members: tuple[Slot, ...] = ()
    require: tuple[Slot, ...] = ()
    unless: tuple[Slot, ...] = ()
    source_mode: str = "agent"
    target_mode: str = "agent"
    undirected: bool = False
    mutual: bool = False
    only_theme: frozenset[str] = frozenset()
    default_type: EdgeType | None = None
    default_lemmas: frozenset[str] = frozenset()
    bare_default_lemmas: frozenset[str] = frozenset()
    default_qualifiers: frozenset[str] = frozenset()
    no_mod_source: frozenset[str] = frozenset()
    qualified: frozenset[str] = frozenset()
    qualifiers: frozenset[str] = frozenset()
    not_with: frozenset[str] = frozenset()
    when_negated: EdgeType | None = None
    when_future: EdgeType | None = None
    only_negated: bool = False
    modal_ok: bool = False
    denial_ok: bool = False
    needs_conflict: bool = False
    only_hypothetical: bool = False
    decisive: bool = False
    echoes: bool = False
    own_phrases: bool = False
    hub: tuple[Slot, ...] = ()


    @property
    def uses_conflict(self) -> bool:
        """Tell whether a slot of this frame refers to the states under attack (the ``conflict`` step)."""
        return any(step.relation == "conflict" for slot in (*self.source, *self.target) for step in slot.steps) \
            or self.needs_conflict


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word classes, frames by trigger lemma, and the edge type of each theme class."""

    classes: dict[str, frozenset[str]]
    frames: tuple[Frame, ...]
    theme_types: dict[str, EdgeType]
    by_lemma: dict[str, tuple[Frame, ...]] = field(default_factory=dict)
    #: The type an edge of each type has while only announced, as the frames say (``when_future``):
    #: the window fallback, which has no frames, reads announced measures by it.
    when_future: dict[EdgeType, EdgeType] = field(default_factory=dict)
    #: The lemmas that start a strike (its frames' triggers): a refusal to help is in a conflict when
    #: one is in its clauses.
    attack_lemmas: frozenset[str] = frozenset()
    #: Verbs whose edge type comes from what moves ("sell", "export"), and the words of what moves:
    #: the parse repair reads "Brazil sells beef" with them (graph/extract/repairs.py).
    transfer_verbs: frozenset[str] = frozenset()
    commodities: frozenset[str] = frozenset()
    #: Every verb that starts an edge: after an infinitive's "to" the word is one of these verbs,
    #: however the tagger read it ("a deal to supply gas", graph/extract/repairs.py).
    event_verbs: frozenset[str] = frozenset()
    #: Nouns of what moves ("cargo", "shipment", "export"): the parse repair reads "20 LNG cargoes" with them
    #: when the tagger took the noun for a verb.
    transfer_nouns: frozenset[str] = frozenset()

    def words(self, name: str) -> frozenset[str]:
        """Return the word class ``name``.

        Raises:
            DataError: no such class in ``classes.toml``.
        """
        try:
            return self.classes[name]
        except KeyError:
            raise DataError(f"lexicon: no word class {name!r}; known: {', '.join(sorted(self.classes))}") from None


def _split(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise DataError(f"{where}: expected a string of words or a list of strings")


def _parse_step(text: str, classes: dict[str, frozenset[str]], where: str) -> Step:
    relation, _, filt = text.partition("=")
    preps: frozenset[str] = frozenset()
    if relation.startswith("prep:"):
        preps = frozenset(relation[5:].split("|"))
        relation = "prep"
    elif relation not in STEPS:
        raise DataError(f"{where}: unknown step {relation!r} in slot; known: prep:WORD, {', '.join(sorted(STEPS))}")
    words: frozenset[str] = frozenset()
    if filt.startswith("class:"):
        words = _class(classes, filt[6:], where)
    elif filt:
        words = frozenset(filt.split("|"))
    return Step(relation, preps, words)


def _slots(raw: Any, classes: dict[str, frozenset[str]], where: str) -> tuple[Slot, ...]:
    return tuple(Slot(text, tuple(_parse_step(s, classes, where) for s in text.split(">")))
                 for text in _split(raw or [], where))


def _class(classes: dict[str, frozenset[str]], name: str, where: str) -> frozenset[str]:
    if name not in classes:
        raise DataError(f"{where}: no word class {name!r}")
    return classes[name]


def _edge_type(value: Any, where: str) -> EdgeType | None:
    if value is None or value == "theme":
        return None
    try:
        return EdgeType(value)
    except ValueError:
        raise DataError(f"{where}: unknown edge type {value!r}") from None


def _mode(value: Any, where: str) -> str:
    mode = str(value)
    if mode not in MODES:
        raise DataError(f"{where}: unknown mode {mode!r}; known: {', '.join(sorted(MODES))}")
    return mode


def _frame(raw: dict[str, Any], classes: dict[str, frozenset[str]]) -> Frame:
    where = f"frames.toml frame {raw.get('name', '?')!r}"
    pos = frozenset(_split(raw.get("pos", []), where))
    if not pos or not pos <= _POS:
        raise DataError(f"{where}: pos must be some of {', '.join(sorted(_POS))}")
    lemmas, particles = set(), {}
    entries = _split(raw.get("lemmas", ""), where)
    if len(entries) == 1 and entries[0].startswith("class:"):
        entries = sorted(_class(classes, entries[0][6:], where))  # every word of a class starts the frame
    for entry in entries:
        lemma, _, particle = entry.partition("_")  # "shoot_down": the verb with its particle
        lemmas.add(lemma)
        if particle:
            particles[lemma] = particle
    frame = Frame(
        name=str(raw["name"]), pos=pos, lemmas=frozenset(lemmas), particles=particles,
        type=_edge_type(raw.get("type"), where),
        source=_slots(raw.get("source"), classes, where), target=_slots(raw.get("target"), classes, where),
        theme=_slots(raw.get("theme"), classes, where), members=_slots(raw.get("members"), classes, where),
        require=_slots(raw.get("require"), classes, where), unless=_slots(raw.get("unless"), classes, where),
        source_mode=_mode(raw.get("source_mode", "agent"), where),
        target_mode=_mode(raw.get("target_mode", "agent"), where),
        undirected=bool(raw.get("undirected", False)), mutual=bool(raw.get("mutual", False)),
        only_theme=frozenset(_split(raw.get("only_theme", []), where)),
        default_type=_edge_type(raw.get("default_type"), where),
        default_lemmas=frozenset(_split(raw.get("default_lemmas", []), where)),
        bare_default_lemmas=frozenset(_split(raw.get("bare_default_lemmas", []), where)),
        default_qualifiers=_class(classes, raw["default_qualifiers"], where) if "default_qualifiers" in raw
        else frozenset(),
        no_mod_source=frozenset(_split(raw.get("no_mod_source", []), where)),
        qualified=frozenset(_split(raw.get("qualified", []), where)),
        qualifiers=_class(classes, raw["qualifiers"], where) if "qualifiers" in raw else frozenset(),
        not_with=frozenset(_split(raw.get("not_with", []), where)),
        when_negated=_edge_type(raw.get("when_negated"), where),
        when_future=_edge_type(raw.get("when_future"), where),
        only_negated=bool(raw.get("only_negated", False)), modal_ok=bool(raw.get("modal_ok", False)),
        denial_ok=bool(raw.get("denial_ok", False)), needs_conflict=bool(raw.get("needs_conflict", False)),
        only_hypothetical=bool(raw.get("only_hypothetical", False)), decisive=bool(raw.get("decisive", False)),
        echoes=bool(raw.get("echoes", False)), own_phrases=bool(raw.get("own_phrases", False)),
        hub=_slots(raw.get("hub"), classes, where),
    )
    if frame.type is None and not frame.theme:
        raise DataError(f"{where}: a frame typed by its theme needs theme slots")
    if not frame.members and not (frame.source and frame.target):
        raise DataError(f"{where}: a frame needs source and target slots, or member slots")
    return frame


def _read(name: str) -> dict[str, Any]:
    path = data_path("lexicon", name)
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise DataError(f"lexicon: cannot read {name}: {err}") from err


def parse_lexicon(classes_doc: dict[str, Any], frames_doc: dict[str, Any]) -> Lexicon:
    """Return the lexicon of two parsed TOML documents (``classes.toml`` and ``frames.toml``).

    Raises:
        DataError: a frame names an unknown step, class, mode or edge type.
    """
    classes = {name: frozenset(_split(words, f"classes.toml class {name!r}"))
               for name, words in classes_doc.get("classes", {}).items()}
    theme_types: dict[str, EdgeType] = {}
    for name, value in frames_doc.get("theme_types", {}).items():
        if name not in classes:
            raise DataError(f"frames.toml theme_types: no word class {name!r}")
        edge_type = _edge_type(value, f"frames.toml theme_types {name!r}")
        if edge_type is None:
            raise DataError(f"frames.toml theme_types {name!r}: needs an edge type")
        theme_types[name] = edge_type
    frames = tuple(_frame(raw, classes) for raw in frames_doc.get("frame", []))
    by_lemma: dict[str, tuple[Frame, ...]] = {}
    for frame in frames:
        for lemma in frame.lemmas:
            by_lemma[lemma] = by_lemma.get(lemma, ()) + (frame,)
    when_future = {f.type: f.when_future for f in frames if f.type is not None and f.when_future is not None}
    attack_lemmas = frozenset(lemma for f in frames if f.type is EdgeType.MILITARY_STRIKE for lemma in f.lemmas)
    transfer_verbs = frozenset(lemma for f in frames if f.type is None and "VERB" in f.pos for lemma in f.lemmas
                               if "_" not in lemma)
    commodities = frozenset(word for name in theme_types for word in classes.get(name, ()))
    event_verbs = frozenset(lemma for f in frames if "VERB" in f.pos for lemma in f.lemmas if "_" not in lemma)
    transfer_nouns = frozenset(lemma for f in frames if f.type is None and "NOUN" in f.pos for lemma in f.lemmas
                               if "_" not in lemma)
    return Lexicon(classes, frames, theme_types, by_lemma, when_future, attack_lemmas, transfer_verbs, commodities,
                   event_verbs, transfer_nouns)


@cache
def default_lexicon() -> Lexicon:
    """Return the bundled lexicon, read once per process."""
    return parse_lexicon(_read("classes.toml"), _read("frames.toml"))

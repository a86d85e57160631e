"""The state gazetteer: every form a news text uses for a sovereign state.

ISO 3166 codes and names come from pycountry and UN membership from the
country_converter table, never typed by hand; ``data/gazetteer/states.toml`` adds
what those libraries lack (short forms, demonyms, seats of power, institutions,
officials with their terms of office, Wikidata ids) and ``non_state.toml`` the
well-known non-state actors and places that must be recognised and refused.
This is the only module that reads those files; everything else asks it.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import importlib.util
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry

from alignkg.graph.errors import DataError, UnknownStateError
from alignkg.graph.model import State
from alignkg.graph.resources import data_path

#: States that are not UN members but conduct their own foreign relations (ANNOTATION.md, Actors).
EXTRA_STATES = ("PSE", "VAT", "TWN", "XKX")


class AliasKind(StrEnum):
    """How a form names its state; the extractor treats each kind differently."""

    NAME = "name"
    DEMONYM = "demonym"
    SEAT = "seat"
    INSTITUTION = "institution"
    OFFICIAL = "official"


@dataclass(frozen=True, slots=True)
class Alias:
    """One surface form of a state, valid between ``start`` and ``end`` when dated."""

    text: str
    code: str
    kind: AliasKind
    role: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def is_valid_on(self, on: dt.date | None) -> bool:
        """Tell whether the form names its state on ``on`` (always, when no date is known)."""
        if on is None:
            return True
        if self.start is not None and on < self.start:
            return False
        return self.end is None or on <= self.end


@dataclass(frozen=True, slots=True)
class NonStateName:
    """A name of something that is not a state: an armed group, organisation, company, place..."""

    text: str
    kind: str
    #: The states of a group with a fixed membership ("G7", "AUKUS"), which it names together.
    members: tuple[str, ...] = ()


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


def _un_members() -> dict[str, str]:
    """Return alpha-3 code -> year of UN membership, read from country_converter's table.

    The table is read as a file so that country_converter's pandas import is not paid.
    """
    spec = importlib.util.find_spec("country_converter")
    if spec is None or spec.origin is None:
        raise DataError("country_converter is not installed; it provides the list of UN members")
    table = Path(spec.origin).parent / "country_data.tsv"
    with table.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return {r["ISO3"]: r["UNmember"] for r in rows if r["UNmember"] not in ("", "nan")}


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise DataError(f"cannot read gazetteer file {path.name}: {err}") from err


class Gazetteer:
    """Sovereign states and every form that names them.

    Example:
        >>> gaz = Gazetteer.load()
        >>> gaz.resolve("the Kremlin")
        'RUS'
        >>> gaz.resolve("North Korea"), gaz.resolve("DPRK"), gaz.resolve("iran")
        ('PRK', 'PRK', 'IRN')
        >>> gaz.lookup("Biden", on=dt.date(2019, 1, 1)) is None
        True
    """

    def __init__(self, states: dict[str, State], aliases: list[Alias], non_state: list[NonStateName]):
        self.states = states
        self.aliases = tuple(aliases)
        self.non_state = tuple(non_state)
        self._by_text: dict[str, list[Alias]] = {}
        for alias in self.aliases:
            self._by_text.setdefault(_norm(alias.text), []).append(alias)
        self._non_state = {_norm(n.text): n for n in self.non_state}
        unknown = sorted({code for n in self.non_state for code in n.members if code not in states})
        if unknown:
            raise DataError(f"non_state.toml: group members that are no state: {', '.join(unknown)}")
        self._form_cache: dict[tuple[str, dt.date | None], tuple[frozenset[str], frozenset[AliasKind]]] = {}

    @classmethod
    def load(cls, folder: Path | None = None) -> Gazetteer:
        """Build the gazetteer from pycountry, country_converter and the bundled files.

        Raises:
            DataError: a bundled file is missing or malformed.
        """
        folder = folder or data_path("gazetteer")
        extra = _read_toml(folder / "states.toml")
        members = _un_members()
        codes = sorted(set(members) | set(EXTRA_STATES))
        states: dict[str, State] = {}
        aliases: list[Alias] = []
        for code in codes:
            entry = extra.get(code, {})
            iso = pycountry.countries.get(alpha_3=code)
            if iso is None and not ("name" in entry and "alpha2" in entry):
                raise DataError(f"state {code} is in neither pycountry nor states.toml (name and alpha2)")
            name = str(entry.get("name") or getattr(iso, "common_name", None) or getattr(iso, "name", code))
            states[code] = State(
                code=code,
                name=name,
                alpha2=entry.get("alpha2") or getattr(iso, "alpha_2", ""),
                numeric=getattr(iso, "numeric", None),
                official_name=getattr(iso, "official_name", None),
                wikidata=entry.get("wikidata"),
                un_member=code in members,
            )
            aliases.extend(cls._aliases_of(code, name, iso, entry))
        non_state = cls._non_state_names(_read_toml(folder / "non_state.toml"))
        return cls(states, aliases, non_state)

    @staticmethod
    def _aliases_of(code: str, name: str, iso: Any, entry: dict[str, Any]) -> Iterator[Alias]:
        iso_names = {name}
        if iso is not None:
            iso_names |= {iso.name, getattr(iso, "official_name", iso.name), getattr(iso, "common_name", iso.name)}
        # "Congo" is ISO's name of the Republic of the Congo, but wire copy means the DRC by it.
        iso_names -= set(entry.get("not_names", ()))
        for text in sorted(iso_names | set(entry.get("names", ()))):
            if "," not in text:  # "Korea, Republic of" is a catalogue form, not a news form
                yield Alias(text, code, AliasKind.NAME)
        for key, kind in (("demonyms", AliasKind.DEMONYM), ("seats", AliasKind.SEAT),
                          ("institutions", AliasKind.INSTITUTION)):
            for text in entry.get(key, ()):
                yield Alias(text, code, kind)
        for official in entry.get("officials", ()):
            for text in {official["name"], *official.get("aliases", ())}:
                yield Alias(text, code, AliasKind.OFFICIAL, official.get("role"),
                            official.get("start"), official.get("end"))

    @staticmethod
    def _non_state_names(table: dict[str, Any]) -> list[NonStateName]:
        names = []
        for section, default_kind in (("actor", None), ("place", "place")):
            for item in table.get(section, ()):
                kind = default_kind or item.get("kind", "organisation")
                members = tuple(item.get("members", ()))
                for text in {item["name"], *item.get("aliases", ())}:
                    names.append(NonStateName(text, kind, members))
        return names

    def state(self, code: str) -> State:
        """Return the state with ISO alpha-3 ``code``.

        Raises:
            UnknownStateError: no state has that code.
        """
        try:
            return self.states[code.upper()]
        except KeyError:
            raise UnknownStateError(code, self.suggest(code)) from None

    def lookup(self, text: str, *, on: dt.date | None = None) -> str | None:
        """Return the code of the state ``text`` names on date ``on``, or None.

        A form that names two states (rare) resolves to neither; an official
        resolves only within the terms of office that cover ``on``.
        """
        key = _norm(text)
        if key.startswith("the ") and key not in self._by_text:
            key = key[4:]
        if text.strip().isupper() and text.strip() in self.states:
            return text.strip()  # a code, written as one: "IRN", not the word "And"
        codes = {a.code for a in self._by_text.get(key, ()) if a.is_valid_on(on)}
        return codes.pop() if len(codes) == 1 else None

    def resolve(self, text: str, *, on: dt.date | None = None) -> str:
        """Return the code of the state named by ``text`` (code, name or alias).

        Raises:
            UnknownStateError: ``text`` names no state, with close suggestions.
        """
        code = self.lookup(text, on=on)
        if code is None:
            raise UnknownStateError(text, self.suggest(text))
        return code

    def suggest(self, text: str, limit: int = 3) -> list[str]:
        """Return up to ``limit`` ``"CODE Name"`` strings close to ``text``, for error messages."""
        key = _norm(text)
        forms = {_norm(a.text): a.code for a in self.aliases if a.kind in (AliasKind.NAME, AliasKind.DEMONYM)}
        forms.update({c.lower(): c for c in self.states})
        close = difflib.get_close_matches(key, list(forms), n=limit * 3, cutoff=0.6)
        codes = list(dict.fromkeys(forms[c] for c in close))[:limit]
        return [f"{c} {self.states[c].name}" for c in codes]

    def non_state_kind(self, text: str) -> str | None:
        """Return the kind of non-state actor or place ``text`` names, or None."""
        found = self._non_state.get(_norm(text))
        return found.kind if found else None

    def group_members(self, text: str) -> tuple[str, ...]:
        """Return the states a group with a fixed membership consists of ("Group of Seven"), or ().

        >>> Gazetteer.load().group_members("AUKUS")
        ('AUS', 'GBR', 'USA')
        """
        found = self._non_state.get(_norm(text))
        return found.members if found else ()

    def resolve_form(self, text: str, on: dt.date | None) -> tuple[frozenset[str], frozenset[AliasKind]]:
        """Return the codes a form names on ``on`` and the kinds of alias it is; cached per (form, date).

        The extractor asks this for every actor span, and news repeats a few forms
        many times.
        """
        key = (text, on)
        found = self._form_cache.get(key)
        if found is None:
            aliases = self.iter_aliases_of(text)
            found = (frozenset(a.code for a in aliases if a.is_valid_on(on)), frozenset(a.kind for a in aliases))
            self._form_cache[key] = found
        return found

    def iter_aliases_of(self, text: str) -> list[Alias]:
        """Return every alias spelled ``text`` (case and apostrophes ignored)."""
        key = _norm(text)
        found = self._by_text.get(key)
        if found is None and key.startswith("the "):
            found = self._by_text.get(key[4:])
        return list(found or ())

    def iter_aliases(self, kinds: Iterable[AliasKind] | None = None) -> Iterator[Alias]:
        """Yield every alias, or those of the given kinds."""
        wanted = set(kinds) if kinds is not None else None
        return (a for a in self.aliases if wanted is None or a.kind in wanted)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """Return the bundled gazetteer, loaded once per process."""
    return Gazetteer.load()

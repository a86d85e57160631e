"""The event date a sentence gives, resolved against the article's date.

"On Tuesday" in an article of Thursday 2024-05-09 is 2024-05-07; "in March 2019" is
2019-03-01; "in March" is the last March on or before the article's date; "yesterday" is
the day before it. A period (a month, a year) is dated by its first day. The words come from
``data/lexicon/dates.toml``. A sentence that gives no date, or several that disagree, has no
event date; without the article's date only a date with its year resolves. This module reads
text only: it knows nothing of facts, the store or RDF.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from alignkg.graph.errors import DataError
from alignkg.graph.resources import data_path

__all__ = ["event_date"]


@dataclass(frozen=True, slots=True)
class _Words:
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, int]
    period: tuple[str, ...]
    day: tuple[str, ...]


@lru_cache(maxsize=1)
def _words() -> _Words:
    try:
        with data_path("lexicon", "dates.toml").open("rb") as handle:
            data = tomllib.load(handle)
        months = {name: i for i, names in enumerate(data["months"], start=1) for name in names}
        return _Words(months, {name: i for i, name in enumerate(data["weekdays"])},
                      {k: int(v) for k, v in data["relative_days"].items()},
                      tuple(data["prepositions"]["period"]), tuple(data["prepositions"]["day"]))
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as err:
        raise DataError(f"lexicon: cannot read dates.toml: {err}") from err


def _alternatives(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    w = _words()
    month, weekday = _alternatives(w.months), _alternatives(w.weekdays)
    day_prep, period_prep = _alternatives(w.day), _alternatives(w.period)
    return re.compile(
        rf"(?P<iso>\b\d{{4}}-\d{{2}}-\d{{2}}\b)"
        rf"|\b(?P<m1>{month})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{{4}})\b)?"
        rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{month})\b\.?(?:,?\s+(?P<y2>\d{{4}})\b)?"
        rf"|\b(?P<m3>{month})\.?,?\s+(?P<y3>\d{{4}})\b"
        rf"|\b(?:{period_prep})\s+(?P<m4>{month})\b(?!\.?,?\s+\d)"
        rf"|\b(?:{period_prep})\s+(?:the\s+year\s+)?(?P<y5>(?:19|20)\d{{2}})\b(?!\s*-)"
        rf"|\b(?:{day_prep})\s+(?P<wd>{weekday})\b"
        rf"|\b(?P<rel>{_alternatives(w.relative)})\b",
        re.IGNORECASE)


def _last(published: dt.date, month: int) -> dt.date:
    """The first day of the last ``month`` on or before ``published``."""
    year = published.year if month <= published.month else published.year - 1
    return dt.date(year, month, 1)


def _resolve(match: re.Match[str], published: dt.date | None) -> dt.date | None:
    w = _words()
    g = match.groupdict()
    try:
        if g["iso"]:
            return dt.date.fromisoformat(g["iso"])
        for m, d, y in (("m1", "d1", "y1"), ("m2", "d2", "y2")):
            if g[m]:
                month, day = w.months[g[m].lower()], int(g[d])
                if g[y]:
                    return dt.date(int(g[y]), month, day)
                if published is None:
                    return None
                candidate = dt.date(published.year, month, day)
                return candidate if candidate <= published else dt.date(published.year - 1, month, day)
        if g["m3"]:
            return dt.date(int(g["y3"]), w.months[g["m3"].lower()], 1)
        if g["y5"]:
            return dt.date(int(g["y5"]), 1, 1)
    except ValueError:  # "February 30": no such day
        return None
    if published is None:
        return None
    if g["m4"]:
        return _last(published, w.months[g["m4"].lower()])
    if g["wd"]:
        return published - dt.timedelta(days=(published.weekday() - w.weekdays[g["wd"].lower()]) % 7)
    return published + dt.timedelta(days=w.relative[g["rel"].lower()])


def event_date(sentence: str, published: dt.date | None = None) -> dt.date | None:
    """Return the date of the event a sentence reports, when it gives one, else None.

    Args:
        sentence: the sentence.
        published: the article's date, against which "on Tuesday" or "in March" resolve.

    Returns:
        The date (the first day of a month or a year the sentence names), or None when the
        sentence gives no date, gives dates that disagree, or gives only relative ones and
        ``published`` is None.

    Raises:
        DataError: ``data/lexicon/dates.toml`` is missing or malformed.

    Example:
        >>> thursday = dt.date(2024, 5, 9)
        >>> event_date("Iran sold drones to Russia on Tuesday.", thursday)
        datetime.date(2024, 5, 7)
        >>> event_date("Iran sold drones to Russia in March 2019.", thursday)
        datetime.date(2019, 3, 1)
        >>> event_date("Iran sold drones to Russia in March.", dt.date(2024, 2, 1))
        datetime.date(2023, 3, 1)
        >>> event_date("Iran sold drones to Russia.", thursday) is None
        True
    """
    found = {_resolve(m, published) for m in _pattern().finditer(sentence)}
    found.discard(None)
    return found.pop() if len(found) == 1 else None

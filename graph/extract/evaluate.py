"""Scores the extractor against gold passages by the guide's scoring rules.

Per passage, predictions are deduplicated on (subject, type, object); a gold
fact matches a prediction with the same triple, or the reverse one when the type
is symmetric or the gold fact is ``"directed": false``. Precision, recall and F1
are micro-averaged over passages and also given per type. Claims are scored
apart: a predicted claim matches a gold claim with the same member set.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alignkg.graph.errors import InvalidInputError, NotFoundError
from alignkg.graph.extract.extractor import Extractor
from alignkg.graph.model import Extraction
from alignkg.graph.ontology import EdgeType
from alignkg.graph.resources import data_path


@dataclass(slots=True)
class Score:
    """True positives, false positives and false negatives, with the usual ratios."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """TP / (TP + FP), 1.0 when nothing was predicted and nothing was expected."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        """TP / (TP + FN), 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Miss:
    """A gold fact not found (``kind="missed"``) or a prediction not in the gold (``"spurious"``)."""

    passage: str
    kind: str
    triple: tuple[str, str, str]
    sentences: tuple[str, ...]


@dataclass(slots=True)
class Report:
    """The scores of one evaluation run."""

    micro: Score = field(default_factory=Score)
    per_type: dict[str, Score] = field(default_factory=dict)
    claims: Score = field(default_factory=Score)
    passages: int = 0
    misses: list[Miss] = field(default_factory=list)


def read_gold(path: Path) -> Iterator[dict[str, Any]]:
    """Yield the gold passages of a JSON Lines file.

    Raises:
        InvalidInputError: a line is not a JSON object with ``id`` and ``text``.
    """
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise InvalidInputError(f"{path.name} line {number}: not JSON ({err.msg})") from err
            if isinstance(row, dict) and "text" not in row and isinstance(row.get("article"), str):
                row["text"] = _bundled_text(row["article"], f"{path.name} line {number}")
            if not isinstance(row, dict) or not isinstance(row.get("text"), str) or "id" not in row:
                raise InvalidInputError(f"{path.name} line {number}: expected an object with 'id' and 'text'")
            yield row


#: The two halves of a gold file: rules are written against the study half's misses; the check half is only scored.
HALVES = ("study", "check")


def half_of(passage_id: str) -> str:
    """Return the half of a gold file a passage belongs to, by a fixed rule on its id.

    The rule (the parity of the first byte of the id's SHA-256) does not look at
    the text, so the split cannot be tuned, and the same passage always falls in
    the same half.

    >>> half_of("c2a-002"), half_of("c2a-007")
    ('study', 'check')
    """
    return HALVES[hashlib.sha256(passage_id.encode("utf-8")).digest()[0] % 2]


def _bundled_text(article_id: str, where: str) -> str:
    """Return the text of a bundled article, for gold files that name it instead of copying it."""
    path = data_path("articles", f"{article_id}.txt")
    if not path.is_file():
        raise InvalidInputError(f"{where}: no bundled article {article_id!r}")
    return path.read_text(encoding="utf-8")


def _matches(gold: dict[str, Any], triple: tuple[str, str, str]) -> bool:
    subject, edge_type, obj = triple
    if gold["type"] != edge_type:
        return False
    if (gold["subject"], gold["object"]) == (subject, obj):
        return True
    reversible = gold.get("directed") is False or EdgeType.parse(edge_type).spec.symmetric
    return reversible and (gold["subject"], gold["object"]) == (obj, subject)


def score_passage(report: Report, row: dict[str, Any], extraction: Extraction) -> None:
    """Add one passage's counts to ``report``."""
    report.passages += 1
    predicted = {(f.subject, f.type.value, f.object): f for f in extraction.facts}
    gold = list(row.get("gold", ()))
    used: set[tuple[str, str, str]] = set()
    for g in gold:
        hit = next((t for t in predicted if _matches(g, t)), None)
        per = report.per_type.setdefault(g["type"], Score())
        if hit is not None:
            used.add(hit)
            report.micro.tp += 1
            per.tp += 1
        else:
            report.micro.fn += 1
            per.fn += 1
            report.misses.append(Miss(row["id"], "missed", (g["subject"], g["type"], g["object"]), ()))
    for triple, fact in predicted.items():
        if triple in used or any(_matches(g, triple) for g in gold):
            continue
        report.micro.fp += 1
        report.per_type.setdefault(triple[1], Score()).fp += 1
        report.misses.append(Miss(row["id"], "spurious", triple, tuple(e.text for e in fact.evidence)))
    gold_sets = [frozenset(c.get("members", ())) for c in row.get("claims", ())]
    predicted_sets = {frozenset(c.members) for c in extraction.claims}
    for members in gold_sets:
        if members in predicted_sets:
            report.claims.tp += 1
        else:
            report.claims.fn += 1
            report.misses.append(Miss(row["id"], "missed claim", (",".join(sorted(members)), "claim", ""), ()))
    for members in predicted_sets - set(gold_sets):
        report.claims.fp += 1
        sentences = tuple(e.text for c in extraction.claims if frozenset(c.members) == members for e in c.evidence)
        report.misses.append(Miss(row["id"], "spurious claim", (",".join(sorted(members)), "claim", ""), sentences))


def evaluate(rows: Iterable[dict[str, Any]], extractor: Extractor) -> Report:
    """Return the scores of ``extractor`` on gold ``rows``."""
    report = Report()
    for row in rows:
        extraction = extractor.extract(row["text"], id=str(row["id"]))
        score_passage(report, row, extraction)
    return report


def evaluate_gold(path: Path, extractor: Extractor | None = None, *, half: str | None = None) -> Report:
    """Return the scores of ``extractor`` (a new one by default) on a gold file, or on one half of it.

    The one entry point of ``alignkg eval`` and of the gold tests, so that the
    half rule and the file's errors are the library's, not each caller's.

    Raises:
        NotFoundError: no such file.
        InvalidInputError: ``half`` is not one of :data:`HALVES`, or a line is malformed.
    """
    if half is not None and half not in HALVES:
        raise InvalidInputError(f"half must be one of {', '.join(HALVES)}, not {half!r}")
    if not path.is_file():
        raise NotFoundError(f"{path}: no such file")
    extractor = extractor or Extractor()
    rows = (row for row in read_gold(path) if half is None or half_of(str(row["id"])) == half)
    return evaluate(rows, extractor)

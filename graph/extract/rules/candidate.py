"""A fact as a rule proposes it, before coordination is multiplied out and repeats merged."""

from __future__ import annotations

from dataclasses import dataclass

from alignkg.graph.ontology import EdgeType


@dataclass(slots=True)
class Candidate:
    """Subjects and objects are coordinated groups: rule 2 multiplies them later."""

    subjects: tuple[str, ...]
    type: EdgeType
    objects: tuple[str, ...]
    trigger: int
    hedged: bool = False
    directed: bool = True
    negated: bool = False
    modal: bool = False

    def pairs(self) -> list[tuple[str, str]]:
        """Return every (subject, object) pair of the candidate, without self-loops (rule 2)."""
        return [(s, o) for s in self.subjects for o in self.objects if s != o]

"""The window rules: the first extractor's argument search by token windows, now a fallback.

They find arguments by scanning a few words around a trigger
(:class:`graph.extract.context.SentenceView`). The frame engine
(:mod:`graph.extract.rules.engine`) reads arguments off the parse and is the
main mechanism; these rules are consulted only for the triggers it could not
read, which on news text are mostly sentences the parser got wrong.
"""

from __future__ import annotations

from alignkg.graph.extract.context import SentenceView
from alignkg.graph.extract.rules import conflict, cooperation, transfer
from alignkg.graph.extract.rules.candidate import Candidate
from alignkg.graph.ontology import EdgeType


def find(view: SentenceView, attacked: tuple[str, ...]) -> list[Candidate]:
    """Return the window rules' candidates of one sentence; ``attacked``: states struck nearby."""
    found = conflict.find(view) + transfer.find(view)
    strikes = tuple(dict.fromkeys(o for c in found if c.type is EdgeType.MILITARY_STRIKE
                                  and not c.negated and not c.modal for o in c.objects))
    return found + cooperation.find(view, strikes or attacked)

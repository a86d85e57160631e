"""Negation (rule 4), hedging (rule 5), modality and denial (Decisions: Commitments, Denials).

A rule finds the arguments of a trigger; these functions then decide whether
the event is asserted ("did not supply" and "could send" give nothing), and
whether it is only reported ("reportedly", "accused of": a ``hedged`` fact).
"""

from __future__ import annotations

from alignkg.graph.extract import lexicon as lx
from alignkg.graph.extract.context import CLAUSE_BREAKS, SentenceView


def is_negated(view: SentenceView, t: int, *, span: int = 4) -> bool:
    """Tell whether the trigger at ``t`` is negated by a word just before it or a denial.

    "did not supply", "never sold", "no arms deal", "stopped buying", "denied
    selling", "refused to send": the negator must be in the same clause, close to
    the trigger.
    """
    for j in range(t - 1, max(view.start - 1, t - 1 - span), -1):
        w, lem = view.word(j), view.lem(j)
        if w in CLAUSE_BREAKS or w in (",", ";"):
            break
        if w in lx.NEGATORS or lem in lx.STOP_VERBS or lem in ("refuse", "decline", "fail"):
            return True
    return is_denied(view, t)


def is_denied(view: SentenceView, t: int) -> bool:
    """Tell whether the sentence denies the event at ``t``.

    "denied that Iran has been continuing to provide drones", "reports that Iran
    is selling missiles are not true", "any claim that ... is a lie".
    """
    for j in view.where(lx.DENY_VERBS, hi=t):
        if not _is_accusation_rejection(view, j):
            return True
    return view.first_of(lx.DENIAL_PHRASES, lo=t) >= 0


def _is_accusation_rejection(view: SentenceView, j: int) -> bool:
    """ "rejecting accusations against Israel" defends Israel; it denies nothing else."""
    return view.word(j + 1) in ("accusations", "criticism", "charges") and view.word(j + 2) == "against"


def is_modal(view: SentenceView, t: int, *, span: int = 4) -> bool:
    """Tell whether the event at ``t`` is only possible, planned or asked for (no fact).

    "could send", "plans to launch", "calling on X to impose", "authorised
    Ukraine to hit": a commitment ("will send") is a fact, a possibility is not.
    """
    if view.word(t).endswith("ing") and view.word(t - 1) in ("that", "against", "about", "than"):
        return True  # "warned Seoul that supplying arms would be a mistake": a hypothetical act
    for j in range(t - 1, max(view.start - 1, t - 1 - span), -1):
        w, lem = view.word(j), view.lem(j)
        if w in CLAUSE_BREAKS or w in (",", ";"):
            break
        if w in lx.MODAL_BLOCKERS or lem in lx.MODAL_BLOCKERS:
            return True
    return False


def is_hedged(view: SentenceView, t: int) -> bool:
    """Tell whether the sentence reports the event rather than asserting it (rule 5)."""
    return view.hedged

"""Rule 7 and rule 3 inside one article: one fact per relation, undirected statements join directed ones."""

from alignkg.graph.extract.merge import merge_facts
from alignkg.graph.model import Evidence
from alignkg.graph.ontology import EdgeType

AT = EdgeType.ARMS_TRANSFER


def _ev(i):
    return Evidence("a", f"sentence {i}", i * 10, i * 10 + 9)


def test_merge_undirected_joins_the_directed_fact_of_its_pair():
    facts = merge_facts([("IRN", AT, "RUS", False, True, _ev(1)), ("RUS", AT, "IRN", False, False, _ev(2))])
    assert [(f.subject, f.object, f.directed, f.evidence) for f in facts] == [
        ("IRN", "RUS", True, (_ev(1), _ev(2)))]


def test_merge_undirected_joins_both_directions_when_both_are_stated():
    facts = merge_facts([("IRN", AT, "RUS", False, True, _ev(1)), ("RUS", AT, "IRN", False, True, _ev(2)),
                         ("IRN", AT, "RUS", False, False, _ev(3))])
    assert sorted((f.subject, f.object, f.evidence) for f in facts) == [
        ("IRN", "RUS", (_ev(1), _ev(3))), ("RUS", "IRN", (_ev(2), _ev(3)))]


def test_merge_undirected_stays_undirected_without_a_direction():
    facts = merge_facts([("RUS", AT, "IRN", True, False, _ev(1)), ("IRN", AT, "RUS", False, False, _ev(2))])
    assert [(f.directed, f.hedged, len(f.evidence)) for f in facts] == [(False, False, 2)]

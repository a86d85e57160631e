"""The MultiDiGraph that kg.to_networkx() writes directly must be the one add_edges_from makes."""

import networkx as nx
import pytest

from alignkg.graph import multigraph

# Parallel edges both ways, a self-loop, an edge given twice with the same key (its attributes are updated,
# a new attribute goes last), and nodes first seen as an object: what the order of nodes, of successors, of
# predecessors and of keys depends on.
EDGES = [("IRN", "RUS", "f2", {"type": "trade", "n": 1}), ("IRN", "RUS", "f1", {"type": "alliance", "n": 2}),
         ("RUS", "IRN", "f3", {"type": "trade", "n": 3}), ("CHN", "CHN", "f4", {"type": "threat", "n": 4}),
         ("IRN", "RUS", "f2", {"n": 5, "extra": True}), ("USA", "IRN", "f5", {"type": "sanction", "n": 6}),
         ("IRN", "SYR", "f6", {}), ("SYR", "USA", "f7", {"type": "threat"})]


def _names(node):
    return {"name": node.lower()}


def _view(g):
    return (list(g.nodes(data=True)), list(g.edges(keys=True, data=True)), g.graph,
            [(u, [(v, list(keys.items())) for v, keys in nbrs.items()]) for u, nbrs in g.succ.items()],
            [(v, [(u, list(keys.items())) for u, keys in nbrs.items()]) for v, nbrs in g.pred.items()])


def _by_add_edges_from(edges):
    g = nx.MultiDiGraph()
    g.add_edges_from(edges)
    for node in g.nodes:
        g.nodes[node].update(_names(node))
    return g


def _copies(edges):
    return [(u, v, key, dict(data)) for u, v, key, data in edges]


def test_multigraph_written_directly_equals_add_edges_from():
    direct, expected = multigraph.multidigraph(_copies(EDGES), _names), _by_add_edges_from(_copies(EDGES))
    assert type(direct) is nx.MultiDiGraph
    assert repr(_view(direct)) == repr(_view(expected)) and _view(direct) == _view(expected)
    assert direct.edges["IRN", "RUS", "f2"] == {"type": "trade", "n": 5, "extra": True}
    for g in (direct, expected):  # one dict of keys for both directions, as add_edge shares it
        assert g._succ["IRN"]["RUS"] is g._pred["RUS"]["IRN"] and g._succ["CHN"]["CHN"] is g._pred["CHN"]["CHN"]
    # the graph works as any other: a removal and an addition leave it as they leave networkx's own
    for g in (direct, expected):
        g.remove_edge("IRN", "RUS", key="f1")
        g.add_edge("RUS", "CHN", key="f8", type="trade")
    assert _view(direct) == _view(expected)
    assert multigraph.multidigraph([], _names).number_of_nodes() == 0


def test_multigraph_of_another_storage_is_built_through_add_edges_from(monkeypatch):
    monkeypatch.setattr(multigraph, "_plain_storage", lambda graph: False)
    assert _view(multigraph.multidigraph(_copies(EDGES), _names)) == _view(_by_add_edges_from(_copies(EDGES)))


@pytest.mark.parametrize("factory", ["node_attr_dict_factory", "edge_key_dict_factory"])
def test_multigraph_sees_storage_it_must_not_write(monkeypatch, factory):
    class Other(dict):
        pass

    monkeypatch.setattr(nx.MultiDiGraph, factory, Other)
    assert multigraph._plain_storage(nx.MultiDiGraph()) is False
    monkeypatch.undo()
    assert multigraph._plain_storage(nx.MultiDiGraph()) is True

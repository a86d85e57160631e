"""One module per family of edge types; each exposes ``find(view) -> list[Candidate]``.

The families share argument search (:mod:`graph.extract.context`) and the
polarity rules (:mod:`graph.extract.rules.polarity`: negation, modality,
hedging, denial), so those rules of the guide are applied the same way to every
type.
"""

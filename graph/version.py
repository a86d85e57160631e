"""The version of alignkg, recorded on every extraction activity in the graph."""

__version__ = "0.1.0"

"""Text to facts: the rule-based extractor of the annotation guide.

The public entry point is :class:`graph.extract.extractor.Extractor`. Nothing in
this package touches the store, the RDF mapping or the query language.
"""

"""RDF views of the graph: the vocabulary of the ontology, and (later) facts and evidence."""

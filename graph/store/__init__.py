"""Where the RDF graph lives: the store interface and its embedded implementation."""

"""The project's IRIs: the base, the vocabulary namespace, and every IRI builder.

Only this module spells the base IRI. IRIs are deterministic so that the same
state, edge type or article always gets the same name in every export.
"""

from __future__ import annotations

from urllib.parse import quote

#: A persistent base in the w3id.org style; the vocabulary and the data live under it.
BASE = "https://w3id.org/alignkg/"
VOCAB = BASE + "ontology#"
STATE = BASE + "state/"

#: The prefixes every export and query of the project declares.
PREFIXES: dict[str, str] = {
    "ak": VOCAB,
    "state": STATE,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "schema": "https://schema.org/",
    "wd": "http://www.wikidata.org/entity/",
}


def vocab_iri(local_name: str) -> str:
    """Return the IRI of a term of the alignkg vocabulary (``ArmsTransfer``, ``subject``)."""
    return VOCAB + local_name


def state_iri(code: str) -> str:
    """Return the IRI of the state with ISO alpha-3 ``code``.

    >>> state_iri("irn")
    'https://w3id.org/alignkg/state/IRN'
    """
    return STATE + quote(code.upper(), safe="")

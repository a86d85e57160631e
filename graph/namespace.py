"""The project's IRIs: the base, the vocabulary namespace, and every IRI builder.

Only this module spells the base IRI. IRIs are deterministic so that the same
state, edge type or article always gets the same name in every export.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from urllib.parse import quote

#: A persistent base in the w3id.org style; the vocabulary and the data live under it.
BASE = "https://w3id.org/alignkg/"
VOCAB = BASE + "ontology#"
STATE = BASE + "state/"
FACT = BASE + "fact/"
CLAIM = BASE + "claim/"
EVIDENCE = BASE + "evidence/"
ARTICLE = BASE + "article/"
ACTIVITY = BASE + "activity/extractor/"
GRAPH = BASE + "graph/"
#: The named graph of states and extraction activities.
REFERENCE_GRAPH = GRAPH + "reference"
#: The named graph of facts, their direct state-to-state triples, and claims.
FACTS_GRAPH = GRAPH + "facts"

#: The prefixes every export and query of the project declares.
PREFIXES: dict[str, str] = {
    "ak": VOCAB,
    "state": STATE,
    "fact": FACT,
    "claim": CLAIM,
    "evidence": EVIDENCE,
    "article": ARTICLE,
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


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def fact_iri(subject: str, edge_type: str, obj: str) -> str:
    """Return the IRI of the fact (subject, type, object); pass symmetric or undirected pairs sorted."""
    return FACT + _digest(subject, edge_type, obj)


def claim_iri(members: Iterable[str]) -> str:
    """Return the IRI of the claim over ``members`` (order does not matter)."""
    return CLAIM + _digest(*sorted(members))


def evidence_iri(target: str, article_id: str, start: int, end: int) -> str:
    """Return the IRI of the piece of evidence for ``target`` (a fact or claim IRI) in one sentence."""
    return EVIDENCE + _digest(target, article_id, str(start), str(end))


def article_iri(article_id: str) -> str:
    """Return the IRI of an article.

    >>> article_iri("seed distant/allies")
    'https://w3id.org/alignkg/article/seed%20distant%2Fallies'
    """
    return ARTICLE + quote(article_id, safe="")


def article_graph(article_id: str) -> str:
    """Return the IRI of the named graph holding an article and its evidence."""
    return GRAPH + "article/" + quote(article_id, safe="")


def activity_iri(version: str) -> str:
    """Return the IRI of the extraction activity of extractor ``version``."""
    return ACTIVITY + quote(version, safe="")

"""The project's IRIs: the base, the vocabulary namespace, and every IRI builder.

Only this module spells the base IRI. IRIs are deterministic so that the same
state, edge type or article always gets the same name in every export.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
from collections.abc import Iterable, Iterator
from urllib.parse import quote

from alignkg.graph.ontology import TERMS

#: A persistent base in the w3id.org style; the vocabulary and the data live under it.
BASE = "https://w3id.org/alignkg/"
VOCAB = BASE + "ontology#"
STATE = BASE + "state/"
FACT = BASE + "fact/"
CLAIM = BASE + "claim/"
EVIDENCE = BASE + "evidence/"
ARTICLE = BASE + "article/"
ACTIVITY = BASE + "activity/extractor/"
CURATION = BASE + "curation/"
AGENT = BASE + "agent/"
GRAPH = BASE + "graph/"
#: The named graph of states and extraction activities.
REFERENCE_GRAPH = GRAPH + "reference"
#: The named graph of facts, their direct state-to-state triples, and claims.
FACTS_GRAPH = GRAPH + "facts"
#: The named graph of the analysts' records (assertions, retractions, reversals), kept for audit.
CURATION_GRAPH = GRAPH + "curation"
#: The named graph of the vocabulary itself (every ``ak:`` term with its label and meaning).
ONTOLOGY_GRAPH = GRAPH + "ontology"
#: The IRI of the ontology (the vocabulary namespace without its ``#``).
ONTOLOGY = VOCAB.rstrip("#")
#: The SHACL shapes of a valid graph, generated from the vocabulary.
SHAPES = BASE + "shapes#"

#: The prefixes every export and query of the project declares.
PREFIXES: dict[str, str] = {
    "ak": VOCAB,
    "state": STATE,
    "fact": FACT,
    "claim": CLAIM,
    "evidence": EVIDENCE,
    "article": ARTICLE,
    "curation": CURATION,
    "agent": AGENT,
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


class ClosedNamespace:
    """A namespace that knows its terms: a name it does not declare is an error, not a new IRI.

    As rdflib's closed namespaces do, ``AK.armsTransfer`` and ``AK["armsTransfer"]`` give the
    IRI (a ``str``), and a typo raises at once (``AttributeError``, ``KeyError``) naming the
    closest declared terms, instead of writing a term no ontology explains.

    Example:
        >>> AK.armsTransfer
        'https://w3id.org/alignkg/ontology#armsTransfer'
        >>> AK.armsTransfers  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        AttributeError: 'armsTransfers' is not a term of ak: (...); did you mean armsTransfer, ArmsTransfer, ...?
    """

    def __init__(self, base: str, names: Iterable[str]) -> None:
        self._base = base
        self._names = frozenset(names)

    def _message(self, name: str) -> str:
        close = difflib.get_close_matches(name, sorted(self._names), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        return f"{name!r} is not a term of ak: ({self._base}){hint}"

    def __getattr__(self, name: str) -> str:
        if name.startswith("_") or name not in self._names:
            raise AttributeError(self._message(name))
        return self._base + name

    def __getitem__(self, name: str) -> str:
        if name not in self._names:
            raise KeyError(self._message(name))
        return self._base + name

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._names))


#: The alignkg vocabulary: only the terms :data:`alignkg.graph.ontology.TERMS` declares.
AK = ClosedNamespace(VOCAB, TERMS)


def vocab_iri(local_name: str) -> str:
    """Return the IRI of a declared term of the alignkg vocabulary (``ArmsTransfer``, ``subject``).

    Raises:
        KeyError: ``local_name`` is not a term of the vocabulary.
    """
    return AK[local_name]


def state_iri(code: str) -> str:
    """Return the IRI of the state with ISO alpha-3 ``code``.

    >>> state_iri("irn")
    'https://w3id.org/alignkg/state/IRN'
    """
    return STATE + quote(code.upper(), safe="")


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def fact_id(fact: str) -> str:
    """Return the id of a fact given by its IRI or its id: the hash at the end of the IRI.

    The one identity of a fact outside RDF: ``kg.fact_id()``, the HTTP API's ``/facts/{id}``,
    the CLI and the events table all show it, and ``kg.fact()`` takes it (or the IRI).

    >>> fact_id("https://w3id.org/alignkg/fact/3f1b9a0c6d2e4f5a7b8c"), fact_id("3f1b9a0c6d2e4f5a7b8c")
    ('3f1b9a0c6d2e4f5a7b8c', '3f1b9a0c6d2e4f5a7b8c')
    """
    return fact.removeprefix(FACT)


@functools.lru_cache(maxsize=1 << 16)  # a listing names the same facts page after page: one SHA-256 each
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


def curation_id(*parts: str) -> str:
    """Return the id of an analyst's record from what makes it unique (kind, fact, who, when, ...)."""
    return _digest(*parts)


def curation_iri(record_id: str) -> str:
    """Return the IRI of an analyst's record (an assertion, retraction or reversal).

    >>> curation_iri("0a1b")
    'https://w3id.org/alignkg/curation/0a1b'
    """
    return CURATION + quote(record_id, safe="")


def curation_graph(record_id: str) -> str:
    """Return the IRI of the named graph holding the evidence an assertion supplied (dropped when reverted)."""
    return GRAPH + "curation/" + quote(record_id, safe="")


def agent_iri(name: str) -> str:
    """Return the IRI of the analyst (a PROV agent) named ``name``.

    >>> agent_iri("Ana Lyst")
    'https://w3id.org/alignkg/agent/Ana%20Lyst'
    """
    return AGENT + quote(name, safe="")


def activity_iri(version: str) -> str:
    """Return the IRI of the extraction activity of extractor ``version``."""
    return ACTIVITY + quote(version, safe="")

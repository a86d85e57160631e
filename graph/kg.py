"""KnowledgeGraph: the extractor, the gazetteer and the store, composed for Python users.

This module wires subsystems together and holds no rule of its own: extraction
is in :mod:`graph.extract`, the RDF shape in :mod:`graph.rdf`, storage in
:mod:`graph.store`. Every write of one article is one SPARQL Update request,
so it is applied whole or not at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from pyoxigraph import NamedNode, QueryBoolean, QuerySolutions

from graph import namespace as ns
from graph.errors import ConflictError, InvalidInputError, NotFoundError
from graph.extract.extractor import Extractor
from graph.gazetteer import Gazetteer, default_gazetteer
from graph.model import Article, Claim, Evidence, Extraction, Fact
from graph.ontology import EdgeType
from graph.query import compile_pattern
from graph.rdf import mapping, updates
from graph.rdf.export import export_selection, export_store, import_into
from graph.rdf.reader import Rows, state_code, to_python, to_rows
from graph.store.base import Store
from graph.store.oxigraph import OxigraphStore
from graph.version import __version__

_PREFIXES = dict(ns.PREFIXES)


class KnowledgeGraph:
    """The alignment graph: ingest articles, query facts with their evidence, export RDF.

    Example:
        >>> with KnowledgeGraph.in_memory() as kg:
        ...     _ = kg.ingest("Iran sold drones to Russia.", id="a1", published=dt.date(2024, 5, 1))
        ...     [(f.subject, f.type.value, f.object) for f in kg.facts(object="Russia")]
        [('IRN', 'arms_transfer', 'RUS')]
    """

    def __init__(self, store: Store, *, gazetteer: Gazetteer | None = None,
                 extractor: Extractor | None = None) -> None:
        self.store = store
        self.gazetteer = gazetteer or default_gazetteer()
        self._extractor = extractor
        self._ensure_reference()

    # --- lifecycle ------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, **options: Any) -> KnowledgeGraph:
        """Open (or create) the graph stored on disk at ``path``."""
        return cls(OxigraphStore(Path(path)), **options)

    @classmethod
    def in_memory(cls, **options: Any) -> KnowledgeGraph:
        """Return an empty graph held in memory."""
        return cls(OxigraphStore(None), **options)

    def close(self) -> None:
        """Flush and release the store."""
        self.store.close()

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @property
    def extractor(self) -> Extractor:
        """The extractor, built on first use (building the spaCy pipeline takes a moment)."""
        if self._extractor is None:
            self._extractor = Extractor(self.gazetteer)
        return self._extractor

    def _ensure_reference(self) -> None:
        if not self._ask(f"ASK {{ GRAPH <{ns.REFERENCE_GRAPH}> {{ ?s a ak:State }} }}"):
            self.store.insert(mapping.iter_state_quads(self.gazetteer.states.values()))
        if not self._ask(f"ASK {{ <{ns.activity_iri(__version__)}> ?p ?o }}"):
            self.store.insert(mapping.iter_activity_quads(__version__))

    def _ask(self, sparql: str) -> bool:
        result = self.store.query(sparql, prefixes=_PREFIXES)
        return bool(result)

    # --- writes ---------------------------------------------------------------------------------
    def ingest(self, text: str, *, id: str, url: str | None = None, published: dt.date | None = None,
               title: str | None = None, publisher: str | None = None, replace: bool = False) -> Extraction:
        """Extract an article's facts and store them with their evidence; return the extraction.

        Ingesting the same id with the same text again changes nothing. The same
        id with another text raises :class:`ConflictError` unless ``replace``.

        Raises:
            InvalidArticleError: the text is empty or too long.
            ConflictError: the id is stored with another text and ``replace`` is false.
        """
        article = Article(id=id, text=text, title=title, url=url, published=published, publisher=publisher)
        extraction = self.extractor.extract(text, id=id, published=published)
        self.ingest_extraction(article, extraction, replace=replace)
        return extraction

    def ingest_extraction(self, article: Article, extraction: Extraction, *, replace: bool = False) -> bool:
        """Store an article and an extraction made from it; return whether anything changed."""
        stored = self._stored_hash(article.id)
        if stored == mapping.text_hash(article.text):
            return False
        operations = []
        targets: list[NamedNode] = []
        if stored is not None:
            if not replace:
                raise ConflictError(f"article {article.id!r} is already stored with another text; "
                                    "pass replace=True to replace it")
            targets.extend(self._targets_of(article.id))
            operations.append(updates.delete_article(article.id))
        quads = list(mapping.iter_extraction_quads(article, extraction, __version__))
        operations.append(updates.insert_data(quads))
        targets.extend(mapping.fact_node(f) for f in extraction.facts)
        targets.extend(mapping.claim_node(c) for c in extraction.claims)
        operations.append(updates.recompute(dict.fromkeys(targets)))
        self.store.update(updates.request(*operations))
        return True

    def ingest_many(self, articles: Iterable[Article], *, replace: bool = False) -> Iterator[tuple[str, bool]]:
        """Ingest articles, one transaction each, extracting in batches; yield (id, changed) per article."""
        pending: dict[str, Article] = {}

        def texts() -> Iterator[tuple[str, str, dt.date | None]]:
            for article in articles:
                pending[article.id] = article
                yield article.id, article.text, article.published

        for extraction in self.extractor.extract_many(texts()):
            article = pending.pop(extraction.article_id)
            yield article.id, self.ingest_extraction(article, extraction, replace=replace)

    def delete_article(self, article_id: str) -> None:
        """Delete an article, its evidence, and every fact or claim left without evidence.

        Raises:
            NotFoundError: no article has that id.
        """
        if self._stored_hash(article_id) is None:
            raise NotFoundError(f"no article {article_id!r}")
        targets = self._targets_of(article_id)
        self.store.update(updates.request(updates.delete_article(article_id), updates.recompute(targets)))

    def _stored_hash(self, article_id: str) -> str | None:
        rows = self.store.query(
            f"SELECT ?h WHERE {{ GRAPH <{ns.article_graph(article_id)}> {{ ?a ak:textHash ?h }} }}",
            prefixes=_PREFIXES)
        for row in rows:
            return str(to_python(row["h"]))
        return None

    def _targets_of(self, article_id: str) -> list[NamedNode]:
        rows = self.store.query(
            f"SELECT DISTINCT ?t WHERE {{ GRAPH <{ns.article_graph(article_id)}> {{ ?e ak:supports ?t }} }}",
            prefixes=_PREFIXES)
        return [row["t"] for row in rows]

    # --- reads ----------------------------------------------------------------------------------
    def facts(self, *, subject: str | None = None, type: EdgeType | str | None = None, object: str | None = None,
              since: dt.date | None = None, until: dt.date | None = None,
              hedged: bool | None = None) -> Iterator[Fact]:
        """Yield stored facts matching the filters, without evidence (see :meth:`evidence`).

        States may be codes, names or aliases; ``type`` an :class:`EdgeType` or its id.
        ``since``/``until`` keep facts last seen on or after / first seen on or before a date.

        Raises:
            UnknownStateError: a state names no state.
            UnknownEdgeTypeError: ``type`` names no edge type.
        """
        yield from self._facts(self._fact_filters(subject, type, object, since, until, hedged))

    def _fact_filters(self, subject: str | None, type: EdgeType | str | None, object: str | None,
                      since: dt.date | None, until: dt.date | None, hedged: bool | None) -> str:
        clauses = []
        if subject is not None:
            clauses.append(f"FILTER(?s = {NamedNode(ns.state_iri(self.gazetteer.resolve(subject)))})")
        if object is not None:
            clauses.append(f"FILTER(?o = {NamedNode(ns.state_iri(self.gazetteer.resolve(object)))})")
        if type is not None:
            clauses.append(f"?f a {mapping.ak(EdgeType.parse(type).spec.rdf_class)} .")
        if since is not None:
            clauses.append(f"?f ak:lastSeen ?last . FILTER(?last >= {mapping.date(_as_date(since))})")
        if until is not None:
            clauses.append(f"?f ak:firstSeen ?first . FILTER(?first <= {mapping.date(_as_date(until))})")
        if hedged is not None:
            clauses.append(f"FILTER(?h = {mapping.boolean(hedged)})")
        return "\n".join(clauses)

    def _facts(self, filters: str) -> Iterator[Fact]:
        sparql = f"""SELECT ?f ?s ?o ?t ?h ?d WHERE {{
            ?f ak:subject ?s ; ak:object ?o ; ak:edgeType ?t ; ak:hedged ?h ; ak:directed ?d .
            {filters}
        }} ORDER BY ?t ?s ?o"""
        for row in self.store.query(sparql, prefixes=_PREFIXES):
            yield Fact(state_code(row["s"].value), EdgeType(row["t"].value), state_code(row["o"].value),
                       hedged=to_python(row["h"]), directed=to_python(row["d"]))

    def fact(self, fact_id: str) -> Fact:
        """Return one fact, with its evidence, by its IRI or the hash at its end.

        Raises:
            NotFoundError: no fact has that id.
        """
        iri = fact_id if fact_id.startswith(ns.FACT) else ns.FACT + fact_id
        found = list(self._facts(f"FILTER(?f = {NamedNode(iri)})"))
        if not found:
            raise NotFoundError(f"no fact {fact_id!r}")
        fact = found[0]
        return Fact(fact.subject, fact.type, fact.object, hedged=fact.hedged, directed=fact.directed,
                    evidence=self.evidence(fact))

    def evidence(self, fact: Fact | Claim) -> tuple[Evidence, ...]:
        """Return the sentences that support a fact or claim, each with its article and offsets."""
        node = mapping.fact_node(fact) if isinstance(fact, Fact) else mapping.claim_node(fact)
        sparql = f"""SELECT ?id ?text ?start ?end WHERE {{
            ?ev ak:supports {node} ; ak:sentence ?text ; ak:article ?a ; oa:hasTarget ?t .
            ?a schema:identifier ?id .
            ?t oa:hasSelector ?p . ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
        }} ORDER BY ?id ?start"""
        return tuple(Evidence(str(to_python(r["id"])), str(to_python(r["text"])), int(to_python(r["start"])),
                              int(to_python(r["end"])))
                     for r in self.store.query(sparql, prefixes=_PREFIXES))

    def claims(self) -> list[Claim]:
        """Return the stored claims of alignment with their claimants (from all their evidence)."""
        sparql = """SELECT ?c (GROUP_CONCAT(DISTINCT STR(?m)) AS ?members)
                   (GROUP_CONCAT(DISTINCT STR(?cl)) AS ?claimants)
            WHERE { ?c a ak:Claim ; ak:member ?m . OPTIONAL { ?ev ak:supports ?c ; ak:claimant ?cl } } GROUP BY ?c"""
        found = []
        for row in self.store.query(sparql, prefixes=_PREFIXES):
            members = tuple(sorted(state_code(m) for m in str(to_python(row["members"])).split()))
            claimants = tuple(sorted(state_code(c) for c in str(to_python(row["claimants"]) or "").split()))
            found.append(Claim(claimants, members))
        return sorted(found, key=lambda c: c.members)

    def article(self, article_id: str) -> Article:
        """Return a stored article with its text and metadata.

        Raises:
            NotFoundError: no article has that id.
        """
        sparql = f"""SELECT ?text ?title ?url ?date ?publisher WHERE {{ GRAPH <{ns.article_graph(article_id)}> {{
            ?a schema:text ?text .
            OPTIONAL {{ ?a schema:headline ?title }} OPTIONAL {{ ?a schema:url ?url }}
            OPTIONAL {{ ?a schema:datePublished ?date }} OPTIONAL {{ ?a schema:publisher/schema:name ?publisher }}
        }} }}"""
        for row in self.store.query(sparql, prefixes=_PREFIXES):
            return Article(article_id, str(to_python(row["text"])), title=to_python(row["title"]),
                           url=to_python(row["url"]), published=to_python(row["date"]),
                           publisher=to_python(row["publisher"]))
        raise NotFoundError(f"no article {article_id!r}")

    def article_ids(self) -> list[str]:
        """Return the ids of the stored articles."""
        rows = self.store.query("SELECT ?id WHERE { ?a a schema:NewsArticle ; schema:identifier ?id } ORDER BY ?id",
                                prefixes=_PREFIXES)
        return [str(to_python(r["id"])) for r in rows]

    def query(self, pattern: str) -> Rows:
        """Run a query of the pattern language and return its rows (states as codes).

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     _ = kg.ingest("Russia and China condemned the U.S. strikes on Iran.", id="a1")
            ...     sorted(row["x"] for row in kg.query("?x condemnation USA"))
            ['CHN', 'RUS']

        Raises:
            QuerySyntaxError: the pattern does not parse (with line, column and what was expected).
            UnknownStateError: a state the gazetteer does not know (with suggestions).
            UnknownEdgeTypeError: an edge type the ontology does not have.
        """
        compiled = compile_pattern(pattern, self.gazetteer)
        solutions = self.store.query(compiled.sparql, prefixes=_PREFIXES)
        return Rows(compiled.variables, [compiled.decode(s) for s in solutions])

    def sparql(self, query: str) -> Rows | bool | list[tuple[str, str, str]]:
        """Run SPARQL 1.1 with the project's prefixes predeclared over the union of all graphs.

        Returns rows for SELECT (state IRIs left as IRIs), a bool for ASK, and
        (subject, predicate, object) strings for CONSTRUCT and DESCRIBE.

        Raises:
            QuerySyntaxError: the query does not parse.
        """
        result = self.store.query(query, prefixes=_PREFIXES)
        if isinstance(result, QueryBoolean):
            return bool(result)
        if isinstance(result, QuerySolutions):
            return to_rows(result, codes=False)
        return [(str(to_python(t.subject)), str(to_python(t.predicate)), str(to_python(t.object))) for t in result]

    def stats(self) -> dict[str, Any]:
        """Return counts: quads, articles, facts (in all and by type), claims, evidence."""
        by_type = {row["t"]: row["n"] for row in to_rows(self.store.query(
            "SELECT ?t (COUNT(?f) AS ?n) WHERE { ?f ak:edgeType ?t } GROUP BY ?t ORDER BY ?t",
            prefixes=_PREFIXES))}
        counts = to_rows(self.store.query("""SELECT
            (COUNT(DISTINCT ?a) AS ?articles) (COUNT(DISTINCT ?c) AS ?claims) (COUNT(DISTINCT ?e) AS ?evidence)
            WHERE { { ?a a schema:NewsArticle } UNION { ?c a ak:Claim } UNION { ?e a ak:Evidence } }""",
            prefixes=_PREFIXES)).rows[0]
        return {"quads": self.store.count(), "facts": sum(by_type.values()), "facts_by_type": by_type, **counts}

    # --- interop --------------------------------------------------------------------------------
    def export(self, output: str | Path | IO[bytes], *, format: str | None = None,
               subject: str | None = None, type: EdgeType | str | None = None, object: str | None = None,
               state: str | None = None, since: dt.date | None = None, until: dt.date | None = None) -> None:
        """Write the graph, or the facts matching the filters with their evidence, streamed.

        Without filters the whole store is written (N-Quads and TriG keep the
        named graphs, so an import gives the same graph back). ``state`` keeps
        facts with that state on either side. The format is a name (``turtle``,
        ``ntriples``, ``nquads``, ``trig``, ``jsonld``, ``rdfxml``) or guessed
        from the file extension.

        Raises:
            InvalidInputError: unknown format, state or edge type.
        """
        if all(v is None for v in (subject, type, object, state, since, until)):
            export_store(self.store, output, format=format)
            return
        filters = self._fact_filters(subject, type, object, since, until, None)
        if state is not None:
            node = NamedNode(ns.state_iri(self.gazetteer.resolve(state)))
            filters += f"\nFILTER(?s = {node} || ?o = {node})"
        rows = self.store.query(f"SELECT ?f WHERE {{ ?f ak:subject ?s ; ak:object ?o ; ak:hedged ?h . {filters} }}",
                                prefixes=_PREFIXES)
        export_selection(self.store, (row["f"] for row in rows), output, format=format)

    def import_(self, source: str | Path | IO[bytes], *, format: str | None = None) -> None:
        """Load an RDF dump (N-Quads or TriG keep the named graphs) in one transaction."""
        import_into(self.store, source, format=format)

    def to_rdflib(self) -> Any:
        """Return the whole graph as an rdflib ``Dataset`` (named graphs kept)."""
        import io

        import rdflib

        buffer = io.BytesIO()
        self.export(buffer, format="nquads")
        dataset = rdflib.Dataset()
        dataset.parse(data=buffer.getvalue().decode("utf-8"), format="nquads")
        return dataset

    def to_networkx(self) -> Any:
        """Return a networkx ``MultiDiGraph``: one node per state, one edge per fact (key = edge type).

        Edge attributes: ``type``, ``quad_class``, ``hedged``, ``directed``, ``fact`` (the fact IRI).
        """
        import networkx

        g = networkx.MultiDiGraph()
        for fact in self.facts():
            g.add_edge(fact.subject, fact.object, key=fact.type.value, type=fact.type.value,
                       quad_class=fact.type.spec.quad_class.value, hedged=fact.hedged, directed=fact.directed,
                       fact=mapping.fact_node(fact).value)
        for node in g.nodes:
            g.nodes[node]["name"] = self.gazetteer.states[node].name if node in self.gazetteer.states else node
        return g


def _as_date(value: dt.date | str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInputError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None

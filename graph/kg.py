"""KnowledgeGraph: the extractor, the gazetteer and the store, composed for Python users.

This module wires subsystems together and holds no rule of its own: extraction
is in :mod:`alignkg.graph.extract`, the RDF shape in :mod:`alignkg.graph.rdf`, storage in
:mod:`alignkg.graph.store`. Every write of one article, or of a batch of articles
(:meth:`KnowledgeGraph.ingest_batch`), is one SPARQL Update request, so it is applied whole or not
at all; only the batch ingest's bulk-loader option trades that for speed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any

from pyoxigraph import NamedNode, Quad

from alignkg.graph import namespace as ns
from alignkg.graph.errors import (
    ConflictError,
    InvalidArticleError,
    InvalidInputError,
    NotFoundError,
    UnknownEdgeTypeError,
)
from alignkg.graph.gazetteer import Gazetteer, default_gazetteer
from alignkg.graph.model import (
    Article,
    Claim,
    Curation,
    CurationKind,
    Evidence,
    Extraction,
    Fact,
    FactPage,
    State,
    StatePage,
    check_article_id,
    to_date,
)
from alignkg.graph.ontology import EdgeType, QuadClass
from alignkg.graph.query import compile_pattern
from alignkg.graph.query.sparql import SparqlResult, negotiate, run_sparql
from alignkg.graph.rdf import curation as records
from alignkg.graph.rdf import derivation, mapping, queries, updates
from alignkg.graph.rdf import events as event_table
from alignkg.graph.rdf import facts as fact_rows
from alignkg.graph.rdf.export import ExportFormat, export_selection, export_store, import_into
from alignkg.graph.rdf.reader import Rows, state_code, to_python, to_rows
from alignkg.graph.rdf.vocabulary import iter_vocabulary_quads
from alignkg.graph.store.base import Store, has_url_scheme, is_store_url
from alignkg.graph.store.deadline import Deadline, deadline
from alignkg.graph.store.oxigraph import OxigraphStore
from alignkg.graph.store.pool import CheckpointStore
from alignkg.graph.store.results import Solutions
from alignkg.graph.version import __version__

if TYPE_CHECKING:  # imported where used: the extractor loads spaCy, the analysis networkx
    from alignkg.graph import analysis
    from alignkg.graph.extract.extractor import Extractor

_PREFIXES = dict(ns.PREFIXES)
#: Articles per transaction of :meth:`KnowledgeGraph.ingest_batch`, and between two flushes of the store: what
#: keeps a long ingest's peak memory within 500 MB (docs/decisions/20261207-store-memory.md).
INGEST_BATCH = 100


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
        #: Articles written by :meth:`ingest_batch` since it last flushed the store, over all its calls: the
        #: ingest pipeline calls it once per batch, and a count that started again at every call never flushed.
        self._unflushed = 0
        self._ensure_reference()

    # --- lifecycle ------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, *, query_timeout_s: float | None = None, query_workers: int = 8,
             query_spare: int = 2, store_reopen_writes: int | None = None, **options: Any) -> KnowledgeGraph:
        """Open (or create) the graph stored on disk at ``path``, or on the SPARQL server ``path`` is a URL of.

        An ``http://`` or ``https://`` URL opens the remote store (:meth:`connect`, with its
        defaults and no credentials but those in the URL); a URL is never taken for a folder name.

        With ``query_timeout_s``, every query runs in one of up to ``query_workers`` worker
        processes over a checkpoint of the store and is stopped (the process killed) at the
        deadline in force (:meth:`deadline`), else after ``query_timeout_s`` seconds: what a
        server needs (docs/decisions/20261207-query-deadlines.md); ``query_spare`` of them are
        kept started and idle; ``store_reopen_writes`` (default: the store's own) says after how
        many writes the store is reopened, emptying RocksDB's caches
        (docs/decisions/20261207-store-memory.md). Without it, queries run in this process, as
        fast as they can, and cannot be stopped.
        """
        if is_store_url(path):
            return cls.connect(str(path), timeout_s=30.0 if query_timeout_s is None else query_timeout_s, **options)
        _check_folder(path)
        if query_timeout_s is None:
            return cls(OxigraphStore(Path(path)), **options)
        reopen = {} if store_reopen_writes is None else {"reopen_every": store_reopen_writes}
        store = CheckpointStore(Path(path), timeout_s=query_timeout_s, workers=query_workers, spare=query_spare,
                                **reopen)
        try:
            return cls(store, **options)
        except BaseException:
            store.close()
            raise

    @classmethod
    def connect(cls, url: str, *, update_url: str | None = None, graph_store_url: str | None = None,
                user: str | None = None, password: str | None = None, token: str | None = None,
                digest: bool = False, timeout_s: float = 30.0, retries: int = 3,
                gazetteer: Gazetteer | None = None, extractor: Extractor | None = None) -> KnowledgeGraph:
        """Open the graph held by a SPARQL 1.1 server at ``url`` (:class:`alignkg.graph.store.remote.RemoteStore`).

        The server must answer queries over the union of its named graphs (``oxigraph serve
        --union-default-graph``; see docs/deploy.md for Virtuoso, Fuseki, GraphDB and Neptune).
        Every request waits at most ``timeout_s`` seconds (less under a :meth:`deadline`), and a
        transient failure is tried again ``retries`` times. The reference data (states, the
        vocabulary) is written on first use, as on disk. The graph is the server's named graphs
        under ``https://w3id.org/alignkg/graph/``: exports and counts leave any other graph out.

        Raises:
            InvalidInputError: ``url`` is not an http(s) URL.
            StoreError: the server cannot be reached, refuses the credentials, or fails.
        """
        from alignkg.graph.store.remote import RemoteStore

        store = RemoteStore(url, update_url=update_url, graph_store_url=graph_store_url, user=user,
                            password=password, token=token, digest=digest, timeout_s=timeout_s, retries=retries,
                            graph_prefix=ns.GRAPH)
        try:
            return cls(store, gazetteer=gazetteer, extractor=extractor)
        except BaseException:
            store.close()
            raise

    @staticmethod
    def is_remote(location: str | Path) -> bool:
        """Return whether ``location`` is the URL of a SPARQL server (http or https) rather than a store folder.

        Example:
            >>> KnowledgeGraph.is_remote("http://127.0.0.1:7878"), KnowledgeGraph.is_remote("data/store")
            (True, False)
        """
        return is_store_url(location)

    @staticmethod
    def deadline(seconds: float | None) -> AbstractContextManager[Deadline | None]:
        """Return a context in which every query of the graph must end within ``seconds`` in all.

        A graph opened with ``query_timeout_s`` kills a query at the deadline; the embedded store
        checks it between rows. Past it, a query raises :class:`QueryLimitError` (code
        ``query_timeout``). Deadlines follow the context (thread or task), so each request of a
        server can have its own.

        Example:
            >>> with KnowledgeGraph.in_memory() as kg, kg.deadline(5.0):
            ...     kg.article_ids()
            []
        """
        return deadline(seconds)

    @classmethod
    def in_memory(cls, **options: Any) -> KnowledgeGraph:
        """Return an empty graph held in memory."""
        return cls(OxigraphStore(None), **options)

    def close(self) -> None:
        """Flush and release the store."""
        self.store.close()

    @property
    def generation(self) -> int | None:
        """A number that changes after every write to the graph through this object; ``None`` for a remote store.

        Every write path (ingest, a batch, a delete, a curation, an import, a refresh) writes
        through the store, which counts its writes once they are visible. An answer read after
        reading the number ``g`` may be kept and served again for as long as the number is
        still ``g`` (the HTTP service's response cache does that). A remote store, which other
        clients write too, gives ``None``: nothing read from it may be kept.

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     before = kg.generation
            ...     _ = kg.ingest("Iran sold drones to Russia.", id="a1")
            ...     kg.generation != before
            True
        """
        return self.store.generation

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @property
    def extractor(self) -> Extractor:
        """The extractor, built on first use (building the spaCy pipeline takes a moment)."""
        if self._extractor is None:
            from alignkg.graph.extract.extractor import Extractor

            self._extractor = Extractor(self.gazetteer)
        return self._extractor

    def _ensure_reference(self) -> None:
        if not self._ask(queries.HAS_STATES.bind(graph=NamedNode(ns.REFERENCE_GRAPH))):
            self.store.insert(mapping.iter_state_quads(self.gazetteer.states.values()))
        if not self._ask(queries.HAS_ACTIVITY.bind(activity=NamedNode(ns.activity_iri(__version__)))):
            self.store.insert(mapping.iter_activity_quads(__version__))
        self._ensure_ontology()

    def _ensure_ontology(self) -> None:
        """Write the vocabulary into its named graph unless it is there as this version declares it.

        A store whose facts were written under another vocabulary (an older version) is then
        brought up to date: its evidence gets the flag that says whether its sentence gave the
        direction (from the fact it supports), and :meth:`refresh` derives the rest.
        """
        graph = NamedNode(ns.ONTOLOGY_GRAPH)
        stored = {(r["s"], r["p"], r["o"]) for r in self.store.query(queries.GRAPH_TRIPLES.bind(graph=graph),
                                                                     prefixes=_PREFIXES)}
        quads = list(iter_vocabulary_quads())
        if stored == {(q.subject, q.predicate, q.object) for q in quads}:
            return
        upgrade = self._ask(queries.HAS_FACTS.bind())
        operations = [updates.drop_graph(graph), updates.insert_data(quads)]
        if upgrade:
            operations.append(updates.flag_evidence_direction())
        self.store.update(updates.request(*operations))
        if upgrade:
            self.refresh()

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
            InvalidArticleError: the text is empty or too long, the id or the url is not valid.
            ConflictError: the id is stored with another text and ``replace`` is false.
        """
        article, extraction = self.extract(text, id=id, url=url, published=published, title=title,
                                           publisher=publisher)
        self.ingest_extraction(article, extraction, replace=replace)
        return extraction

    def extract(self, text: str, *, id: str, url: str | None = None, published: dt.date | None = None,
                title: str | None = None, publisher: str | None = None) -> tuple[Article, Extraction]:
        """Return an article and the extraction of its facts, without touching the store.

        :meth:`ingest` is this, then :meth:`ingest_extraction`; a server calls them apart, so
        that the long part (the extraction) holds no lock of the store.

        Raises:
            InvalidArticleError: the text is empty or too long, the id or the url is not valid.

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     article, extraction = kg.extract("Iran sold drones to Russia.", id="a1")
            ...     [(f.subject, f.type.value, f.object) for f in extraction.facts], kg.article_ids()
            ([('IRN', 'arms_transfer', 'RUS')], [])
        """
        check_article_id(id)
        if url is not None:
            try:
                NamedNode(url)
            except ValueError as err:
                raise InvalidArticleError(f"article {id!r}: url {url!r} is not a valid IRI ({err})") from err
        article = Article(id=id, text=text, title=title, url=url, published=published, publisher=publisher)
        return article, self.extractor.extract(text, id=id, published=published)

    def ingest_extraction(self, article: Article, extraction: Extraction, *, replace: bool = False) -> bool:
        """Store an article and an extraction made from it, in one transaction; return whether anything changed.

        Raises:
            InvalidArticleError: the article's id is not valid (:func:`alignkg.graph.model.check_article_id`).
            ConflictError: the id is stored with another text and ``replace`` is false.
        """
        check_article_id(article.id)
        stored = self._stored_hash(article.id)
        if stored == mapping.text_hash(article.text):
            return False
        operations = []
        groups: list[mapping.FactGroup] = []
        claims: list[NamedNode] = []
        if stored is not None:
            if not replace:
                raise ConflictError(f"article {article.id!r} is already stored with another text; "
                                    "pass replace=True to replace it")
            groups, claims = self._targets_of(article.id)
            operations.append(updates.delete_article(article.id))
        quads = list(mapping.iter_extraction_quads(article, extraction, __version__))
        operations.append(updates.insert_data(quads))
        groups.extend(mapping.FactGroup.of(f) for f in extraction.facts)
        claims.extend(mapping.claim_node(c) for c in extraction.claims)
        operations.append(updates.recompute(groups, dict.fromkeys(claims)))
        self.store.update(updates.request(*operations))
        return True

    def ingest_batch(self, pairs: Iterable[tuple[Article, Extraction]], *, replace: bool = False,
                     batch: int = INGEST_BATCH, atomic: bool = True,
                     flush_every: int = INGEST_BATCH) -> Iterator[tuple[str, bool]]:
        """Store articles with their extractions, ``batch`` at a time; yield (id, changed) per article.

        The store ends as :meth:`ingest_extraction` once per article leaves it, at a fraction of
        the cost: the derived values of a batch are computed in Python
        (:mod:`alignkg.graph.rdf.derivation`) from one read of what the store holds, and written
        together. With ``atomic`` (the default) a batch is one transaction, so after a crash
        each article is wholly present or absent. Without it the quads go through the store's
        bulk loader (:meth:`Store.bulk_insert`, several times faster) and one transaction then
        removes stale values and marks the batch's articles stored: a crash in between leaves
        the batch's quads without the marks, and ingesting the same articles again completes
        them. An article already stored with the same text is left as it is; one stored with
        another text is replaced one transaction at a time (with ``replace``). The store is
        flushed after every ``flush_every`` articles written through this graph, counted over calls
        (the ingest pipeline calls this once per batch), which bounds RocksDB's memtables; ``batch``
        bounds the Python objects of a batch, which grow with the evidence its facts already have.
        Both default to 100: a 100,000-fact ingest peaked at 878-883 MiB with 500 and 500, 415-418 MiB
        with 100 and 100 (docs/decisions/20261207-store-memory.md).

        Raises:
            InvalidArticleError: an article's id is not valid (the articles before it are stored).
            ConflictError: an id is stored with another text and ``replace`` is false (likewise).

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     pairs = [kg.extract("Iran sold drones to Russia.", id="a1"),
            ...              kg.extract("Russia sold jets to Iran.", id="a2")]
            ...     list(kg.ingest_batch(pairs)), list(kg.ingest_batch(pairs))
            ...     [(f.subject, f.object, f.articles) for f in kg.facts()]
            ([('a1', True), ('a2', True)], [('a1', False), ('a2', False)])
            [('IRN', 'RUS', 1), ('RUS', 'IRN', 1)]
        """
        if batch < 1 or flush_every < 1:
            raise InvalidInputError(f"batch and flush_every must be at least 1, not {batch} and {flush_every}")
        pending: list[tuple[Article, Extraction]] = []

        def write() -> Iterator[tuple[str, bool]]:
            done = self._write_batch(pending, replace=replace, atomic=atomic)
            self._unflushed += len(pending)
            pending.clear()
            if self._unflushed >= flush_every:
                self.store.flush()
                self._unflushed = 0
            yield from done

        for article, extraction in pairs:
            try:
                check_article_id(article.id)
            except InvalidArticleError:
                if pending:
                    yield from write()
                raise
            if any(a.id == article.id for a, _ in pending):  # the same id twice: the first one goes first
                yield from write()
            pending.append((article, extraction))
            if len(pending) >= batch:
                yield from write()
        if pending:
            yield from write()

    def _write_batch(self, pairs: list[tuple[Article, Extraction]], *, replace: bool,
                     atomic: bool) -> list[tuple[str, bool]]:
        """Store new articles of ``pairs`` in one batch, the others one at a time; return (id, changed) in order."""
        graphs = [NamedNode(ns.article_graph(a.id)) for a, _ in pairs]
        stored = {row["g"].value: str(to_python(row["h"])) for row in self.store.query(
            queries.ARTICLE_TEXT_HASHES.bind(graphs=graphs), prefixes=_PREFIXES)}
        new: list[tuple[Article, Extraction]] = []
        for article, extraction in pairs:
            known = stored.get(ns.article_graph(article.id))
            if known is not None and known != mapping.text_hash(article.text) and not replace:
                self._write_new(new, atomic=atomic)  # the articles before the conflict, as one by one would
                raise ConflictError(f"article {article.id!r} is already stored with another text; "
                                    "pass replace=True to replace it")
            if known is None:
                new.append((article, extraction))
        self._write_new(new, atomic=atomic)
        fresh = {a.id for a, _ in new}
        return [(a.id, True if a.id in fresh else self.ingest_extraction(a, e, replace=replace)) for a, e in pairs]

    def _write_new(self, pairs: list[tuple[Article, Extraction]], *, atomic: bool) -> None:
        """Write articles the store does not hold, with what they change of the facts they state."""
        if not pairs:
            return
        marks: list[Quad] = []
        quads: list[Quad] = []
        hash_term = mapping.ak("textHash")
        for article, extraction in pairs:
            for quad in mapping.iter_extraction_quads(article, extraction, __version__):
                (marks if quad.predicate == hash_term else quads).append(quad)
        groups = list(dict.fromkeys(mapping.FactGroup.of(f) for _, e in pairs for f in e.facts))
        claims = list(dict.fromkeys(mapping.claim_node(c) for _, e in pairs for c in e.claims))
        nodes = derivation.nodes_of(groups, claims)
        state = derivation.State(set(nodes))
        for row in self.store.query(queries.DERIVATION_EVIDENCE.bind(nodes=nodes), prefixes=_PREFIXES):
            for quad in derivation.evidence_quads(row):
                state.add(quad, stored=True)
        facts = NamedNode(ns.FACTS_GRAPH)
        for row in self.store.query(queries.DERIVATION_FACTS.bind(nodes=nodes, graph=facts), prefixes=_PREFIXES):
            state.add(Quad(row["s"], row["p"], row["o"], facts), stored=True)
        state.retracted = {row["f"] for row in self.store.query(
            queries.DERIVATION_RETRACTED.bind(nodes=nodes, curation=NamedNode(ns.CURATION_GRAPH)),
            prefixes=_PREFIXES)}
        for quad in quads:
            state.add(quad, stored=False)
        add, remove = derivation.derive(state, groups, claims)
        if atomic:
            self.store.update(updates.request(updates.delete_data(remove), updates.insert_data([*add, *marks])))
        else:
            self.store.bulk_insert(add)
            self.store.update(updates.request(updates.delete_data(remove), updates.insert_data(marks)))

    def stored_articles(self, articles: Iterable[Article]) -> dict[str, bool]:
        """Return, for each of ``articles`` the store holds, whether it holds it with the same text.

        One query for all of them: what a resumable ingest asks before it extracts, so that
        articles already stored cost no extraction. Ids the store lacks are not in the answer.

        Raises:
            InvalidArticleError: an article's id is not valid.

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     _ = kg.ingest("Iran sold drones to Russia.", id="a1")
            ...     kg.stored_articles([Article("a1", "Iran sold drones to Russia."), Article("a2", "Iran.")])
            ...     kg.stored_articles([Article("a1", "Another text.")])
            {'a1': True}
            {'a1': False}
        """
        ids: dict[str, Article] = {}
        for article in articles:
            check_article_id(article.id)
            ids.setdefault(ns.article_graph(article.id), article)
        if not ids:
            return {}
        rows = self.store.query(queries.ARTICLE_TEXT_HASHES.bind(graphs=[NamedNode(g) for g in ids]),
                                prefixes=_PREFIXES)
        hashes = {row["g"].value: str(to_python(row["h"])) for row in rows}
        return {ids[g].id: h == mapping.text_hash(ids[g].text) for g, h in hashes.items()}

    def ingest_many(self, articles: Iterable[Article], *, replace: bool = False) -> Iterator[tuple[str, bool]]:
        """Ingest articles, extracting in batches; yield (id, changed) per article.

        They are stored with :meth:`ingest_batch`: one transaction per batch of articles.
        """
        pending: dict[str, Article] = {}

        def texts() -> Iterator[tuple[str, str, dt.date | None]]:
            for article in articles:
                pending[article.id] = article
                yield article.id, article.text, article.published

        def pairs() -> Iterator[tuple[Article, Extraction]]:
            for extraction in self.extractor.extract_many(texts()):
                yield pending.pop(extraction.article_id), extraction

        yield from self.ingest_batch(pairs(), replace=replace)

    def delete_article(self, article_id: str) -> None:
        """Delete an article, its evidence, and every fact or claim left without evidence.

        Raises:
            NotFoundError: no article has that id.
        """
        if self._stored_hash(article_id) is None:
            raise NotFoundError(f"no article {article_id!r}")
        groups, claims = self._targets_of(article_id)
        self.store.update(updates.request(updates.delete_article(article_id), updates.recompute(groups, claims)))

    def refresh(self, *, batch: int = 1000) -> int:
        """Recompute every fact and claim from the evidence in the store; return how many groups were done.

        Each write keeps what it touches up to date; this is for quads written another way
        (a bulk load of extraction quads, a store made by an older version): evidence that
        names no direction joins the directed fact of its relation, derived values and direct
        triples are written again, facts and claims without evidence are removed. One
        request per ``batch`` groups.

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     _ = kg.ingest("Iran sold drones to Russia.", id="a1")
            ...     kg.refresh(), [f.object for f in kg.facts()]
            (1, ['RUS'])
        """
        groups = list(dict.fromkeys(self._groups(queries.ALL_FACT_GROUPS.bind())))
        claims = [row["c"] for row in self.store.query(queries.ALL_CLAIMS.bind(), prefixes=_PREFIXES)]
        for i in range(0, max(len(groups), len(claims)), batch):
            self.store.update(updates.request(updates.recompute(groups[i:i + batch], claims[i:i + batch])))
        return len(groups)

    def _groups(self, sparql: str) -> Iterator[mapping.FactGroup]:
        """Yield the group of every fact a query finds as ``?s ?t ?o`` (states, type id)."""
        for row in self.store.query(sparql, prefixes=_PREFIXES):
            yield mapping.FactGroup.of(Fact(to_python(row["s"], codes=True), EdgeType(row["t"].value),
                                            to_python(row["o"], codes=True)))

    def _stored_hash(self, article_id: str) -> str | None:
        rows = self.store.query(queries.ARTICLE_TEXT_HASH.bind(graph=NamedNode(ns.article_graph(article_id))),
                                prefixes=_PREFIXES)
        for row in rows:
            return str(to_python(row["h"]))
        return None

    def _targets_of(self, article_id: str) -> tuple[list[mapping.FactGroup], list[NamedNode]]:
        """Return the groups of the facts and the claims an article's evidence supports."""
        graph = NamedNode(ns.article_graph(article_id))
        groups = list(self._groups(queries.ARTICLE_FACT_GROUPS.bind(graph=graph)))
        claims = [row["target"] for row in self.store.query(queries.ARTICLE_CLAIMS.bind(graph=graph),
                                                            prefixes=_PREFIXES)]
        return groups, claims

    # --- curation: analysts' corrections, recorded with PROV-O (docs/rdf-model.md#curation) -------
    def assert_fact(self, subject: str, type: EdgeType | str, object: str, *, url: str, sentence: str,
                    by: str | None = None, reason: str | None = None, published: dt.date | str | None = None,
                    hedged: bool = False, directed: bool = True, key: str | None = None) -> Curation:
        """Add a fact the extractor missed, quoting the sentence of a source that states it; return the record.

        The sentence becomes the fact's evidence (a quotation of ``url``, dated ``published``
        when given, which dates the fact and resolves "on Tuesday" in the sentence), so the fact
        counts like any other: one more article and source. The record keeps who (``by``, the
        analyst's name; ``key``, the API key of an HTTP request, of which only a fingerprint is
        stored; one of them is needed), when and why.
        :meth:`revert` takes the evidence out again.

        Raises:
            UnknownStateError: a state names no state.
            UnknownEdgeTypeError: ``type`` names no edge type.
            InvalidInputError: an empty sentence or name, a URL that is not http(s), a fact of a
                state with itself, or a bad date.
            ConflictError: the fact is retracted (revert the retraction first).

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     record = kg.assert_fact("Iran", "arms_transfer", "Russia", by="ana",
            ...                             url="https://example.org/news/1", sentence="Iran sold drones to Russia.")
            ...     (fact,) = kg.facts()
            ...     record.kind.value, fact.subject, fact.object, fact.articles, fact.sources
            ('assertion', 'IRN', 'RUS', 1, 1)
        """
        fact = Fact(self.gazetteer.resolve(subject), EdgeType.parse(type), self.gazetteer.resolve(object),
                    hedged=hedged, directed=directed)
        if fact.subject == fact.object:
            raise InvalidInputError(f"a fact links two different states, not {fact.subject} with itself")
        url = _checked_url(url)
        sentence = _checked_text(sentence, "sentence", 5000)
        day = to_date(published)
        node = mapping.fact_node(fact)
        standing = [r for r in self.curations(fact=node.value) if r.kind is CurationKind.RETRACTION and r.active]
        if standing:
            raise ConflictError(f"fact {node.value.removeprefix(ns.FACT)!r} is retracted (record "
                                f"{standing[-1].id!r}); revert the retraction before asserting it")
        from alignkg.graph.extract.dates import event_date

        who = _who(by, key)
        record = records.new_record(CurationKind.ASSERTION, node, at=_now(), reason=_optional_text(reason, "reason"),
                                    url=url, sentence=sentence, by=who[0], key=who[1])
        quads = list(records.iter_assertion_quads(record, fact, published=day, event_date=event_date(sentence, day),
                                                  version=__version__))
        self.store.update(updates.request(updates.insert_data(quads),
                                          updates.recompute([mapping.FactGroup.of(fact)])))
        return record

    def retract_fact(self, fact: Fact | str, *, reason: str, by: str | None = None,
                     key: str | None = None) -> Curation:
        """Take a wrong fact out of listings, the analysis and the direct triples; return the record.

        The fact stays in the store with its evidence, flagged ``ak:retracted``, so
        :meth:`fact` still shows it with the record; an article that states it again
        (re-ingested, or new) does not bring it back. :meth:`revert` undoes the retraction.

        Raises:
            NotFoundError: no fact has that id.
            InvalidInputError: an empty reason or name.
            ConflictError: the fact is already retracted.

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     _ = kg.ingest("Iran sold drones to Russia.", id="a1")
            ...     (fact,) = kg.facts()
            ...     record = kg.retract_fact(fact, reason="the drones were Turkish", by="ana")
            ...     list(kg.facts()), kg.fact(kg.fact_id(fact)).retracted
            ([], True)
        """
        found = self.fact(fact if isinstance(fact, str) else self.fact_id(fact))
        node = mapping.fact_node(found)
        if found.retracted:
            standing = [r.id for r in found.curations if r.kind is CurationKind.RETRACTION and r.active]
            raise ConflictError(f"fact {self.fact_id(found)!r} is already retracted (record {standing[-1]!r})")
        who = _who(by, key)
        record = records.new_record(CurationKind.RETRACTION, node, at=_now(),
                                    reason=_checked_text(reason, "reason", 2000), by=who[0], key=who[1])
        self.store.update(updates.request(updates.insert_data(records.iter_record_quads(record)),
                                          updates.recompute([mapping.FactGroup.of(found)])))
        return record

    def revert(self, record_id: str, *, by: str | None = None, reason: str | None = None,
               key: str | None = None) -> Curation:
        """Undo an assertion (its evidence goes) or a retraction (the fact counts again); return the reversal.

        Both records stay, the undone one pointing to its reversal, so the history can be audited.

        Raises:
            NotFoundError: no record has that id.
            InvalidInputError: an empty name.
            ConflictError: the record is a reversal, or was already reverted.

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     record = kg.assert_fact("IRN", "arms_transfer", "RUS", by="ana",
            ...                             url="https://example.org/news/1", sentence="Iran sold drones to Russia.")
            ...     _ = kg.revert(record.id, by="ana", reason="misread")
            ...     list(kg.facts()), kg.curation(record.id).reverted_by is not None
            ([], True)
        """
        target = self.curation(record_id)
        if target.kind is CurationKind.REVERSAL:
            raise ConflictError(f"record {record_id!r} is a reversal, which cannot be reverted; assert or retract "
                                "the fact again instead")
        if target.reverted_by is not None:
            raise ConflictError(f"record {record_id!r} was already reverted by {target.reverted_by!r}")
        node = NamedNode(ns.FACT + target.fact)
        who = _who(by, key)
        record = records.new_record(CurationKind.REVERSAL, node, at=_now(), reason=_optional_text(reason, "reason"),
                                    reverts=target.id, by=who[0], key=who[1])
        operations = [updates.insert_data(records.iter_record_quads(record))]
        if target.kind is CurationKind.ASSERTION:
            operations.append(records.drop_evidence(target.id))
        groups = list(self._groups(queries.FACT_GROUP.bind(graph=NamedNode(ns.FACTS_GRAPH), fact=node)))
        operations.append(updates.recompute(groups))
        self.store.update(updates.request(*operations))
        return record

    def curations(self, *, fact: Fact | str | None = None) -> list[Curation]:
        """Return the analysts' records, oldest first: all, or those on one fact (a Fact, its id or IRI).

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     record = kg.assert_fact("IRN", "arms_transfer", "RUS", by="ana",
            ...                             url="https://example.org/news/1", sentence="Iran sold drones to Russia.")
            ...     [(r.kind.value, r.by, r.url) for r in kg.curations()]
            [('assertion', 'ana', 'https://example.org/news/1')]
        """
        node = None
        if fact is not None:
            node = mapping.fact_node(fact) if isinstance(fact, Fact) else _fact_node(fact)
        sparql = queries.records(fact=node)
        return [records.record_of(row) for row in self.store.query(sparql, prefixes=_PREFIXES)]

    def curation(self, record_id: str) -> Curation:
        """Return one analyst's record by id.

        Raises:
            NotFoundError: no record has that id.
        """
        try:
            NamedNode(ns.curation_iri(record_id))
        except ValueError:
            raise NotFoundError(f"no curation record {record_id!r}") from None
        for row in self.store.query(queries.records(record=records.record_node(record_id)), prefixes=_PREFIXES):
            return records.record_of(row)
        raise NotFoundError(f"no curation record {record_id!r}")

    # --- reads ----------------------------------------------------------------------------------
    def facts(self, *, subject: str | None = None, type: EdgeType | str | None = None, object: str | None = None,
              since: dt.date | str | None = None, until: dt.date | str | None = None, hedged: bool | None = None,
              quad_class: QuadClass | str | None = None, date: str = "seen", min_sources: int | None = None,
              after: str | None = None, limit: int | None = None) -> Iterator[Fact]:
        """Yield stored facts matching the filters, without evidence (see :meth:`evidence`).

        Each fact carries when and how often it is stated (``first_seen``, ``last_seen``,
        ``event_date``, ``articles``, ``sources``, ``evidence_count``). Retracted facts are
        left out (:meth:`fact` still shows them).

        States may be codes, names or aliases; ``type`` an :class:`EdgeType` or its id,
        ``quad_class`` a :class:`QuadClass` or its id (facts of every type in it).
        ``since``/``until`` keep facts last seen on or after / first seen on or before a date
        (a ``datetime.date`` or an ISO ``YYYY-MM-DD`` string); with ``date="event"`` they
        look at the fact's event date instead. ``min_sources`` keeps facts stated by at
        least that many distinct sources (publishers).
        Facts come ordered by (type, subject, object). For cursor pagination, ``after`` is
        the id of the last fact of the previous page (see :meth:`fact_id`) and ``limit``
        the size of a page.

        Raises:
            UnknownStateError: a state names no state.
            UnknownEdgeTypeError: ``type`` names no edge type or ``quad_class`` no quad class.
            InvalidInputError: ``after`` names no stored fact, ``limit`` or ``min_sources`` is
                negative, or ``date`` is neither ``seen`` nor ``event``.

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     _ = kg.ingest("Iran sold drones to Russia on Tuesday.", id="a1", published=dt.date(2024, 5, 9),
            ...                   url="https://example.org/a1")
            ...     _ = kg.ingest("Iran sold drones to Russia.", id="a2", url="https://example.com/a2")
            ...     [(f.event_date, f.articles, f.sources) for f in kg.facts(min_sources=2)]
            [(datetime.date(2024, 5, 7), 2, 2)]
        """
        selection = self._filter(subject, type, object, since, until, hedged, quad_class, date=date,
                                 min_sources=min_sources)
        for _, fact in self._listing(selection, after, limit):
            yield fact

    def facts_page(self, *, subject: str | None = None, type: EdgeType | str | None = None,
                   object: str | None = None, since: dt.date | str | None = None, until: dt.date | str | None = None,
                   hedged: bool | None = None, quad_class: QuadClass | str | None = None, date: str = "seen",
                   min_sources: int | None = None, after: str | None = None, limit: int = 100) -> FactPage:
        """Return one page of :meth:`facts` (same filters and order) with the number of matches on all pages.

        ``after`` is the ``next_cursor`` of the previous page (a fact id), ``limit`` the size of
        a page. What a server's listing needs in as few queries as the store allows: for one
        state's facts, one query of every match's sort keys (which also counts them) and one of
        the page's facts (:func:`alignkg.graph.rdf.queries.listing_keys`); otherwise a listing
        one type at a time and a count.

        Raises:
            UnknownStateError: a state names no state.
            UnknownEdgeTypeError: ``type`` names no edge type or ``quad_class`` no quad class.
            InvalidInputError: ``after`` names no stored fact, ``limit`` is below 1, ``min_sources``
                is negative, or ``date`` is neither ``seen`` nor ``event``.

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     _ = kg.ingest("Iran sold drones to Russia. Iran struck Israel. Iran condemned Syria.", id="a1")
            ...     first = kg.facts_page(subject="Iran", limit=2)
            ...     second = kg.facts_page(subject="Iran", limit=2, after=first.next_cursor)
            >>> [(f.type.value, f.object) for f in first.facts + second.facts], first.total, second.next_cursor
            ([('arms_transfer', 'RUS'), ('condemnation', 'SYR'), ('military_strike', 'ISR')], 3, None)
        """
        if limit < 1:
            raise InvalidInputError(f"limit must be at least 1, not {limit}")
        selection = self._filter(subject, type, object, since, until, hedged, quad_class, date=date,
                                 min_sources=min_sources)
        if queries.listing_types(selection) == [None]:
            return self._state_page(selection, after, limit)
        listed = list(self._listing(selection, after, limit + 1))
        total = self._count(selection)
        page = listed[:limit]
        return FactPage(tuple(f for _, f in page), tuple(ns.fact_id(i) for i, _ in page), total,
                        ns.fact_id(page[-1][0]) if len(listed) > limit else None)

    def _state_page(self, selection: fact_rows.FactFilter, after: str | None, limit: int) -> FactPage:
        """Return a page of one state's facts: every match's keys sorted here, then the page's facts read whole."""
        keyed = self._listing_keys(selection)
        cursor = _fact_node(after).value if after is not None else None
        cursor_key = None
        if cursor is not None and all(iri != cursor for _, iri in keyed):
            t, sk, ok = self._after(str(after))
            cursor_key = (t.value, sk.value, ok.value)
        start = fact_rows.page_start(keyed, cursor, cursor_key)
        chosen = [iri for _, iri in keyed[start:start + limit + 1]]
        page = chosen[:limit]
        found = self._facts_of(page)
        return FactPage(tuple(found[i] for i in page), tuple(ns.fact_id(i) for i in page), len(keyed),
                        ns.fact_id(page[-1]) if len(chosen) > limit else None)

    def _listing_keys(self, selection: fact_rows.FactFilter) -> list[tuple[fact_rows.ListingKey, str]]:
        """Return (sort key, IRI) of every fact ``selection`` keeps, in the listing's order (sorted here)."""
        return sorted((fact_rows.listing_key(row), row["f"].value)
                      for row in self.store.query(queries.listing_keys(selection), prefixes=_PREFIXES))

    def _facts_of(self, iris: list[str]) -> dict[str, Fact]:
        """Return the facts of the IRIs ``iris`` (without evidence), by IRI, in one query."""
        if not iris:
            return {}
        return {row["f"].value: fact_rows.fact_of(row, "s", "o") for row in self.store.query(
            queries.FACTS_OF.bind(facts=[NamedNode(i) for i in iris]), prefixes=_PREFIXES)}

    def _first_evidence(self, iris: list[str], most: int) -> dict[str, tuple[Evidence, ...]]:
        """Return the first ``most`` pieces of evidence of each fact of ``iris`` by IRI, in (article, offset) order."""
        found: dict[str, list[tuple[tuple[str, int], Evidence]]] = {}
        if iris and most > 0:
            for row in self.store.query(queries.EVIDENCE_OF.bind(targets=[NamedNode(i) for i in iris]),
                                        prefixes=_PREFIXES):
                evidence = _evidence_of(row, "id", "text", "start", "end", "event", "by")
                found.setdefault(row["target"].value, []).append(((evidence.article_id, evidence.start), evidence))
        return {iri: tuple(e for _, e in sorted(pieces, key=lambda p: p[0])[:most]) for iri, pieces in found.items()}

    def _listing(self, selection: fact_rows.FactFilter, after: str | None,
                 limit: int | None) -> Iterator[tuple[str, Fact]]:
        """Yield (IRI, fact) of the facts ``selection`` keeps, in the listing's order, from after ``after``."""
        if limit is not None and limit < 0:
            raise InvalidInputError(f"limit must be at least 0, not {limit}")
        cursor = self._after(after) if after is not None else None
        # One query per edge type, in the listing's order, each sorting only its own facts and stopping
        # at the page's end: one ORDER BY over every match sorted them all before a page was cut
        # (queries.listing_types says when one query is better).
        left = limit
        for edge_type in queries.listing_types(selection, after=cursor):
            if left is not None and left <= 0:
                return
            if edge_type is None:  # one query for all types
                keys, typed = cursor, selection
            else:
                keys = cursor if cursor is not None and cursor[0].value == edge_type.value else None
                typed = dataclasses.replace(selection, type=edge_type)
            sparql = queries.facts(typed, after=keys, limit=left)
            for row in self.store.query(sparql, prefixes=_PREFIXES):
                yield row["f"].value, fact_rows.fact_of(row)
                if left is not None:
                    left -= 1

    def count_facts(self, *, subject: str | None = None, type: EdgeType | str | None = None,
                    object: str | None = None, since: dt.date | str | None = None, until: dt.date | str | None = None,
                    hedged: bool | None = None, quad_class: QuadClass | str | None = None, date: str = "seen",
                    min_sources: int | None = None) -> int:
        """Return the number of facts :meth:`facts` yields with the same filters (all pages).

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     _ = kg.ingest("Iran sold drones to Russia. Israel struck Iran.", id="a1")
            ...     kg.count_facts(), kg.count_facts(object="Iran")
            (2, 1)
        """
        return self._count(self._filter(subject, type, object, since, until, hedged, quad_class, date=date,
                                        min_sources=min_sources))

    def _count(self, selection: fact_rows.FactFilter) -> int:
        for row in self.store.query(queries.fact_count(selection), prefixes=_PREFIXES):
            return int(to_python(row["n"]))
        return 0

    def _filter(self, subject: str | None, type: EdgeType | str | None, object: str | None,
                since: dt.date | str | None, until: dt.date | str | None, hedged: bool | None,
                quad_class: QuadClass | str | None = None, *, date: str = "seen", min_sources: int | None = None,
                state: str | None = None, retracted: bool = False) -> fact_rows.FactFilter:
        """Return the filter of a fact listing, with states resolved and values checked."""
        if min_sources is not None and min_sources < 0:
            raise InvalidInputError(f"min_sources must be at least 0, not {min_sources}")
        resolve = self.gazetteer.resolve
        return fact_rows.FactFilter(
            subject=resolve(subject) if subject is not None else None,
            object=resolve(object) if object is not None else None,
            state=resolve(state) if state is not None else None,
            type=EdgeType.parse(type) if type is not None else None,
            quad_class=_quad_class(quad_class) if quad_class is not None else None,
            since=to_date(since), until=to_date(until),
            date=fact_rows.DateBasis.parse(date), hedged=hedged, min_sources=min_sources, retracted=retracted)

    def _after(self, fact_id: str) -> tuple[Any, Any, Any]:
        """Return the sort keys (type, subject, object) of the fact ``fact_id``, where the next page starts."""
        # No name holds the results: pyoxigraph frees them only on this thread, and the error
        # raised below may travel to another one with this frame in its traceback.
        for row in self.store.query(queries.FACT_KEYS.bind(fact=_fact_node(fact_id)), prefixes=_PREFIXES):
            return row["t"], row["sk"], row["ok"]
        raise InvalidInputError(f"the cursor {fact_id!r} names no stored fact (it may have been deleted); "
                                "start again from the first page")

    @staticmethod
    def fact_id(fact: Fact | str) -> str:
        """Return the id of a fact: the hash at the end of its IRI, which :meth:`fact` accepts.

        ``fact`` is a :class:`Fact`, or a fact's IRI or id as the analysis gives it (``FactRef.id``,
        the ids in a report): the library, the HTTP API and the CLI show this one id.

        Example:
            >>> from alignkg.graph.model import Fact
            >>> fact_id = KnowledgeGraph.fact_id(Fact("IRN", EdgeType.ARMS_TRANSFER, "RUS"))
            >>> len(fact_id), KnowledgeGraph.fact_id("https://w3id.org/alignkg/fact/" + fact_id) == fact_id
            (20, True)
        """
        return ns.fact_id(mapping.fact_node(fact).value if isinstance(fact, Fact) else fact)

    def fact(self, fact_id: str) -> Fact:
        """Return one fact, with its evidence, by its IRI or the hash at its end.

        Raises:
            NotFoundError: no fact has that id.
        """
        sparql = queries.facts(fact_rows.FactFilter(retracted=True, fact=_fact_node(fact_id)))
        found = [fact_rows.fact_of(row) for row in self.store.query(sparql, prefixes=_PREFIXES)]
        if not found:
            raise NotFoundError(f"no fact {fact_id!r}")
        return dataclasses.replace(found[0], evidence=self.evidence(found[0]),
                                   curations=tuple(self.curations(fact=found[0])))

    def evidence(self, fact: Fact | Claim) -> tuple[Evidence, ...]:
        """Return the sentences that support a fact or claim, each with its article and offsets."""
        node = mapping.fact_node(fact) if isinstance(fact, Fact) else mapping.claim_node(fact)
        sparql = queries.EVIDENCE.bind(target=node)
        return tuple(_evidence_of(r, "id", "text", "start", "end", "event", "by")
                     for r in self.store.query(sparql, prefixes=_PREFIXES))

    def claims(self) -> list[Claim]:
        """Return the stored claims of alignment with their claimants (from all their evidence)."""
        sparql = queries.CLAIMS.bind()
        found = []
        for row in self.store.query(sparql, prefixes=_PREFIXES):
            members = tuple(sorted(state_code(m) or m for m in str(to_python(row["members"])).split()))
            claimants = tuple(sorted(state_code(c) or c for c in str(to_python(row["claimants"]) or "").split()))
            found.append(Claim(claimants, members))
        return sorted(found, key=lambda c: c.members)

    def claim(self, claim: str | int) -> Claim:
        """Return a stored claim by its number in :meth:`claims` (from 1) or by its id (:meth:`claim_id`).

        Raises:
            NotFoundError: no claim has that number or id (the message gives the numbers there are).

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     _ = kg.ingest("Russian officials said Moscow and Tehran form a united front.", id="a1")
            ...     kg.claim(1).members, kg.claim(kg.claim_id(kg.claim("1"))).members
            (('IRN', 'RUS'), ('IRN', 'RUS'))
        """
        claims = self.claims()
        text = str(claim).strip()
        if text.isascii() and text.isdigit() and len(text) <= 9 and 1 <= int(text) <= len(claims):
            return claims[int(text) - 1]
        for found in claims:
            if self.claim_id(found) == text:
                return found
        raise NotFoundError(f"no claim {text!r}: give its number (1 to {len(claims)}) or its id, as the list of "
                            "claims gives them")

    @staticmethod
    def claim_id(claim: Claim) -> str:
        """Return the id of a claim: the hash at the end of its IRI (one per set of members, in any order).

        Example:
            >>> KnowledgeGraph.claim_id(Claim((), ("RUS", "IRN"))) == KnowledgeGraph.claim_id(Claim((), ("IRN", "RUS")))
            True
        """
        return mapping.claim_node(claim).value[len(ns.CLAIM):]

    def state_counts(self) -> list[tuple[State, int, int]]:
        """Return every state with the number of facts it is the subject of and the object of, by code.

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     _ = kg.ingest("Iran sold drones to Russia.", id="a1")
            ...     [(s.code, out, into) for s, out, into in kg.state_counts() if out or into]
            [('IRN', 1, 0), ('RUS', 0, 1)]
        """
        outs, ins = ({to_python(r["x"], codes=True): int(to_python(r["n"]))
                      for r in self.store.query(query.bind(), prefixes=_PREFIXES)}
                     for query in (queries.STATE_SUBJECT_COUNTS, queries.STATE_OBJECT_COUNTS))
        return [(state, outs.get(code, 0), ins.get(code, 0)) for code, state in sorted(self.gazetteer.states.items())]

    def state_edges(self, state: str) -> tuple[State, dict[EdgeType, list[Fact]], dict[EdgeType, list[Fact]]]:
        """Return a state with its facts and their evidence, by type: those it is the subject of, then the object of.

        The state may be a code, name or alias. Facts come in (type, subject, object)
        order, and the evidence of each in (article, offset) order.

        Raises:
            UnknownStateError: ``state`` names no state (with close suggestions).

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     _ = kg.ingest("Iran sold drones to Russia.", id="a1")
            ...     iran, out, into = kg.state_edges("Iran")
            >>> iran.code, [(t.value, [f.object for f in facts]) for t, facts in out.items()], into
            ('IRN', [('arms_transfer', ['RUS'])], {})
            >>> out[EdgeType.ARMS_TRANSFER][0].evidence[0].text
            'Iran sold drones to Russia.'
        """
        code = self.gazetteer.resolve(state)
        node = NamedNode(ns.state_iri(code))
        sparql = queries.STATE_EDGES.bind(state=node)
        found: dict[str, tuple[Fact, dict[Evidence, None]]] = {}  # evidence as an ordered set
        for row in self.store.query(sparql, prefixes=_PREFIXES):
            fact, evidence = found.setdefault(row["f"].value, (fact_rows.fact_of(row, "s", "o"), {}))
            if row["id"] is not None:
                evidence[_evidence_of(row, "id", "text", "start", "end", "ed", "by")] = None
        out: dict[EdgeType, list[Fact]] = {}
        into: dict[EdgeType, list[Fact]] = {}
        for fact, evidence in found.values():
            side = out if fact.subject == code else into
            side.setdefault(fact.type, []).append(dataclasses.replace(fact, evidence=tuple(evidence)))
        return self.gazetteer.state(code), out, into

    def state_page(self, state: str, *, limit: int = 100, evidence_limit: int = 5) -> StatePage:
        """Return a state with its first ``limit`` facts on each side, by type, each with a few sentences.

        What :meth:`state_edges` gives, bounded for a server: a state with thousands of facts
        answers with a page of them, the count of every type on each side, and at most
        ``evidence_limit`` pieces of evidence per fact (:meth:`facts_page` and :meth:`fact` give the
        rest). Facts come in (type, subject, object) order, evidence in (article, offset) order.
        Four queries whatever the size: the keys of each side's facts (which also count them),
        the page's facts, and their evidence.

        Raises:
            UnknownStateError: ``state`` names no state (with close suggestions).
            InvalidInputError: ``limit`` below 1 or ``evidence_limit`` below 0.

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     _ = kg.ingest("Iran sold drones to Russia. Iran struck Israel. Iran condemned Syria.", id="a1")
            ...     page = kg.state_page("Iran", limit=2, evidence_limit=1)
            >>> [(t.value, [f.object for f in facts]) for t, facts in page.outgoing.items()], page.total
            ([('arms_transfer', ['RUS']), ('condemnation', ['SYR'])], 3)
            >>> page.outgoing[EdgeType.ARMS_TRANSFER][0].evidence[0].text
            'Iran sold drones to Russia.'
            >>> page.outgoing_counts[EdgeType.MILITARY_STRIKE], page.incoming
            (1, {})
        """
        if limit < 1 or evidence_limit < 0:
            raise InvalidInputError(f"limit must be at least 1 and evidence_limit at least 0, not {limit} and "
                                    f"{evidence_limit}")
        code = self.gazetteer.resolve(state)
        sides = [self._listing_keys(fact_rows.FactFilter(subject=code)),
                 self._listing_keys(fact_rows.FactFilter(object=code))]
        pages = [[iri for _, iri in keyed[:limit]] for keyed in sides]
        chosen = pages[0] + pages[1]
        facts = self._facts_of(chosen)
        sentences = self._first_evidence(chosen, evidence_limit)
        grouped: list[dict[EdgeType, list[Fact]]] = [{}, {}]
        for side, page in zip(grouped, pages, strict=True):
            for iri in page:
                fact = dataclasses.replace(facts[iri], evidence=sentences.get(iri, ()))
                side.setdefault(fact.type, []).append(fact)
        counts: list[dict[EdgeType, int]] = [{}, {}]
        for tally, keyed in zip(counts, sides, strict=True):
            for key, _ in keyed:
                edge_type = EdgeType(key[0])
                tally[edge_type] = tally.get(edge_type, 0) + 1
        return StatePage(self.gazetteer.state(code), grouped[0], grouped[1], counts[0], counts[1])

    def article(self, article_id: str) -> Article:
        """Return a stored article with its text and metadata.

        Raises:
            NotFoundError: no article has that id.
        """
        sparql = queries.ARTICLE.bind(graph=NamedNode(ns.article_graph(article_id)))
        for row in self.store.query(sparql, prefixes=_PREFIXES):
            return Article(article_id, str(to_python(row["text"])), title=to_python(row["title"]),
                           url=to_python(row["url"]), published=to_python(row["date"]),
                           publisher=to_python(row["publisher"]))
        raise NotFoundError(f"no article {article_id!r}")

    def article_ids(self) -> list[str]:
        """Return the ids of the stored articles."""
        rows = self.store.query(queries.ARTICLE_IDS.bind(), prefixes=_PREFIXES)
        return [str(to_python(r["id"])) for r in rows]

    def query(self, pattern: str, *, max_rows: int | None = None, max_bytes: int | None = None) -> Rows:
        """Run a query of the pattern language and return its rows (states as codes).

        With ``max_rows`` (or ``max_bytes``), one row more (or more bytes of results) raises
        :class:`QueryLimitError` (code ``result_too_large``) as soon as it is read: the rows are
        never all built first.

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     _ = kg.ingest("Russia and China condemned the U.S. strikes on Iran.", id="a1")
            ...     sorted(row["x"] for row in kg.query("?x condemnation USA"))
            ['CHN', 'RUS']

        Raises:
            QuerySyntaxError: the pattern does not parse (with line, column and what was expected).
            UnknownStateError: a state the gazetteer does not know (with suggestions).
            UnknownEdgeTypeError: an edge type the ontology does not have.
            QueryLimitError: past the deadline, ``max_rows`` or ``max_bytes``.
        """
        compiled = compile_pattern(pattern, self.gazetteer)
        solutions = self.store.query(compiled.sparql, prefixes=_PREFIXES, max_rows=max_rows, max_bytes=max_bytes)
        return Rows(compiled.variables, [compiled.decode(s) for s in solutions])

    def sparql(self, query: str) -> Rows | bool | list[tuple[str, str, str]]:
        """Run SPARQL 1.1 with the project's prefixes predeclared over the union of all graphs.

        Returns rows for SELECT (state IRIs left as IRIs), a bool for ASK, and
        (subject, predicate, object) strings for CONSTRUCT and DESCRIBE.

        Raises:
            QuerySyntaxError: the query does not parse.
        """
        result = self.store.query(query, prefixes=_PREFIXES)
        if isinstance(result, bool):
            return result
        if isinstance(result, Solutions):
            return to_rows(result, codes=False)
        return [(str(to_python(t.subject)), str(to_python(t.predicate)), str(to_python(t.object))) for t in result]

    def run_sparql(self, query: str, *, accept: str | None = None, format: str | None = None,
                   timeout_s: float | None = None, max_rows: int = 10_000, max_bytes: int | None = None,
                   allow_service: bool = False) -> SparqlResult:
        """Run a SPARQL query as a public endpoint does; return its results serialized (SPARQL 1.1 Protocol).

        The policy is :func:`alignkg.graph.query.sparql.run_sparql`'s: updates and (unless
        ``allow_service``) ``SERVICE`` are refused, the query stops at the deadline (``timeout_s``
        from now, or the one in force) and at ``max_rows`` results (or ``max_bytes``), and the
        format follows ``accept`` or ``format``.

        Raises:
            QueryRefusedError: an update, or a SERVICE clause that is not allowed.
            QuerySyntaxError: the query does not parse.
            QueryLimitError: past the deadline or the row cap.
            InvalidInputError: no result format fits ``accept`` or ``format``.
        """
        return run_sparql(self.store, query, accept=accept, format=format, timeout_s=timeout_s, max_rows=max_rows,
                          max_bytes=max_bytes, allow_service=allow_service, prefixes=_PREFIXES,
                          isolated=isinstance(self.store, CheckpointStore))

    def stats(self) -> dict[str, Any]:
        """Return counts: quads, articles, facts (in all and by type), claims, evidence, retracted facts, records.

        Retracted facts are not among ``facts``: they are counted apart (``retracted``), as are the
        analysts' records (``curations``).
        """
        by_type = {row["t"]: row["n"] for row in to_rows(self.store.query(queries.FACTS_BY_TYPE.bind(),
                                                                          prefixes=_PREFIXES))}
        counts = to_rows(self.store.query(queries.RESOURCE_COUNTS.bind(), prefixes=_PREFIXES)).rows[0]
        curation = to_rows(self.store.query(queries.CURATION_COUNTS.bind(), prefixes=_PREFIXES)).rows[0]
        return {"quads": self.store.count(), "facts": sum(by_type.values()), "facts_by_type": by_type, **counts,
                **curation}

    # --- analysis: one-line wrappers of alignkg.graph.analysis (see docs/analysis.md) ---------------
    def dyad(self, a: str, b: str, **options: Any) -> analysis.DyadScore:
        """Return the alignment score of a pair, with the facts behind it (:func:`alignkg.graph.analysis.dyad_score`).

        Options: ``weights``, ``since``, ``until``.

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     _ = kg.ingest("Iran sold drones to Russia.", id="a1")
            ...     kg.dyad("Russia", "Iran").summary
            'RUS and IRN: score +2.0 (normalized +1.00) from 1 fact(s): arms transfer x1 (+2.0)'
        """
        from alignkg.graph import analysis

        return analysis.dyad_score(analysis.fact_view(self, states=(a, b)), a, b, **options)

    def dyad_trend(self, a: str, b: str, **options: Any) -> analysis.DyadTrend:
        """Return the score of two states per year or month (:func:`alignkg.graph.analysis.dyad_trend`).

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     _ = kg.ingest("Iran sold drones to Russia.", id="a1", published=dt.date(2023, 2, 1))
            ...     [(p.period, p.score) for p in kg.dyad_trend("IRN", "RUS", by="month").points]
            [('2023-02', 2.0)]
        """
        from alignkg.graph import analysis

        return analysis.dyad_trend(analysis.fact_view(self, states=(a, b)), a, b, **options)

    def bloc(self, states: analysis.Members, **options: Any) -> analysis.BlocReport:
        """Return the bloc test of a claim or a list of states (:func:`alignkg.graph.analysis.bloc_report`).

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     _ = kg.ingest("Russia and North Korea signed a defence pact.", id="a1")
            ...     kg.bloc(["RUS", "PRK", "IRN"]).headline
            'material ties without mutual defence'
        """
        from alignkg.graph import analysis

        return analysis.bloc_report(analysis.bloc_view(self, states), states, **options)

    def analysis_view(self, **options: Any) -> Any:
        """Return the typed fact multigraph (networkx) the analysis works on (:func:`alignkg.graph.analysis.fact_view`).

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     _ = kg.ingest("Iran sold drones to Russia.", id="a1")
            ...     [(u, v, d["type"].value) for u, v, d in kg.analysis_view().edges(data=True)]
            [('IRN', 'RUS', 'arms_transfer')]
        """
        from alignkg.graph import analysis

        return analysis.fact_view(self, **options)

    def communities(self, **options: Any) -> tuple[analysis.Community, ...]:
        """Return the communities of cooperation (:func:`alignkg.graph.analysis.communities`).

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     _ = kg.ingest("Iran sold drones to Russia.", id="a1")
            ...     [c.members for c in kg.communities(seed=1)]
            [('IRN', 'RUS')]
        """
        from alignkg.graph import analysis

        return analysis.communities(analysis.fact_view(self), **options)

    def centrality(self, **options: Any) -> tuple[analysis.Centrality, ...]:
        """Return the states' centrality in the cooperation graph (:func:`alignkg.graph.analysis.centrality`).

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     _ = kg.ingest("Iran sold drones to Russia. China bought oil from Iran.", id="a1")
            ...     [(c.state, c.value) for c in kg.centrality(top=1)]
            [('IRN', 4.0)]
        """
        from alignkg.graph import analysis

        return analysis.centrality(analysis.fact_view(self), **options)

    def supply_chains(self, **options: Any) -> tuple[analysis.SupplyChain, ...]:
        """Return the paths of arms transfers (:func:`alignkg.graph.analysis.supply_chains`).

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     _ = kg.ingest("Belarus sold rifles to Iran. Iran delivered missiles to Russia.", id="a1")
            ...     [c.states for c in kg.supply_chains()]
            [('BLR', 'IRN', 'RUS')]
        """
        from alignkg.graph import analysis

        return analysis.supply_chains(analysis.fact_view(self), **options)

    def partner_adversaries(self, **options: Any) -> tuple[analysis.PartnerAdversary, ...]:
        """Return the "adversary of my partner" patterns (:func:`alignkg.graph.analysis.partner_adversaries`).

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     _ = kg.ingest("Iran sold drones to Russia. Russia attacked Ukraine.", id="a1")
            ...     [(p.state, p.partner, p.adversary, p.relation) for p in kg.partner_adversaries()]
            [('IRN', 'RUS', 'UKR', 'none')]
        """
        from alignkg.graph import analysis

        return analysis.partner_adversaries(analysis.fact_view(self), **options)

    # --- interop --------------------------------------------------------------------------------
    def export(self, output: str | Path | IO[bytes], *, format: str | None = None,
               subject: str | None = None, type: EdgeType | str | None = None, object: str | None = None,
               state: str | None = None, since: dt.date | str | None = None,
               until: dt.date | str | None = None, hedged: bool | None = None,
               quad_class: QuadClass | str | None = None, date: str = "seen",
               min_sources: int | None = None) -> None:
        """Write the graph, or the facts matching the filters with their evidence, streamed; or the events table.

        Without filters the whole store is written (N-Quads, TriG and JSON-LD keep the
        named graphs, so an import gives the same graph back). ``state`` keeps
        facts with that state on either side. The format is a name (``turtle``,
        ``ntriples``, ``nquads``, ``trig``, ``jsonld``, ``rdfxml``) or guessed
        from the file extension. ``csv`` and ``parquet`` write the events table of
        the matching facts instead (see :meth:`facts_frame`; Parquet needs pyarrow).

        Raises:
            InvalidInputError: unknown format, state or edge type; parquet without pyarrow.

        Example:
            >>> import io
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     _ = kg.ingest("Iran sold drones to Russia.", id="a1", url="https://example.org/a1")
            ...     out = io.BytesIO()
            ...     kg.export(out, format="csv")
            ...     out.getvalue().decode().splitlines()[1].split(",")[1:6]
            ['IRN', 'arms_transfer', 'RUS', 'material_cooperation', 'true']
        """
        selection = self._filter(subject, type, object, since, until, hedged, quad_class, date=date,
                                 min_sources=min_sources, state=state)
        table = event_table.TableFormat.lookup(format, path=output if isinstance(output, (str, Path)) else None)
        if table is not None:
            event_table.write_table(event_table.iter_rows(self.store, selection), output, table)
            return
        try:
            ExportFormat.parse(format, path=output if isinstance(output, (str, Path)) else None)
        except InvalidInputError as err:
            tables = ", ".join(t.value for t in event_table.TableFormat)
            raise InvalidInputError(f"{err}; or, for the events table, {tables}") from None
        if all(v is None for v in (subject, type, object, state, since, until, hedged, quad_class, min_sources)):
            export_store(self.store, output, format=format)
            return
        rows = self.store.query(queries.fact_ids(selection), prefixes=_PREFIXES)
        export_selection(self.store, (row["f"] for row in rows), output, format=format)

    @staticmethod
    def export_media(format: str | None = None, *, accept: str | None = None) -> tuple[str, str, str]:
        """Return the (format, media type, file extension) of an export: ``format``, else what ``accept`` prefers.

        ``format`` is any name :meth:`export` takes; without it the HTTP ``Accept`` header
        chooses among the RDF formats and the events table (Turtle when it says nothing).

        Raises:
            InvalidInputError: an unknown ``format``; code ``not_acceptable`` when ``accept``
                accepts none of the formats (the message lists them).

        Example:
            >>> KnowledgeGraph.export_media(accept="application/n-quads, text/turtle;q=0.5")
            ('nquads', 'application/n-quads', 'nq')
            >>> KnowledgeGraph.export_media("csv")
            ('csv', 'text/csv', 'csv')
        """
        offers: dict[str, tuple[str, str, str]] = {}
        for fmt in ExportFormat:
            offers[fmt.media_type] = (fmt.value, fmt.media_type, fmt.rdf_format.file_extension)
        for kind in event_table.TableFormat:
            offers[kind.media_type] = (kind.value, kind.media_type, kind.file_extension)
        if format is not None:
            table = event_table.TableFormat.lookup(format)
            chosen = table.media_type if table is not None else ExportFormat.parse(format).media_type
            return offers[chosen]
        media = negotiate(accept, list(offers))
        if media is None:
            error = InvalidInputError(f"cannot export as {accept!r}; acceptable media types: {', '.join(offers)}")
            error.code = "not_acceptable"
            raise error
        return offers[media]

    def facts_frame(self, *, subject: str | None = None, type: EdgeType | str | None = None,
                    object: str | None = None, state: str | None = None, since: dt.date | str | None = None,
                    until: dt.date | str | None = None, hedged: bool | None = None,
                    quad_class: QuadClass | str | None = None, date: str = "seen",
                    min_sources: int | None = None) -> Any:
        """Return the events table of the matching facts as a pandas DataFrame (pandas must be installed).

        One row per fact that is not retracted, with the columns of ``docs/analysis.md``
        (:data:`alignkg.graph.rdf.events.COLUMNS`): states, type, quad class, direction,
        dates, counts, one sentence and its URL, and the PLOVER type, CAMEO codes and
        Goldstein weight of the type, so the data compares with event datasets. The
        filters are those of :meth:`facts`. ``frame.to_parquet(path)`` writes Parquet
        when pyarrow is installed (as ``kg.export(path, format="parquet")`` does).

        Raises:
            UnknownStateError: a state names no state.
            UnknownEdgeTypeError: ``type`` names no edge type.
            InvalidInputError: a bad date, basis or ``min_sources``.

        Example:
            >>> with KnowledgeGraph.in_memory() as kg:
            ...     _ = kg.ingest("Iran sold drones to Russia.", id="a1", url="https://example.org/a1")
            ...     frame = kg.facts_frame()
            ...     frame[["subject", "plover", "cameo_root", "goldstein", "sources"]].values.tolist()
            [['IRN', 'COOPERATE', '06', 7.4, 1]]
        """
        selection = self._filter(subject, type, object, since, until, hedged, quad_class, date=date,
                                 min_sources=min_sources, state=state)
        return event_table.to_frame(event_table.iter_rows(self.store, selection))

    def import_(self, source: str | Path | IO[bytes], *, format: str | None = None) -> None:
        """Load an RDF dump (N-Quads, TriG or JSON-LD keep the named graphs) in one transaction.

        Raises:
            InvalidInputError: an unknown format, or a triples-only format (Turtle, N-Triples,
                RDF/XML) into a store of articles or with articles in it (the message names the
                formats that keep them).
            QuerySyntaxError: the data does not parse.
        """
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
        """Return a networkx ``MultiDiGraph``: one node per state, one edge per fact (key = the fact id).

        Keyed by fact, not by type: two facts of one type between the same states (one each way)
        are two edges. Edge attributes: ``type``, ``quad_class``, ``hedged``, ``directed``,
        ``fact`` (the fact id, as :meth:`fact_id` gives it), ``iri`` (the fact's IRI, to join the
        RDF export), ``first_seen``, ``last_seen``, ``event_date``, ``articles``, ``sources`` and
        ``evidence`` (the number of pieces of evidence). Retracted facts are left out.
        """
        from alignkg.graph.multigraph import multidigraph

        # One unordered query, sorted here in the listing's order (type, subject, object, then IRI), so the
        # graph's nodes and edges come in the order they always did; the fact's IRI comes from the store.
        # The edges are made straight from the rows, without a Fact per row, and written into the graph's
        # adjacency as add_edges_from would add them (docs/decisions/20261207-lean-reads.md).
        states = self.gazetteer.states

        def node_data(node: Any) -> dict[str, Any]:
            return {"name": states[node].name if node in states else node}

        rows = self.store.query(queries.ALL_FACTS.bind(), prefixes=_PREFIXES)
        return multidigraph(fact_rows.fact_edges(rows), node_data)


def _check_folder(path: str | Path) -> None:
    """Refuse a store folder that is a URL of another scheme, or an http(s) URL whose ``//`` a ``Path`` folded.

    Raises:
        InvalidInputError: ``path`` is such a URL (the message says what is accepted).
    """
    text = str(path)
    folded = isinstance(path, Path) and path.parts[:1] in (("http:",), ("https:",))
    if has_url_scheme(text) or folded:
        raise InvalidInputError(f"store {text!r} is a URL, not a folder: a remote store is an http:// or https:// "
                                "URL of a SPARQL server, given as a string")


def _fact_node(fact_id: str) -> NamedNode:
    """Return the IRI of a fact given by its IRI or its id (the hash at its end).

    Raises:
        NotFoundError: ``fact_id`` cannot be a fact's id (it is no IRI).
    """
    try:
        return NamedNode(fact_id if fact_id.startswith(ns.FACT) else ns.FACT + fact_id)
    except ValueError:
        raise NotFoundError(f"no fact {fact_id!r}") from None


def _evidence_of(row: Any, *names: str) -> Evidence:
    """Return the evidence of a row, its columns named: article id, sentence, start, end, event date, assertion."""
    article, text, start, end, event, by = (row[n] for n in names)
    curation = None if by is None else str(by.value).removeprefix(ns.CURATION)
    return Evidence(str(to_python(article)), str(to_python(text)), int(to_python(start)), int(to_python(end)),
                    to_python(event), curation)


def _now() -> dt.datetime:
    """Return the time of a record: now, in UTC (to the microsecond, which orders records made in one second)."""
    return dt.datetime.now(dt.UTC)


def _checked_text(value: str, what: str, longest: int) -> str:
    """Return ``value`` stripped; it must be text with something in it, and not too long.

    Raises:
        InvalidInputError: empty, or longer than ``longest`` characters.
    """
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        raise InvalidInputError(f"{what} must be a non-empty text, not {value!r}")
    if len(text) > longest:
        raise InvalidInputError(f"{what} is {len(text)} characters long; at most {longest}")
    return text


def _who(by: str | None, key: str | None) -> tuple[str, str | None]:
    """Return who makes a record: the analyst's name, else ``key <fingerprint>``; and the key's fingerprint.

    Raises:
        InvalidInputError: neither a name nor a key, or a blank or too long name.
    """
    fingerprint = records.key_fingerprint(key) if key else None
    if by is None and fingerprint is None:
        raise InvalidInputError("say who makes the record: by= (a name) or key= (an API key)")
    name = _checked_text(by, "by", 200) if by is not None else f"key {fingerprint}"
    return name, fingerprint


def _optional_text(value: str | None, what: str) -> str | None:
    return None if value is None or not value.strip() else _checked_text(value, what, 2000)


def _checked_url(url: str) -> str:
    """Return ``url`` if it is an absolute http(s) IRI.

    Raises:
        InvalidInputError: anything else.
    """
    text = url.strip() if isinstance(url, str) else ""
    try:
        NamedNode(text)
    except ValueError:
        text = ""
    if not text.lower().startswith(("http://", "https://")) or len(text) < 10:
        raise InvalidInputError(f"url must be an absolute http(s) URL, not {url!r}")
    return text


def _quad_class(value: QuadClass | str) -> QuadClass:
    try:
        return QuadClass(str(value).strip().lower())
    except ValueError:
        classes = [c.value for c in QuadClass]
        error = UnknownEdgeTypeError(str(value), classes)
        error.args = (f"unknown quad class {value!r}; expected one of {', '.join(classes)}",)
        raise error from None

"""The remote store: any SPARQL 1.1 endpoint, over HTTP (httpx).

:class:`RemoteStore` implements :class:`alignkg.graph.store.base.Store` with the SPARQL 1.1
Protocol (queries and updates as URL-encoded POSTs, which every server takes) and the Graph
Store Protocol where the server has it (the triples of one named graph). It must not hold any
rule of the graph: it moves SPARQL text and RDF terms, nothing else.

What it needs from the server (docs/deploy.md): the default graph of a query is the union of
the named graphs (Oxigraph ``serve --union-default-graph``; Virtuoso, GraphDB and Neptune do
so by default), and an update request is applied whole or not at all.

Failures become :class:`StoreError` (server down, refused credentials, HTTP errors),
:class:`QuerySyntaxError` (the server rejected the text with HTTP 400) or
:class:`QueryLimitError` (the deadline in force passed), with the endpoint in the message and
never a credential. Transient failures are retried with a growing pause (docs/decisions/20261207-remote-store.md):
a request that never reached the server (connection refused or timed out), and HTTP 429, 502,
503 and 504; a query also after a connection lost mid-answer, since reading twice is harmless.
"""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import IO, Any, cast
from urllib.parse import unquote, urlsplit, urlunsplit

import httpx
import pyoxigraph
from pyoxigraph import Quad, QueryResultsFormat, RdfFormat, Triple

from alignkg.graph.errors import InvalidInputError, QuerySyntaxError, StoreError
from alignkg.graph.rdf.updates import insert_data
from alignkg.graph.store.base import is_store_url
from alignkg.graph.store.deadline import check_deadline, current_deadline
from alignkg.graph.store.results import QueryResult, from_bytes, to_bytes

_log = logging.getLogger(__name__)

#: What a query asks for: SPARQL XML results (SELECT, ASK), else RDF (CONSTRUCT, DESCRIBE), parsed by the media
#: type of the answer. XML, because every server writes it as the standard says (Virtuoso 7's JSON has a
#: ``"link": []`` head that pyoxigraph refuses); ``*/*``, because Virtuoso 7 reads only the first type listed and
#: refuses a CONSTRUCT (406) unless anything goes, when it answers in RDF/XML.
RESULTS = "application/sparql-results+xml"
ACCEPT = f"{RESULTS}, application/sparql-results+json;q=0.9, application/n-triples;q=0.8, text/turtle;q=0.5, */*;q=0.1"
ACCEPT_RDF = "application/n-triples, text/turtle;q=0.9, */*;q=0.1"
#: HTTP statuses that say "try again later": the request was not processed.
TRANSIENT_STATUSES = frozenset({429, 502, 503, 504})
#: The variable of the row Virtuoso 7 answers an ASK with (instead of a boolean), and its "true".
_ASK_ROW = "__ASK_RETVAL"
_TRUE = pyoxigraph.Literal(1)
#: Quads per ``INSERT DATA`` request of :meth:`RemoteStore.bulk_insert`.
BATCH_QUADS = 10_000

_ALL_QUADS = "SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {0} }}"
_UNION_TRIPLES = "SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {0} }}"
_COUNT = "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {0} }}"


def public_url(url: str) -> str:
    """Return ``url`` without the user and password it may carry, for messages and logs.

    Example:
        >>> public_url("https://me:secret@db.example.org/sparql")
        'https://db.example.org/sparql'
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))


class RemoteStore:
    """A SPARQL 1.1 endpoint as a store (see :class:`alignkg.graph.store.base.Store`).

    Args:
        url: the server. With no path (``http://host:7878``) it is Oxigraph's layout:
            ``/query``, ``/update`` and the Graph Store Protocol at ``/store``. With a path
            (``http://host:8890/sparql``) that one endpoint takes queries and updates and the
            Graph Store Protocol is not used, unless ``update_url`` and ``graph_store_url`` say otherwise.
        update_url: the SPARQL Update endpoint, where it is not the query endpoint (Fuseki's ``/ds/update``).
        graph_store_url: the Graph Store Protocol endpoint (Fuseki's ``/ds/data``), if any.
        user, password: HTTP Basic credentials (or Digest with ``digest``); a URL's own ``user:password@`` works too.
        token: a bearer token sent as ``Authorization: Bearer``, instead of a user and password.
        timeout_s: seconds a request may wait for the server (to connect, and between bytes of
            the answer); a deadline in force (:mod:`alignkg.graph.store.deadline`) shortens it.
        retries: how many times a transient failure is tried again.
        backoff_s: the pause before the first retry, doubled before each next one.
        batch_quads: quads per update request of :meth:`bulk_insert`.
        graph_prefix: where given, the store is the named graphs whose IRI starts with it, for
            :meth:`dump` and :meth:`count` (a shared server holds other graphs: Virtuoso its own).

    Raises:
        InvalidInputError: ``url`` is not an http(s) URL.
    """

    def __init__(self, url: str, *, update_url: str | None = None, graph_store_url: str | None = None,
                 user: str | None = None, password: str | None = None, token: str | None = None,
                 digest: bool = False, timeout_s: float = 30.0, retries: int = 3, backoff_s: float = 0.5,
                 batch_quads: int = BATCH_QUADS, graph_prefix: str | None = None) -> None:
        if not is_store_url(url):
            raise InvalidInputError(f"a remote store is an http:// or https:// URL, not {url!r}")
        if timeout_s <= 0 or retries < 0 or backoff_s < 0 or batch_quads < 1:
            raise InvalidInputError("timeout_s and batch_quads must be positive, retries and backoff_s at least 0")
        url = url.strip()
        parts = urlsplit(url)
        if parts.username and user is None:
            user, password = unquote(parts.username), unquote(parts.password or "")
        bare = public_url(url).rstrip("/")
        oxigraph_layout = not parts.path.strip("/")
        self.query_url = bare + "/query" if oxigraph_layout else bare
        self.update_url = update_url or (bare + "/update" if oxigraph_layout else bare)
        self.graph_store_url = graph_store_url or (bare + "/store" if oxigraph_layout else None)
        self.url = public_url(url)
        self.timeout_s = timeout_s
        self.retries = retries
        self.backoff_s = backoff_s
        self.batch_quads = batch_quads
        self._graphs = "" if graph_prefix is None else \
            f"FILTER(STRSTARTS(STR(?g), {pyoxigraph.Literal(graph_prefix)}))"
        auth: httpx.Auth | None = None
        headers = {"User-Agent": "alignkg"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        elif user is not None:
            auth = httpx.DigestAuth(user, password or "") if digest else httpx.BasicAuth(user, password or "")
        self._client = httpx.Client(auth=auth, headers=headers, follow_redirects=True, timeout=timeout_s)

    def __repr__(self) -> str:
        return f"RemoteStore({self.url!r})"

    # --- HTTP, retried -----------------------------------------------------------------------------
    def _timeout(self) -> float:
        """Return the seconds the next request may wait: the store's, cut to the deadline in force."""
        check_deadline()
        current = current_deadline()
        return self.timeout_s if current is None else max(0.001, min(self.timeout_s, current.remaining()))

    def _send(self, method: str, url: str, *, safe: bool, **request: Any) -> httpx.Response:
        """Send one request, retrying transient failures; return the response with its body unread (streamed).

        ``safe`` requests (queries, reads) are retried after any transport error; the others only
        when the request cannot have reached the server.

        Raises:
            StoreError: the server cannot be reached, refused the credentials, or failed.
            QueryLimitError: the deadline in force passed.
        """
        attempt = 0
        while True:
            try:
                response = self._client.send(self._client.build_request(method, url, timeout=self._timeout(),
                                                                        **request), stream=True)
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as err:
                failure: str = f"cannot reach the SPARQL store at {self.url} ({_reason(err)}); is it running?"
                retry = True
            except httpx.TimeoutException as err:
                self._past_deadline(err)
                failure = f"the SPARQL store at {self.url} did not answer within {self.timeout_s:g} s"
                retry = safe
            except httpx.TransportError as err:
                failure = f"the connection to the SPARQL store at {self.url} failed: {_reason(err)}"
                retry = safe
            else:
                if response.status_code not in TRANSIENT_STATUSES:
                    return response
                response.read()
                response.close()
                failure = (f"the SPARQL store at {self.url} is unavailable (HTTP {response.status_code}): "
                           f"{_excerpt(response)}")
                retry = response.status_code in (429, 503) or safe
            if not retry or attempt >= self.retries:
                raise StoreError(failure + (f" (tried {attempt + 1} times)" if attempt else ""))
            pause = self.backoff_s * 2 ** attempt
            current = current_deadline()
            if current is not None and current.remaining() <= pause:
                raise StoreError(failure)
            _log.info("%s; trying again in %.1f s", failure, pause)
            time.sleep(pause)
            attempt += 1

    def _past_deadline(self, err: Exception) -> None:
        current = current_deadline()
        if current is not None and current.remaining() <= 0:
            raise current.error() from err

    def _checked(self, response: httpx.Response, what: str) -> httpx.Response:
        """Return a successful response; raise the error that an unsuccessful one means (its body read).

        Raises:
            QuerySyntaxError: HTTP 400 (the server did not accept the SPARQL or the data).
            StoreError: refused credentials (401, 403), no endpoint (404), any other failure.
        """
        if response.is_success:
            return response
        response.read()
        response.close()
        status = response.status_code
        if status == 400:
            raise QuerySyntaxError(f"the SPARQL store at {self.url} rejected the {what}: {_excerpt(response)}")
        if status in (401, 403):
            raise StoreError(f"the SPARQL store at {self.url} refused the {what} (HTTP {status}): check the "
                             "store's user and password, or token, and that they may "
                             + ("write" if what == "update" else "read"))
        if status == 404:
            raise StoreError(f"no SPARQL endpoint at {response.request.url.copy_with(query=None)} (HTTP 404); "
                             "check the store URL")
        raise StoreError(f"the SPARQL store at {self.url} failed the {what} (HTTP {status}): {_excerpt(response)}")

    # --- the Store interface -----------------------------------------------------------------------
    def query(self, sparql: str, *, prefixes: dict[str, str] | None = None, max_rows: int | None = None,
              max_bytes: int | None = None) -> QueryResult:
        """Run a SPARQL query on the server; return plain values, read whole under the caps and the deadline.

        Raises:
            QuerySyntaxError: the server rejected the query.
            QueryLimitError: code ``result_too_large`` past ``max_rows`` or ``max_bytes``, or
                ``query_timeout`` past the deadline.
            StoreError: the server cannot be reached or failed.
        """
        text = _with_prefixes(sparql, prefixes)
        response = self._checked(self._send("POST", self.query_url, safe=True, data={"query": text},
                                            headers={"Accept": ACCEPT}), "query")
        with self._reading(response, "reading the answer of"):
            parsed = self._parse_answer(response)
            if isinstance(parsed, pyoxigraph.QuerySolutions) and [v.value for v in parsed.variables] == [_ASK_ROW]:
                return any(row[0] == _TRUE for row in parsed)  # Virtuoso answers ASK with a row: 1 or 0
            return from_bytes(to_bytes(parsed, max_rows=max_rows, max_bytes=max_bytes))

    @contextmanager
    def _reading(self, response: httpx.Response, what: str) -> Iterator[None]:
        """Read a streamed answer, turning what can go wrong into the store's errors; close it after.

        A timeout, a broken connection or an answer that does not parse is a
        ``StoreError`` (a passed deadline its own error).

        Raises:
            QueryLimitError: code ``query_timeout``, the deadline passed while reading.
            StoreError: the server stopped answering, the connection broke, the answer does not parse.
        """
        try:
            yield
        except httpx.TimeoutException as err:
            self._past_deadline(err)
            raise StoreError(f"the SPARQL store at {self.url} stopped answering for {self.timeout_s:g} s") from err
        except (httpx.TransportError, OSError) as err:
            raise StoreError(f"{what} the SPARQL store at {self.url} failed: {_reason(err)}") from err
        except SyntaxError as err:
            raise StoreError(f"the SPARQL store at {self.url} answered with data that do not parse: {err}") from err
        finally:
            response.close()

    def _parse_answer(self, response: httpx.Response) -> Any:
        """Return pyoxigraph's reader of a query's answer, by its media type (results, or RDF triples)."""
        media = response.headers.get("content-type", "").split(";")[0].strip().lower()
        stream = cast(IO[bytes], io.BufferedReader(_ResponseStream(response)))
        results_format = QueryResultsFormat.from_media_type(media) if media else None
        if results_format is not None:
            return pyoxigraph.parse_query_results(stream, results_format)
        rdf_format = RdfFormat.from_media_type(media) if media else None
        if rdf_format is None:
            raise StoreError(f"the SPARQL store at {self.url} answered in {media or 'an unnamed format'}, "
                             "neither SPARQL results nor RDF")
        return (Triple(q.subject, q.predicate, q.object) for q in pyoxigraph.parse(stream, rdf_format))

    def check(self, sparql: str, *, allow_service: bool = False) -> Any:
        """Check a query from outside with the endpoint's policy, here (:func:`alignkg.graph.query.policy.check`)."""
        from alignkg.graph.query.policy import check

        check_deadline()
        return check(sparql, allow_service=allow_service)

    @property
    def generation(self) -> None:
        """``None``: other clients write the server, so no answer read from it may be kept (``Store.generation``)."""
        return None

    def update(self, sparql: str) -> None:
        """Run one SPARQL Update request on the server (one transaction there).

        Raises:
            QuerySyntaxError: the server rejected the update.
            StoreError: the server cannot be reached, refused the credentials or failed.
        """
        response = self._checked(self._send("POST", self.update_url, safe=False, data={"update": sparql}), "update")
        response.read()
        response.close()

    def insert(self, quads: Iterable[Quad]) -> None:
        """Add quads in one ``INSERT DATA`` request (one transaction)."""
        quads = list(quads)
        if quads:
            self.update(insert_data(quads))

    def bulk_insert(self, quads: Iterable[Quad]) -> None:
        """Add quads in requests of ``batch_quads`` each: fast, and not one transaction (a batch may be missing)."""
        iterator = iter(quads)
        while batch := list(islice(iterator, self.batch_quads)):
            self.update(insert_data(batch))

    def flush(self) -> None:
        """Do nothing: the server decides when its writes reach its disk."""

    def dump(self, output: IO[bytes], format: RdfFormat, *, graph: str | None = None,
             prefixes: dict[str, str] | None = None) -> None:
        """Stream the store (or one named graph) to ``output`` as the embedded store writes it.

        One graph comes through the Graph Store Protocol (GET ``?graph=``) where the server has
        it, else a CONSTRUCT; the whole store is read as quads by one SELECT, and a triple
        format gets each triple of the union once (SELECT DISTINCT).
        """
        if graph is not None:
            node = pyoxigraph.NamedNode(graph)
            if self.graph_store_url is not None:
                response = self._checked(self._send("GET", self.graph_store_url, safe=True, params={"graph": graph},
                                                    headers={"Accept": ACCEPT_RDF}), "graph read")
            else:
                response = self._checked(self._send(
                    "POST", self.query_url, safe=True, headers={"Accept": ACCEPT_RDF},
                    data={"query": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {node} {{ ?s ?p ?o }} }}"}), "query")
            self._write(response, output, format, prefixes, quads=False)
            return
        query = (_ALL_QUADS if format.supports_datasets else _UNION_TRIPLES).format(self._graphs)
        response = self._checked(self._send("POST", self.query_url, safe=True, data={"query": query},
                                            headers={"Accept": RESULTS}), "query")
        self._write(response, output, format, prefixes, quads=format.supports_datasets)

    def _write(self, response: httpx.Response, output: IO[bytes], format: RdfFormat,
               prefixes: dict[str, str] | None, *, quads: bool) -> None:
        """Serialize a streamed answer (SPARQL results of ?s ?p ?o [?g], or N-Triples) into ``output``."""
        with self._reading(response, "export from"):
            answer = self._parse_answer(response)
            items: Iterable[Triple] | Iterable[Quad]
            if not isinstance(answer, pyoxigraph.QuerySolutions):
                items = answer
            elif quads:
                items = (Quad(r["s"], r["p"], r["o"], r["g"]) for r in answer)
            else:
                items = (Triple(r["s"], r["p"], r["o"]) for r in answer)
            pyoxigraph.serialize(items, output, format, prefixes=prefixes)

    def load(self, data: IO[bytes], format: RdfFormat) -> None:
        """Read RDF here (so bad data fails before anything is sent), then add it in one request.

        Raises:
            QuerySyntaxError: the data does not parse.
            StoreError: the server failed.
        """
        try:
            quads = list(pyoxigraph.parse(data, format))
        except SyntaxError as err:
            raise QuerySyntaxError(f"cannot parse the {format.name} input: {err}") from err
        self.insert(quads)

    def count(self) -> int:
        """Return the number of quads in the named graphs (of ``graph_prefix``): the project writes no other."""
        result = self.query(_COUNT.format(self._graphs))
        assert not isinstance(result, bool)
        for row in result:
            value = row[0]
            return int(value.value) if isinstance(value, pyoxigraph.Literal) else 0
        return 0

    def close(self) -> None:
        """Close the connections to the server."""
        self._client.close()


def _with_prefixes(sparql: str, prefixes: dict[str, str] | None) -> str:
    """Return the query with ``PREFIX`` declarations for ``prefixes`` before it (a server knows none of ours)."""
    if not prefixes:
        return sparql
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in prefixes.items()) + sparql


def _reason(err: BaseException) -> str:
    return str(err) or type(err).__name__


def _excerpt(response: httpx.Response) -> str:
    """Return the start of an error body, on one line (servers explain a rejected query there)."""
    text = " ".join(response.text.split())
    return (text[:300] + "...") if len(text) > 300 else (text or "no detail")


class _ResponseStream(io.RawIOBase):
    """A streamed response body as a binary file, so that pyoxigraph parses it as it arrives."""

    def __init__(self, response: httpx.Response) -> None:
        self._chunks = response.iter_bytes()
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._pending = chunk
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

"""A cache of the hot read answers (``/facts``, ``/states``, ``/states/{state}``), and their ETags.

Why: one state's page of facts costs the store tens to hundreds of milliseconds (every match's
keys, then the page's values, in a worker process), while the same answer, once made, costs
nothing to send again until the next write. So an answer is kept under the store's write
generation (:attr:`alignkg.graph.KnowledgeGraph.generation`, which moves after every write,
whatever its path: an article, a batch, a delete, a curation, an import) and the request's
canonical form (its path and its query parameters, sorted). What makes it correct:

* The generation is read **before** the answer is made, and the store moves it only once a
  write is visible to the next query. An answer kept under generation ``g`` was therefore made
  from the store as of ``g`` or later, and it is served only while the generation is still
  ``g``: never after a write that it may not show.
* When the cache sees a newer generation it drops every answer at once; an answer made under
  an older generation than the cache's is not kept. So the cache holds one generation.
* It is bounded by bytes (bodies and keys) and by entries, least recently used first out;
  ``response_cache_bytes`` 0 disables it. A store that others write (a remote SPARQL server,
  generation ``None``) is never cached.

Every answer that goes through :func:`cached_json` carries a strong ``ETag`` (a digest of its
body) and ``Cache-Control: no-cache`` (a client may keep it but asks again); a request whose
``If-None-Match`` names the current ETag gets ``304 Not Modified`` without the body.
docs/decisions/20261207-response-cache.md says what was measured.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl

from fastapi import Request, Response
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from alignkg.graph import KnowledgeGraph

#: The most answers kept, whatever their size (keys and bookkeeping are bounded too).
MAX_ENTRIES = 4096
#: What a key is: the path and the sorted (name, value) pairs of the query string.
Key = tuple[str, tuple[tuple[str, str], ...]]


@dataclass(frozen=True, slots=True)
class Answer:
    """One kept answer: its JSON body and the ETag of that body."""

    body: bytes
    etag: str

    @classmethod
    def of(cls, body: bytes) -> Answer:
        """Return the answer of ``body``, with a strong ETag: the first 128 bits of its SHA-256, quoted."""
        return cls(body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"')


class ResponseCache:
    """Answers of one store generation, by canonical request, bounded by bytes and by entries (LRU).

    Example:
        >>> cache = ResponseCache(max_bytes=1_000)
        >>> key = ("/facts", (("subject", "RUS"),))
        >>> cache.put(3, key, Answer.of(b"[]")).body, cache.get(3, key) is not None, cache.get(4, key)
        (b'[]', True, None)
        >>> len(cache), cache.put(3, key, Answer.of(b"old")) and cache.get(4, key)
        (0, None)
    """

    def __init__(self, max_bytes: int, max_entries: int = MAX_ENTRIES) -> None:
        if max_bytes < 0 or max_entries < 0:
            raise ValueError("max_bytes and max_entries must be at least 0")
        self.max_bytes = max_bytes
        self.max_entries = max_entries
        self._lock = threading.Lock()
        self._generation: int | None = None
        self._answers: OrderedDict[Key, Answer] = OrderedDict()
        self._bytes = 0
        #: Hits and misses since the cache was made (for tests and measurements).
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._answers)

    @property
    def size(self) -> int:
        """The bytes held now (bodies and keys), never more than ``max_bytes``."""
        return self._bytes

    def _adopt_locked(self, generation: int) -> bool:
        """Make ``generation`` the cache's if it is newer (dropping every answer); return whether it is the cache's."""
        if self._generation is None or generation > self._generation:
            self._generation = generation
            self._answers.clear()
            self._bytes = 0
        return generation == self._generation

    def get(self, generation: int, key: Key) -> Answer | None:
        """Return the answer kept for ``key`` at ``generation``, or ``None``."""
        with self._lock:
            found = self._answers.get(key) if self._adopt_locked(generation) else None
            if found is None:
                self.misses += 1
                return None
            self._answers.move_to_end(key)
            self.hits += 1
            return found

    def put(self, generation: int, key: Key, answer: Answer) -> Answer:
        """Keep ``answer`` for ``key`` if it was made at the cache's generation or a newer one; return it."""
        cost = _cost(key, answer)
        if cost > self.max_bytes or self.max_entries == 0:
            return answer
        with self._lock:
            if not self._adopt_locked(generation):
                return answer  # made before a write the cache has seen: never kept
            old = self._answers.pop(key, None)
            if old is not None:
                self._bytes -= _cost(key, old)
            self._answers[key] = answer
            self._bytes += cost
            while self._bytes > self.max_bytes or len(self._answers) > self.max_entries:
                dropped_key, dropped = self._answers.popitem(last=False)
                self._bytes -= _cost(dropped_key, dropped)
        return answer


def _cost(key: Key, answer: Answer) -> int:
    """Return the bytes an entry is counted for: its body, its ETag and its key's text."""
    return len(answer.body) + len(answer.etag) + len(key[0]) + sum(len(k) + len(v) for k, v in key[1])


def scope_key(scope: Scope) -> Key:
    """Return the canonical form of a request: its path and its query parameters, sorted by name then value.

    The parameters are read as Starlette reads them (``request.query_params``), so a route and
    :class:`CachedReadsMiddleware` give one request the same key.

    Example:
        >>> scope_key({"path": "/facts", "query_string": b"subject=RUS&limit=2&type="})
        ('/facts', (('limit', '2'), ('subject', 'RUS'), ('type', '')))
    """
    query = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
    return scope["path"], tuple(sorted(query))


def _matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an ``If-None-Match`` header names ``etag`` (weak comparison, as RFC 9110 asks, or ``*``)."""
    if not if_none_match:
        return False
    for tag in if_none_match.split(","):
        tag = tag.strip()
        if tag == "*" or tag.removeprefix("W/") == etag:
            return True
    return False


def _send(request: Request, answer: Answer) -> Response:
    """Return the answer, or ``304`` without a body when the client already has it."""
    headers = {"ETag": answer.etag, "Cache-Control": "no-cache"}
    if _matches(request.headers.get("if-none-match"), answer.etag):
        return Response(status_code=304, headers=headers)
    return Response(answer.body, media_type="application/json", headers=headers)


async def cached_json(request: Request, kg: KnowledgeGraph, make: Callable[[], bytes]) -> Response:
    """Answer a read from the cache, or make its JSON body with ``make`` (in the thread pool) and keep it.

    ``make`` must depend only on the store and on the request's path and query parameters
    (the key); errors it raises go out as they would without the cache, and are not kept.
    """
    cache: ResponseCache | None = getattr(request.app.state, "response_cache", None)
    generation = kg.generation  # before the answer is made: see the module's docstring
    if cache is None or generation is None:
        return _send(request, Answer.of(await run_in_threadpool(make)))
    key = scope_key(request.scope)
    found = cache.get(generation, key)
    if found is None:
        found = cache.put(generation, key, Answer.of(await run_in_threadpool(make)))
    return _send(request, found)


class CachedReadsMiddleware:
    """Answer a ``GET`` whose answer the cache holds before routing, dependencies and the thread pool.

    Why: a hit through the route still paid for FastAPI's resolution of its parameters and
    dependencies (``/facts`` has a dozen), about as much as ``/health`` costs in all
    (``bench/http_bench.py``: 40% of ``/health``'s rate at 10k facts). Only the routes that use
    :func:`cached_json` ever put an answer in the cache, under the exact path and parameters they
    validated, so a key found here names a request that those routes accepted as it is: its
    parameters were checked then, and the same parameters give the same answer until a write.
    The one check that depends on more than the key, the read key of ``require_read_key``, is not
    repeated here: with it on, every request goes through its route (which uses the cache too).
    It sits inside the other middlewares (CORS, the per-client limit), which still see every request.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            state = scope["app"].state
            cache: ResponseCache | None = getattr(state, "response_cache", None)
            kg: KnowledgeGraph | None = getattr(state, "kg", None)
            if cache is not None and kg is not None and not state.settings.require_read_key:
                generation = kg.generation
                found = cache.get(generation, scope_key(scope)) if generation is not None else None
                if found is not None:
                    await _send(Request(scope), found)(scope, receive, send)
                    return
        await self.app(scope, receive, send)

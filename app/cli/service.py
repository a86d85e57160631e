"""The command line and a running ``alignkg serve`` on the same store: the server's record, and its client.

An embedded store is open in one process at a time. While ``alignkg serve`` runs, it keeps a
record beside the store's files (``<store>/alignkg-serve.json``: its URL and process id), and
the commands that can (``stats``, ``query``, ``export``, ``ingest``) find it and work through
the service's HTTP API instead of opening the store; the others say in one line what to do.
A record whose process is gone, or whose URL does not answer, is ignored (a server killed
with SIGKILL leaves one). The client sends the first key of ``ALIGNKG_API_KEYS`` (or the
command's ``--api-key``), which writes need, and reads too where the server requires it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    import httpx

    from alignkg.graph import Article

#: The record's name, in the store's folder.
RECORD = "alignkg-serve.json"
#: Seconds a command waits for the service to answer its first request.
_PROBE_S = 3.0


@dataclass(frozen=True, slots=True)
class Service:
    """A running ``alignkg serve`` found beside a store: where it answers, and its process."""

    url: str
    pid: int
    max_body_bytes: int
    max_batch_articles: int


def local_url(host: str, port: int) -> str:
    """Return the URL a command on this machine reaches a server on ``host`` at (any interface: the loopback)."""
    if host in ("0.0.0.0", ""):  # noqa: S104 - naming the wildcard, not binding it
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


@contextmanager
def announce(store: Path, service: Service) -> Iterator[None]:
    """Record ``service`` beside ``store`` while the block runs; remove the record after (if it is still ours)."""
    path = store / RECORD
    temporary = path.with_suffix(".tmp")
    try:
        temporary.write_text(json.dumps({"url": service.url, "pid": service.pid,
                                         "max_body_bytes": service.max_body_bytes,
                                         "max_batch_articles": service.max_batch_articles}), encoding="utf-8")
        temporary.replace(path)
    except OSError as err:  # the server still serves; only the commands will not find it
        typer.echo(f"alignkg serve: cannot write {path} ({err.strerror}); commands on this store will not find "
                   "the server", err=True)
        yield
        return
    try:
        yield
    finally:
        if _read(path) == service:
            path.unlink(missing_ok=True)


def find(store: Path) -> Service | None:
    """Return the server running on ``store``, if its record is there and it answers; else None."""
    service = _read(store / RECORD)
    if service is None or not _alive(service.pid):
        return None
    import httpx

    try:
        answered = httpx.get(f"{service.url}/health", timeout=_PROBE_S).status_code == 200
    except httpx.HTTPError:
        return None
    return service if answered else None


def given_service(url: str) -> Service:
    """Return the server at ``url`` (``--server``), with the default limits of a request.

    Raises:
        typer.BadParameter: ``url`` is not an http(s) URL.
    """
    from alignkg.app.settings import Settings

    if not url.startswith(("http://", "https://")):
        raise typer.BadParameter(f"expected the http(s) URL of alignkg serve, got {url!r}", param_hint="--server")
    limits = Settings.model_fields
    return Service(url.rstrip("/"), 0, int(limits["max_body_bytes"].default),
                   int(limits["max_batch_articles"].default))


def _read(path: Path) -> Service | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Service(str(data["url"]), int(data["pid"]), int(data["max_body_bytes"]),
                       int(data["max_batch_articles"]))
    except (OSError, ValueError, KeyError, TypeError):  # no record, or not one of ours: no server to use
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


class ServiceError(Exception):
    """The service answered with an error: its code and detail, as the API's error body gives them."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code


class Client:
    """The HTTP calls the commands make on a running service (a context manager closing its connection)."""

    def __init__(self, service: Service, key: str | None) -> None:
        import httpx

        headers = {"Authorization": f"Bearer {key}"} if key else {}
        self.service = service
        self.http = httpx.Client(base_url=service.url, headers=headers, timeout=httpx.Timeout(60, read=600))

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.http.close()

    def _checked(self, response: httpx.Response) -> httpx.Response:
        if response.status_code >= 400:
            response.read()
            try:
                body = response.json()
                raise ServiceError(str(body["error"]), str(body["detail"]))
            except (ValueError, KeyError, TypeError):
                raise ServiceError("http_error", f"HTTP {response.status_code}: {response.text[:200]}") from None
        return response

    def stats(self) -> dict[str, Any]:
        """Return the counts ``KnowledgeGraph.stats`` gives, from ``GET /stats``."""
        counts: dict[str, Any] = self._checked(self.http.get("/stats")).json()
        return counts

    def pattern(self, text: str) -> tuple[list[str], list[dict[str, Any]]]:
        """Return (columns, rows) of a pattern query (``POST /query``)."""
        body = self._checked(self.http.post("/query", json={"pattern": text})).json()
        return list(body["columns"]), list(body["rows"])

    def sparql(self, text: str) -> tuple[list[str], list[dict[str, Any]]] | bool | str:
        """Return a SPARQL query's (columns, rows of values), its boolean, or N-Triples for CONSTRUCT/DESCRIBE."""
        accept = "application/sparql-results+json, application/n-triples;q=0.9"
        response = self._checked(self.http.post("/sparql", data={"query": text}, headers={"Accept": accept}))
        if not response.headers.get("content-type", "").startswith("application/sparql-results+json"):
            return response.text
        body = response.json()
        if "boolean" in body:
            return bool(body["boolean"])
        columns = list(body["head"]["vars"])
        rows = [{c: b[c]["value"] if c in b else None for c in columns} for b in body["results"]["bindings"]]
        return columns, rows

    def export(self, output: IO[bytes], params: dict[str, Any]) -> None:
        """Write ``GET /export`` with ``params`` to ``output``, streamed."""
        with self.http.stream("GET", "/export", params={k: v for k, v in params.items() if v is not None}) as answer:
            for chunk in self._checked(answer).iter_bytes():
                output.write(chunk)

    def ingest(self, articles: list[Article], *, replace: bool) -> Iterator[dict[str, Any]]:
        """Post ``articles`` in batches under the server's limits; yield each article's result line, in order."""
        for batch in self._batches(articles):
            if isinstance(batch, dict):  # one article over the server's body limit
                yield batch
                continue
            body = b"".join(batch)
            params = {"replace": "true"} if replace else {}
            with self.http.stream("POST", "/articles", content=body, params=params,
                                  headers={"Content-Type": "application/x-ndjson"}) as answer:
                lines = [json.loads(line) for line in self._checked(answer).iter_lines() if line.strip()]
                yield from sorted(lines, key=lambda line: int(line["index"]))

    def _batches(self, articles: list[Article]) -> Iterator[list[bytes] | dict[str, Any]]:
        """Yield the JSON lines of the articles, grouped under the server's body and batch limits.

        An article whose line alone is over the body limit is yielded as its failed result.
        """
        batch: list[bytes] = []
        size = 0
        for article in articles:
            line = json.dumps({"id": article.id, "text": article.text, "title": article.title, "url": article.url,
                               "published": article.published.isoformat() if article.published else None,
                               "publisher": article.publisher}).encode() + b"\n"
            if len(line) > self.service.max_body_bytes:
                yield {"id": article.id, "status": "failed", "error": "body_too_large",
                       "detail": f"the article is over the server's body limit of {self.service.max_body_bytes:,} "
                                 "bytes (max_body_bytes)"}
                continue
            if batch and (size + len(line) > self.service.max_body_bytes
                          or len(batch) >= self.service.max_batch_articles):
                yield batch
                batch, size = [], 0
            batch.append(line)
            size += len(line)
        if batch:
            yield batch


def served_elsewhere(name: str, store: Path, service: Service) -> typer.Exit:
    """Print, in one line, that a command cannot run while a server holds its store; return the exit to raise."""
    typer.echo(f"{name}: the store at {store} is served by alignkg serve at {service.url} "
               f"(process {service.pid}); stop it to run this command, or use its HTTP API", err=True)
    return typer.Exit(code=2)

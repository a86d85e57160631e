"""Settings of the command line and the HTTP service: the only reader of environment variables.

Every setting has an ``ALIGNKG_`` environment variable (``ALIGNKG_STORE_PATH``,
``ALIGNKG_API_KEYS``...); a command-line flag given explicitly wins over the
environment. Lists (``api_keys``, ``cors_origins``) are read from a JSON array or a
comma-separated string. Nothing is read at import: call :func:`get_settings` or build
``Settings(...)`` (tests do, with their own values).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from platformdirs import user_data_path
from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


def _default_store() -> Path:
    return user_data_path("alignkg") / "store"


class Settings(BaseSettings):
    """alignkg settings, read from ``ALIGNKG_*`` environment variables."""

    model_config = SettingsConfigDict(env_prefix="ALIGNKG_")

    store_path: Path = Field(default_factory=_default_store,
                             description="Folder of the embedded store (created on first use).")
    store_url: str | None = Field(None, description="URL of a SPARQL 1.1 server holding the graph instead of the "
                                                    "embedded store (`http://host:7878` for Oxigraph, else its "
                                                    "query endpoint); see docs/deploy.md.")
    store_update_url: str | None = Field(None, description="SPARQL Update endpoint of the server, where it is not "
                                                           "the query endpoint (Fuseki, GraphDB).")
    store_graph_store_url: str | None = Field(None, description="Graph Store Protocol endpoint of the server, if "
                                                                "it has one apart from Oxigraph's `/store`.")
    store_user: str | None = Field(None, description="User name for the SPARQL server (HTTP Basic).")
    store_password: SecretStr | None = Field(None, description="Password for the SPARQL server.")
    store_token: SecretStr | None = Field(None, description="Bearer token for the SPARQL server, instead of a "
                                                            "user and password.")
    store_digest: bool = Field(False, description="Send the user and password with HTTP Digest (Virtuoso's "
                                                  "`/sparql-auth`) instead of Basic.")
    store_timeout_s: float = Field(30.0, gt=0, le=3600, description="Seconds a request to the SPARQL server may "
                                                                    "wait for it.")
    store_retries: int = Field(3, ge=0, le=20, description="Times a transient failure of the SPARQL server "
                                                           "(refused connection, 429, 502, 503, 504) is retried.")
    host: str = Field("127.0.0.1", description="Interface the HTTP service listens on (`0.0.0.0` for all).")
    port: int = Field(8000, ge=0, le=65535, description="TCP port of the HTTP service.")
    api_keys: Annotated[list[SecretStr], NoDecode] = Field(
        default_factory=list,
        description="Bearer keys accepted for writes (and for reads when require_read_key); "
                    "a JSON array or comma-separated. Without any, writes are refused.")
    require_read_key: bool = Field(False, description="Require an API key for reads too (GET, /sparql, /query).")
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Origins allowed to call the API from a browser (`*` for any); none by default.")
    query_timeout_s: float = Field(10.0, gt=0, le=3600,
                                   description="Seconds a read request may spend on queries (SPARQL, pattern, "
                                               "states, facts, analysis) before a 504; the query is then stopped.")
    query_workers: int = Field(8, ge=1, le=64, description="Most worker processes running queries at once.")
    max_result_rows: int = Field(10_000, ge=1,
                                 description="Most rows (or triples) a SPARQL or pattern query may return.")
    max_result_bytes: int = Field(64 * 1024 * 1024, ge=1024,
                                  description="Most bytes of results a SPARQL or pattern query may return.")
    max_body_bytes: int = Field(1_048_576, ge=1, description="Largest request body accepted, in bytes.")
    max_article_chars: int = Field(100_000, ge=1, le=1_000_000,
                                   description="Longest article text accepted by POST /articles, in characters.")
    max_batch_articles: int = Field(1_000, ge=1, description="Most articles one POST /articles batch may hold "
                                                             "(the body is also bounded by max_body_bytes).")
    max_client_requests: int = Field(4, ge=1, description="Most requests one client address may have in progress "
                                                          "at once; more get 429. Keep it under query_workers, so "
                                                          "that one client cannot hold every worker.")
    store_reopen_writes: int = Field(256, ge=0, description="Writes after which the server reopens its store, "
                                                            "emptying RocksDB's caches so that memory stays flat "
                                                            "(0: never).")
    response_cache_bytes: int = Field(32 * 1024 * 1024, ge=0,
                                      description="Bytes of answers of /facts, /states and /states/{state} kept "
                                                  "until the next write (0: none kept).")
    shutdown_timeout_s: float = Field(3.0, gt=0, le=60,
                                      description="Seconds requests in progress get to finish on SIGTERM.")
    allow_service: bool = Field(False, description="Let SPARQL queries use SERVICE (federated queries to other "
                                                   "hosts); off by default.")

    @field_validator("store_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        """Accept only an http(s) URL (or nothing): a store URL is never a folder name."""
        if value is not None and not value.strip().lower().startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// URL (a folder goes in store_path)")
        return value.strip() if value else None

    def remote_store_options(self) -> dict[str, Any]:
        """Return the keyword arguments of ``KnowledgeGraph.connect`` these settings give (credentials included)."""
        return {"update_url": self.store_update_url, "graph_store_url": self.store_graph_store_url,
                "user": self.store_user,
                "password": self.store_password.get_secret_value() if self.store_password else None,
                "token": self.store_token.get_secret_value() if self.store_token else None,
                "digest": self.store_digest, "timeout_s": self.store_timeout_s, "retries": self.store_retries}

    @field_validator("api_keys", "cors_origins", mode="before")
    @classmethod
    def _split_list(cls, value: Any) -> Any:
        """Read a list from a JSON array or a comma-separated string (empty items dropped)."""
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                try:
                    return json.loads(text)
                except ValueError:  # the message of json's error quotes the text: never show it
                    raise ValueError("not a JSON array of strings; use [\"a\", \"b\"] or a,b") from None
            return [item.strip() for item in text.split(",") if item.strip()]
        return value


class SettingsError(ValueError):
    """Settings that cannot be used; the message names each setting and what is wrong, never its value."""


def load_settings(**overrides: Any) -> Settings:
    """Return the settings from the environment, with ``overrides`` (flags) taking precedence.

    Raises:
        SettingsError: a setting is not valid. The message names the setting (and its environment
            variable) and the rule it breaks, and never quotes the value given, which may be a key.
    """
    try:
        return Settings(**overrides)
    except ValidationError as err:
        problems = []
        for error in err.errors(include_url=False, include_input=False, include_context=False):
            name = ".".join(str(part) for part in error.get("loc", ())[:1]) or "settings"
            message = str(error.get("msg", "not valid")).removeprefix("Value error, ")
            problems.append(f"{name} (ALIGNKG_{name.upper()}): {message}")
        raise SettingsError("invalid setting: " + "; ".join(problems)) from None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the settings, read once per process.

    Raises:
        SettingsError: a setting is not valid (the message never quotes a value).
    """
    return load_settings()

"""Settings of the command line and (later) the service: the only reader of environment variables.

Every setting has an ``ALIGNKG_`` environment variable (``ALIGNKG_STORE_PATH``);
a command-line flag given explicitly wins over the environment.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from platformdirs import user_data_path
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_store() -> Path:
    return user_data_path("alignkg") / "store"


class Settings(BaseSettings):
    """alignkg settings, read from ``ALIGNKG_*`` environment variables."""

    model_config = SettingsConfigDict(env_prefix="ALIGNKG_")

    store_path: Path = Field(default_factory=_default_store,
                             description="Folder of the embedded store (created on first use).")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the settings, read once per process."""
    return Settings()

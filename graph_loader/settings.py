"""One settings object for the whole project (env prefix ``OFFICIALS_GRAPH_``)."""

from functools import lru_cache
from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Project settings, read from the environment (``OFFICIALS_GRAPH_*``)."""

    model_config = SettingsConfigDict(env_prefix="OFFICIALS_GRAPH_")

    data_dir: Path = Field(default_factory=lambda: Path(user_data_dir("officials-graph")))
    max_file_bytes: int = Field(default=8 * 1024 * 1024, description="Larger input files are refused.")
    max_text_chars: int = Field(default=2_000_000, description="Longer decoded texts are refused.")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the cached settings (tests clear the cache to override)."""
    return Settings()

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
    store: str = Field(default="embedded", description="embedded (SQLite + an in-memory topology) or neo4j")
    db_path: Path | None = Field(default=None, description="SQLite file of the embedded store.")
    sqlite_cache_mb: int = Field(
        default=256,
        ge=1,
        description="SQLite page cache of the embedded store, in MB (filled as pages are read).",
    )
    person_scope: str = Field(
        default="province",
        description="Persons with one name are one person within a province (province), anywhere (country),"
        " or only within one document (document).",
    )
    neo4j_uri: str = Field(default="bolt://127.0.0.1:7687")
    neo4j_user: str = Field(default="neo4j")
    neo4j_password: str = Field(default="", repr=False)
    neo4j_database: str | None = Field(default=None)
    neo4j_batch_size: int = Field(default=500, ge=1)
    api_cache_size: int = Field(
        default=4096, ge=0, description="JSON answers kept by the API (embedded store)."
    )

    @property
    def store_path(self) -> Path:
        """Where the embedded store lives (``data_dir/graph.sqlite`` unless ``db_path`` is set)."""
        return self.db_path or self.data_dir / "graph.sqlite"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the cached settings (tests clear the cache to override)."""
    return Settings()

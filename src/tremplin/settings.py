"""One settings object, read from TREMPLIN_* environment variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_home() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("tremplin", appauthor=False))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TREMPLIN_", env_file=None, extra="ignore")

    home: Path = Field(default_factory=_default_home, description="Data directory (referentials, models, indexes)")
    data_mirror: Path | None = Field(default=None, description="Local folder mirroring the official downloads")
    database_url: str | None = Field(default=None, description="SQLAlchemy URL; SQLite file in home by default")
    secret_key: str | None = Field(default=None, description="Key for sessions and pseudonyms; generated in home if unset")
    pseudonym_key_file: Path | None = Field(default=None, description="Key for reversible pseudonyms, outside the database")
    journal_retention_days: int = Field(default=365, ge=183)
    journal_witness: Path | None = Field(
        default=None, description="File outside the database where journal heads are written (default: HOME/journal-witness.jsonl)"
    )
    max_upload_bytes: int = Field(default=10 * 1024 * 1024)
    offline: bool = Field(default=False, description="Never try the network (official downloads, npm)")
    host: str = "127.0.0.1"
    port: int = 8000

    npm_registry: str | None = Field(default=None, description="npm registry for referential packages (npm's own by default)")
    rome_url: str = Field(
        default="https://www.francetravail.org/files/live/sites/peorg/files/documents/Statistiques-et-analyses/"
        "Open-data/ROME/RefRomeCsv.zip",
        description="Official ROME 4.0 download (RefRomeCsv zip)",
    )
    legality_sentence_model: bool = Field(
        default=False, description="Legality check: add the learned sentence detector's REVIEW findings when its "
        "weights are installed (tremplin train legality-sentences); off by default"
    )
    referentials_path: Path | None = Field(
        default=None, description="Where fetched referentials live (default: HOME/referentials); shared by tests"
    )

    @property
    def referentials_dir(self) -> Path:
        return self.referentials_path or self.home / "referentials"

    @property
    def journal_witness_file(self) -> Path:
        return self.journal_witness or self.home / "journal-witness.jsonl"

    @property
    def models_dir(self) -> Path:
        return self.home / "models"

    @property
    def cache_dir(self) -> Path:
        return self.home / "cache"

    @property
    def sqlalchemy_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.home / 'tremplin.db'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    settings = Settings()
    settings.home.mkdir(parents=True, exist_ok=True)
    return settings


def reset_settings() -> None:
    """Forget the cached settings (tests change the environment)."""
    get_settings.cache_clear()

"""One typed settings object, read from ``NCBNET_*`` environment variables."""

from __future__ import annotations

import secrets
from functools import cached_property
from pathlib import Path

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

LANGUAGES = ("ar", "en", "fr", "es")
WEAK_SECRETS = {"", "changeme", "secret", "demo", "ncbnet"}


def _stored_secret(data_dir: Path) -> str:
    """A random key kept beside the data, so restarts keep sessions valid without configuration."""
    path = data_dir / "secret.key"
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    path.touch(mode=0o600)
    path.write_text(key)
    return key


class Settings(BaseSettings):
    """Every knob of a deployment. Each field is documented in the README (a test checks it)."""

    model_config = SettingsConfigDict(env_prefix="NCBNET_", extra="ignore")

    data_dir: Path = Field(Path("var"), description="Where the embedded database and files live.")
    database_url: str | None = Field(
        None,
        description="SQLAlchemy URL; unset means SQLite at DATA_DIR/ncbnet.db. "
        "Production: postgresql+psycopg://user@host/db",
    )
    secret_key: str = Field(
        "",
        description="Signs cookies and CSRF tokens (32+ random chars). Unset: a random key is "
        "generated once into DATA_DIR/secret.key.",
    )
    demo_mode: bool = Field(False, description="Allows the fixed demo passwords (`demo`).")
    session_hours: int = Field(12, ge=1, le=24 * 30, description="Web session lifetime in hours.")
    lockout_threshold: int = Field(
        5, ge=1, description="Failed logins in a row that lock an account."
    )
    lockout_minutes: int = Field(15, ge=1, description="How long a locked account stays locked.")
    max_body_bytes: int = Field(
        2_000_000, ge=1024, description="Largest request body accepted, in bytes."
    )
    default_language: str = Field("en", description="Language when nothing else decides.")
    cookie_secure: bool = Field(False, description="Mark cookies Secure (set it behind HTTPS).")

    @model_validator(mode="after")
    def _check_secret(self) -> Settings:
        if self.default_language not in LANGUAGES:
            raise ValueError(f"default_language must be one of {', '.join(LANGUAGES)}")
        if not self.secret_key:
            self.secret_key = _stored_secret(self.data_dir)
        if len(self.secret_key) < 32 or self.secret_key.lower() in WEAK_SECRETS:
            raise ValueError(
                "NCBNET_SECRET_KEY must be set to a random string of at least 32 characters "
                "(e.g. `python -c 'import secrets; print(secrets.token_urlsafe(32))'`)"
            )
        return self

    @cached_property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'ncbnet.db').resolve()}"

    @property
    def is_sqlite(self) -> bool:
        return self.resolved_database_url.startswith("sqlite")

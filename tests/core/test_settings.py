from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from ncbnet.cli import app as cli
from ncbnet.core.settings import Settings


def test_weak_secret_keys_are_refused(tmp_path: Path) -> None:
    for weak in ("changeme", "short-secret"):
        with pytest.raises(ValidationError, match="NCBNET_SECRET_KEY"):
            Settings(data_dir=tmp_path, secret_key=weak)


def test_unset_secret_is_generated_once_and_kept(tmp_path: Path) -> None:
    first = Settings(data_dir=tmp_path).secret_key
    assert len(first) >= 32
    assert Settings(data_dir=tmp_path).secret_key == first
    assert (tmp_path / "secret.key").stat().st_mode & 0o077 == 0


def test_database_url_defaults_to_sqlite_in_the_data_dir(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, secret_key="k" * 40)
    assert settings.resolved_database_url == f"sqlite:///{tmp_path.resolve()}/ncbnet.db"
    pg = Settings(
        data_dir=tmp_path, secret_key="k" * 40, database_url="postgresql+psycopg://u@h/db"
    )
    assert not pg.is_sqlite


def test_cli_reports_bad_configuration_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("NCBNET_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("NCBNET_SECRET_KEY", "changeme")
    result = CliRunner().invoke(cli, ["db", "current"])
    assert result.exit_code == 2
    assert "NCBNET_SECRET_KEY" in result.output and "Traceback" not in result.output

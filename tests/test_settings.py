"""Connection settings: CLI option > environment > .env file > defaults."""

from __future__ import annotations

import pytest

from policykg.errors import ConfigError
from policykg.graph.settings import resolve_settings


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("POLICYKG_HOME", str(tmp_path / "home"))
    for var in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(var, raising=False)


def test_defaults_point_at_local_bolt():
    settings = resolve_settings()
    assert (settings.uri, settings.username, settings.password, settings.database) == (
        "bolt://localhost:7687", "neo4j", None, None)


def test_dotenv_then_environment_then_cli(tmp_path, monkeypatch):
    (tmp_path / ".env").write_text("NEO4J_URI=bolt://from-dotenv:7687\nNEO4J_PASSWORD=dotenv-pw\nNEO4J_DATABASE=d1\n")
    assert resolve_settings().uri == "bolt://from-dotenv:7687"
    monkeypatch.setenv("NEO4J_URI", "neo4j+s://from-env.databases.neo4j.io")
    settings = resolve_settings()
    assert settings.uri == "neo4j+s://from-env.databases.neo4j.io"
    assert settings.password.get_secret_value() == "dotenv-pw"
    settings = resolve_settings(uri="neo4j://cli:7687", password=None, database="d2")
    assert (settings.uri, settings.database) == ("neo4j://cli:7687", "d2")


def test_password_is_not_in_repr():
    settings = resolve_settings(password="s3cret-value")
    assert "s3cret-value" not in repr(settings)
    assert "s3cret-value" not in settings.address


def test_stored_local_password_is_used_for_the_local_uri(tmp_path):
    home = tmp_path / "home" / "server"
    home.mkdir(parents=True)
    (home / "password").write_text("generated-pw\n")
    assert resolve_settings().password.get_secret_value() == "generated-pw"
    assert resolve_settings(uri="bolt://elsewhere:7687").password is None


@pytest.mark.parametrize("uri", ["http://localhost:7474", "localhost:7687", "bolt://", "bolt://host:notaport"])
def test_malformed_uri_is_a_config_error(uri):
    with pytest.raises(ConfigError, match="malformed Neo4j URI"):
        resolve_settings(uri=uri)

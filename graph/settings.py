"""Connection settings, resolved once: CLI option > environment > .env file.

A local server started by ``policykg server start`` stores its generated
password in its own home; when no password is given any other way and the
URI points at that server, the password is read from there, so that a user
never has to copy it around.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from pydantic import SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from policykg.errors import ConfigError

SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
DEFAULT_URI = "bolt://localhost:7687"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="NEO4J_", env_file=".env", env_file_encoding="utf-8", extra="ignore", frozen=True
    )

    uri: str = DEFAULT_URI
    username: str = "neo4j"
    password: SecretStr | None = None
    database: str | None = None

    @field_validator("uri")
    @classmethod
    def _known_scheme(cls, uri: str) -> str:
        parts = urlsplit(uri)
        if parts.scheme not in SCHEMES or not parts.hostname:
            raise ValueError(f"malformed Neo4j URI {uri!r}: expected e.g. bolt://host:7687 or neo4j+s://host")
        try:
            _ = parts.port  # urlsplit checks the port only when asked
        except ValueError as exc:
            raise ValueError(f"malformed Neo4j URI {uri!r}: {exc}") from None
        return uri

    @property
    def address(self) -> str:
        """The URI with the database, for messages: never the password."""
        return f"{self.uri} (database {self.database or 'default'})"


def resolve_settings(**overrides: str | None) -> Settings:
    """Build the settings from CLI overrides (None means 'not given'), env and .env."""
    given = {k: v for k, v in overrides.items() if v is not None}
    try:
        settings = Settings(**given)
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        errors = getattr(exc, "errors", lambda: [])()
        message = errors[0]["msg"].removeprefix("Value error, ") if errors else str(exc)
        raise ConfigError(message) from None
    if settings.password is None:
        from policykg.graph.server import password_for_uri

        stored = password_for_uri(settings.uri)
        if stored is not None:
            settings = settings.model_copy(update={"password": SecretStr(stored)})
    return settings

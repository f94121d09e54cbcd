"""Library errors in the CLI's words: the flag that sets a parameter, where the library names the parameter.

The packages speak of their own arguments (``limit must be ...``), since a
Python caller never typed a flag; the CLI prints the flag instead. A flag is
the parameter's name in flag form unless FLAGS says otherwise.
"""

from __future__ import annotations

from policykg.errors import PolicyKGError

#: Parameter → flag, for the parameters whose flag is not ``--<name-with-dashes>``.
FLAGS: dict[str, str] = {}


def flag(parameter: str) -> str:
    return FLAGS.get(parameter, "--" + parameter.replace("_", "-"))


def message(exc: PolicyKGError) -> str:
    """The error's one line, naming the flag instead of the parameter."""
    return f"{flag(exc.parameter)} {exc.reason}" if exc.parameter else str(exc)

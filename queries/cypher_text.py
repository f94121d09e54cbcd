"""What in a Cypher text is code: strings, comments and `quoted names` blanked out.

The loader (which $parameters a body uses), the Browser guide (where the final
RETURN is) and the read-only console (which clauses a statement runs) all need
to tell code from literals; they share this one lexer.
"""

from __future__ import annotations


def mask_literals(text: str) -> str:
    """The text with strings, comments and `quoted names` blanked out (same length, same lines).

    A "$x" inside a string literal or a comment is not a parameter, and a
    parameter named in a comment must not count as used.
    """
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        two = text[i:i + 2]
        if two == "//":
            end = text.find("\n", i)
            end = n if end < 0 else end
        elif two == "/*":
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
        elif ch in "'\"`":
            end = i + 1
            while end < n and text[end] != ch:
                end += 2 if text[end] == "\\" and ch != "`" else 1
            end = min(end + 1, n)
        else:
            out.append(ch)
            i += 1
            continue
        out.append("".join(c if c == "\n" else " " for c in text[i:end]))
        i = end
    return "".join(out)

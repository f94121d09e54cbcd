"""The review app's gate: loopback Host only, the access token on every request, CSRF on every write.

* Host: a page of another site whose name resolves to 127.0.0.1 (DNS rebinding)
  sends its own name as Host; only the loopback names with our port pass (400 otherwise).
* Token: the URL printed at start carries ``?token=…``; the first request with it
  gets an HttpOnly, SameSite=Strict cookie named after the port, later ones send
  that. Anything else gets 403.
* CSRF: POST, PUT, PATCH and DELETE also need the ``X-CSRF-Token`` header, which only
  a page of this app can read (from its own HTML), and an Origin, if sent, of this app.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import parse_qs

from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})


@dataclass
class Gate:
    port: int
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(24))

    @property
    def cookie(self) -> str:
        return f"policykg_review_{self.port}"

    @property
    def hosts(self) -> frozenset[str]:
        return frozenset({f"127.0.0.1:{self.port}", f"localhost:{self.port}", f"[::1]:{self.port}"})

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}?token={self.token}"


class GateMiddleware:
    """Pure ASGI middleware (no buffering): refuses before the app sees the request."""

    def __init__(self, app: ASGIApp, gate: Gate):
        self.app = app
        self.gate = gate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        if query.get("token") and secrets.compare_digest(query["token"][0], self.gate.token):
            await self.app(scope, receive, self._with_cookie(send))
            return
        await self.app(scope, receive, send)

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> PlainTextResponse | None:
        gate = self.gate
        if headers.get("host") not in gate.hosts:
            return PlainTextResponse("Host not allowed: open the address `policykg review` printed", 400)
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        given = (query.get("token") or [""])[0]
        cookie = SimpleCookie(headers.get("cookie", ""))
        kept = cookie[gate.cookie].value if gate.cookie in cookie else ""
        if not (secrets.compare_digest(given, gate.token) or secrets.compare_digest(kept, gate.token)):
            return PlainTextResponse("Forbidden: open the address with the token that `policykg review` printed", 403)
        if scope["method"] in WRITES:
            origin = headers.get("origin")
            if origin is not None and origin.removeprefix("http://") not in gate.hosts:
                return PlainTextResponse("Forbidden: a request from another site", 403)
            if not secrets.compare_digest(headers.get("x-csrf-token", ""), gate.csrf):
                return PlainTextResponse("Forbidden: missing or wrong CSRF token (reload the page)", 403)
        return None

    def _with_cookie(self, send: Send) -> Send:
        cookie = f"{self.gate.cookie}={self.gate.token}; HttpOnly; SameSite=Strict; Path=/"

        async def sending(message: dict) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []),
                                                  (b"set-cookie", cookie.encode("latin-1"))]}
            await send(message)

        return sending  # type: ignore[return-value]

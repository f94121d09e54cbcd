"""Start the review app on the loopback interfaces only and print its address with the token.

The sockets are bound here (127.0.0.1, and ::1 on the same port when the
machine has IPv6) and handed to uvicorn, so nothing listens beyond loopback
whatever the configuration. Uvicorn's access log is off: it would write the
token of every first request into the terminal's scrollback.
"""

from __future__ import annotations

import socket
import webbrowser
from collections.abc import Callable

import uvicorn

from policykg.web.app import ReviewConfig, create_app
from policykg.web.security import Gate


def bind(port: int) -> list[socket.socket]:
    """A listening socket on 127.0.0.1:port (0: a free port), and one on [::1] at the same port if it can."""
    v4 = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    v4.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    v4.bind(("127.0.0.1", port))
    sockets = [v4]
    chosen = v4.getsockname()[1]
    if socket.has_ipv6:
        try:
            v6 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
            v6.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            v6.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            v6.bind(("::1", chosen))
            sockets.append(v6)
        except OSError:
            pass  # no IPv6 loopback here: 127.0.0.1 alone
    for s in sockets:
        s.listen(128)
        s.setblocking(False)
    return sockets


def serve(config: ReviewConfig, port: int = 0, open_browser: bool = True,
          announce: Callable[[str], None] = print) -> None:
    """Serve until interrupted; ``announce`` gets the URL (with the token) before anything else."""
    try:
        sockets = bind(port)
    except OSError as exc:
        from policykg.errors import ReviewError

        raise ReviewError(f"cannot listen on 127.0.0.1:{port} ({exc.strerror or exc})") from None
    gate = Gate(sockets[0].getsockname()[1])
    app = create_app(config, gate)
    announce(gate.url())
    if open_browser:
        webbrowser.open(gate.url())
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off"))
    server.run(sockets=sockets)

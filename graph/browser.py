"""Neo4j Browser integration: a style for every label and a guide of the canned questions.

Browser can only apply a style or open a guide by URL (``:style <url>``,
``:play <url>``) from hosts in its remote-content allow-list, which includes
``localhost``. So both files are served by the Neo4j server itself, under
``/browser/policykg/`` — same origin as Browser, no internet, no second
process:

* a local server (``policykg server start``, the test server) gets a copy of
  the Browser web app with the two files added, written to ``<home>/web/
  neo4j-browser.zip``. Neo4j 5.26 serves the newest ``neo4j-browser*.zip`` in
  ``<NEO4J_HOME>/web`` (setting ``internal.dbms.web_dir_path``) instead of the
  jar on the class path, unpacking it at start; the zip's first entry names the
  directory that becomes ``/browser``.
* docker-compose cannot rebuild the image's Browser, so a small static service
  (``browser-assets``) serves the same two files, committed under
  ``graph/browser_assets/`` and kept equal to what this module generates by a test.

``browser.post_connect_cmd`` then runs ``:style <url>`` and ``:play <url>`` on
every connect. The guide is generated from ``queries/`` so that it can never
describe a question the CLI no longer asks.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from policykg.errors import BrowserError

ASSET_DIR = Path(__file__).resolve().parent / "browser_assets"  # the committed copies (docker-compose serves these)
MOUNT = "policykg"  # served at /browser/policykg/ by a local server
STYLE_FILE = "policykg.grass"
GUIDE_FILE = "guide.html"
WEB_ZIP = "neo4j-browser.zip"  # matches the server's pattern neo4j-browser*.zip
DOCKER_ASSET_PORT = 7475  # docker-compose's browser-assets service on the host


# -- where Browser finds them -----------------------------------------------


def asset_base(http_port: int) -> str:
    """Where a local server on ``http_port`` serves the guide and style."""
    return f"http://localhost:{http_port}/browser/{MOUNT}"


def connect_commands(base: str) -> str:
    """The post-connect commands for assets served at ``base`` (Browser prefixes each with ':')."""
    return f"style {base}/{STYLE_FILE}; play {base}/{GUIDE_FILE}"


def post_connect_cmd(http_port: int) -> str | None:
    """Browser's post-connect command for a local server on ``http_port``: apply the style, open the guide."""
    return connect_commands(asset_base(http_port))


def browser_url(http_port: int, bolt_uri: str, username: str = "neo4j", database: str | None = None,
                http_host: str = "localhost") -> str:
    """Browser's address with the connection filled in (``dbms=`` and ``db=`` URL parameters)."""
    from urllib.parse import quote, urlsplit

    parts = urlsplit(bolt_uri)
    scheme = "neo4j" if parts.scheme.startswith("neo4j") else "bolt"
    host = parts.hostname or "localhost"
    dbms = f"{scheme}://{quote(username, safe='')}@{host}:{parts.port or 7687}"
    url = f"http://{http_host}:{http_port}/browser/?dbms={quote(dbms, safe=':/@')}"
    return url + (f"&db={quote(database, safe='')}" if database else "")


def served_http_port(graph) -> int | None:  # noqa: ANN001 - a policykg.graph.connection.Graph
    """The HTTP port the server at ``graph`` says it listens on (its Browser), or None when it will not say.

    For a server on this machine that no local instance directory describes
    (Docker with the compose file's port mapping, a hand-started one);
    ``SHOW SETTINGS`` needs an admin user, so a refusal means "cannot know".
    """
    from policykg.graph.connection import read_rows

    try:
        rows = read_rows(graph, "SHOW SETTINGS YIELD name, value "
                                "WHERE name IN ['server.http.enabled', 'server.http.listen_address'] "
                                "RETURN name, value")
    except Exception:  # noqa: BLE001 - no privilege, old server: the port is unknown, not an error
        return None
    settings = {row["name"]: str(row["value"]) for row in rows}
    if settings.get("server.http.enabled", "true").lower() != "true":
        return None
    _, _, port = settings.get("server.http.listen_address", "").rpartition(":")
    return int(port) if port.isdigit() else None


# -- the local server's Browser ----------------------------------------------


def install_web(web_dir: Path, jar_dir: Path, files: dict[str, str] | None) -> Path | None:
    """Write ``web_dir/neo4j-browser.zip``: the Browser from ``jar_dir`` plus ``files`` under /browser/policykg/.

    The files (guide and style) are handed in by the caller, which knows the
    queries; the server only bundles them. Rebuilt only when the Browser jar
    or the files change (a stamp holds their hash), because the copy is
    ~15 MB. With no files the zip is removed so the server falls back to the
    plain Browser on its class path.
    """
    target = web_dir / WEB_ZIP
    stamp = web_dir / (WEB_ZIP + ".sha256")
    if not files:
        for path in (target, stamp):
            path.unlink(missing_ok=True)
        return None
    jars = sorted(jar_dir.glob("neo4j-browser-*.jar"))
    if not jars:
        raise BrowserError(f"no neo4j-browser jar in {jar_dir}: delete {jar_dir.parent} to fetch the jars again")
    jar = jars[-1]
    digest = hashlib.sha256(f"{jar.name}:{jar.stat().st_size}:{jar.stat().st_mtime_ns}".encode())
    for name, text in sorted(files.items()):
        digest.update(name.encode() + b"\0" + text.encode("utf-8") + b"\0")
    if target.exists() and stamp.exists() and stamp.read_text(encoding="utf-8").strip() == digest.hexdigest():
        return target
    web_dir.mkdir(parents=True, exist_ok=True)
    partial = web_dir / (WEB_ZIP + ".part")
    _write_browser_zip(jar, files, partial)
    partial.replace(target)
    stamp.write_text(digest.hexdigest() + "\n", encoding="utf-8")
    return target


def _write_browser_zip(jar: Path, files: dict[str, str], out: Path) -> None:
    """Copy ``browser/`` out of the jar and add ``browser/policykg/*``.

    The server unpacks the zip entry by entry with ``createDirectory``/``createFile``,
    so every directory needs its own entry before anything inside it, and
    the first entry must be ``browser/`` (it becomes the served root).
    """
    with zipfile.ZipFile(jar) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
        entries = [i for i in source.infolist() if i.filename.startswith("browser/")]
        if not any(i.filename == "browser/index.html" for i in entries):
            raise BrowserError(f"{jar} holds no browser/index.html")
        dirs = {"browser/", f"browser/{MOUNT}/"}
        for info in entries:
            parts = info.filename.rstrip("/").split("/")
            for depth in range(1, len(parts) if not info.is_dir() else len(parts) + 1):
                dirs.add("/".join(parts[:depth]) + "/")
        for directory in sorted(dirs, key=lambda d: (d.count("/"), d)):
            zout.writestr(zipfile.ZipInfo(directory), b"")
        for info in entries:
            if not info.is_dir():
                zout.writestr(info.filename, source.read(info))
        for name, text in sorted(files.items()):
            zout.writestr(f"browser/{MOUNT}/{name}", text.encode("utf-8"))


def serves_guide(base: str) -> bool:
    """Whether ``base`` answers with the guide (a local server does; docker's Neo4j does not)."""
    import urllib.request

    try:
        with urllib.request.urlopen(f"{base}/{GUIDE_FILE}", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def browser_address(settings, home: Path | None = None, http_port: int | None = None) -> tuple[str, str]:  # noqa: ANN001
    """The Browser URL of the server in use (settings, or the local instance in ``home``) and the guide's :play line.

    The port is ``http_port``, else the local instance's, else what the server
    reports; BrowserError when none can tell, rather than guessing 7474 (which
    may be another server's Browser).
    """
    from urllib.parse import urlsplit

    from policykg.graph.connection import connect
    from policykg.graph.server import LOCAL_HOSTS, LocalServer, local_instance_for

    uri = settings.uri
    if home is not None:
        instance = LocalServer.at(home)
        if not instance.is_running():
            raise BrowserError(f"no local server runs in {instance.home}: start it with "
                               f"`policykg server start --home {home}`")
        uri = instance.uri
    else:
        instance = local_instance_for(uri)
    host = urlsplit(uri).hostname or "localhost"
    port = http_port or (instance.http_port if instance else None)
    if port is None and host in LOCAL_HOSTS:
        with connect(settings) as graph:
            port = served_http_port(graph)
    if port is None:
        where = "this machine's server" if host in LOCAL_HOSTS else f"{host}, which is not this machine"
        raise BrowserError(f"cannot tell which Browser belongs to {uri} ({where} does not say): "
                           "pass --http-port, or open that server's own Browser")
    url = browser_url(port, uri, settings.username, settings.database,
                      http_host="localhost" if host in LOCAL_HOSTS else host)
    # A local server serves the guide itself; docker-compose serves it from its browser-assets service.
    base = asset_base(port)
    if not (instance or serves_guide(base)):
        base = f"http://localhost:{DOCKER_ASSET_PORT}"
    return url, f":play {base}/{GUIDE_FILE}"

"""A local Neo4j Community 5.26 built from Maven Central jars, for machines without Docker.

Neo4j ships no tarball on Maven Central, but ``org.neo4j:neo4j`` carries the
official launcher (``org.neo4j.server.startup.Neo4jCommand``), which daemonises
the server, writes its pid file and stops only that pid. So this module only
fetches the jars once (Maven resolves the dependency tree), writes a config
for a small loopback-only server, sets the initial password and delegates
start/stop/status to the launcher. The instance lives in one directory:

    <home>/conf/neo4j.conf   written by us (loopback, small memory)
    <home>/lib -> <cache>/jars/neo4j-<version>/lib   shared by all instances
    <home>/data logs run import plugins
    <home>/web/neo4j-browser.zip   Browser plus the guide and style handed in (graph.browser)
    <home>/password          generated, mode 0600

Hardening, because the instance holds a password and the data: the password
reaches ``neo4j-admin`` through an argument file (``@<home>/password``), never
on a command line where ``/proc/*/cmdline`` would show it; the instance
directory is 0700 and the JVM runs with umask 077, so its auth data and logs
are 0600; ``LOAD CSV`` can read no file and reach no address; and every
transaction has a time limit.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from policykg.errors import ServerError
from policykg.graph.browser import install_web

NEO4J_VERSION = "5.26.30"
BROWSER_VERSION = "5.24.0"
LAUNCHER = "org.neo4j.server.startup.Neo4jCommand"
ADMIN = "org.neo4j.cli.AdminTool"
JAVA_FLAGS = (
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-XX:+UseG1GC",
)
#: Settings that keep a query from reaching outside the graph or running for ever.
#: ``internal.dbms.cypher_ip_blocklist`` is the 5.26 name (its legacy alias is
#: ``unsupported.dbms.cypher_ip_blocklist``): LOAD CSV may reach no address at all.
HARDENING = (
    "dbms.security.allow_csv_import_from_file_urls=false",
    "internal.dbms.cypher_ip_blocklist=0.0.0.0/0,::/0",
    "db.transaction.timeout=10m",
)
#: Files the JVM creates (logs, auth data, store) are readable by the owner only.
UMASK = 0o077
POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>policykg</groupId><artifactId>neo4j-local</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j</artifactId><version>{neo4j}</version></dependency>
    <dependency><groupId>org.neo4j.client</groupId><artifactId>neo4j-browser</artifactId><version>{browser}</version></dependency>
  </dependencies>
</project>
"""


def cache_root() -> Path:
    """Where jars and the default instance live; POLICYKG_HOME moves it (tests, CI)."""
    configured = os.environ.get("POLICYKG_HOME")
    if configured:
        return Path(configured).expanduser().resolve()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "policykg"


@dataclass(frozen=True)
class LocalServer:
    """One local Neo4j instance: its directory and its two ports."""

    home: Path = field(default_factory=lambda: cache_root() / "server")
    bolt_port: int = 7687
    http_port: int = 7474
    heap: str = "1g"
    pagecache: str = "512m"
    post_connect_cmd: str | None = None
    #: Files served under /browser/policykg/ (guide and style), handed in by the caller that knows the queries.
    web_files: dict[str, str] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def at(cls, home: Path | None = None) -> LocalServer:
        """The instance in ``home`` with the ports its last start wrote to its config."""
        server = cls() if home is None else cls(home=home)
        conf = server.home / "conf" / "neo4j.conf"
        if not conf.exists():
            return server
        ports = {"bolt_port": server.bolt_port, "http_port": server.http_port}
        for line in conf.read_text(encoding="utf-8").splitlines():
            name, _, value = line.partition("=")
            if name in ("server.bolt.listen_address", "server.http.listen_address") and value.startswith(":"):
                ports["bolt_port" if ".bolt." in name else "http_port"] = int(value[1:])
        return cls(home=server.home, **ports)

    @property
    def uri(self) -> str:
        return f"bolt://localhost:{self.bolt_port}"

    @property
    def browser_url(self) -> str:
        return f"http://localhost:{self.http_port}/browser/"

    @property
    def password_file(self) -> Path:
        return self.home / "password"

    @property
    def jar_dir(self) -> Path:
        return cache_root() / "jars" / f"neo4j-{NEO4J_VERSION}" / "lib"

    # -- installation -------------------------------------------------------

    def install(self) -> None:
        """Fetch the jars (once) and lay out the instance directory."""
        java = _require("java", "Java 17 or newer (e.g. apt-get install openjdk-17-jre-headless)")
        _check_java_version(java)
        if not (self.jar_dir / ".complete").exists():
            self._fetch_jars()
        self.home.mkdir(mode=0o700, parents=True, exist_ok=True)
        for sub in ("conf", "data", "logs", "run", "import", "plugins"):
            (self.home / sub).mkdir(mode=0o700, exist_ok=True)
        self._restrict()
        lib = self.home / "lib"
        if lib.is_symlink() and lib.resolve() != self.jar_dir.resolve():
            lib.unlink()
        if not lib.exists():
            lib.symlink_to(self.jar_dir, target_is_directory=True)
        (self.home / "conf" / "neo4j.conf").write_text(self._config(), encoding="utf-8")
        install_web(self.home / "web", self.jar_dir, self.web_files)

    def _fetch_jars(self) -> None:
        mvn = _require("mvn", "Maven (e.g. apt-get install maven)")
        work = self.jar_dir.parent
        work.mkdir(parents=True, exist_ok=True)
        (work / "pom.xml").write_text(POM.format(neo4j=NEO4J_VERSION, browser=BROWSER_VERSION), encoding="utf-8")
        command = [mvn, "-q", "-B", "-f", str(work / "pom.xml"), "dependency:copy-dependencies",
                   "-DincludeScope=runtime", f"-DoutputDirectory={self.jar_dir}"]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            last = (done.stdout + done.stderr).strip().splitlines()[-1:] or ["no output"]
            raise ServerError(f"could not fetch Neo4j {NEO4J_VERSION} jars with Maven: {last[0]}")
        (self.jar_dir / ".complete").write_text(NEO4J_VERSION, encoding="utf-8")

    def _config(self) -> str:
        home = self.home.resolve()
        lines = [
            "# Written by policykg server start; edits are overwritten on the next start.",
            "server.default_listen_address=127.0.0.1",
            "server.bolt.enabled=true",
            f"server.bolt.listen_address=:{self.bolt_port}",
            "server.http.enabled=true",
            f"server.http.listen_address=:{self.http_port}",
            "server.https.enabled=false",
            f"server.directories.data={home}/data",
            f"server.directories.logs={home}/logs",
            f"server.directories.run={home}/run",
            f"server.directories.import={home}/import",
            f"server.directories.plugins={home}/plugins",
            f"server.memory.heap.initial_size={self.heap}",
            f"server.memory.heap.max_size={self.heap}",
            f"server.memory.pagecache.size={self.pagecache}",
            "dbms.security.auth_enabled=true",
            "dbms.usage_report.enabled=false",
            *HARDENING,
            "server.jvm.additional=" + "\nserver.jvm.additional=".join(JAVA_FLAGS),
        ]
        if self.post_connect_cmd:
            lines.append(f"browser.post_connect_cmd={self.post_connect_cmd}")
        return "\n".join(lines) + "\n"

    def _ensure_password(self) -> None:
        if self.password_file.exists():
            return
        if any((self.home / "data").iterdir()):
            raise ServerError(f"{self.home}/data exists but {self.password_file} is missing: "
                              "delete the instance directory to start afresh")
        self.password_file.touch(mode=0o600)
        self.password_file.write_text(new_password(), encoding="utf-8")
        try:  # picocli reads the argument from the file: the password never appears in /proc/*/cmdline
            self._java(ADMIN, "dbms", "set-initial-password", f"@{self.password_file.resolve()}")
        except BaseException:
            self.password_file.unlink()
            raise
        self._restrict()

    def _restrict(self) -> None:
        """Owner-only modes for the instance, its auth data and logs (also for instances made before umask 077)."""
        for directory in (self.home, self.home / "data", self.home / "logs"):
            if directory.is_dir():
                directory.chmod(0o700)
        for secret in [self.home / "data" / "dbms" / "auth.ini", self.password_file,
                       *(self.home / "logs").glob("*")]:
            if secret.is_file():
                secret.chmod(0o600)

    # -- lifecycle ----------------------------------------------------------

    def is_running(self) -> bool:
        pid = self.pid()
        if pid is None:
            return False
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True

    def start(self, timeout: float = 120.0) -> bool:
        """Start in the background and wait for Bolt; False when it was already running."""
        if self.is_running():
            return False
        for port in (self.bolt_port, self.http_port):
            if _port_open(port):
                raise ServerError(f"port {port} on localhost is already taken by another process: "
                                  "stop it or choose other ports (--bolt-port/--http-port)")
        self.install()
        self._ensure_password()
        self._java(LAUNCHER, "start")
        self._restrict()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.is_running():
                raise ServerError(f"Neo4j exited during start-up; see {self.home}/logs/neo4j.log")
            if _port_open(self.bolt_port) and _port_open(self.http_port) and self._log_says_started():
                return True
            time.sleep(0.5)
        raise ServerError(f"Neo4j did not answer on port {self.bolt_port} within {timeout:.0f}s; "
                          f"see {self.home}/logs/neo4j.log")

    def stop(self) -> bool:
        """Stop the server this instance started; False when it was not running."""
        if not self.is_running():
            return False
        self._java(LAUNCHER, "stop")
        return True

    def password(self) -> str | None:
        try:
            return self.password_file.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None

    def env_lines(self) -> list[str]:
        password = self.password()
        if password is None:
            raise ServerError(f"no local server has been set up in {self.home}: run `policykg server start`")
        return [f"export NEO4J_URI={self.uri}", "export NEO4J_USERNAME=neo4j", f"export NEO4J_PASSWORD={password}"]

    def log_tail(self, lines: int = 40) -> list[str]:
        log = self.home / "logs" / "neo4j.log"
        if not log.exists():
            raise ServerError(f"no log yet at {log}: the local server has never started")
        return log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]

    # -- helpers ------------------------------------------------------------

    def pid(self) -> int | None:
        """The server process's id from its pid file (None before the first start)."""
        try:
            return int((self.home / "run" / "neo4j.pid").read_text().strip())
        except (FileNotFoundError, ValueError):
            return None

    def _log_says_started(self) -> bool:
        log = self.home / "logs" / "neo4j.log"
        return log.exists() and "Started." in log.read_text(encoding="utf-8", errors="replace")[-4000:]

    def _java(self, main: str, *args: str) -> None:
        java = _require("java", "Java 17 or newer (e.g. apt-get install openjdk-17-jre-headless)")
        home = str(self.home.resolve())
        env = {**os.environ, "NEO4J_HOME": home, "NEO4J_CONF": f"{home}/conf"}
        done = subprocess.run([java, "-cp", f"{home}/lib/*", main, *args], env=env,
                              capture_output=True, text=True, timeout=180, umask=UMASK)
        if done.returncode != 0:
            text = (done.stderr or done.stdout).strip().splitlines()
            raise ServerError(f"{main.rsplit('.', 1)[-1]} {' '.join(args[:1])} failed: {text[-1] if text else 'no output'}")


def new_password() -> str:
    """32 hex digits: never starts with '-', which neo4j-admin would read as an option."""
    return secrets.token_hex(16)


def _require(program: str, what: str) -> str:
    found = shutil.which(program)
    if found is None:
        raise ServerError(f"`{program}` not found on PATH: install {what}")
    return found


def _check_java_version(java: str) -> None:
    done = subprocess.run([java, "-version"], capture_output=True, text=True)
    first = (done.stderr or done.stdout).splitlines()[:1]
    version = first[0].split('"')[1] if first and '"' in first[0] else ""
    major = int(version.split(".")[0]) if version.split(".")[0].isdigit() else 0
    if major < 17:
        raise ServerError(f"Java {version or 'of unknown version'} found; Neo4j 5.26 needs Java 17 or newer")


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


def local_instance_for(uri: str, home: Path | None = None) -> LocalServer | None:
    """The running local instance (``policykg server start``, a test server) whose Bolt port ``uri`` names.

    Looks in ``home`` when given, else in every instance directory under the
    cache root; None when ``uri`` is not on this machine or no running
    instance listens there (then it is some other server, e.g. Docker's).
    """
    parts = urlsplit(uri)
    if parts.hostname not in LOCAL_HOSTS:
        return None
    port = parts.port or 7687
    homes = [home] if home is not None else sorted(p.parent.parent for p in cache_root().glob("*/conf/neo4j.conf"))
    for candidate in homes:
        server = LocalServer.at(candidate)
        if server.bolt_port == port and server.is_running():
            return server
    return None


def password_for_uri(uri: str) -> str | None:
    """The stored password of the default local instance, when ``uri`` points at it."""
    parts = urlsplit(uri)
    if parts.hostname not in ("localhost", "127.0.0.1", "::1"):
        return None
    server = LocalServer.at()
    if (parts.port or 7687) != server.bolt_port:
        return None
    return server.password()

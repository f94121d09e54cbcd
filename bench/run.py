"""The ingest and query benchmark: one command, every number side by side, ratios printed.

    python bench/run.py --sizes 1000,10000

For each size it generates a corpus (bench/generate.py), starts its own local
Neo4j (policykg.graph.server.LocalServer, home under POLICYKG_HOME, ports
17770/17771 unless --bolt-port/--http-port, heap 1g and page cache 512m like
`policykg server start`) on an empty store, and measures in one run:

  a  a naive loader (one auto-commit per node and per relationship) on a subset
  b  `policykg ingest` (the Python API ingest_paths, end to end: validation included)
  c  `neo4j-admin database import full` of the same graph, exported to CSV (the ceiling)
  d  an unchanged re-ingest
  e  a re-ingest with 1% of the documents changed, then another 1% (the first
     change run plans the retraction statements and replans the rest after the
     graph grew; the second is what every later scheduled run costs)
  f  every canned query, p50/p95/p99 over warm runs, with its row count
  g  CLI wall time for `policykg --help` and one canned query
  h  the same graph reloaded into an empty store by the plainest batched Cypher
     (UNWIND ... MERGE per label and type, 10,000 rows a transaction): what any
     transactional loader can reach on this machine

Ingest (a, b, d, e) and (h) also record the CPU seconds they took in the
server process and in this one (with validation's worker processes): on the
shared cores, wall time grows with everyone else's work, CPU time far less,
so the ratios are given on both (docs/ingest.md, section 6.2). The four
cascade questions run on parameters the generator's cascade answers
(bench/cascade.py), and the run fails at the end if one of them has no row.

Results go to bench/results/bench-<size>.json with a description of the
machine; the server is stopped and its directory deleted at the end.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a script from anywhere

import generate  # noqa: E402

from policykg.graph.connection import Graph, open_graph, read_rows, write  # noqa: E402
from policykg.graph.constraints import apply_schema  # noqa: E402
from policykg.graph.server import ADMIN, LocalServer, cache_root  # noqa: E402
from policykg.graph.settings import resolve_settings  # noqa: E402
from policykg.ingest import statements as cypher  # noqa: E402
from policykg.ingest.pipeline import ingest_paths  # noqa: E402
from policykg.ingest.validate import validate_paths  # noqa: E402
from policykg.ingest.writer import build_batch, document_props, write_reference_data  # noqa: E402
from policykg.queries.loader import load_all  # noqa: E402
from policykg.queries.runner import run_query  # noqa: E402
from policykg.schema.vocabulary import NATURAL_KEYS, Label, Rel  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
WORK = Path(os.environ.get("POLICYKG_BENCH_WORK", "/tmp/policykg-bench"))
POLICYKG = Path(sys.executable).with_name("policykg")


def log(message: str) -> None:
    print(f"[{dt.datetime.now():%H:%M:%S}] {message}", flush=True)


# -- machine ----------------------------------------------------------------


def machine() -> dict[str, Any]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        mem = Path("/proc/meminfo").read_text().splitlines()[0].split(":", 1)[1].strip()
    except OSError:
        pass
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[:1]
    import neo4j
    import yaml
    return {"cpu": cpu, "cores": os.cpu_count(), "memory": mem, "os": platform.platform(),
            "python": platform.python_version(), "java": java[0] if java else "", "neo4j_driver": neo4j.__version__,
            "pyyaml": yaml.__version__, "libyaml": bool(yaml.__with_libyaml__),
            "load_average_at_start": os.getloadavg()}


# -- server -----------------------------------------------------------------


class BenchServer(LocalServer):
    """The local server as `policykg server start` configures it, plus a transaction timeout.

    Community edition cannot change ``db.transaction.timeout`` at run time, and a
    canned query that runs for minutes must end as a timeout, not stall the run.
    """

    def _config(self) -> str:
        # the server's own limit (10m) is replaced, not repeated: Neo4j refuses a setting given twice
        lines = [line for line in super()._config().splitlines() if not line.startswith("db.transaction.timeout=")]
        return "\n".join(lines) + f"\ndb.transaction.timeout={TRANSACTION_TIMEOUT}s\n"


TRANSACTION_TIMEOUT = 60


def fresh_server(bolt: int, http: int) -> LocalServer:
    server = BenchServer(home=cache_root() / f"bench-server-{bolt}", bolt_port=bolt, http_port=http)
    if server.is_running():
        server.stop()
    shutil.rmtree(server.home, ignore_errors=True)
    server.start()
    return server


def connect_to(server: LocalServer) -> Graph:
    return open_graph(resolve_settings(uri=server.uri, username="neo4j", password=server.password()))


def totals(graph: Graph) -> tuple[int, int]:
    nodes = read_rows(graph, "MATCH (n) RETURN count(n) AS n")[0]["n"]
    rels = read_rows(graph, "MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
    return nodes, rels


def wipe(graph: Graph) -> None:
    with graph.session() as session:
        session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()


def created(counts: Counter[str] | dict[str, int]) -> int:
    return counts.get("nodes_created", 0) + counts.get("relationships_created", 0)


# -- CPU time: what a step cost, whatever else the machine runs -------------------


def server_cpu(server: LocalServer) -> float:
    """The server process's CPU seconds so far (user + system, from /proc); 0.0 where that cannot be read."""
    try:
        fields = Path(f"/proc/{server.pid()}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def own_cpu() -> float:
    """This process's CPU seconds, with its finished children (validation's worker processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@contextmanager
def cpu_meter(server: LocalServer, into: dict[str, Any]) -> Iterator[None]:
    """Server and client CPU seconds of the block, and the load average after it, into ``into``."""
    server_before, client_before = server_cpu(server), own_cpu()
    yield
    into |= {"server_cpu_s": server_cpu(server) - server_before, "client_cpu_s": own_cpu() - client_before,
             "load_average": os.getloadavg()[0]}


def per_cpu_s(step: dict[str, Any], items: int) -> float:
    """Items per CPU second (server and client together): the rate other work on the machine barely moves."""
    return items / max(step["server_cpu_s"] + step["client_cpu_s"], 1e-9)


# -- a: the naive loader ----------------------------------------------------


def naive_load(graph: Graph, server: LocalServer, paths: list[Path]) -> dict[str, Any]:
    """One auto-commit statement per node and per relationship, as per-record loaders do."""
    documents = validate_paths(paths, allow_drafts=False)
    write(graph, write_reference_data)  # regions and themes the links point at, as ingest writes them (not timed)
    counts: Counter[str] = Counter()
    statements = 0
    cpu: dict[str, Any] = {}
    started = time.perf_counter()
    with graph.session() as session, cpu_meter(server, cpu):
        def run(statement: str, **params: Any) -> None:
            nonlocal statements
            c = session.run(statement, params).consume().counters
            counts.update(nodes_created=c.nodes_created, relationships_created=c.relationships_created)
            statements += 1

        for document in documents:
            batch = build_batch(document)
            run(cypher.MERGE_DOCUMENT, rows=[{"doc": document.id, "props": document_props(document)}])
            for code in sorted(set(document.region_codes.values())):
                run(cypher.MENTIONS, rows=[{"doc": document.id, "codes": [code]}])
            for label, rows in batch.facts.items():
                for row in rows:
                    run(f"MERGE (n:{label.value} {{key: $key}}) SET n += $props", key=row["key"], props=row["props"])
                    run(f"MATCH (n:{label.value} {{key: $key}}) MATCH (d:SourceDocument {{id: $doc}}) "
                        "MERGE (n)-[s:SOURCED_FROM]->(d) SET s += $source", key=row["key"], doc=document.id,
                        source=row["source"])
            for (rel, start, end), rows in batch.links.items():
                statement = cypher.merge_relationships(rel, start, end)
                for row in rows:
                    run(statement, rows=[row])
    seconds = time.perf_counter() - started
    return {"documents": len(documents), "statements": statements, "seconds": seconds,
            "nodes_created": counts["nodes_created"], "relationships_created": counts["relationships_created"],
            "created_per_s": created(counts) / seconds, **cpu, "created_per_cpu_s": per_cpu_s(cpu, created(counts))}


# -- c: neo4j-admin import of the same graph ----------------------------------

ARRAY_DELIMITER = "\u00a6"  # ¦, in no value of the corpus


def _csv_type(values: list[Any]) -> str:
    kinds = {type(v).__name__ for v in values if v is not None}
    if kinds <= {"bool"}:
        return "boolean"
    if kinds <= {"int"}:
        return "long"
    if kinds <= {"int", "float"}:
        return "double"
    if kinds <= {"list"}:
        return "string[]"
    if kinds <= {"Date"}:
        return "date"
    if kinds <= {"DateTime"}:
        return "datetime"
    return "string"


def _csv_value(value: Any, kind: str) -> Any:
    if value is None:
        return ""
    if kind == "string[]":
        return ARRAY_DELIMITER.join(str(v) for v in value)
    if kind == "boolean":
        return "true" if value else "false"
    if kind in ("date", "datetime"):
        return value.iso_format()
    return value


def read_graph(graph: Graph) -> dict[str, Any]:
    """The graph ingest built (run log aside), node by node and relationship by relationship, by internal id."""
    started = time.perf_counter()
    nodes: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    rels: dict[str, list[tuple[int, int, dict[str, Any]]]] = defaultdict(list)
    top = read_rows(graph, "MATCH (n) RETURN max(id(n)) AS top")[0]["top"] or 0
    step = 100_000  # node ids per transaction: each read stays far below the transaction timeout
    for low in range(0, top + 1, step):
        bounds = {"low": low, "high": low + step}
        for record in read_rows(graph, "MATCH (n) WHERE $low <= id(n) < $high AND NOT n:IngestRun "
                                "RETURN id(n) AS id, labels(n)[0] AS label, properties(n) AS p", bounds):
            nodes[record["label"]].append((record["id"], record["p"]))
        for record in read_rows(graph, "MATCH (a)-[r]->(b) WHERE $low <= id(a) < $high AND NOT a:IngestRun "
                                "RETURN id(a) AS a, id(b) AS b, type(r) AS t, properties(r) AS p", bounds):
            rels[record["t"]].append((record["a"], record["b"], record["p"]))
    return {"nodes": nodes, "relationships": rels, "read_seconds": time.perf_counter() - started}


def export_csv(built: dict[str, Any], out: Path) -> dict[str, Any]:
    """The graph as neo4j-admin import CSV: one file per label and per type."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    started = time.perf_counter()
    nodes, rels = built["nodes"], built["relationships"]
    files: list[str] = []
    for kind, groups in (("nodes", nodes), ("relationships", rels)):
        for name, items in groups.items():
            props = [item[-1] for item in items]
            keys = sorted({k for p in props for k in p})
            types = {k: _csv_type([p.get(k) for p in props]) for k in keys}
            head = [":ID", ":LABEL"] if kind == "nodes" else [":START_ID", ":END_ID", ":TYPE"]
            path = out / f"{kind}-{name}.csv"
            with path.open("w", newline="", encoding="utf-8") as f:
                writer = csv.writer(f)
                writer.writerow(head + [f"{k}:{types[k]}" for k in keys])
                for item in items:
                    fixed = [item[0], name] if kind == "nodes" else [item[0], item[1], name]
                    writer.writerow(fixed + [_csv_value(item[-1].get(k), types[k]) for k in keys])
            files.append(f"--{kind}={path}")
    return {"files": files, "nodes": sum(map(len, nodes.values())), "relationships": sum(map(len, rels.values())),
            "export_seconds": built["read_seconds"] + time.perf_counter() - started}


def admin_import(export: dict[str, Any], bolt: int) -> dict[str, Any]:
    """`neo4j-admin database import full` into an instance of its own (never started), timed end to end."""
    target = LocalServer(home=cache_root() / f"bench-import-{bolt}")
    shutil.rmtree(target.home, ignore_errors=True)
    target.install()
    home = str(target.home.resolve())
    env = {**os.environ, "NEO4J_HOME": home, "NEO4J_CONF": f"{home}/conf"}
    command = ["java", "-Xmx1g", "-cp", f"{home}/lib/*", ADMIN, "database", "import", "full", "neo4j",
               "--overwrite-destination=true", "--multiline-fields=true", f"--array-delimiter={ARRAY_DELIMITER}",
               f"--report-file={home}/import.report", *export["files"]]
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"neo4j-admin import failed: {(done.stderr or done.stdout)[-2000:]}")
    shutil.rmtree(target.home, ignore_errors=True)
    items = export["nodes"] + export["relationships"]
    return {"seconds": seconds, "nodes": export["nodes"], "relationships": export["relationships"],
            "created_per_s": items / seconds, "export_seconds": export["export_seconds"],
            "note": "no constraints or indexes (import builds the store only); the run log is left out"}


# -- h: the same graph by plain batched UNWIND ... MERGE ------------------------

CEILING_BATCH = 10_000


def cypher_ceiling(built: dict[str, Any], bolt: int, http: int) -> dict[str, Any]:
    """The graph ingest built, written again into an empty store by the plainest batched Cypher loader.

    One UNWIND ... MERGE on the natural key per label, then per relationship type
    and endpoint labels, 10,000 rows per transaction, under the same constraints
    and indexes; no validation, provenance, reads or run log. What this reaches
    is the transactional ceiling of the machine, which `policykg ingest` (that
    also keeps provenance and the summary) can approach but not pass.
    """
    nodes, rels = built["nodes"], built["relationships"]
    keys = {label.value: key for label, key in NATURAL_KEYS.items()}
    where: dict[int, tuple[str, Any]] = {}
    for label, items in nodes.items():
        for node_id, props in items:
            where[node_id] = (label, props[keys[label]])
    grouped: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for rel, items in rels.items():
        for a, b, props in items:
            (start, a_key), (end, b_key) = where[a], where[b]
            grouped[(rel, start, end)].append({"a": a_key, "b": b_key, "p": props})
    server = fresh_server(bolt, http)
    try:
        graph = connect_to(server)
        apply_schema(graph)
        write(graph, lambda tx: tx.run("CALL db.awaitIndexes(300)").consume())
        cpu: dict[str, Any] = {}
        started = time.perf_counter()
        with cpu_meter(server, cpu):
            node_seconds = _plain_merges(graph, nodes, grouped)
        seconds = time.perf_counter() - started
        graph.close()
    finally:
        server.stop()
        shutil.rmtree(server.home, ignore_errors=True)
    items = sum(map(len, nodes.values())) + sum(map(len, rels.values()))
    return {"seconds": seconds, "node_seconds": node_seconds, "items": items,
            "created_per_s": items / seconds, **cpu, "created_per_cpu_s": per_cpu_s(cpu, items),
            "batch_rows": CEILING_BATCH,
            "note": "UNWIND ... MERGE per label and per relationship type, same constraints and indexes, "
                    "no validation, provenance or run log"}


def _plain_merges(graph: Graph, nodes: dict[str, list[tuple[int, dict[str, Any]]]],
                  grouped: dict[tuple[str, str, str], list[dict[str, Any]]]) -> float:
    """(h)'s writes: the nodes by label, then the relationships by type; the seconds the nodes took."""
    keys = {label.value: key for label, key in NATURAL_KEYS.items()}
    started = time.perf_counter()
    for label, items in nodes.items():
        name, key = Label(label).value, keys[label]
        statement = f"UNWIND $rows AS row MERGE (n:{name} {{{key}: row.{key}}}) SET n += row"
        rows = [props for _, props in items]
        for i in range(0, len(rows), CEILING_BATCH):
            write(graph, lambda tx, chunk=rows[i:i + CEILING_BATCH]: tx.run(statement, rows=chunk).consume())  # noqa: B023 (called at once)
    node_seconds = time.perf_counter() - started
    for (rel, start, end), rows in grouped.items():
        statement = (f"UNWIND $rows AS row MATCH (a:{Label(start).value} {{{keys[start]}: row.a}}) "
                     f"MATCH (b:{Label(end).value} {{{keys[end]}: row.b}}) "
                     f"MERGE (a)-[r:{Rel(rel).value}]->(b) SET r += row.p")
        for i in range(0, len(rows), CEILING_BATCH):
            write(graph, lambda tx, chunk=rows[i:i + CEILING_BATCH]: tx.run(statement, rows=chunk).consume())  # noqa: B023 (called at once)
    return node_seconds


# -- b, d, e: policykg ingest -------------------------------------------------


def timed_ingest(graph: Graph, server: LocalServer, corpus: Path) -> dict[str, Any]:
    cpu: dict[str, Any] = {}
    started = time.perf_counter()
    with cpu_meter(server, cpu):
        report = ingest_paths(graph, [corpus])
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "new": len(report.new), "changed": len(report.changed),
            "unchanged": len(report.unchanged), **{k: report.counts[k] for k in
                                                   ("nodes_created", "relationships_created", "nodes_deleted",
                                                    "relationships_deleted")},
            "changes": report.changes_total, "validate_seconds": report.seconds.get("validate"),
            "created_per_s": created(report.counts) / seconds, **cpu,
            "created_per_cpu_s": per_cpu_s(cpu, created(report.counts))}


# -- f, g: queries ------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def time_queries(graph: Graph, runs: int, budget: float,
                 params: dict[str, dict[str, str]] | None = None) -> list[dict[str, Any]]:
    """Warm runs of every canned query with its example parameters (or ``params``'); each stops at ``budget`` s."""
    results = []
    for query in load_all():
        given = (params or {}).get(query.name, query.example)
        entry: dict[str, Any] = {"query": query.name, **({"params": given} if given != query.example else {})}
        try:
            started = time.perf_counter()
            rows = run_query(graph, query.name, given)  # warm-up
            entry["first_ms"] = (time.perf_counter() - started) * 1000
            entry["rows"] = len(rows)
            times: list[float] = []
            spent = time.perf_counter()
            while len(times) < runs and time.perf_counter() - spent < budget:
                started = time.perf_counter()
                run_query(graph, query.name, given)
                times.append((time.perf_counter() - started) * 1000)
            entry |= {"runs": len(times), "p50_ms": percentile(times, 50), "p95_ms": percentile(times, 95),
                      "p99_ms": percentile(times, 99)}
        except Exception as exc:  # a query over the timeout is a result, not a crash of the benchmark
            entry |= {"error": f"{type(exc).__name__}: {str(exc)[:200]}", "timeout_s": TRANSACTION_TIMEOUT}
        log(f"  {query.name}: " + ", ".join(f"{k}={v:.1f}" if isinstance(v, float) else f"{k}={v}"
                                           for k, v in entry.items() if k != "query"))
        results.append(entry)
    return results


def cli_times(server: LocalServer, query: str) -> dict[str, Any]:
    env = {**os.environ, "NEO4J_URI": server.uri, "NEO4J_USERNAME": "neo4j", "NEO4J_PASSWORD": server.password() or ""}

    def wall(*args: str) -> float:
        started = time.perf_counter()
        done = subprocess.run([str(POLICYKG), *args], env=env, capture_output=True, text=True, cwd=WORK)
        if done.returncode != 0:
            raise SystemExit(f"policykg {' '.join(args)} failed: {done.stderr[-500:]}")
        return time.perf_counter() - started

    help_times = [wall("--help") for _ in range(5)]
    query_times = [wall("query", "run", query, "--example") for _ in range(3)]
    return {"help_s": statistics.median(help_times), "query": query, "query_s": statistics.median(query_times)}


# -- one size -----------------------------------------------------------------


def bench_size(size: int, args: argparse.Namespace, result: dict[str, Any]) -> dict[str, Any]:
    """Every measurement at one size, into ``result`` (so that a failure leaves what was measured)."""
    corpus = WORK / f"corpus-{size}"
    log(f"size {size}: generating {corpus}")
    paths = generate.generate(corpus, size)
    result |= {"documents": size, "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                              "commit": _commit(), "machine": machine(),
                              "server": {"heap": "1g", "pagecache": "512m", "version": "5.26 community",
                                         "transaction_timeout_s": TRANSACTION_TIMEOUT}}
    log("starting the benchmark's own Neo4j")
    server = fresh_server(args.bolt_port, args.http_port)
    try:
        graph = connect_to(server)
        apply_schema(graph)
        subset = paths[: min(args.naive_documents, size)]
        log(f"a: naive loader on {len(subset)} documents")
        result["naive"] = naive_load(graph, server, subset)
        wipe(graph)
        log(f"b: policykg ingest of {size} documents")
        result["ingest"] = timed_ingest(graph, server, corpus)
        result["graph"] = dict(zip(("nodes", "relationships"), totals(graph)))
        log(f"   {result['ingest']['seconds']:.1f} s, {result['ingest']['created_per_s']:.0f} created/s; graph "
            f"{result['graph']}")
        log("c: export to CSV for neo4j-admin import")
        built = read_graph(graph)
        export = export_csv(built, WORK / f"csv-{size}")
        log("d: unchanged re-ingest")
        result["unchanged"] = timed_ingest(graph, server, corpus)
        log(f"   {result['unchanged']['seconds']:.1f} s")
        changed = generate.change_one_percent(paths)
        log(f"e: re-ingest with {len(changed)} documents changed")
        result["changed"] = timed_ingest(graph, server, corpus)
        log(f"   {result['changed']['seconds']:.1f} s")
        again = generate.change_one_percent(paths, seed=12)
        log(f"e: again, {len(again)} other documents changed")
        result["changed_again"] = timed_ingest(graph, server, corpus)
        log(f"   {result['changed_again']['seconds']:.1f} s")
        if not args.skip_queries:
            log("f: canned queries")
            result["queries"] = time_queries(graph, args.runs, args.query_budget, generate.cascade_examples())
        log("g: CLI wall time")
        result["cli"] = cli_times(server, args.cli_query)
        graph.close()
    finally:
        server.stop()
        shutil.rmtree(server.home, ignore_errors=True)
    log("c: neo4j-admin database import full (server stopped)")
    result["admin_import"] = admin_import(export, args.bolt_port)
    shutil.rmtree(WORK / f"csv-{size}", ignore_errors=True)
    if not args.skip_ceiling:
        log("h: the same graph by plain batched UNWIND ... MERGE (the transactional ceiling)")
        result["cypher_ceiling"] = cypher_ceiling(built, args.bolt_port, args.http_port)
        log(f"   {result['cypher_ceiling']['seconds']:.1f} s, {result['cypher_ceiling']['created_per_s']:.0f}/s")
    del built
    if not args.keep_corpus:
        shutil.rmtree(corpus, ignore_errors=True)
    result["ratios"] = ratios(result)
    result["machine"]["load_average_at_end"] = os.getloadavg()
    return result


def ratios(r: dict[str, Any]) -> dict[str, float]:
    first, unchanged, changed = r["ingest"], r["unchanged"], r["changed"]
    return {
        "ingest_created_per_s": first["created_per_s"],
        "ingest_vs_naive": first["created_per_s"] / r["naive"]["created_per_s"],
        "ingest_created_per_cpu_s": first["created_per_cpu_s"],
        "ingest_vs_naive_cpu": first["created_per_cpu_s"] / r["naive"]["created_per_cpu_s"],
        "admin_import_vs_ingest_time": first["seconds"] / r["admin_import"]["seconds"],
        "first_vs_unchanged": first["seconds"] / unchanged["seconds"],
        **({"ceiling_created_per_s": r["cypher_ceiling"]["created_per_s"],
            "ingest_vs_ceiling_rate": first["created_per_s"] / r["cypher_ceiling"]["created_per_s"],
            "ingest_vs_ceiling_cpu": first["created_per_cpu_s"] / r["cypher_ceiling"]["created_per_cpu_s"]}
           if "cypher_ceiling" in r else {}),
        "changed_vs_first": changed["seconds"] / first["seconds"],
        "changed_minus_unchanged_vs_first": (changed["seconds"] - unchanged["seconds"]) / first["seconds"],
        **({"changed_again_vs_first": r["changed_again"]["seconds"] / first["seconds"],
            "changed_again_minus_unchanged_vs_first":
                (r["changed_again"]["seconds"] - unchanged["seconds"]) / first["seconds"]}
           if "changed_again" in r else {}),
    }


def _commit() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                          cwd=Path(__file__).parent)
    return done.stdout.strip()


def print_table(results: list[dict[str, Any]]) -> None:
    print()
    print("| documents | nodes / relationships | naive (a) | ingest (b) | admin import (c) | unchanged (d) | "
          "1% changed (e) | again (e) | b÷a | b÷c time | b÷d time | e÷b time (again) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        q = r["ratios"]
        print(f"| {r['documents']:,} | {r['graph']['nodes']:,} / {r['graph']['relationships']:,} | "
              f"{r['naive']['created_per_s']:,.0f}/s | {r['ingest']['seconds']:.1f} s "
              f"({q['ingest_created_per_s']:,.0f}/s; validation {r['ingest']['validate_seconds']:.1f} s) | "
              f"{r['admin_import']['seconds']:.1f} s | "
              f"{r['unchanged']['seconds']:.2f} s | {r['changed']['seconds']:.2f} s | "
              f"{r.get('changed_again', {}).get('seconds', float('nan')):.2f} s | "
              f"{q['ingest_vs_naive']:.0f}× | {q['admin_import_vs_ingest_time']:.1f}× | "
              f"{q['first_vs_unchanged']:.0f}× | {q['changed_vs_first'] * 100:.1f}% "
              f"({q.get('changed_again_vs_first', float('nan')) * 100:.1f}%) |")
    for r in results:
        if "cypher_ceiling" in r:
            c = r["cypher_ceiling"]
            print(f"\nh at {r['documents']:,}: plain UNWIND MERGE of the same graph {c['seconds']:.1f} s "
                  f"({c['created_per_s']:,.0f}/s); ingest reaches {r['ratios']['ingest_vs_ceiling_rate']:.0%} "
                  f"of that rate, {r['ratios']['ingest_vs_ceiling_cpu']:.0%} of its rate per CPU second "
                  f"(ingest {r['ingest']['server_cpu_s']:.0f} + {r['ingest']['client_cpu_s']:.0f} s server + "
                  f"client CPU, h {c['server_cpu_s']:.0f} + {c['client_cpu_s']:.0f} s)")
    for r in results:
        if "queries" not in r:
            continue
        print(f"\nqueries at {r['documents']:,} documents (ms):")
        print("| query | rows | runs | p50 | p95 | p99 |")
        print("|---|---|---|---|---|---|")
        for q in r["queries"]:
            if "error" in q:
                print(f"| {q['query']} | - | - | {q['error'][:60]} | | |")
            else:
                print(f"| {q['query']} | {q['rows']} | {q['runs']} | {q['p50_ms']:.1f} | {q['p95_ms']:.1f} | "
                      f"{q['p99_ms']:.1f} |")
        print_cascade(r)
        print(f"\nCLI: --help {r['cli']['help_s']:.2f} s; query {r['cli']['query']} {r['cli']['query_s']:.2f} s")


def cascade_without_rows(result: dict[str, Any]) -> list[str]:
    """The cascade questions that found no row on the generator's parameters (the run fails on any).

    A corpus smaller than the cascade (generate.cascade_documents()) need not have every part of it.
    """
    if result.get("documents", 0) < generate.cascade_documents():
        return []
    return [q["query"] for q in result.get("queries", []) if q["query"] in generate.cascade_examples()
            and not q.get("rows")]


def print_cascade(result: dict[str, Any]) -> None:
    print("\ncascade questions on the generator's cascade (rows must be > 0):")
    for q in result["queries"]:
        if q["query"] in generate.cascade_examples():
            print(f"  {q['query']} {q.get('params', '')}: {q.get('rows', 0)} rows, p95 {q.get('p95_ms', float('nan')):.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000", help="Comma-separated corpus sizes (documents).")
    parser.add_argument("--bolt-port", type=int, default=17770)
    parser.add_argument("--http-port", type=int, default=17771)
    parser.add_argument("--naive-documents", type=int, default=5, help="Subset size for the naive loader.")
    parser.add_argument("--runs", type=int, default=200, help="Warm runs per canned query.")
    parser.add_argument("--query-budget", type=float, default=30.0, help="Seconds of warm runs per query at most.")
    parser.add_argument("--cli-query", default="region-policies")
    parser.add_argument("--skip-queries", action="store_true")
    parser.add_argument("--skip-ceiling", action="store_true", help="Leave out (h), the plain UNWIND MERGE reload.")
    parser.add_argument("--keep-corpus", action="store_true")
    parser.add_argument("--tag", default="", help="Suffix of the result file names (e.g. -before).")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        result: dict[str, Any] = {}
        try:
            bench_size(size, args, result)
        finally:
            (RESULTS / f"bench-{size}{args.tag}.json").write_text(json.dumps(result, indent=2, default=str) + "\n",
                                                                 encoding="utf-8")
        results.append(result)
        print_table([result])
    if len(results) > 1:
        print_table(results)
    missing = sorted({name for result in results for name in cascade_without_rows(result)})
    if missing:
        raise SystemExit(f"Error: no rows for {', '.join(missing)} on the generator's cascade parameters")


if __name__ == "__main__":
    main()

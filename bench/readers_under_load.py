"""Reader latency while an ingest runs, against the same reads on an idle graph.

    NEO4J_URI=… NEO4J_PASSWORD=… python bench/readers_under_load.py [--readers 8] [--copies 40]

Needs an empty database (it ingests a corpus and deletes everything at the
end). Prints p50/p95/max per kind of read, idle and under load, the p95
ratio, the ingest's wall time and the error count (tests/test_readers_under_load.py
checks errors and consistency; this script only measures).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path

from policykg.graph.connection import Graph, connect, read_rows
from policykg.graph.settings import resolve_settings
from policykg.ingest.pipeline import ingest_paths
from policykg.queries.loader import load_all
from policykg.queries.runner import run_named

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "data" / "shenzhen.yaml"
DEMO = ROOT / "data" / "documents"


def _corpus(folder: Path, copies: int) -> None:
    for path in DEMO.glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    text = SMALL.read_text(encoding="utf-8")
    for i in range(copies):
        (folder / f"copy-{i:03d}.yaml").write_text(text.replace("test-", f"b{i:03d}-"), encoding="utf-8")


def _read_loop(graph: Graph, number: int, stop: threading.Event, latencies: dict[str, list[float]],
               errors: list[str], limit: int) -> None:
    queries = load_all()
    for i in range(limit):
        if stop.is_set():
            return
        query = queries[(number + i) % len(queries)]
        started = time.perf_counter()
        try:
            run_named(graph, query, query.example)
        except Exception as exc:  # noqa: BLE001 - counted, not raised
            errors.append(f"{query.name}: {exc}")
            continue
        latencies.setdefault(query.name, []).append((time.perf_counter() - started) * 1000)


def _run_readers(graph: Graph, readers: int, stop: threading.Event, limit: int) -> tuple[dict, list[str], list]:
    latencies: dict[str, list[float]] = {}
    errors: list[str] = []
    threads = [threading.Thread(target=_read_loop, args=(graph, n, stop, latencies, errors, limit))
               for n in range(readers)]
    for thread in threads:
        thread.start()
    return latencies, errors, threads


def _p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else (values or [0.0])[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=8)
    parser.add_argument("--copies", type=int, default=40)
    args = parser.parse_args()
    with connect(resolve_settings()) as graph, tempfile.TemporaryDirectory() as tmp:
        if read_rows(graph, "MATCH (n) RETURN count(n) AS n")[0]["n"]:
            raise SystemExit("the database is not empty: this benchmark needs an empty one")
        folder = Path(tmp)
        _corpus(folder, args.copies)
        try:
            ingest_paths(graph, [DEMO])  # the demo document, schema and reference data: the idle baseline's graph
            for _ in range(2):  # the first round plans every query; the second is the idle baseline
                idle, idle_errors, threads = _run_readers(graph, args.readers, threading.Event(), 30)
                for thread in threads:
                    thread.join()
            stop = threading.Event()
            loaded, errors, threads = _run_readers(graph, args.readers, stop, 100_000)
            started = time.perf_counter()
            report = ingest_paths(graph, [folder])
            seconds = time.perf_counter() - started
            stop.set()
            for thread in threads:
                thread.join()
        finally:
            with graph.session() as session:
                session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    print(f"ingest: {len(report.new)} documents in {seconds:.2f} s with {args.readers} readers")
    print(f"{'read':34} {'idle p50':>9} {'idle p95':>9} {'load p50':>9} {'load p95':>9} {'load max':>9} {'p95 ratio':>9}")
    for name in sorted(loaded):
        a, b = idle.get(name, []), loaded[name]
        ratio = _p(b, 95) / _p(a, 95) if a and _p(a, 95) else float("nan")
        print(f"{name:34} {_p(a, 50):9.1f} {_p(a, 95):9.1f} {_p(b, 50):9.1f} {_p(b, 95):9.1f} {max(b):9.1f} {ratio:9.2f}")
    total = sum(len(v) for v in loaded.values())
    print(f"reads under load: {total}, errors: {len(errors) + len(idle_errors)}")


if __name__ == "__main__":
    main()

"""CLI wall time: `policykg --help`, a subcommand's --help, and a canned query on the demo corpus.

Goals (issues 8, 11 and 12): any --help ≤ 0.3 s, a canned query ≤ 1 s wall.
Runs each command several times in a fresh process (as a user's shell
does) and prints the median and the best run, with the ratio to the goal.
The query needs a server holding the demo corpus: the connection comes from
NEO4J_URI / NEO4J_PASSWORD or the local server, as for the CLI itself;
``--ingest`` loads data/documents first.

    python bench/startup.py [--runs 10] [--ingest]

With ``hyperfine`` installed (apt-get install hyperfine) the same numbers
come from ``hyperfine -w 2 'policykg --help'``; this script needs nothing
beyond the project itself.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLICYKG = shutil.which("policykg", path=str(Path(sys.executable).parent)) or "policykg"

CASES = [
    ("--help", [POLICYKG, "--help"], 0.3),
    ("query run --help", [POLICYKG, "query", "run", "--help"], 0.3),
    ("query run regions-targeting-theme --example", [POLICYKG, "query", "run", "regions-targeting-theme", "--example",
                                                     "--format", "json"], 1.0),
]


def wall(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[1:])} failed: {(done.stderr or done.stdout).strip()[:300]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="timed runs per command (after one warm-up)")
    parser.add_argument("--ingest", action="store_true", help="ingest data/documents before timing the query")
    args = parser.parse_args()
    if args.ingest:
        wall([POLICYKG, "ingest", str(ROOT / "data" / "documents")])
    results = []
    for name, command, goal in CASES:
        wall(command)  # warm-up: file-system cache, .pyc files
        times = [wall(command) for _ in range(args.runs)]
        median = statistics.median(times)
        results.append({"command": f"policykg {name}", "runs": args.runs, "median_s": round(median, 3),
                        "best_s": round(min(times), 3), "goal_s": goal, "median_over_goal": round(median / goal, 2)})
    width = max(len(r["command"]) for r in results)
    print(f"{'command'.ljust(width)}  median    best    goal  median/goal")
    for r in results:
        print(f"{r['command'].ljust(width)}  {r['median_s']:6.3f}s {r['best_s']:6.3f}s {r['goal_s']:5.1f}s  "
              f"{r['median_over_goal']:.2f}")
    load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else []
    print(json.dumps({"python": platform.python_version(), "machine": platform.machine(), "load_average": load,
                      "results": results}, ensure_ascii=False))


if __name__ == "__main__":
    main()

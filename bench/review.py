"""`policykg review`: decision latency at the server, and keystrokes from opening a draft to publishing it.

Goals (issue 25): each decision answered in ≤ 100 ms at the server with a
300-fact draft; keyboard only, a 30-fact draft whose facts are all right
takes ≤ 35 keystrokes from opening to published.

* latency: the app in-process (Starlette's TestClient, no network), a draft
  extracted from a generated text of about 300 facts; accept, reject and edit
  decisions on random facts, each timed from request to answer.
* keystrokes: `policykg review` as a user starts it, Debian's Chromium driven by
  Playwright; only key presses, each counted, until the page says published.

    python bench/review.py [--decisions 60] [--no-browser]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "review.json"
CHROMIUM = "/usr/bin/chromium"


def generated_text(lines: int) -> str:
    """A made-up plan with one target per line (each line gives a target and, once, its indicator)."""
    rows = [f"到2026年，全省第{n}类数字化平台达到{n + 10}个。" for n in range(1, lines + 1)]
    return "---\ntitle: 江西省数字平台培育计划(2024—2026年)\npublished: 2024-03-01\n---\n" + "\n".join(rows) + "\n"


def make_draft(root: Path, lines: int) -> Path:
    from policykg.ingest.extract.run import extract_files

    source = root / "texts" / f"plan-{lines}.txt"
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text(generated_text(lines), encoding="utf-8")
    (written,) = extract_files([source], root / "drafts")
    return written.draft


def latency(decisions: int) -> dict:
    from starlette.testclient import TestClient

    from policykg.ingest.review import session
    from policykg.ingest.review.drafts import Drafts
    from policykg.web.app import ReviewConfig, create_app
    from policykg.web.security import Gate

    with tempfile.TemporaryDirectory() as tmp:
        draft = make_draft(Path(tmp), 150)
        facts = session.open_review(draft, with_source=False).facts
        gate = Gate(18600)
        app = create_app(ReviewConfig(Drafts([draft.parent]), Path(tmp) / "out", "bench"), gate)
        name = f"0/{draft.name}"
        times: list[float] = []
        cpu: list[float] = []
        rng = random.Random(25)
        with TestClient(app, base_url=f"http://127.0.0.1:{gate.port}") as client:
            client.get(f"/?token={gate.token}")
            headers = {"X-CSRF-Token": gate.csrf}
            revs: dict[str, int] = {}
            for n in range(decisions):
                fact = rng.choice([f for f in facts if f.section == "targets"])
                body = {"id": fact.id, "rev": revs.get(fact.id, 0), "state": ("accepted", "rejected", "edited")[n % 3]}
                if body["state"] == "edited":
                    body["values"] = {"unit": "家"}
                clock, cpu_clock = time.perf_counter(), time.process_time()
                answer = client.post(f"/api/decide/{name}", json=body, headers=headers)
                times.append((time.perf_counter() - clock) * 1000)
                cpu.append((time.process_time() - cpu_clock) * 1000)
                assert answer.status_code == 200, answer.text
                revs[fact.id] = answer.json()["rev"]
            clock = time.perf_counter()
            assert client.get(f"/draft/{name}").status_code == 200
            page_ms = (time.perf_counter() - clock) * 1000
    times.sort()
    cpu.sort()
    return {"cpu_median_ms": round(statistics.median(cpu), 1), "cpu_max_ms": round(cpu[-1], 1),
            "load_average": round(os.getloadavg()[0], 1), "cores": os.cpu_count(),
            "facts": len(facts), "decisions": decisions, "median_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[int(len(times) * 0.95) - 1], 1), "max_ms": round(times[-1], 1),
            "page_ms": round(page_ms, 1), "goal_ms": 100}


def keystrokes() -> dict:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        draft = make_draft(Path(tmp), 15)
        process = subprocess.Popen([sys.executable, "-m", "policykg", "review", str(draft.parent), "--no-browser",
                                    "--out", str(Path(tmp) / "out"), "--reviewer", "bench"],
                                   stdout=subprocess.PIPE, text=True, cwd=tmp)
        try:
            url = process.stdout.readline().strip()
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
                page = browser.new_page()
                page.goto(url.replace("/?", f"/draft/0/{draft.name}?"))
                facts = page.locator("article.card").count()
                pressed = 0
                while page.locator("article.card.state-undecided").count() and pressed < 100:
                    page.keyboard.press("A")
                    pressed += 1
                    page.wait_for_function("n => document.querySelectorAll('article.card.state-undecided').length < n",
                                           arg=page.locator("article.card.state-undecided").count() + 1)
                    page.wait_for_timeout(100)
                for key in ("P", "Enter"):
                    page.keyboard.press(key)
                    pressed += 1
                page.locator("#publish-result.done").wait_for(timeout=30_000)
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=10)
        published = (Path(tmp) / "out" / draft.name).is_file()
    return {"facts": facts, "keystrokes": pressed, "published": published, "goal": 35}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decisions", type=int, default=60)
    parser.add_argument("--no-browser", action="store_true", help="Only the latency (no Chromium).")
    args = parser.parse_args()
    results = {"machine": platform.platform(), "latency": latency(args.decisions)}
    lat = results["latency"]
    print(f"decision latency, {lat['facts']}-fact draft, {lat['decisions']} decisions: median {lat['median_ms']} ms, "
          f"p95 {lat['p95_ms']} ms, max {lat['max_ms']} ms (goal ≤ 100 ms: p95 at {lat['p95_ms'] / 100:.2f}× the goal);"
          f" the whole page {lat['page_ms']} ms; CPU per decision median {lat['cpu_median_ms']} ms, max "
          f"{lat['cpu_max_ms']} ms (load average {lat['load_average']} on {lat['cores']} cores)")
    if not args.no_browser:
        results["keyboard"] = keys = keystrokes()
        print(f"keyboard, {keys['facts']}-fact draft all right: {keys['keystrokes']} keystrokes from opening to "
              f"published (goal ≤ 35: {keys['keystrokes'] / 35:.2f}× the goal; published: {keys['published']})")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""The review app's security with an HTTP client: token, Host, CSRF, draft names, loopback only, no password."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from starlette.testclient import TestClient

from policykg.ingest.review.drafts import Drafts
from policykg.web.app import ReviewConfig, create_app
from policykg.web.security import Gate
from tests.review_util import make_draft

PORT = 18500  # only named in Host headers: the TestClient calls the app in-process
DRAFT = "0/jiangxi-tisu.yaml"
FACT = "targets/draft-jiangxi-tisu-t001"


@pytest.fixture
def gate() -> Gate:
    return Gate(PORT)


@pytest.fixture
def client(tmp_path: Path, gate: Gate) -> Iterator[TestClient]:
    _, draft = make_draft(tmp_path)
    config = ReviewConfig(Drafts([draft.parent]), tmp_path / "documents", "tester")
    with TestClient(create_app(config, gate), base_url=f"http://127.0.0.1:{PORT}") as client:
        yield client


def test_the_token_opens_the_app_and_sets_a_strict_http_only_cookie(client: TestClient, gate: Gate):
    answer = client.get(f"/?token={gate.token}")
    assert answer.status_code == 200 and "江西省数字经济提速行动计划" in answer.text
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith(f"policykg_review_{PORT}={gate.token};") and "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie
    assert client.get(f"/draft/{DRAFT}").status_code == 200  # the cookie stands for the token from now on


@pytest.mark.parametrize("path", ["/", f"/draft/{DRAFT}", "/api/drafts", f"/api/facts/{DRAFT}",
                                  "/static/review.js", "/no-such-page"])
def test_every_request_without_the_token_is_forbidden(client: TestClient, path: str):
    assert client.get(path).status_code == 403
    assert client.get(path + "?token=wrong").status_code == 403
    assert client.post(path, json={}).status_code in (403, 405) and client.post(path, json={}).status_code == 403


def test_a_foreign_host_is_refused_even_with_the_token(client: TestClient, gate: Gate):
    for host in ("evil.example:18500", f"127.0.0.1:{PORT + 1}", "localhost", "rebind.attacker.test"):
        answer = client.get(f"/?token={gate.token}", headers={"Host": host})
        assert answer.status_code == 400, host
    for host in (f"localhost:{PORT}", f"[::1]:{PORT}"):
        assert client.get(f"/?token={gate.token}", headers={"Host": host}).status_code == 200


def test_a_write_needs_the_csrf_token(client: TestClient, gate: Gate):
    client.get(f"/?token={gate.token}")
    body = {"id": FACT, "state": "accepted", "rev": 0}
    assert client.post(f"/api/decide/{DRAFT}", json=body).status_code == 403
    assert client.post(f"/api/decide/{DRAFT}", json=body, headers={"X-CSRF-Token": "guess"}).status_code == 403
    foreign = {"X-CSRF-Token": gate.csrf, "Origin": "http://evil.example"}
    assert client.post(f"/api/decide/{DRAFT}", json=body, headers=foreign).status_code == 403
    answer = client.post(f"/api/decide/{DRAFT}", json=body, headers={"X-CSRF-Token": gate.csrf})
    assert answer.status_code == 200 and answer.json()["state"] == "accepted"
    page = client.get(f"/draft/{DRAFT}").text
    assert f'<meta name="csrf-token" content="{gate.csrf}">' in page


def test_a_stale_write_gets_409_with_the_other_decision(client: TestClient, gate: Gate):
    client.get(f"/?token={gate.token}")
    headers = {"X-CSRF-Token": gate.csrf}
    client.post(f"/api/decide/{DRAFT}", json={"id": FACT, "state": "accepted", "rev": 0, "by": "tab one"},
                headers=headers)
    answer = client.post(f"/api/decide/{DRAFT}", json={"id": FACT, "state": "rejected", "rev": 0, "by": "tab two"},
                         headers=headers)
    assert answer.status_code == 409
    assert answer.json()["current"]["state"] == "accepted" and answer.json()["current"]["by"] == "tab one"


@pytest.mark.parametrize("name", ["0/../texts/jiangxi-tisu.txt", "0/..%2Ftexts%2Fjiangxi-tisu.txt", "1/x.yaml",
                                  "0/%2Fetc%2Fpasswd", "0/jiangxi-tisu.yaml.review.json"])
def test_a_draft_name_cannot_reach_outside_the_folders(client: TestClient, gate: Gate, name: str):
    client.get(f"/?token={gate.token}")
    assert client.get(f"/draft/{name}").status_code == 404
    assert client.get(f"/api/facts/{name}").status_code == 404


# -- the command, as a user (or a check that is not ours) starts it ------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _outward_address() -> str | None:
    """An address of this machine that is not loopback (None when it has none)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the outward interface
            address = s.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


def test_the_command_prints_its_url_first_and_listens_on_loopback_only(tmp_path: Path):
    _, draft = make_draft(tmp_path)
    port = _free_port()
    secret = "never-shown-pw-4711"
    env = {**os.environ, "NEO4J_PASSWORD": secret}
    process = subprocess.Popen([sys.executable, "-m", "policykg", "review", str(draft.parent), "--port", str(port),
                                "--no-browser", "--out", str(tmp_path / "documents")], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
    try:
        url = process.stdout.readline().strip()
        assert url.startswith(f"http://127.0.0.1:{port}/?token=")
        token = url.split("token=")[1]
        for _ in range(50):
            try:
                page = httpx.get(url, timeout=5)
                break
            except httpx.ConnectError:
                time.sleep(0.1)
        assert page.status_code == 200 and "江西省数字经济提速行动计划" in page.text
        draft_page = httpx.get(f"http://127.0.0.1:{port}/draft/{DRAFT}?token={token}", timeout=5)
        assert draft_page.status_code == 200 and secret not in draft_page.text and secret not in page.text
        assert httpx.get(f"http://127.0.0.1:{port}/", timeout=5).status_code == 403
        assert httpx.get(url, headers={"Host": f"evil.example:{port}"}, timeout=5).status_code == 400
        outward = _outward_address()
        if outward is not None:
            with pytest.raises(httpx.ConnectError):
                httpx.get(f"http://{outward}:{port}/?token={token}", timeout=5)
    finally:
        process.terminate()
        out, err = process.communicate(timeout=10)
    assert secret not in out and secret not in err and token not in err


def test_the_page_asks_for_a_missing_publication_date_and_publishing_is_refused_until_given(tmp_path: Path,
                                                                                           gate: Gate):
    from tests.review_util import TEXT
    _, draft = make_draft(tmp_path, TEXT.replace("published: 2024-03-01\n", ""))
    config = ReviewConfig(Drafts([draft.parent]), tmp_path / "documents", "tester")
    with TestClient(create_app(config, gate), base_url=f"http://127.0.0.1:{PORT}") as client:
        client.get(f"/?token={gate.token}")
        page = client.get(f"/draft/{DRAFT}").text
        assert "published: the text gives no publication date: edit the document and give published" in page
        headers = {"X-CSRF-Token": gate.csrf}
        client.post(f"/api/decide/{DRAFT}", json={"id": "document/draft-jiangxi-tisu", "state": "accepted", "rev": 0},
                    headers=headers)
        for section in ("policies", "targets", "observations", "indicators", "organizations", "measures"):
            client.post(f"/api/accept-rest/{DRAFT}", json={"section": section}, headers=headers)
        answer = client.post(f"/api/publish/{DRAFT}", json={"by": "tester"}, headers=headers)
    assert answer.status_code == 400
    assert answer.json()["error"] == ("jiangxi-tisu.yaml: the text gives no publication date: edit the document "
                                      "and give published (YYYY-MM-DD), then publish again")

"""The test server's folder goes after a run (about 500 MB each), the shared jars it links to stay."""

from __future__ import annotations

from tests.conftest import discard_store


def test_discarding_a_store_keeps_the_jars_its_lib_links_to(tmp_path):
    jars = tmp_path / "jars" / "neo4j-5.26" / "lib"
    jars.mkdir(parents=True)
    (jars / "neo4j.jar").write_bytes(b"jar")
    home = tmp_path / "test-server-17751"
    (home / "data" / "databases").mkdir(parents=True)
    (home / "data" / "databases" / "store").write_bytes(b"x" * 1000)
    (home / "password").write_text("secret", encoding="utf-8")
    (home / "lib").symlink_to(jars, target_is_directory=True)
    discard_store(home)
    assert not home.exists()
    assert (jars / "neo4j.jar").read_bytes() == b"jar"
    discard_store(home)  # nothing there: nothing to do, no error
    assert sorted(p.name for p in tmp_path.iterdir()) == ["jars"]

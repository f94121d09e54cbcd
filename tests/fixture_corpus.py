"""The small hand-built corpus (tests/data/analytics) that the export, analytics and plot tests share.

Its answers are worked out by hand from its two record files, so these tests
do not move when the demo corpus grows. Import the fixture into a test module
to use it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from policykg.graph.connection import Graph
from tests.conftest import wipe

FIXTURE_DOCUMENTS = Path(__file__).resolve().parent / "data" / "analytics"


@pytest.fixture(scope="module")
def fixture_graph(db: Graph) -> Iterator[Graph]:
    """The fixture corpus ingested once per test module; emptied again at module end."""
    from policykg.ingest.pipeline import ingest_paths

    ingest_paths(db, [FIXTURE_DOCUMENTS])
    yield db
    wipe(db)

"""Keep the driver from importing pandas and numpy for commands that do not need them.

The Neo4j driver imports pandas, numpy and pyarrow when they are installed
(for ``Result.to_df``), which costs about 0.7 s per command. The command
marks them absent (``block``) before anything runs; `export` and `analyze`,
whose networkx, scipy and matplotlib need numpy, lift the mark (``allow``)
before they import those.
"""

from __future__ import annotations

import sys

#: Optional imports of the Neo4j driver that most commands never use.
DATAFRAME_LIBRARIES = ("pandas", "numpy", "pyarrow")


def block() -> None:
    for name in DATAFRAME_LIBRARIES:
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]


def allow() -> None:
    for name in DATAFRAME_LIBRARIES:
        if name in sys.modules and sys.modules[name] is None:
            del sys.modules[name]

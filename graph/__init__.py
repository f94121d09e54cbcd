"""Connection settings, the local Neo4j server, batched writers and exports."""

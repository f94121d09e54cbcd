"""Read and validate record files, write them to Neo4j, re-ingest, watch a folder."""

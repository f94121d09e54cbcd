"""The `policykg` command-line interface; the logic lives in schema/, ingest/, graph/ and queries/."""

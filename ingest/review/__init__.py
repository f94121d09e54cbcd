"""Review of extracted drafts: decisions, the diff of a re-extracted draft, merge and publish (no web here)."""

"""`policykg review`: the local web app over ingest/review (Starlette, Jinja2 templates, uvicorn)."""

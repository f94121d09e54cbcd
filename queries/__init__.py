"""Canned questions about the graph, one Cypher file each, and the code that runs them.

The questions live in ``queries/*.cypher`` so that an analyst can read, copy
and paste them into Neo4j Browser unchanged; ``queries.loader`` reads their
headers and ``queries.runner`` binds what a user typed to their $parameters.
"""

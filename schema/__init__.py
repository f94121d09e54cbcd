"""The graph's vocabulary, the record models and the reference data.

Everything else in policykg names labels, relationship types and record
fields through this package, so a rename happens in one place.
"""

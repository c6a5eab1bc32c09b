"""Use cases: each opens a unit of work, loads, calls the domain, commits."""

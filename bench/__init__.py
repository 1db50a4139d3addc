"""Benchmarks: each script prints a comparison table (run `make bench`)."""

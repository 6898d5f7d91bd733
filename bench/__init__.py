"""Benchmarks (``make bench``): each writes its figures to bench/results/."""

"""Nurture's benchmarks: each one times the product and its floor in the same run.

Run them with `make bench` (or `python -m bench [NAME ...] [--contacts N]`). Results are written
to `bench/results/<name>.json` and printed as tables; nothing here asserts a number.
"""

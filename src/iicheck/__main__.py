"""`python -m iicheck` runs the CLI."""

from .entry import run

run()

"""`python -m iicheck` runs the CLI."""

from .cli import main

main()

"""iicheck: audit the figures that sources state, before anyone quotes them."""

__version__ = "0.1.0"

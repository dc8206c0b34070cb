"""Rule models and loading (the top-level `rules/` folder is data; this package reads it)."""

from .load import Ruleset, load_ruleset, phrase_regex

__all__ = ["Ruleset", "load_ruleset", "phrase_regex"]

"""Reply analysis: what a trainee's reply does (moves), in Chinese or English.

The public surface other parts code against: ``analyze`` (with the built-in
lexicons), ``Analyzer`` (with a rulebook's extra phrases), ``detect_lang`` and
``normalize``.
"""

from hotseat.language.analyzer import Analyzer, analyze
from hotseat.language.detect import detect_lang
from hotseat.language.normalize import Normalized, normalize

__all__ = ["Analyzer", "Normalized", "analyze", "detect_lang", "normalize"]

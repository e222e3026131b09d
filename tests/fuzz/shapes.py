"""The reply shapes that broke or stalled the reader, the judge or a session (issue 15.1, 15.2).

Shared by the fuzz suite (at a few thousand characters, for exceptions) and the long-reply
benchmark (at up to a million, for time): one phrase repeated, with the separator that
made a frame rescan its clause or sentence for every repeat.
"""

from __future__ import annotations

from hotseat.moves import Lang

# name -> (language, the unit repeated)
SHAPES: dict[str, tuple[Lang, str]] = {
    "zh-apologies": ("zh", "对不起。"),
    "en-apologies": ("en", "Sorry. "),
    "zh-unrelated": ("zh", "跟你没关系"),
    "zh-per-rule": ("zh", "按照规定我们会给您退款，"),
    "en-did": ("en", "the driver did knock "),
    "en-trying-to-get": ("en", "I'm trying to get "),
    "zh-not-again": ("zh", "不会再"),
    "zh-open-quote": ("zh", "“"),
    "en-questions": ("en", "was our, "),
    "zh-tag-questions": ("zh", "是嘛，"),
    "en-be": ("en", "it'll be "),
    "zh-digits": ("zh", "9"),
    "en-digits-hours": ("en", "9" * 400 + " hours "),
}


def repeated(unit: str, length: int) -> str:
    """``unit`` repeated to exactly ``length`` characters."""
    return (unit * (length // len(unit) + 1))[:length]

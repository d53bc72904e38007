"""Unicode bidirectional controls in text from files and pages, made harmless for display.

A title holding U+202E (RIGHT-TO-LEFT OVERRIDE) shows its words reversed: ``photo‮gpj.exe``
reads as ``photoexe.jpg``.  Every string exposure shows goes through
:func:`neutralise_bidi` first (the HTML report, through the template environment's
``finalize``; the terminal, through the CLI's output and the progress bar), which removes
the embedding, override and isolate controls, so text reads in the order it is stored.
The JSON report keeps them, as ``\\u202e`` escapes (:func:`escape_bidi_json`): the data
stays exactly what the file or page held, and viewing the JSON file reorders nothing.
"""

from __future__ import annotations

BIDI_CONTROLS = frozenset(
    {*(chr(c) for c in range(0x202A, 0x202F)), *(chr(c) for c in range(0x2066, 0x206A))}
)
"""LRE, RLE, PDF, LRO, RLO (U+202A-U+202E) and LRI, RLI, FSI, PDI (U+2066-U+2069)."""

_REMOVE = {ord(c): None for c in BIDI_CONTROLS}
_ESCAPE = {ord(c): f"\\u{ord(c):04x}" for c in BIDI_CONTROLS}


def neutralise_bidi(text: str) -> str:
    """``text`` without bidirectional embedding, override and isolate controls."""
    return text.translate(_REMOVE) if any(c in text for c in BIDI_CONTROLS) else text


def escape_bidi_json(encoded: str) -> str:
    """JSON text with each bidi control written as a ``\\uXXXX`` escape (same data)."""
    return encoded.translate(_ESCAPE)

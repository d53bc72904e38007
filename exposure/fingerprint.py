"""Stable finding ids.

An id is a hash of the finding's kind, the identity of the content it was found in (for a
file: a digest of its size and first bytes, so a moved or copied file keeps its id) and the
normalised leaked value.  Nothing that changes between runs (time, order, absolute paths)
goes in, so a user's ticks and a later re-audit match findings across runs.
"""

from __future__ import annotations

import hashlib


def fingerprint(kind: str, content: str, value: str = "") -> str:
    """``kind`` + content identity + normalised value -> a short stable id like ``"f-3a9c..."``."""
    digest = hashlib.blake2b(digest_size=10)
    for part in (kind, content, " ".join(value.split()).casefold()):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return "f-" + digest.hexdigest()

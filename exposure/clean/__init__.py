"""Clean copies: photos and videos written again without location, pixels untouched.

>>> from exposure.clean import clean                      # doctest: +SKIP
>>> result = clean(["~/Pictures/2026"], "~/clean-copies")  # doctest: +SKIP
>>> [(c.target, c.removed) for c in result.copied]        # doctest: +SKIP
[('~/clean-copies/2026/IMG_0001.jpg', ('EXIF GPS block', 'XMP exif:GPSLatitude'))]

Every container is edited in place with its lengths kept (see docs/clean.md): the image
data is never decoded or re-encoded, and orientation, colour profile and capture time
stay as they were.  Originals are only read.  The cleaners load on first use, so the
command line can offer ``clean`` without loading them for an audit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from exposure.lazy import lazy_names

if TYPE_CHECKING:
    from exposure.clean.run import (
        CleanResult,
        Copied,
        Ignored,
        Refused,
        clean,
        still_leftovers,
    )
    from exposure.clean.state import Pass, Unsafe

__all__ = [
    "CleanResult",
    "Copied",
    "Ignored",
    "Pass",
    "Refused",
    "Unsafe",
    "clean",
    "still_leftovers",
]
__getattr__ = lazy_names(
    __name__,
    {
        **dict.fromkeys(
            ("CleanResult", "Copied", "Ignored", "Refused", "clean", "still_leftovers"),
            "exposure.clean.run",
        ),
        "Pass": "exposure.clean.state",
        "Unsafe": "exposure.clean.state",
    },
)

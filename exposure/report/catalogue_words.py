"""The remediation catalogue's words on the page, in the page's language.

The catalogue (:mod:`exposure.catalogue`) is written in English and its texts are the
message ids of the ``catalogue`` domain (:mod:`exposure.catalogue.translate`).  In English
the page shows them through :func:`exposure.report.wording.plain` (technical words put
plainly); a translation is written in plain words already, so it is shown as it is.  A
text with no translation (a step added since the catalogue was translated) is shown in
plain English rather than not at all.
"""

from __future__ import annotations

import gettext
import re

from exposure.catalogue import CATALOGUE
from exposure.catalogue.translate import translated
from exposure.report import wording

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ¿¡«“])")
"""Where a sentence ends: as :func:`wording.split_why` cuts the English, with the capitals
and opening marks of Spanish and French too (none of which starts an English sentence of
the catalogue)."""


class CatalogueWords:
    """Headings, whys, summaries, efforts and steps of the catalogue in one language."""

    def __init__(self, t: gettext.NullTranslations | None = None) -> None:
        self.t = t or gettext.NullTranslations()

    def text(self, english: str) -> str:
        """A summary, why, effort or step as the page shows it."""
        return translated(self.t, english) or wording.plain(english)

    def heading(self, kind: str, count: int) -> str:
        """``41 fotos muestran dónde se tomaron``: a checklist section's heading."""
        entry = CATALOGUE.get(kind)
        summary = self.text(entry.summary) if entry is not None else None
        return wording.plain(wording.kind_heading(kind, count, summary, self.t), self.t)

    def why(self, why: str) -> tuple[str, str | None]:
        """``why`` cut like :func:`wording.split_why` cuts the English: the same sentences
        shown and folded (a translation keeps the English sentences, one for one; if it
        does not, it is shown whole)."""
        english = wording.plain(why)
        shown, rest = wording.split_why(english)
        found = translated(self.t, why)
        if found is None:
            return shown, rest
        sentences = _SENTENCE.split(english.strip())
        theirs = _SENTENCE.split(found.strip())
        if rest is None or len(theirs) != len(sentences):
            return found, None
        keep = set(_SENTENCE.split(shown))
        picked = [t for s, t in zip(sentences, theirs, strict=True) if s in keep]
        others = [t for s, t in zip(sentences, theirs, strict=True) if s not in keep]
        return " ".join(picked), " ".join(others) or None

"""From a text hit to a checklist line: excerpt, title, severity and where-specific advice."""

from __future__ import annotations

import dataclasses
import hashlib
import re

from exposure.catalogue.text import Where, remediation_for, where_of
from exposure.detectors.base import make_finding
from exposure.detectors.text.hit import TextHit
from exposure.i18n.message import M_, Message
from exposure.model import Evidence, Finding, SourceItem

CONTEXT = 60
"""Characters of surrounding text kept on each side of a match in the excerpt."""

_SPACE = re.compile(r"\s+")

PHRASES = {
    Where.POST: M_("in a post"),
    Where.PROFILE: M_("in your profile"),
    Where.PHOTO: M_("in a photo's description"),
    Where.PAGE: M_("on a web page"),
    Where.OTHER: M_("in text"),
}
""":attr:`Where.phrase`, translatable (a test checks they say the same in English)."""


def excerpt(text: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    """``text[start:end]`` with up to :data:`CONTEXT` characters around it, cut at word
    boundaries (``…`` marks a cut) and whitespace squashed; and the match's span in it."""
    lead = text[max(0, start - CONTEXT) : start]
    if start > CONTEXT and " " in lead:
        lead = "…" + lead[lead.index(" ") + 1 :]
    tail = text[end : end + CONTEXT]
    if end + CONTEXT < len(text) and " " in tail:
        tail = tail[: tail.rindex(" ")] + "…"
    lead = _SPACE.sub(" ", lead).lstrip()
    found = _SPACE.sub(" ", text[start:end]).strip()
    tail = _SPACE.sub(" ", tail).rstrip()
    return lead + found + tail, (len(lead), len(lead) + len(found))


def content_key(item: SourceItem, text: str) -> str:
    """The identity of the text a finding was seen in: where it is plus a digest of it."""
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
    return f"{item.locator}#{digest}"


def text_finding(hit: TextHit, item: SourceItem, text: str) -> Finding:
    """The Finding for one hit in ``text``, which came from ``item``."""
    where = where_of(item.kind)
    shown, (start, end) = excerpt(text, hit.start, hit.end)
    detail = f"“{shown}”" + (f" ({hit.note})" if hit.note else "")
    evidence = Evidence(
        locator=item.locator,
        detail=detail,
        position=hit.position,
        observed_at=item.timestamp,
        place_name=hit.place,
        field=item.kind,
        match=(start + 1, end + 1),
    )
    finding = make_finding(
        hit.kind,
        content=content_key(item, text),
        value=hit.value,
        title=Message(
            "{what} {where}", (("what", hit.label), ("where", PHRASES[where])), capital=True
        ),
        group=item.group,
        evidence=(evidence,),
        confidence=hit.confidence,
    )
    return dataclasses.replace(finding, remediation=remediation_for(hit.kind, where))

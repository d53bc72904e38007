"""The Detector contract.

A detector looks at one parsed item and yields findings.  Detectors are instantiated fresh
for every audit (``exposure.detectors.new_photo_detectors()``), so one that needs to see all
items before it can speak (a summary across a folder) keeps its state on the instance and
yields those findings from :meth:`PhotoDetector.finish`.  There is no global state.

Finding kinds are stable identifiers written to saved reports: never rename one casually,
and document every kind in docs/finding-kinds.md (a test checks this).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from typing import ClassVar

from exposure.catalogue import info
from exposure.fingerprint import fingerprint
from exposure.i18n.message import Message
from exposure.metadata import PhotoMetadata
from exposure.model import Confidence, Evidence, Finding, Severity, SourceItem


def make_finding(
    kind: str,
    *,
    content: str,
    value: str,
    title: str | Message,
    group: str,
    evidence: Sequence[Evidence],
    severity: Severity | None = None,
    confidence: Confidence = Confidence.HIGH,
) -> Finding:
    """Build a Finding with its stable id and the catalogue's severity, why-text and
    remediation (:class:`exposure.catalogue.KindInfo`).  ``severity`` is for a kind that
    declares :attr:`~exposure.catalogue.KindInfo.other_severities`; None gives the usual one.
    A ``title`` given as a :class:`~exposure.i18n.message.Message` is written in English
    and kept to be shown in the reader's language (the id never depends on the title)."""
    entry = info(kind)
    if severity is None:
        severity = entry.severity
    elif severity not in entry.severities:
        raise ValueError(f"{kind} findings cannot be {severity.value} (see its KindInfo)")
    return Finding(
        id=fingerprint(kind, content, value),
        kind=kind,
        title=title.english() if isinstance(title, Message) else title,
        severity=severity,
        confidence=confidence,
        why=entry.why,
        group=group,
        evidence=tuple(evidence),
        remediation=entry.remediation,
        title_message=title if isinstance(title, Message) else None,
    )


class PhotoDetector(ABC):
    """Finds leaks in the metadata of one photo or video file."""

    name: ClassVar[str]
    kinds: ClassVar[tuple[str, ...]]
    """The finding kinds this detector can produce."""

    @abstractmethod
    def detect(self, item: SourceItem, meta: PhotoMetadata) -> Iterator[Finding]:
        """Yield the findings for one file."""

    def finish(self) -> Iterator[Finding]:
        """Yield findings that need every file seen first (default: none)."""
        return iter(())


class TextDetector(ABC):
    """Finds leaks in free text: captions, post texts, bios, photo descriptions."""

    name: ClassVar[str]
    kinds: ClassVar[tuple[str, ...]]

    @abstractmethod
    def detect(self, item: SourceItem, text: str) -> Iterator[Finding]:
        """Yield the findings in ``text``, which came from ``item``."""

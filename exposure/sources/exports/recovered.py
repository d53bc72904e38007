"""A zip whose table of contents is missing or damaged (a download that stopped), read
from its members' own local headers (see :mod:`.zipscan`).

The same rules as for a whole zip apply: names pointing outside the archive and encrypted
members are refused, every member is read through the capped streams of :mod:`.limits`, and
nothing is extracted.  The listing ends with one line saying where the archive is cut or
damaged and which members were read, so the user knows to download it again.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import BinaryIO

from exposure.i18n.message import M_
from exposure.model import Skipped
from exposure.sources.exports.container import (
    PROBE_BYTES,
    Container,
    Failing,
    Member,
    Origin,
    ReadSettings,
)
from exposure.sources.exports.limits import Budget
from exposure.sources.exports.zipscan import METHODS, LocalEntry, LocalScan, MemberData, ScanCaps


class RecoveredZipContainer(Container):
    """A zip whose table of contents is missing or damaged: the members are found from their
    own local headers (:mod:`.zipscan`), with the same name, encryption and size rules.

    The listing ends with one line saying where the archive is cut or damaged."""

    def __init__(
        self,
        given: str,
        settings: ReadSettings,
        origin: Origin,
        probe: int | None = None,
        budget: Budget | None = None,
        depth: int = 0,
    ) -> None:
        super().__init__(given, settings, budget, depth)
        self._fh = origin.open()
        caps = ScanCaps(
            settings.member_cap,
            settings.max_ratio,
            probe_members=probe,
            probe_bytes=PROBE_BYTES if probe is not None else None,
        )
        self._scan = LocalScan(self._fh, origin.size(), caps, self.budget)
        self._found: dict[str, LocalEntry] = {}

    def listing(self) -> Iterator[Member | Skipped]:
        for entry in self._scan.entries():
            if entry.raw_name.endswith(("/", "\\")):
                continue
            name = self.admit(entry.raw_name, entry.encrypted)
            if isinstance(name, Skipped):
                yield name
            elif entry.unknown_end:
                said = M_(
                    "stored without its size, and the archive's table of contents is missing, "
                    "so where it ends cannot be known; not read: download the archive again"
                )
                yield Skipped.said(self.locator(name), said)
            else:
                self._found[name] = entry
                yield Member(name, entry.size, entry.compressed)
        note = self.note()
        if note:
            yield Skipped(self.given, note)

    def note(self) -> str | None:
        """What the walk found wrong with the archive (None when it found nothing wrong)."""
        scan = self._scan
        if scan.probed or (scan.reached_directory and not scan.stop):
            return None
        members = f"{scan.complete} member{'s' if scan.complete != 1 else ''}"
        if scan.stop:
            return (
                f"the zip archive is damaged after {members}: {scan.stop}; the members before "
                "it were read, the rest could not be located: download it again to check the rest"
            )
        cut = scan.cut_member
        partly = f", and '{cut.raw_name}' up to the cut" if cut is not None else ""
        return (
            f"the zip archive is cut after {members} (its table of contents at the end is "
            f"missing: the download stopped part-way); the members before the cut were "
            f"read{partly}; download it again to check the rest"
        )

    def read(self, members: Sequence[Member]) -> Iterator[tuple[Member, BinaryIO]]:
        yield from self._streams((m, self._open(m)) for m in members)

    def _open(self, member: Member) -> BinaryIO:
        entry = self._found[member.name]
        if entry.method not in METHODS:
            return Failing(  # type: ignore[return-value]
                f"compressed with method {entry.method}, which exposure reads only from a "
                "whole archive; download the archive again"
            )
        return MemberData(self._fh, entry)  # type: ignore[return-value]

    def close(self) -> None:
        self._fh.close()

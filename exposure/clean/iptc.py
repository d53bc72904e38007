"""IPTC-IIM location datasets taken out in place, and the Photoshop resources holding them.

An IIM block is a run of datasets (``0x1C``, record, number, length, value).  The kept
datasets are moved up and the freed bytes at the end are set to zero, so the block, the
Photoshop resource around it and the JPEG segment around that keep their lengths (readers
stop at the first zero byte, as ExifTool does with the padding Photoshop itself writes).
"""

from __future__ import annotations

from exposure.clean.state import Pass

LOCATION = {
    26: "Content Location Code",
    27: "Content Location Name",
    90: "City",
    92: "Sub-location",
    95: "Province-State",
    100: "Country Code",
    101: "Country",
}
"""Record 2 datasets that say where (IIM 4.2; ExifTool's IPTC location group)."""
ENVELOPE_LOCATION = {5: "Destination"}
"""Record 1 (envelope) datasets ExifTool counts as location."""
IDENTITY = {
    80: "By-line",
    85: "By-line Title",
    110: "Credit",
    116: "Copyright Notice",
    118: "Contact",
    122: "Writer-Editor",
}
TEXTS = {
    120: "Caption-Abstract",
    105: "Headline",
    5: "ObjectName",
    25: "Keywords",
}
"""Free-text datasets: removed when the reader's ``IPTC <name>`` field names a place."""
IIM_RESOURCE = 0x0404
_SIGNATURES = (b"8BIM", b"PHUT", b"AgHg", b"DCSR")


def _datasets(buf: bytes | bytearray, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """(record, number, start, end) of each dataset, up to the first byte that is not 0x1C."""
    found = []
    pos = start
    while pos + 5 <= end and buf[pos] == 0x1C:
        record, number = buf[pos + 1], buf[pos + 2]
        length = int.from_bytes(buf[pos + 3 : pos + 5], "big")
        head = 5
        if length & 0x8000:  # extended length: the next (length & 0x7FFF) bytes hold it
            size = length & 0x7FFF
            if size > 4 or pos + 5 + size > end:
                break
            length = int.from_bytes(buf[pos + 5 : pos + 5 + size], "big")
            head += size
        stop = pos + head + length
        if stop > end:
            break
        found.append((record, number, pos, stop))
        pos = stop
    return found


def clean_iim(buf: bytearray, start: int, end: int, state: Pass) -> None:
    """Take the location (and identity) datasets out of the IIM block ``buf[start:end]``."""
    datasets = _datasets(buf, start, end)
    kept = bytearray()
    changed = False
    for record, number, lo, hi in datasets:
        if record == 2 and number in LOCATION:
            state.location(f"IPTC {LOCATION[number]}")
            changed = True
        elif record == 1 and number in ENVELOPE_LOCATION:
            state.location(f"IPTC {ENVELOPE_LOCATION[number]}")
            changed = True
        elif record == 2 and state.identity and number in IDENTITY:
            state.person(f"IPTC {IDENTITY[number]}")
            changed = True
        elif record == 2 and number in TEXTS and f"IPTC {TEXTS[number]}" in state.texts:
            state.location(f"IPTC {TEXTS[number]} (it names a place)")
            changed = True
        else:
            kept += buf[lo:hi]
    if changed:
        used = datasets[-1][3] - start
        buf[start : start + used] = kept + bytes(used - len(kept))


def resources(buf: bytes | bytearray, start: int, end: int) -> list[tuple[int, int, int]]:
    """(resource id, data start, data end) of the Photoshop image resources in the range."""
    found = []
    pos = start
    while pos + 12 <= end and bytes(buf[pos : pos + 4]) in _SIGNATURES:
        ident = int.from_bytes(buf[pos + 4 : pos + 6], "big")
        name_len = buf[pos + 6]
        name_block = (1 + name_len + 1) & ~1
        size_at = pos + 6 + name_block
        if size_at + 4 > end:
            break
        size = int.from_bytes(buf[size_at : size_at + 4], "big")
        data = size_at + 4
        if data + size > end:
            break
        found.append((ident, data, data + size))
        pos = data + size + (size & 1)
    return found


def clean_resources(buf: bytearray, start: int, end: int, state: Pass) -> None:
    """Clean the IIM block inside Photoshop image resources ``buf[start:end]``."""
    for ident, lo, hi in resources(buf, start, end):
        if ident == IIM_RESOURCE:
            clean_iim(buf, lo, hi, state)

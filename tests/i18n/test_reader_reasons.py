"""A photo reader's reasons that carry a value (a byte position, a format, an error's name)
are said in the report's language; the JSON's English is as before."""

from __future__ import annotations

import pickle
import struct
import zlib
from pathlib import Path

import pytest

from exposure.i18n import translations
from exposure.i18n.message import Said, known
from exposure.metadata import MetadataError, read_metadata, read_metadata_bytes


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    jfif = b"\xff\xe0\x00\x10JFIF\x00" + b"\x01" * 9  # APP0, 16 bytes long
    (tmp_path / "broken.jpg").write_bytes(b"\xff\xd8" + jfif + b"\x00" * 64)
    (tmp_path / "text.jpg").write_bytes(b"hello world")
    (tmp_path / "really-a-png.jpg").write_bytes(png())
    return tmp_path


def test_reasons_with_values_are_translated(folder: Path) -> None:
    from exposure.audit import run
    from exposure.options import Options
    from exposure.report import render_html

    report = run(Options(inputs=(str(folder),), workers=1, reproducible=True))
    reasons = {Path(s.locator).name: s for s in report.skipped}
    assert reasons["broken.jpg"].reason == (
        "partly read: the JPEG structure is broken at byte 20; stopped reading there"
    )
    assert reasons["text.jpg"].reason == "not a JPEG although named .jpg"
    assert reasons["really-a-png.jpg"].reason == "partly read: named like a JPEG but it is a PNG"
    fr = translations("fr")
    said = {name: s.message.render(fr) for name, s in reasons.items() if s.message}
    assert said["broken.jpg"] == (
        "lu en partie seulement : la structure du JPEG est cassée à l’octet 20 ; lecture arrêtée là"
    )
    assert said["text.jpg"] == "ce n’est pas un JPEG, bien que nommé .jpg"
    assert said["really-a-png.jpg"] == (
        "lu en partie seulement : nommé comme un JPEG, mais c’est un PNG"
    )
    page = render_html(report, "es")
    assert "la estructura del JPEG está rota en el byte 20" in page
    assert "no es un JPEG aunque se llama .jpg" in page
    assert "por su nombre parece un JPEG, pero es un PNG" in page
    assert "is broken at byte" not in page and "although named" not in page


def test_an_unexpected_error_is_named_in_every_language(monkeypatch: pytest.MonkeyPatch) -> None:
    from exposure.metadata import reader

    def broken(src: object, out: object) -> None:
        raise ValueError("inside")

    monkeypatch.setitem(reader.PARSERS, "png", broken)
    with pytest.raises(MetadataError) as caught:
        read_metadata_bytes(png(), "x.png")
    reason = caught.value.reason
    assert reason == "its metadata is damaged (ValueError)" and isinstance(reason, str)
    assert known(reason).render(translations("es")) == "sus metadatos están dañados (ValueError)"
    # the reason crosses the scan's process boundary with its message
    again = pickle.loads(pickle.dumps(reason))
    assert again == reason and isinstance(again, Said) and known(again) == known(reason)


def test_fixed_reasons_stay_plain_text(tmp_path: Path) -> None:
    """Reasons without values stay strings (the catalogue knows them through N_)."""
    (tmp_path / "empty.jpg").write_bytes(b"")
    with pytest.raises(MetadataError) as caught:
        read_metadata(tmp_path / "empty.jpg")
    assert type(caught.value.reason) is str and caught.value.reason == "empty file (0 bytes)"

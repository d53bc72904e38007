"""Wrapping EXIF/XMP into JPEG, PNG, WebP, TIFF/DNG and Fujifilm RAF files."""

from __future__ import annotations

import struct
import zlib

from exposure.testing.iptcwriter import iim, photoshop_app13, resource
from exposure.testing.specs import PhotoSpec, zeros
from exposure.testing.tiffwriter import TiffWriter, exif_block
from exposure.testing.xmpwriter import xmp_packet

# A 16x16 grey baseline JPEG made once with Pillow 11
# (Image.new("L", (16, 16), 128).save(buf, "JPEG", quality=20, optimize=True)),
# without its SOI and JFIF APP0 segment: the tables, SOF0, SOS, scan data and EOI.
JPEG_BODY = bytes.fromhex(
    "ffdb004300281c1e231e19282321232d2b28303c64413c37373c7b585d4964918099968f808c8aa0b4"
    "e6c3a0aadaad8a8cc8ffcbdaeef5ffffff9bc1fffffffaffe6fdfff8ffc0000b080010001001011100"
    "ffc40014000100000000000000000000000000000000ffc400141001000000000000000000000000"
    "00000000ffda0008010100003f0000ffd9"
)
# The VP8L (lossless) bitstream of a 1x1 grey WebP made once with Pillow 11.
WEBP_VP8L = bytes.fromhex("2f000000000750c00216b0ff8188e87f00")
XMP_JPEG_ID = b"http://ns.adobe.com/xap/1.0/\x00"
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_IHDR = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
_PNG_IDAT = zlib.compress(b"\x00\x80")


def segment(marker: int, payload: bytes) -> bytes:
    """A JPEG marker segment."""
    return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload


def jpeg(spec: PhotoSpec, exif: bool = True, xmp: bool = False) -> bytes:
    """SOI, APP1 Exif, APP1 XMP, APP13 IPTC, the tiny image, then ``spec.padding`` bytes."""
    parts = [b"\xff\xd8"]
    if exif:
        parts.append(segment(0xE1, b"Exif\x00\x00" + exif_block(spec)))
    if xmp:
        parts.append(segment(0xE1, XMP_JPEG_ID + xmp_packet(spec)))
    if spec.iptc:
        parts.append(segment(0xED, photoshop_app13(spec)))
    parts.append(JPEG_BODY)
    parts.append(zeros(spec.padding))
    return b"".join(parts)


def chunk(kind: bytes, data: bytes) -> bytes:
    """A PNG chunk with its CRC."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def raw_profile(data: bytes, name: str = "exif") -> bytes:
    """ImageMagick's "Raw profile" text: name, length, then hex in lines of 72 digits."""
    digits = data.hex()
    lines = "\n".join(digits[i : i + 72] for i in range(0, len(digits), 72))
    return f"\n{name}\n{len(data):8d}\n{lines}\n".encode("ascii")


def png_iptc_profile(spec: PhotoSpec) -> bytes:
    """A 1x1 PNG whose only metadata is ImageMagick's "Raw profile type iptc" zTXt chunk
    (Photoshop resources holding the IPTC block of ``spec``)."""
    block = resource(0x0404, iim(spec))
    body = zlib.compress(raw_profile(block, "iptc"))
    return b"".join(
        [
            _PNG_SIGNATURE,
            chunk(b"IHDR", _PNG_IHDR),
            chunk(b"zTXt", b"Raw profile type iptc\x00\x00" + body),
            chunk(b"IDAT", _PNG_IDAT),
            chunk(b"IEND", b""),
        ]
    )


def png(spec: PhotoSpec, text_profile: bool = False) -> bytes:
    """A 1x1 PNG with EXIF in ``eXIf`` (or a zTXt raw profile) and optional iTXt XMP."""
    block = exif_block(spec)
    parts = [_PNG_SIGNATURE, chunk(b"IHDR", _PNG_IHDR)]
    if text_profile:
        body = zlib.compress(raw_profile(b"Exif\x00\x00" + block))
        parts.append(chunk(b"zTXt", b"Raw profile type exif\x00\x00" + body))
    else:
        parts.append(chunk(b"eXIf", block))
    if spec.xmp:
        parts.append(chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + xmp_packet(spec)))
    if spec.padding:
        parts.append(chunk(b"paDd", zeros(spec.padding)))
    parts += [chunk(b"IDAT", _PNG_IDAT), chunk(b"IEND", b"")]
    return b"".join(parts)


def _riff_chunk(kind: bytes, data: bytes) -> bytes:
    return kind + struct.pack("<I", len(data)) + data + b"\x00" * (len(data) & 1)


def webp(spec: PhotoSpec) -> bytes:
    """An extended (VP8X) 1x1 WebP with ``EXIF`` and optional ``XMP `` chunks."""
    flags = 0x08 | (0x04 if spec.xmp else 0)
    vp8x = struct.pack("<I", flags) + b"\x00\x00\x00" + b"\x00\x00\x00"
    body = [b"WEBP", _riff_chunk(b"VP8X", vp8x), _riff_chunk(b"VP8L", WEBP_VP8L)]
    body.append(_riff_chunk(b"EXIF", exif_block(spec)))
    if spec.xmp:
        body.append(_riff_chunk(b"XMP ", xmp_packet(spec)))
    if spec.padding:
        body.append(_riff_chunk(b"PAD ", zeros(spec.padding)))
    data = b"".join(body)
    return b"RIFF" + struct.pack("<I", len(data)) + data


def tiff(spec: PhotoSpec, dng: bool = False) -> bytes:
    """A 1x1 greyscale TIFF (or DNG-like TIFF with DNGVersion) carrying the EXIF fields."""
    w = TiffWriter(spec.big_endian)
    ifd0 = [
        w.long(0x0100, 1),
        w.long(0x0101, 1),
        w.short(0x0102, 8),
        w.short(0x0103, 1),
        w.short(0x0106, 1),
        w.long(0x0111, 8),
        w.long(0x0116, 1),
        w.long(0x0117, 1),
    ]
    if dng:
        ifd0 += [w.byte(0xC612, 1, 4, 0, 0), w.ascii(0xC614, f"{spec.make} {spec.model}")]
    if spec.xmp:
        packet = xmp_packet(spec)
        ifd0.append((0x02BC, 1, len(packet), packet))
    if spec.iptc:
        block = iim(spec)
        ifd0.append((0x83BB, 7, len(block), block))
    return exif_block(spec, ifd0, lead=b"\x80" + zeros(spec.padding))


def raf(spec: PhotoSpec) -> bytes:
    """A Fujifilm RAF: the 108-byte header pointing at a JPEG preview with the EXIF."""
    preview = jpeg(spec)
    offset = 160
    header = b"FUJIFILMCCD-RAW 0201FF383501" + (spec.model or "").encode()[:32].ljust(32, b"\x00")
    header += b"0100" + bytes(20) + struct.pack(">II", offset, len(preview)) + bytes(16)
    return header.ljust(offset, b"\x00") + preview

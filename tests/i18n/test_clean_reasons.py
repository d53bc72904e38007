"""Why ``exposure clean`` did not copy a file is said in the chosen language; the English
(and what the library keeps in ``Refused.reason``) is exactly as before."""

from __future__ import annotations

import os
import pickle
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from exposure.clean import reasons
from exposure.clean.state import PlacesInText, Unsafe
from exposure.i18n import translations
from exposure.i18n.message import Said, known

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    given = tmp_path / "in"
    given.mkdir()
    (given / "fake.jpg").write_bytes(b"hello world")  # named like a photo, is not one
    png = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + b"\0" * 5
    (given / "cut.png").write_bytes(png)  # ends inside its first chunk
    return given


def clean(folder: Path, lang: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = folder.parent / f"out-{lang}"
    done = subprocess.run(
        [sys.executable, "-m", "exposure", "clean", "--lang", lang, str(folder), "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 3, done.stderr
    return done.stdout


def test_english_is_as_before(folder: Path) -> None:
    lines = clean(folder, "en").splitlines()
    assert (
        f"  NOT COPIED {folder / 'fake.jpg'}: "
        + ("not a photo or video format exposure can read (damaged?)")
        in lines
    )
    assert f"  NOT COPIED {folder / 'cut.png'}: the file ends inside a chunk (truncated?)" in lines


def test_french(folder: Path) -> None:
    text = clean(folder, "fr")
    assert "ce n’est pas un format de photo ou de vidéo qu’exposure sait lire (endommagé ?)" in text
    assert "le fichier s’arrête au milieu d’un bloc (tronqué ?)" in text
    assert "damaged?" not in text and "truncated?" not in text


def test_spanish(folder: Path) -> None:
    text = clean(folder, "es")
    assert "no es un formato de foto o vídeo que exposure pueda leer (¿está dañado?)" in text
    assert "el archivo se corta en medio de un bloque (¿está incompleto?)" in text
    assert "damaged?" not in text and "truncated?" not in text


def test_reasons_with_values_keep_their_english_and_cross_processes() -> None:
    place = PlacesInText(frozenset({"XMP Description", "EXIF ImageDescription"}))
    assert place.reason == "a place written in EXIF ImageDescription, XMP Description"
    carried = Unsafe(reasons.still_carried([place.reason, "EXIF GPS"]))
    english = (
        "the copy still carried a place written in EXIF ImageDescription, XMP Description, "
        "EXIF GPS when read back; it was removed"
    )
    assert carried.reason == english and str(carried) == english
    again = pickle.loads(pickle.dumps(carried.reason))
    assert isinstance(again, Said) and again == english
    assert known(again).render(translations("fr")) == (
        "relue, la copie contenait encore un lieu écrit dans EXIF ImageDescription, "
        "XMP Description, EXIF GPS ; elle a été supprimée"
    )
    assert known(again).render(translations("es")) == (
        "al volver a leerla, la copia todavía llevaba un lugar escrito en EXIF "
        "ImageDescription, XMP Description, EXIF GPS; se ha borrado"
    )
    plain = Unsafe("a reason written elsewhere")  # a plain text stays as it is
    assert plain.reason == "a reason written elsewhere"
    assert known(plain.reason).render(translations("fr")) == "a reason written elsewhere"


def test_platforms_says_its_own_sentences_in_the_language() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def platforms(lang: str) -> str:
        command = [sys.executable, "-m", "exposure", "platforms", "--lang", lang]
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    from exposure.sources.exports.listing import platforms_text

    assert platforms("en") == platforms_text()
    assert platforms("en").startswith('exposure reads these "download your data" exports.')
    french, spanish = platforms("fr"), platforms("es")
    assert french.startswith("exposure lit ces exports « téléchargez vos données ».")
    assert "Tout ce qu’exposure n’a pas pu lire" in " ".join(french.split())
    assert spanish.startswith("exposure lee estas exportaciones de «descarga tus datos».")
    assert "Todo lo que exposure no pudo leer" in " ".join(spanish.split())
    # the platforms' descriptions are English data and stay
    assert "Facebook: a Facebook 'Download your information' export (JSON)" in french

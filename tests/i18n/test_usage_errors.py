"""Usage errors (exit code 2) in the language chosen: one line, the values as given, and
the English exactly as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from exposure.errors import UsageError
from exposure.i18n import translations
from exposure.options import ExportOptions, Options, WebOptions


def said(make: object) -> UsageError:
    with pytest.raises(UsageError) as caught:
        make()  # type: ignore[operator]
    return caught.value


def test_options_errors_in_each_language() -> None:
    none = said(lambda: Options(inputs=()))
    assert str(none) == "name at least one photo, folder or export to audit"
    assert none.words(translations("es")) == (
        "indica al menos una foto, carpeta o exportación que revisar"
    )
    workers = said(lambda: Options(inputs=("x",), workers=0))
    assert str(workers) == "--workers must be 1 or more"
    assert workers.words(translations("fr")) == "--workers doit valoir 1 ou plus"
    pages = said(lambda: WebOptions(max_pages=0))
    assert str(pages) == "--max-pages must be 1 or more"
    timeout = said(lambda: WebOptions(timeout=0))
    assert str(timeout) == "--timeout must be more than 0 seconds"
    assert timeout.words(translations("es")) == "--timeout debe ser de más de 0 segundos"
    negative = said(lambda: WebOptions(delay=-1))
    assert "no pueden ser negativos" in negative.words(translations("es"))
    ratio = said(lambda: ExportOptions(max_ratio=1))
    assert str(ratio) == "--archive-max-ratio must be more than 1"
    assert ratio.words(translations("fr")) == "--archive-max-ratio doit être supérieur à 1"
    member = said(lambda: ExportOptions(member_limit=0))
    assert str(member) == "the export setting member-limit must be 1 or more"
    assert member.words(translations("fr")) == (
        "le réglage des exports member-limit doit valoir 1 ou plus"
    )


def test_cli_usage_errors_follow_lang(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from exposure.demo import demo_inputs

    photos = demo_inputs()[0]
    workers = cli("audit", photos, "--workers", "0", "--lang", "fr")
    assert (workers.code, workers.err) == (2, "exposure: --workers doit valoir 1 ou plus\n")
    (tmp_path / "afile").write_text("x")
    out_file = cli("clean", photos, "--out", "afile", "--lang", "es")
    assert (out_file.code, out_file.err) == (
        2,
        "exposure: --out afile es un archivo; indica una carpeta para las copias limpias\n",
    )
    inside = cli("clean", photos, "--out", str(Path(photos) / "x"), "--lang", "fr")
    assert inside.code == 2 and "qui est en train d’être nettoyé" in inside.err
    missing = cli("clean", "nowhere.jpg", "--out", "o", "--lang", "fr")
    assert missing.err == (
        "exposure: nowhere.jpg : n’existe pas ; vérifiez l’orthographe ou le dossier\n"
    )
    nothing = cli("summarize", "gone.json", "--lang", "es")
    assert (nothing.code, nothing.err) == (
        2,
        "exposure: gone.json: no existe ese archivo o carpeta; indica informes JSON de exposure\n",
    )
    english = cli("clean", photos, "--out", "afile")
    assert english.err == "exposure: --out afile is a file; give a folder for the clean copies\n"
    english = cli("summarize", "gone.json")
    assert english.err == (
        "exposure: gone.json: no such file or folder; give exposure JSON reports\n"
    )


def test_report_write_errors_in_each_language() -> None:
    import errno

    from exposure.report.files import _error

    full = _error("r.html", OSError(errno.ENOSPC, "No space left on device"), replacing=True)
    assert str(full) == (
        "could not write r.html: the disk is full (or the file is larger than allowed); "
        "the previous r.html is unchanged; free some space or choose another place"
    )
    assert full.words(translations("fr")) == (
        "impossible d’écrire r.html : le disque est plein (ou le fichier dépasse la taille "
        "permise) ; le r.html précédent n’a pas changé ; libérez de la place ou choisissez un "
        "autre endroit"
    )
    other = _error("r.html", OSError(errno.EIO, "Input/output error"), replacing=False)
    assert str(other) == (
        "could not write r.html: Input/output error; no file was left at r.html; "
        "choose another place"
    )
    assert other.words(translations("es")) == (
        "no se pudo escribir r.html: Input/output error; no quedó ningún archivo en r.html; "
        "elige otro lugar"
    )


def test_summarize_warnings_follow_lang(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import json

    report = {"schema_version": 1, "tool": {"name": "exposure"}, "findings": []}
    (tmp_path / "a.json").write_text(json.dumps(report))
    (tmp_path / "b.json").write_text(json.dumps(report))
    (tmp_path / "bad.json").write_text("{")
    es = cli("summarize", "a.json", "b.json", "bad.json", "--lang", "es", "--html", "s.html")
    assert es.code == 0
    assert "exposure: se omitió bad.json: no es un informe JSON (crea uno con:" in es.err
    assert "exposure: 1 archivo era una copia de un informe ya leído" in es.err
    assert f"Resumen: {tmp_path / 's.html'}" in es.err
    en = cli("summarize", "a.json", "b.json", "bad.json", "--html", "s.html")
    assert en.err.splitlines() == [
        "exposure: skipped bad.json: not a JSON report (write one with: exposure audit ... "
        "--json FILE)",
        "exposure: 1 file(s) were copies of a report already read, counted once",
        f"Summary: {tmp_path / 's.html'}",
    ]
    none = cli("summarize", "bad.json", "--lang", "fr")
    assert none.code == 3 and "exposure: aucun rapport JSON d’exposure à résumer" in none.err

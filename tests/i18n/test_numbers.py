"""Numbers in messages take the language's thousands separator (French: a narrow no-break
space, Spanish: a full stop); English is rendered exactly as written."""

from __future__ import annotations

from exposure.i18n import translations
from exposure.i18n.message import M_, Mn_

NNBSP = "\u202f"


def test_whole_numbers_are_grouped_the_language_way() -> None:
    files = Mn_("{count} file records ...", "{count} files record ...", 12345)
    assert files.english() == "12345 files record ..."
    assert files.render(translations("es")).startswith("12.345 ")
    assert files.render(translations("fr")).startswith(f"12{NNBSP}345 ")
    broken = M_("the JPEG structure is broken at byte {pos}; stopped reading there", pos=1474)
    assert broken.english() == "the JPEG structure is broken at byte 1474; stopped reading there"
    assert f"l’octet 1{NNBSP}474 ;" in broken.render(translations("fr"))
    assert "el byte 1.474;" in broken.render(translations("es"))


def test_numbers_written_the_english_way_and_format_specs() -> None:
    pre = Mn_("{count} file", "{count} files", 1234567, count="1,234,567")
    assert pre.english() == "1,234,567 files"
    assert pre.render(translations("fr")) == f"1{NNBSP}234{NNBSP}567 files"  # not in catalogue
    spec = M_("{n:,} or {n:>6} or {small}", n=5000, small=999)
    assert spec.english() == "5,000 or   5000 or 999"
    assert spec.render(translations("es")) == "5.000 or   5000 or 999"


def test_what_is_not_a_number_stays() -> None:
    said = M_("{a} {b} {c} {d}", a="51.5,-0.12", b="1,23", c=True, d="Route 1,000 km")
    for lang in ("es", "fr"):
        assert said.render(translations(lang)) == "51.5,-0.12 1,23 True Route 1,000 km"


def test_the_terminal_and_the_not_checked_counts() -> None:
    from exposure.model import NotChecked, Report, SourceCount
    from exposure.terminal import not_checked_line

    unread = NotChecked("/exports", (("documents", ".pdf", 1200), ("documents", ".docx", 34)), ())
    report = Report("0", ("x",), (), (), counts=(SourceCount("photos", 5),), not_checked=(unread,))
    english = not_checked_line(report)
    assert english is not None and "(1,234 files exposure does not read" in english
    assert "1,234 documents (.pdf 1,200, .docx 34)" in english
    french = not_checked_line(report, translations("fr"))
    assert french is not None and f"1{NNBSP}234" in french and "1,234" not in french
    assert f".pdf 1{NNBSP}200" in french
    spanish = not_checked_line(report, translations("es"))
    assert spanish is not None and "1.234" in spanish and ".pdf 1.200" in spanish

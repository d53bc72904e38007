from __future__ import annotations

from exposure.fingerprint import fingerprint


def test_same_inputs_same_id() -> None:
    assert fingerprint("photo-gps", "abc", "52.5,13.4") == fingerprint(
        "photo-gps", "abc", "52.5,13.4"
    )


def test_each_part_changes_the_id() -> None:
    base = fingerprint("photo-gps", "abc", "52.5,13.4")
    assert fingerprint("video-gps", "abc", "52.5,13.4") != base
    assert fingerprint("photo-gps", "abd", "52.5,13.4") != base
    assert fingerprint("photo-gps", "abc", "52.5,13.5") != base


def test_value_is_normalised() -> None:
    assert fingerprint("k", "c", "Alex  Example") == fingerprint("k", "c", " alex example ")


def test_parts_cannot_run_together() -> None:
    assert fingerprint("ab", "c") != fingerprint("a", "bc")

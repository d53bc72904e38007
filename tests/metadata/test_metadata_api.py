"""The public surface of exposure.metadata and the photo factory."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

import exposure.metadata as metadata
from exposure.geo import PositionProblem
from exposure.metadata import GpsReading, Identifier, PhotoMetadata
from exposure.testing.photofactory import FORMATS, PhotoSpec, make_photo


def test_all_is_sorted_and_complete() -> None:
    assert metadata.__all__ == sorted(metadata.__all__)
    for name in metadata.__all__:
        assert getattr(metadata, name).__doc__


def test_results_are_frozen_and_picklable() -> None:
    good = GpsReading(1.0, 2.0, None, None, "exif", None, "x")
    bad = GpsReading(0.0, 0.0, None, None, "exif", PositionProblem.ZERO, "x")
    meta = PhotoMetadata("jpeg", "k", 1, (good, bad), None, None, None,
                         (Identifier("BodySerialNumber", "1"),), (), None, None, ())  # fmt: skip
    assert meta.real_positions == (good,)
    with pytest.raises(dataclasses.FrozenInstanceError):
        meta.make = "x"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(meta)) == meta
    assert not hasattr(meta, "__dict__")


def test_unknown_factory_format() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        make_photo(PhotoSpec(), "gif")
    assert len(set(FORMATS)) == len(FORMATS)


def test_damage_helpers_are_deterministic() -> None:
    from exposure.testing.photofactory import corrupt, truncate

    data = make_photo(PhotoSpec(), "jpeg")
    assert truncate(data, 0.5) == data[: len(data) // 2]
    assert truncate(data, 10) == data[:10]
    assert corrupt(data, seed=3) == corrupt(data, seed=3) != data
    assert corrupt(data, seed=3)[:2] == data[:2]

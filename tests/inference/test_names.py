"""Offline town names from the bundled GeoNames table: near a town, never a street."""

from __future__ import annotations

import socket

import pytest

from exposure.geo import Position
from exposure.inference.names import TABLE, gazetteer
from exposure.model import Near


@pytest.mark.parametrize(
    ("lat", "lon", "expected"),
    [
        (45.7480, 4.8470, Near("Lyon", "France")),
        (40.7128, -74.0060, Near("New York City", "United States")),
        (-33.8700, 151.2100, Near("Sydney", "Australia")),
        (64.8000, -147.7000, Near("Fairbanks", "United States")),
        (0.5, -30.0, None),  # the middle of the Atlantic: no town within 50 km
        (-0.2, 179.99, None),  # across the date line, open sea
    ],
)
def test_nearest_town(lat: float, lon: float, expected: Near | None) -> None:
    assert gazetteer().near(Position(lat, lon)) == expected


def test_the_table_is_bundled_and_read_without_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the gazetteer must never open a connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    gazetteer.cache_clear()
    assert TABLE.is_file() and TABLE.stat().st_size < 3_000_000
    assert gazetteer().near(Position(52.4733, 13.4031)) == Near("Tempelhof", "Germany")

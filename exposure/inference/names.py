"""Offline place names: the nearest town to a place, from a bundled GeoNames table.

Never a street, never a network request: ``data/towns.tsv.gz`` holds about 155,000 towns
of GeoNames ``cities1000`` (CC BY 4.0; built by ``gazetteer_build.py``).  The nearest town
is a median of about 4.6 km from a point, so a place is said to be *near* it, never *at*
it.  Towns are indexed by one-degree tiles; a look-up reads the tiles around the point.
"""

from __future__ import annotations

import gzip
import math
from functools import cache
from pathlib import Path

from exposure.geo import Position, distance_m
from exposure.model import Near

TABLE = Path(__file__).parent / "data" / "towns.tsv.gz"
MAX_DISTANCE_M = 50_000.0
"""Beyond this the nearest town says nothing useful (open sea, wilderness): no name."""

Town = tuple[float, float, str, str]
"""Latitude, longitude, name, country."""


class Gazetteer:
    """Towns by one-degree tile, each tile parsed the first time it is asked about."""

    def __init__(self, countries: dict[str, str], blocks: dict[tuple[int, int], str]) -> None:
        self._countries = countries
        self._blocks = blocks
        self._tiles: dict[tuple[int, int], list[Town]] = {}

    def tile(self, lat: int, lon: int) -> list[Town]:
        """The towns whose position lies in the one-degree tile at (``lat``, ``lon``)."""
        key = (lat, (lon + 180) % 360 - 180)
        towns = self._tiles.get(key)
        if towns is None:
            towns = self._tiles[key] = self._parse(key, self._blocks.get(key, ""))
        return towns

    def _parse(self, key: tuple[int, int], block: str) -> list[Town]:
        towns = []
        for line in block.splitlines():
            dlat, dlon, code, name = line.split("\t", 3)
            lat = (key[0] * 1000 + int(dlat)) / 1000
            lon = (key[1] * 1000 + int(dlon)) / 1000
            towns.append((lat, lon, name, self._countries.get(code) or code))
        return towns

    def near(self, position: Position) -> Near | None:
        """The nearest town within :data:`MAX_DISTANCE_M`, or None.

        Candidates are compared on a flat projection around the point (exact enough to rank
        towns a few kilometres apart), the winner measured by haversine."""
        lat, lon = math.floor(position.lat), math.floor(position.lon)
        scale = math.cos(math.radians(position.lat)) ** 2
        best: tuple[float, str, Town] | None = None
        for dlat in (0, -1, 1):
            for dlon in (0, -1, 1):
                for town in self.tile(lat + dlat, lon + dlon):
                    dy = town[0] - position.lat
                    dx = (town[1] - position.lon + 540) % 360 - 180
                    d2 = dy * dy + dx * dx * scale
                    if best is None or (d2, town[2]) < best[:2]:
                        best = (d2, town[2], town)
        if best is None:
            return None
        town = best[2]
        if distance_m(position, Position(town[0], town[1])) > MAX_DISTANCE_M:
            return None
        return Near(town[2], town[3])


def read_table(path: Path = TABLE) -> Gazetteer:
    """The bundled table (layout in ``gazetteer_build.py``), tiles left as text."""
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    head, _, body = text.partition("\n@")
    countries = dict(line[1:].split("\t", 1) for line in head.splitlines() if line[:1] == "#")
    blocks: dict[tuple[int, int], str] = {}
    for block in body.split("\n@"):
        corner, _, towns = block.partition("\n")
        lat, lon = corner.split("\t")
        blocks[(int(lat), int(lon))] = towns
    return Gazetteer(countries, blocks)


@cache
def gazetteer() -> Gazetteer:
    """The bundled gazetteer, read once per process (it never changes)."""
    return read_table()

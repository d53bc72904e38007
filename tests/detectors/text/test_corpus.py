"""Real pages from ../shared/corpus: the places their MANIFEST.md lists are found in the text.

The pages' visible text is taken with selectolax (scripts and styles left out), as a
crawler would; the h-adr ``geourl`` page keeps its geo: URI in a link, which is scanned too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from exposure.detectors.text import scan_text
from tests.detectors.text.helpers import near

H_ADR = Path("profiles/microformats/microformats-tests/microformats-v2/h-adr")
SONGKICK = Path("profiles/schema-org-opengraph/extruct-samples/songkick")


def _visible(path: Path) -> str:
    tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
    for node in tree.css("script, style"):
        node.decompose()
    body = tree.body
    return body.text(separator=" ") if body is not None else ""


def _squashed(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("page", "kind", "text"),
    [
        (H_ADR / "geo.html", "text-street-address", "3 Charlotte Road , City of London , EC2A 3PE"),
        (
            H_ADR / "simpleproperties.html",
            "text-street-address",
            "665 3rd St. Suite 207 San Francisco , CA 94107",
        ),
        (SONGKICK / "tovestyrke.html", "text-street-address", "2-4 Hoxton Square N1 6NU"),
        (SONGKICK / "elysianfields.html", "text-street-address", "497 Rogers Ave"),
        (SONGKICK / "elysianfields.html", "text-street-address", "1 rue Aristide Briand"),
    ],
)
def test_addresses_in_pages(corpus: Path, page: Path, kind: str, text: str) -> None:
    found = {(hit.kind, _squashed(hit.text)) for hit in scan_text(_visible(corpus / page))}
    assert (kind, text) in found, found


def test_coordinates_in_h_adr_pages(corpus: Path) -> None:
    """MANIFEST: geo -> "51.526421;-0.081067"; geourl -> "geo:51.526421;-0.081067;crs=wgs84;u=40"."""
    (hit,) = [h for h in scan_text(_visible(corpus / H_ADR / "geo.html")) if h.position]
    assert near(hit.position, 51.526421, -0.081067, metres=1)
    tree = LexborHTMLParser((corpus / H_ADR / "geourl.html").read_text(encoding="utf-8"))
    links = [a.attributes.get("href") or "" for a in tree.css("a")]
    (hit,) = [h for link in links for h in scan_text(link)]
    assert hit.kind == "text-coordinates" and near(hit.position, 51.526421, -0.081067, metres=1)


H_GEO = Path("profiles/microformats/microformats-tests/microformats-v2/h-geo")


@pytest.mark.parametrize(
    ("page", "lat", "lon"),
    [
        (H_GEO / "abbrpattern.html", 37.408183, -122.13855),  # "N 37° 24.491, W 122° 08.313"
        (H_GEO / "altitude.html", 54.155278, -2.249722),
        (H_GEO / "simpleproperties.html", 51.513458, -0.14812),  # "51.513458 : -0.14812"
        # MANIFEST: no coordinates for a microformats parser, but the text shows them.
        (H_GEO / "justaname.html", 51.513458, -0.14812),
    ],
)
def test_h_geo_coordinates_in_text(corpus: Path, page: Path, lat: float, lon: float) -> None:
    (hit,) = scan_text(_visible(corpus / page))
    assert hit.kind == "text-coordinates" and near(hit.position, lat, lon, metres=2), hit


def test_h_adr_name_only_page_still_shows_an_address(corpus: Path) -> None:
    """MANIFEST lists h-adr ``justaname`` as a negative for structured data (it has no
    street-address property), but its visible text is the whole address."""
    (hit,) = scan_text(_visible(corpus / H_ADR / "justaname.html"))
    assert hit.kind == "text-street-address" and hit.text.startswith("665 3rd St.")

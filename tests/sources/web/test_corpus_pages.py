"""The profile pages of ../shared/corpus, served over loopback, yield the places MANIFEST.md lists.

The files are read from the corpus at request time (never copied into the repository); one
audit crawls them all from a generated index page, through the CLI.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pytest

from exposure.testing.webserver import FixtureServer, Reply, Request
from tests.sources.web.conftest import Audit

MF1 = "microformats/microformats-tests/microformats-v1"
MF2 = "microformats/microformats-tests/microformats-v2"
OG = "schema-org-opengraph/extruct-samples"
BRICKLAYERS = ("web-coordinates", (51.513458, -0.14812))
MOUNTAIN_VIEW = ("web-coordinates", (37.408183, -122.13855))

EXPECTED: dict[str, list[tuple[str, Any]]] = {
    f"{MF1}/adr/simpleproperties.html": [
        ("web-address", "665 3rd St., Suite 207, San Francisco, CA, 94107")
    ],
    f"{MF1}/geo/abbrpattern.html": [MOUNTAIN_VIEW],
    f"{MF1}/geo/hidden.html": [BRICKLAYERS],
    f"{MF1}/geo/simpleproperties.html": [BRICKLAYERS],
    f"{MF1}/geo/valuetitleclass.html": [BRICKLAYERS],
    f"{MF1}/hcard/single.html": [("web-coordinates", (30.267991, -97.739568))],
    f"{MF1}/hnews/all.html": [
        ("web-place-name", "San Francisco, CA"),
        ("web-coordinates", (37.774921, -122.445202)),
    ],
    f"{MF2}/h-adr/geo.html": [
        ("web-coordinates", (51.526421, -0.081067)),
        ("detail", "3 Charlotte Road, City of London, EC2A 3PE, UK"),
    ],
    f"{MF2}/h-adr/geourl.html": [("web-coordinates", (51.526421, -0.081067)), ("detail", "London")],
    f"{MF2}/h-adr/justaname.html": [],
    f"{MF2}/h-adr/lettercase.html": [("web-address", "3 Charlotte Road, City of London")],
    f"{MF2}/h-adr/simpleproperties.html": [
        ("web-address", "665 3rd St., Suite 207, San Francisco, CA, 94107, U.S.A.")
    ],
    f"{MF2}/h-card/hcard.html": [],
    f"{MF2}/h-card/justaname.html": [],
    f"{MF2}/h-card/nested.html": [],
    f"{MF2}/h-event/attendees.html": [("web-place-name", "San Francisco")],
    f"{MF2}/h-event/combining.html": [
        ("web-address", "920 SW 3rd Ave. Suite 400, Portland, Oregon")
    ],
    f"{MF2}/h-geo/abbrpattern.html": [MOUNTAIN_VIEW],
    f"{MF2}/h-geo/altitude.html": [("web-coordinates", (54.155278, -2.249722)), ("altitude", 694)],
    f"{MF2}/h-geo/hidden.html": [BRICKLAYERS],
    f"{MF2}/h-geo/justaname.html": [],  # mf2 gives only a name here
    f"{MF2}/h-geo/simpleproperties.html": [BRICKLAYERS],
    f"{MF2}/h-geo/valuetitleclass.html": [BRICKLAYERS],
    f"{OG}/songkick/Elysian Fields Brooklyn Tickets, The Owl Music Parlor, 31 Oct 2015.html": [
        ("web-coordinates", (40.660109, -73.953193)),
        ("detail", "497 Rogers Ave, Brooklyn, NY, 11225"),
    ],
    f"{OG}/songkick/elysianfields.html": [
        ("web-coordinates", (40.660109, -73.953193)),
        ("web-coordinates", (37.7795638, -122.398023)),
        ("web-coordinates", (47.2734979, -2.213848)),
        ("web-coordinates", (44.8624327, -0.5237826)),
    ],
    f"{OG}/songkick/tovestyrke.html": [
        ("web-coordinates", (51.527476, -0.081657)),
        ("detail", "2-4 Hoxton Square, London, N1 6NU"),
    ],
    f"{OG}/schema.org/Event.001.html": [("web-place-name", "Philadelphia, PA")],
    f"{OG}/schema.org/Event.003.html": [("web-address", "7 S. Broadway, Denver, CO, 80209")],
    f"{OG}/schema.org/Event.004.html": [("web-address", "7 S. Broadway, Denver, CO, 80209")],
    f"{OG}/schema.org/LocalBusiness.002.html": [
        ("web-address", "1901 Lemur Ave, Sunnyvale, CA, 94086")
    ],
    f"{OG}/schema.org/product.html": [],
    f"{OG}/misc/opengraph_test.html": [],
    f"{OG}/misc/expanded_OG_support_test.html": [],
    f"{OG}/misc/microformat_test.html": [],
    f"{OG}/misc/null_ld_mock.html": [
        ("web-address", "123 Munroe Hwy, Tacoma, Georgia, Georgia, 52342")
    ],
}


def _serve_corpus(server: FixtureServer, root: Path) -> None:
    def route(request: Request) -> Reply:
        relative = unquote(request.path.split("?", 1)[0][len("/corpus/") :])
        path = (root / relative).resolve()
        if root.resolve() not in path.parents or not path.is_file():
            return Reply(404, {}, b"")
        return Reply(headers={"Content-Type": "text/html"}, body=path.read_bytes())

    links = "".join(f'<a href="/corpus/{quote(p)}">{i}</a>\n' for i, p in enumerate(EXPECTED))
    server.routes.update({"/corpus/*": route, "/": lambda r: Reply(body=links.encode())})


def _evidence_by_page(
    report: dict[str, Any], base: str
) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    pages: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for finding in report["findings"]:
        if finding["kind"].startswith("web-"):
            for evidence in finding["evidence"]:
                pages.setdefault(unquote(evidence["locator"])[len(base) :], []).append(
                    (finding["kind"], evidence)
                )
    return pages


@pytest.mark.corpus
def test_corpus_profile_pages_yield_their_places(
    corpus: Path, server: FixtureServer, audit: Audit
) -> None:
    _serve_corpus(server, corpus / "profiles")
    report = audit(server.url("/"), "--max-pages", "100")
    pages = {server.url(f"/corpus/{p}") for p in EXPECTED}
    assert not [s for s in report["skipped"] if unquote(s["locator"]) in pages]
    found = _evidence_by_page(report, server.url("/corpus/"))
    for page, expected in EXPECTED.items():
        seen = found.get(page, [])
        if not expected:
            assert seen == [], page
        for kind, value in expected:
            if kind == "detail":
                assert any(value in e["detail"] for _, e in seen), (page, value, seen)
            elif kind == "altitude":
                assert any(e.get("location", {}).get("altitude_m") == value for _, e in seen), page
            elif isinstance(value, tuple):
                assert any(
                    k == kind
                    and e.get("location")
                    and (e["location"]["lat"], e["location"]["lon"])
                    == pytest.approx(value, abs=1e-6)
                    for k, e in seen
                ), (page, value, seen)
            else:
                assert any(k == kind and value in e["detail"] for k, e in seen), (
                    page,
                    kind,
                    value,
                    seen,
                )

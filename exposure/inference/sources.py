"""What each kind of evidence is called, how it is counted, and which sources are independent.

Convergence is stated per finding kind: "22 photos, 60 Timeline points and 14 routes".
Files, activities and posts are counted as items (one photo is one piece of evidence
whatever it holds); location histories are counted in points, since one file holds them all.
Kinds of one *family* (a phone's photos and videos; Google's histories) are one source, not
independent confirmations.
"""

from __future__ import annotations

from collections.abc import Iterable

HISTORY_KINDS = frozenset(
    {
        "google-location-history",
        "google-timeline",
        "google-maps-activity",
        "snapchat-location-history",
        "facebook-location-history",
    }
)
"""Kinds whose evidence is counted in points rather than items."""

_NOUNS: dict[str, tuple[str, str, str]] = {
    # kind: (one, many, family)
    "photo-gps": ("photo", "photos", "camera"),
    "video-gps": ("video", "videos", "camera"),
    "google-location-history": ("Location History point", "Location History points", "google"),
    "google-timeline": ("Timeline point", "Timeline points", "google"),
    "google-home-work": ("Google label", "Google labels", "google"),
    "google-photos-location": ("Google Photos location", "Google Photos locations", "google"),
    "google-maps-activity": ("Maps activity record", "Maps activity records", "google"),
    "google-maps-review": ("Maps review", "Maps reviews", "google"),
    "google-maps-saved-places": ("saved place", "saved places", "google"),
    "route-endpoint": ("route", "routes", "routes"),
    "snapchat-home-work": ("Snapchat label", "Snapchat labels", "snapchat"),
    "snapchat-location-history": ("Snapchat location", "Snapchat locations", "snapchat"),
    "swarm-checkin": ("check-in", "check-ins", "swarm"),
    "instagram-post-location": ("Instagram post", "Instagram posts", "instagram"),
    "instagram-post-place": ("Instagram post", "Instagram posts", "instagram"),
    "facebook-post-location": ("Facebook post", "Facebook posts", "facebook"),
    "facebook-location-history": ("Facebook location", "Facebook locations", "facebook"),
    "x-post-location": ("post on X", "posts on X", "x"),
    "web-coordinates": ("web page", "web pages", "web"),
    "web-feed-location": ("feed post", "feed posts", "web"),
    "web-post-place": ("public post", "public posts", "web"),
}


def noun(kind: str, count: int) -> str:
    """``"22 photos"``, ``"1 route"``, ``"3 places written in text"``."""
    one, many, _ = _NOUNS.get(kind) or _fallback(kind)
    return f"{count:,} {one if count == 1 else many}"


def family(kind: str) -> str:
    """The source a kind belongs to (kinds of one family are not independent)."""
    return (_NOUNS.get(kind) or _fallback(kind))[2]


def families(kinds: Iterable[str]) -> int:
    """Number of independent sources among ``kinds``."""
    return len({family(k) for k in kinds})


def _fallback(kind: str) -> tuple[str, str, str]:
    if kind.startswith("text-"):
        return ("place written in text", "places written in text", "text")
    if kind.startswith("web-"):
        return ("web page", "web pages", "web")
    return (f"{kind} record", f"{kind} records", kind.split("-")[0])


def counted(
    kinds: Iterable[tuple[str, int]], items: Iterable[tuple[str, int]]
) -> list[tuple[str, int]]:
    """Evidence per kind as it is stated: points for histories, items for the rest; most
    first, then by kind."""
    points = dict(kinds)
    out = [(k, points[k] if k in HISTORY_KINDS else n) for k, n in items]
    return sorted(out, key=lambda kv: (-kv[1], kv[0]))


def join_words(parts: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def convergence(sources: Iterable[tuple[str, int]], radius_m: float, where: str) -> str:
    """``22 photos, 60 Timeline points and 14 routes point to the same 60 m around 45.748,
    4.847`` (or ``3 photos were taken within 40 m of ...`` for one kind)."""
    parts = [noun(k, n) for k, n in sources]
    across = max(10, int(round(2 * radius_m, -1)))
    verb = "point" if sum(n for _, n in sources) != 1 else "points"
    return f"{join_words(parts)} {verb} to the same {across} m around {where}"

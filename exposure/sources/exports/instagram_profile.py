"""Instagram's profile, and what Instagram inferred about where you are.

Formats, each read from the public sources named (checked 2026-11-29):

``personal_information/personal_information.json``
    ``profile_user[].string_map_data``: one ``{"href", "value", "timestamp"}`` object per
    field, keyed in the account's language ("Bio" in English, "Biyografi" in Turkish).
    Fields seen: Username, Name, Bio, Website, Email, Phone Number, Gender, Date of birth,
    Private Account.  No city or address field appears in any source, so none is read as a
    place: the free-text fields (bio, name, website, and every field of an export in
    another language) go to the text detectors, which find an address, coordinates or a
    map link in them.
    sources: yummyhopper/personal_instagram_analysis
    personal_information/personal_information/personal_information.json (da6f1fc, a real
    export); Veterinalyus/iVerify_V1_Project, same path (5237295, a real 2026 export with
    Turkish keys); greg-randall/memento-mori memento_mori/loader.py (ea9935c, reads "Bio"
    and "Website").

``information_about_you/account_based_in.json`` and ``profile_based_in.json``
    Where Instagram thinks the account is based.  Older layout:
    ``inferred_data_primary_location[].string_map_data`` with one field, "City Name" (US
    English) or "Town/city name" (UK English); newer layout: ``label_values[].dict[]`` of
    ``{"label", "value"}`` (country, region, city).  Every value is read, whatever its key.
    sources: yummyhopper/personal_instagram_analysis
    personal_information/information_about_you/account_based_in.json (da6f1fc, real,
    "City Name"); greg-randall/memento-mori memento_mori/file_mapper.py (2009978) and
    loader.py (ea9935c) (profile_based_in.json, "City Name"); iammannat03/sih-24
    server/maps.py (9cbb6f0, "Town/city name"); Veterinalyus/iVerify_V1_Project
    personal_information/information_about_you/profile_based_in.json (5237295, real,
    newer layout).

``information_about_you/locations_of_interest.json``
    ``label_values[].vec[].value``: places Instagram links to you; the file's own
    description says they personalise Instagram and its ads.  source:
    Veterinalyus/iVerify_V1_Project
    personal_information/information_about_you/locations_of_interest.json (5237295, real).

Not read, because no public source shows its format: a location field in
``personal_information.json``; the places hidden from Instagram Map in
``instagram_friend_map.json`` (empty in the one real file found).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from exposure.detectors.base import make_finding
from exposure.i18n.message import M_, Message, Mn_
from exposure.model import Evidence
from exposure.sources.base import Entry
from exposure.sources.exports.context import ExportRun
from exposure.sources.exports.document import Doc, Handler
from exposure.sources.exports.meta import labelled
from exposure.sources.exports.platforms.instagram import PLATFORM
from exposure.sources.exports.values import meta_text, obj

GROUP = PLATFORM.group
INFERRED_KIND = "instagram-inferred-location"
MAX_PLACES = 50
"""Places kept from one file (a real list holds a handful)."""
SHOWN = 10
"""Places listed as evidence lines."""
_NOT_TEXT = frozenset(
    {"username", "email", "phone number", "phone confirmed", "phone confirmation method",
     "gender", "date of birth", "private account"}
)  # fmt: skip
"""English keys of fields that are never free text (keys of other languages are scanned:
harmless, and a localised bio is not missed)."""


def _text_field(key: str) -> str | None:
    """The text item kind for a profile field worth scanning, or None: ``bio`` for the bio
    (Bio, Biografie, Biografía, Biyografi...), ``profile`` for the rest."""
    folded = key.casefold().strip()
    if folded in _NOT_TEXT:
        return None
    return "bio" if folded.startswith(("bio", "biy")) else "profile"


def read_personal(doc: Doc, run: ExportRun) -> Iterator[Entry]:
    """``personal_information.json``: the free-text fields go to the text detectors."""
    reader = doc.json()
    for user in reader.items("profile_user.item"):
        for key, entry in obj(obj(user).get("string_map_data")).items():
            label = meta_text(key)
            kind = _text_field(label)
            if kind is not None:
                text = meta_text(obj(entry).get("value"))
                yield from run.text(doc.at(label), kind, text, GROUP)
    yield from doc.done(run, reader.problem, GROUP)


def _add(places: list[tuple[str, str]], label: str, value: str) -> None:
    if len(places) < MAX_PLACES and (label, value) not in places:
        places.append((label, value))


def _inferred(doc: Doc, title: Message, places: list[tuple[str, str]], field: str) -> Entry:
    """One finding for a list of places Instagram inferred."""
    values = list(dict.fromkeys(value for _, value in places))
    evidence = [
        Evidence(
            doc.locator, f"{label}: {value}" if label else value, place_name=value, field=field
        )
        for label, value in places[:SHOWN]
    ]
    if len(places) > SHOWN:
        evidence.append(Evidence(doc.locator, f"and {len(places) - SHOWN} more", field=field))
    shown = "; ".join(values[:3]) + ("…" if len(values) > 3 else "")
    return make_finding(
        INFERRED_KIND,
        content=f"instagram:{field}",
        value="|".join(sorted(values)),
        title=replace(title, args=(*title.args, ("places", shown))),
        group=GROUP,
        evidence=evidence,
    )


def _string_map_values(block: Any) -> Iterator[tuple[str, str]]:
    for key, entry in obj(obj(block).get("string_map_data")).items():
        value = meta_text(obj(entry).get("value")).strip()
        if value:
            yield meta_text(key), value


def _grouped(block: Any) -> Iterator[tuple[str, str]]:
    """The values grouped under a ``label_values`` entry (``dict`` or ``vec``), not the
    entry's own label and value (a description of the file, in real exports)."""
    for key in ("dict", "vec"):
        yield from labelled(obj(block).get(key))


def read_based_in(doc: Doc, run: ExportRun) -> Iterator[Entry]:
    """``account_based_in.json`` / ``profile_based_in.json``, older and newer layouts."""
    reader = doc.json()
    places: list[tuple[str, str]] = []
    for prefix, block in reader.multi(("inferred_data_primary_location.item", "label_values.item")):
        pairs = _string_map_values(block) if prefix.startswith("inferred") else _grouped(block)
        for label, value in pairs:
            _add(places, label, value)
    if places:
        what = "profile" if "profile_based_in" in doc.member.name.lower() else "account"
        title = (
            M_("Instagram thinks your profile is based in: {places}")
            if what == "profile"
            else M_("Instagram thinks your account is based in: {places}")
        )
        yield _inferred(doc, title, places, f"{what}_based_in")
    yield from doc.done(run, reader.problem, GROUP)


def read_interest_locations(doc: Doc, run: ExportRun) -> Iterator[Entry]:
    """``locations_of_interest.json``: the ``vec`` lists (not the description entry)."""
    reader = doc.json()
    places: list[tuple[str, str]] = []
    for block in reader.items("label_values.item"):
        for _label, value in _grouped(block):
            _add(places, "", value)
    if places:
        count = len({value for _, value in places})
        title = Mn_(
            "Instagram links {count} place to you: {places}",
            "Instagram links {count} places to you: {places}",
            count,
        )
        yield _inferred(doc, title, places, "locations_of_interest")
    yield from doc.done(run, reader.problem, GROUP)


HANDLERS: dict[str, Handler] = {
    "instagram-personal": read_personal,
    "instagram-based-in": read_based_in,
    "instagram-interest-locations": read_interest_locations,
}

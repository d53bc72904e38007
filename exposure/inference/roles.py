"""Roles: which place is home, which is work, which are regular, which were one-off visits.

* **home**: the place seen on the most nights (20:00-07:00 local time) and weekend days,
  holding at least a quarter of all the nights and weekend days the evidence shows;
  at least :data:`MIN_HOME_DAYS` of them, one a night at least.  A traveller whose nights are spread over many places gets no
  home; a photographer whose photos are all taken elsewhere gets none either.
* **work** (or school): seen on weekdays between 09:00 and 17:00 on at least
  :data:`MIN_WORK_DAYS` days over two weeks or more, mostly at those times.
* **regular**: seen on at least three separate visits (not consecutive days) over two
  weeks or more (a gym, a parent's house, a child's school), or on three weeks of days.
* **visited**: seen on one or two days only (travel, an outing).  Never home: a home must
  lie in the area (about 50 km) where the evidence spends the most days, and its nights
  must span a week or more, so a holiday rental never becomes one.
* **unknown**: nothing says when it was seen.

A place a platform labelled (Google, Snapchat) takes that role when the behaviour names no
other; when it agrees, confidence goes up.  Every role comes with its reason in one sentence.
"""

from __future__ import annotations

import math
from dataclasses import replace

from exposure.i18n.message import M_, Message, Mn_, Nn_
from exposure.inference.cluster import Cluster
from exposure.inference.sources import families
from exposure.model import Confidence, PlaceRole

MIN_HOME_DAYS = 3
"""Nights and weekend days a home needs (Tasse et al. found about 10 night-time posts
nearly suffice; three is where a stranger would start to guess)."""
HOME_SHARE = 0.25
"""The home holds at least this share of all nights and weekend days seen anywhere."""
MIN_WORK_DAYS = 3
MIN_WEEKS = 2
WORK_SHARE = 0.4
"""At least this share of a work place's days are weekday-daytime sightings."""
MIN_SPAN_DAYS = 7
"""A home's nights and weekend days span at least this many days."""
REGION_DEG = 0.5
"""Cells of the area a life is lived in (0.5 degree; the 3x3 block around the busiest)."""
LONG_STAY_DAYS = 21
"""Seen on this many days, even in one stretch, a place is regular (a former home)."""
MOVED_DAYS = 14
"""Nights at a new place going on this long after the old one's stopped: a move."""
SECOND_HOME_NIGHTS = 5
LABEL_PLATFORMS = {"google-home-work": "Google", "snapchat-home-work": "Snapchat"}


def assign_roles(clusters: tuple[Cluster, ...]) -> tuple[Cluster, ...]:
    """``clusters`` with role, confidence and reason set (same order)."""
    all_nights = len(frozenset().union(*(_home_days(c) for c in clusters))) if clusters else 0
    home = _pick_home(clusters, all_nights, _home_region(clusters))
    work = _pick_work(clusters, home)
    out = []
    for index, cluster in enumerate(clusters):
        if index == home:
            out.append(_home(cluster, all_nights))
        elif index == work:
            out.append(_work(cluster))
        else:
            out.append(_other(cluster, all_nights))
    return tuple(out)


def _home_days(cluster: Cluster) -> frozenset[int]:
    """Nights and weekend days (a night is counted on the day it starts)."""
    return cluster.nights | cluster.weekend_days


def _night_share(cluster: Cluster, all_nights: int) -> float:
    return len(_home_days(cluster)) / all_nights if all_nights else 0.0


def _is_home(cluster: Cluster, all_nights: int) -> bool:
    days = _home_days(cluster)
    return (
        len(days) >= MIN_HOME_DAYS
        and bool(cluster.nights)
        and max(days) - min(days) >= MIN_SPAN_DAYS
        and _night_share(cluster, all_nights) >= HOME_SHARE
    )


Region = tuple[int, int]


def _region(cluster: Cluster) -> Region:
    return (
        math.floor(cluster.centre.lat / REGION_DEG),
        math.floor(cluster.centre.lon / REGION_DEG),
    )


def _home_region(clusters: tuple[Cluster, ...]) -> Region | None:
    """The cell whose 3x3 block holds the most distinct days: where the life is lived."""
    days: dict[Region, set[int]] = {}
    for cluster in clusters:
        days.setdefault(_region(cluster), set()).update(cluster.days)
    if not days:
        return None

    def block(key: Region) -> int:
        near = (days.get((key[0] + a, key[1] + b), set()) for a in (-1, 0, 1) for b in (-1, 0, 1))
        return len(set().union(*near))

    return max(sorted(days), key=block)


def _in_region(cluster: Cluster, region: Region | None) -> bool:
    here = _region(cluster)
    return region is not None and abs(here[0] - region[0]) <= 1 and abs(here[1] - region[1]) <= 1


def _pick_home(clusters: tuple[Cluster, ...], all_nights: int, region: Region | None) -> int | None:
    candidates = [
        (2 * len(c.nights) + len(c.weekend_days), len(c.slots), -i)
        for i, c in enumerate(clusters)
        if _is_home(c, all_nights) and _in_region(c, region)
    ]
    if candidates:
        best = -max(candidates)[2]
        return _newer_home(clusters, best, [-c[2] for c in candidates])
    fallback = [
        (c.label_count("home"), c.zone_routes, c.points, -i)
        for i, c in enumerate(clusters)
        if c.label_count("home") or c.zone_routes
    ]
    return -max(fallback)[3] if fallback else None


def _newer_home(clusters: tuple[Cluster, ...], best: int, candidates: list[int]) -> int:
    """A person who moved: when the nights at the best place stopped :data:`MOVED_DAYS` or
    more before another candidate's went on, and that one has at least a third as many,
    the newer one is the home (the old one is then "a second or former home?")."""
    last = max(_home_days(clusters[best]))
    score = len(_home_days(clusters[best]))
    newer = [
        i
        for i in candidates
        if i != best
        and min(_home_days(clusters[i])) > last - MOVED_DAYS
        and max(_home_days(clusters[i])) >= last + MOVED_DAYS
        and 3 * len(_home_days(clusters[i])) >= score
    ]
    return max(newer, key=lambda i: (len(_home_days(clusters[i])), -i)) if newer else best


def _is_work(cluster: Cluster) -> bool:
    days = len(cluster.work_days)
    return (
        days >= MIN_WORK_DAYS
        and cluster.work_weeks >= MIN_WEEKS
        and days >= WORK_SHARE * len(cluster.days)
    )


def _pick_work(clusters: tuple[Cluster, ...], home: int | None) -> int | None:
    candidates = [
        (len(c.work_days), len(c.slots), -i)
        for i, c in enumerate(clusters)
        if i != home and _is_work(c)
    ]
    if candidates:
        return -max(candidates)[2]
    fallback = [
        (c.label_count("work"), c.points, -i)
        for i, c in enumerate(clusters)
        if i != home and c.label_count("work")
    ]
    return -max(fallback)[2] if fallback else None


def _label_words(cluster: Cluster, label: str) -> Message | None:
    """``Google labelled this place your home.`` when a platform did."""
    if not cluster.label_count(label):
        return None
    names = [name for kind, name in LABEL_PLATFORMS.items() if kind in cluster.kind_names]
    if not names:
        if label == "home":
            return M_("A platform labelled this place your home.")
        return M_("A platform labelled this place your work.")
    who: str | Message = names[0]
    for name in names[1:]:
        who = M_("{first} and {second}", first=who, second=name)
    # The same English for one platform and more; other languages put the verb in the plural.
    if label == "home":
        return Mn_(
            "{platforms} labelled this place your home.",
            "{platforms} labelled this place your home.",
            len(names),
            platforms=who,
        )
    return Mn_(
        "{platforms} labelled this place your work.",
        "{platforms} labelled this place your work.",
        len(names),
        platforms=who,
    )


def _estimated(cluster: Cluster) -> bool:
    """True when local times were mostly estimated from the longitude (the records give
    UTC): the reason says so."""
    points_dated = cluster.estimated
    return bool(points_dated and points_dated * 2 >= sum(n for _, n in cluster.kinds))


def _home(cluster: Cluster, all_nights: int) -> Cluster:
    nights = len(cluster.nights)
    label = _label_words(cluster, "home")
    reason: str | Message
    if _is_home(cluster, all_nights) and len(cluster.nights) >= 1:
        weekend = len(cluster.weekend_days)
        reason = _home_reason(
            _n(nights, "night"),
            _n(weekend, "weekend day") if weekend else None,
            _estimated(cluster),
        )
        strong = families(cluster.kind_names) >= 2 or _night_share(cluster, all_nights) >= 0.5
        if (nights >= 10 and strong) or (nights >= 5 and label):
            confidence = Confidence.HIGH
        elif nights >= 5 or len(_home_days(cluster)) >= 5 or label or cluster.zone_routes:
            confidence = Confidence.MEDIUM
        else:
            confidence = Confidence.LOW
    elif cluster.zone_routes:
        reason = M_("The hidden centre of a fitness app's privacy zone, usually a home.")
        confidence = Confidence.MEDIUM
    else:
        reason = label or ""
        confidence = Confidence.MEDIUM
        label = None
    extra = tuple(e for e in (*cluster.extra, label) if e)
    return replace(cluster, role=PlaceRole.HOME, confidence=confidence, reason=reason, extra=extra)


def _work(cluster: Cluster) -> Cluster:
    days = len(cluster.work_days)
    label = _label_words(cluster, "work")
    reason: str | Message
    if days >= MIN_WORK_DAYS:
        nights = (
            M_("rarely at night.") if len(cluster.nights) * 4 <= days else M_("and some nights.")
        )
        weekdays, weeks = _n(days, "weekday"), _n(cluster.work_weeks, "week")
        reason = (
            M_(
                "Seen on {weekdays} between 09:00 and 17:00 over {weeks} (local times estimated "
                "from the longitude: the records give UTC), {nights}",
                weekdays=weekdays,
                weeks=weeks,
                nights=nights,
            )
            if _estimated(cluster)
            else M_(
                "Seen on {weekdays} between 09:00 and 17:00 over {weeks}, {nights}",
                weekdays=weekdays,
                weeks=weeks,
                nights=nights,
            )
        )
        if days >= 20 and cluster.work_weeks >= 4:
            confidence = Confidence.HIGH
        elif days >= 8 or label:
            confidence = Confidence.MEDIUM
        else:
            confidence = Confidence.LOW
    else:
        reason, confidence, label = label or "", Confidence.MEDIUM, None
    extra = tuple(e for e in (*cluster.extra, label) if e)
    return replace(cluster, role=PlaceRole.WORK, confidence=confidence, reason=reason, extra=extra)


def _other(cluster: Cluster, all_nights: int) -> Cluster:
    extra = tuple(
        e
        for e in (*cluster.extra, _label_words(cluster, "home"), _label_words(cluster, "work"))
        if e
    )
    days = len(cluster.days)
    if not days:
        return replace(
            cluster,
            role=PlaceRole.UNKNOWN,
            confidence=Confidence.LOW,
            reason=M_("None of its evidence says when it was made."),
            extra=extra,
        )
    weeks = cluster.weeks
    if (cluster.visits >= 3 and weeks >= MIN_WEEKS) or days >= LONG_STAY_DAYS:
        nights = len(cluster.nights)
        second = nights >= SECOND_HOME_NIGHTS and _night_share(cluster, all_nights) >= 0.1
        reason = (
            M_(
                "Seen on {days} over {weeks}, {nights} among them: a second or former home?",
                days=_n(days, "different day"),
                weeks=_n(weeks, "week"),
                nights=_n(nights, "night"),
            )
            if second
            else M_(
                "Seen on {days} over {weeks}.",
                days=_n(days, "different day"),
                weeks=_n(weeks, "week"),
            )
        )
        confidence = (
            Confidence.HIGH if days >= 10 else Confidence.MEDIUM if days >= 5 else Confidence.LOW
        )
        role = PlaceRole.REGULAR
    else:
        role = PlaceRole.VISITED
        confidence = Confidence.MEDIUM
        reason = (
            M_("Seen on {days} only.", days=_n(days, "day"))
            if cluster.visits == days
            else M_(
                "Seen on {days} only, in {visits}.",
                days=_n(days, "day"),
                visits=_n(cluster.visits, "visit"),
            )
        )
    return replace(cluster, role=role, confidence=confidence, reason=reason, extra=extra)


def _home_reason(nights: Message, weekend: Message | None, estimated: bool) -> Message:
    if weekend is None and not estimated:
        return M_("Seen on {nights} (20:00-07:00), more than anywhere else.", nights=nights)
    if weekend is None:
        return M_(
            "Seen on {nights} (20:00-07:00) (local times estimated from the longitude: the "
            "records give UTC), more than anywhere else.",
            nights=nights,
        )
    if not estimated:
        return M_(
            "Seen on {nights} (20:00-07:00) and {weekend}, more than anywhere else.",
            nights=nights,
            weekend=weekend,
        )
    return M_(
        "Seen on {nights} (20:00-07:00) and {weekend} (local times estimated from the "
        "longitude: the records give UTC), more than anywhere else.",
        nights=nights,
        weekend=weekend,
    )


_WORDS = {
    "night": Nn_("{count} night", "{count} nights"),
    "weekend day": Nn_("{count} weekend day", "{count} weekend days"),
    "weekday": Nn_("{count} weekday", "{count} weekdays"),
    "week": Nn_("{count} week", "{count} weeks"),
    "different day": Nn_("{count} different day", "{count} different days"),
    "day": Nn_("{count} day", "{count} days"),
    "visit": Nn_("{count} visit", "{count} visits"),
}


def _n(count: int, word: str) -> Message:
    """``3 nights``, in the reader's language."""
    one, many = _WORDS[word]
    return Message(one, (("count", f"{count:,}"),), many, count)

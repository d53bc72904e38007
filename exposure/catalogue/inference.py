"""Catalogue entries for what the inference works out from all the evidence together.

Facts from ../shared/docs/research-facts.md: Dhondt et al. (CCS 2022) on privacy zones,
Hassan et al. (USENIX Security 2018) on circle fitting, Golle & Partridge (2009) on home and
work together.
"""

from __future__ import annotations

from exposure.catalogue.base import SAVE_FIRST, KindInfo, step
from exposure.catalogue.exports import GARMIN_PRIVACY, STRAVA_MAP, STRAVA_PRIVACY
from exposure.model import Remediation, Severity

DHONDT = (
    "Dhondt et al., 'A Run a Day Won't Keep the Hacker Away', CCS 2022 "
    "(../shared/docs/research-facts.md)"
)
TASSE = "Tasse, Sciuto and Hong, ICWSM 2016; Golle and Partridge, Pervasive 2009"

ENTRIES: tuple[KindInfo, ...] = (
    KindInfo(
        kind="route-privacy-zone",
        severity=Severity.HIGH,
        heading=(
            "privacy zone whose hidden centre can be worked out",
            "privacy zones whose hidden centres can be worked out",
        ),
        docs=(
            "Activity routes start and end on a circle: a fitness app's privacy zone. Fitting "
            "a circle to all the route ends estimates the hidden centre (usually a home); the "
            "finding gives the estimated centre, the radius, the number of routes and each "
            "route end on the circle."
        ),
        summary="Routes start and end on a circle whose hidden centre can be worked out.",
        why=(
            "A privacy zone hides the first and last part of each route, but every route now "
            "starts and ends on the same circle, and the centre of that circle is where you "
            "live. Researchers found the hidden home within 23 m for 85% of zones of 200 m "
            "(Dhondt et al., CCS 2022), and circle fitting alone located 84% of zones within "
            "50 m (Hassan et al., USENIX Security 2018)."
        ),
        remediation=Remediation(
            summary="Hide the start and end of every activity, or make activities private: "
            "a bigger or new zone does not help.",
            steps=(
                SAVE_FIRST,
                step(
                    "Strava: in Settings > Privacy Controls > Map Visibility, hide the start "
                    "and end of all activities (not only around an address), for past "
                    "activities too; or set Activities to 'Only You'.",
                    f"{STRAVA_MAP} ; {STRAVA_PRIVACY} ; {DHONDT}",
                ),
                step(
                    "Garmin Connect and other apps: let only you see your activities; a privacy "
                    "zone alone leaves the same circle.",
                    f"{GARMIN_PRIVACY} ; {DHONDT}",
                ),
                step(
                    "Do not just make the zone bigger or move it: researchers showed that "
                    "enlarging or regenerating a zone does not stop the attack, and a new zone "
                    "gives a stranger new entry points to compare with the old ones.",
                    DHONDT,
                ),
                step(
                    "Start and end recording away from home (a few streets off, at a different "
                    "spot each time), and delete or hide old activities that began at your door.",
                    DHONDT,
                ),
            ),
            effort="20 minutes",
        ),
    ),
    KindInfo(
        kind="time-pattern",
        severity=Severity.MEDIUM,
        heading=(
            "routine shows when you are usually away from home",
            "routines show when you are usually away from home",
        ),
        docs=(
            "Put together, the traces show the weekday hours you are reliably at work or "
            "school, so when your home is usually empty (for example weekdays 08:00 to "
            "18:00). Read from a location history; scattered photos rarely show it."
        ),
        summary="Your traces show the hours you are usually away from home.",
        why=(
            "Knowing when you are reliably away tells a stranger when your home is empty and "
            "where to find you at those hours. Home and work together single out most people "
            "(Golle and Partridge, 2009)."
        ),
        remediation=Remediation(
            summary="Delete the location histories that log your days, and post later, not "
            "while you are there.",
            steps=(
                SAVE_FIRST,
                step(
                    "Delete or turn off the location histories that record where you are through "
                    "the day (Google Timeline, Snapchat's location history): see their lines in "
                    "this checklist.",
                    TASSE,
                ),
                step(
                    "Share photos, check-ins and runs later rather than while you are there, so "
                    "they do not show your hours.",
                    TASSE,
                ),
                step(
                    "Work through 'What a stranger can work out' at the top of this report: "
                    "removing what feeds your home and work places removes this pattern too."
                ),
            ),
            effort="20 minutes",
        ),
    ),
)

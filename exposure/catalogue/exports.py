"""Catalogue entries for what platform exports ("download your data" archives) reveal.

The facts and sources behind each step are in ../shared/docs/platforms.md (sections 1-3,
6, 8, 12, 13, 27); menu paths that no source confirmed are worded "usually" or left out,
and sources older than two years are marked "stale?".  Entries for Instagram, Facebook and
X live in :mod:`exposure.catalogue.exports_social`.
"""

from __future__ import annotations

from exposure.catalogue.base import FEW_POINTS, SAVE_FIRST, KindInfo, step
from exposure.catalogue.exports_social import SOCIAL_ENTRIES, THE_FILE
from exposure.catalogue.web import HOME_AND_WORK, HOME_FROM_POSTS
from exposure.model import Remediation, Severity

TIMELINE_DEVICE = (
    "nabedroid/google-timeline-viewer README.md ; https://mezha.media/en/2024/06/06/"
    "google-maps-will-start-storing-location-history-on-users-devices/ (2024-06, stale?)"
)
TIMELINE_CLOUD = (
    "https://todaymegadeals.shop/phones/google-maps-will-soon-delete-your-location-history-"
    "unless-you-tell-it-not-to (2024-11); abrignoni/RLEAPP scripts/artifacts/takeoutRecords.py"
)
MAPS_PLACES = (
    "ddttom/geo-images docs/GOOGLE_TIMELINE_EXPORT_GUIDE.md (Takeout 'Maps (your places)')"
)
MAPS_REVIEWS = (
    "https://www.localguidesconnect.com/t/hidden-vs-restricted-privacy-of-profiles-in-google-"
    "maps/328264 (stale?)"
)
GOOGLE_PHOTOS = "https://support.google.com/photos/answer/11190100"
STRAVA_MAP = (
    "https://1509982356.rsc.cdn77.org/content/tech-news/stravas-edit-map-visibility-gives-"
    "greater-privacy-control-285569 (road.cc, 2021, stale?)"
)
STRAVA_PRIVACY = (
    "https://1509982356.rsc.cdn77.org/content/news/249224-breaking-down-stravas-simpler-"
    "clearer-privacy-controls (road.cc, ~2019, stale?)"
)
STRAVA_HEATMAP = (
    "https://communityhub.strava.com/t5/ideas/followers-only-activities-should-not-contribute-"
    "to-the-global/idi-p/11365 ; https://support.strava.com/hc/ru/articles/360015478252"
)
GARMIN_PRIVACY = (
    "https://aleargaromania.ro/en/privacy-recommendations/ (undated: activity visibility and "
    "privacy zones in Garmin Connect) ; https://www.garmin.com/en-US/privacy/connect/"
)
SNAP_GHOST = (
    "https://techmatetricks.com/easy-way-to-hide-location-on-snap-map-and-keep-it-private ; "
    "https://davidblue.wtf/snapchat/html/location_history.html (sample export, 2023-11)"
)
SWARM_HELP = (
    "https://support.foursquare.com/hc/en-us/articles/202659834-Does-Foursquare-Swarm-track-my-"
    "location- ; https://support.foursquare.com/hc/en-us/articles/218384078-Off-The-Grid-Check-Ins"
)
PRIVACY_ZONES = (
    "Researchers recovered the hidden start point behind Strava privacy zones for 95.1% of "
    "moderately active users (Hassan, Hussain and Bates, USENIX Security 2018)."
)

_TIMELINE_OFF = step(
    "Turn Timeline off, or set it to delete automatically (3, 18 or 36 months), and delete the "
    "old data. On Android this is usually under Settings > Location > Location services > "
    "Timeline; in Google Maps under your profile picture > Your Timeline.",
    f"{TIMELINE_DEVICE} ; {TIMELINE_CLOUD}",
)

GOOGLE_ENTRIES: tuple[KindInfo, ...] = (
    KindInfo(
        kind="google-location-history",
        severity=Severity.HIGH,
        heading=(
            "Google location history holds the places your phone reported",
            "Google location histories hold the places your phone reported",
        ),
        docs=(
            "Takeout Location History: `Records.json` / `Location History.json` (`locations[]`, "
            "E7 coordinates), the monthly Semantic Location History (visits with place names and "
            "addresses, trips) or `Timeline Edits.json`. One finding per file kind."
        ),
        summary="Google Location History (Records.json, Semantic Location History, Timeline Edits) "
        "in a Takeout: every place the phone reported.",
        why="This history is a diary of where you were, often every few minutes, for years: "
        "it shows where you sleep, work and spend time. " + FEW_POINTS,
        remediation=Remediation(
            summary="Delete the history you no longer need, turn it off, and keep this Takeout safe.",
            steps=(SAVE_FIRST, _TIMELINE_OFF, THE_FILE),
            effort="15 minutes",
        ),
    ),
    KindInfo(
        kind="google-timeline",
        severity=Severity.HIGH,
        heading=(
            "Google Maps Timeline export holds where you went",
            "Google Maps Timeline exports hold where you went",
        ),
        docs=(
            "A Google Maps Timeline exported from a phone: Android `Timeline.json` "
            "(`semanticSegments`, `rawSignals`, `frequentPlaces`) or the iOS array with "
            '`"geo:lat,lon"` strings.'
        ),
        summary="A Google Maps Timeline exported from a phone (Timeline.json, Android or iOS).",
        why="Since Timeline moved onto phones, this file and the phone hold your full movement "
        "history: anyone who gets the file or an unlocked phone can read where you live and go. "
        + FEW_POINTS,
        remediation=Remediation(
            summary="Delete old Timeline data on the phone and keep or delete this file with care.",
            steps=(
                SAVE_FIRST,
                _TIMELINE_OFF,
                step(
                    "Timeline can be backed up to your Google account (encrypted). If you turned "
                    "the backup on, delete the backup too when you delete Timeline data.",
                    TIMELINE_CLOUD,
                ),
                THE_FILE,
            ),
            effort="10 minutes",
        ),
    ),
    KindInfo(
        kind="google-home-work",
        severity=Severity.HIGH,
        heading=(
            "place is labelled by Google as your home or work",
            "places are labelled by Google as your home or work",
        ),
        docs=(
            "A place Google itself labelled HOME or WORK (Timeline "
            "`semanticType`/`frequentPlaces` label, Semantic `TYPE_HOME`, Maps labelled places). "
            "One finding per place."
        ),
        summary="A place Google itself labelled as your home or work.",
        why="This is not a guess from your data: Google stores this place as your home or "
        "work, and Timeline and Maps use it. " + HOME_AND_WORK,
        remediation=Remediation(
            summary="Remove the Home or Work label in Google Maps, and delete the Timeline data.",
            steps=(
                SAVE_FIRST,
                step(
                    "In Google Maps open 'You' (or 'Saved') > 'Labelled', and remove or change "
                    "the Home and Work entries (the menu is usually named so; it moves between "
                    "app versions).",
                    MAPS_PLACES,
                ),
                _TIMELINE_OFF,
            ),
        ),
    ),
    KindInfo(
        kind="google-photos-location",
        severity=Severity.HIGH,
        heading=("Google Photos item stores a location", "Google Photos items store a location"),
        docs=(
            "Google Photos sidecars (`*.json`, `*.supplemental-metadata.json`) whose `geoData` "
            "(or `geoDataExif`) holds a position: one finding with the count and examples; a "
            "differing `geoDataExif` is noted."
        ),
        summary="Google Photos stores a location for photos (the geoData of Takeout sidecars).",
        why="Google keeps the place of each photo, from its GPS or estimated. Locations are "
        "private by default, but partner sharing and shares where you opted in can pass them on, "
        "and a download of the original brings the GPS back.",
        remediation=Remediation(
            summary="Check what Google Photos shares, and remove locations you do not want kept.",
            steps=(
                step(
                    "In Google Photos settings, turn off 'estimate missing locations' and check "
                    "that sharing leaves location out (it does by default; partner sharing is "
                    "the exception).",
                    GOOGLE_PHOTOS,
                ),
                step(
                    "For photos taken at home or other private places: open the photo > Info > "
                    "edit or remove the location.",
                    GOOGLE_PHOTOS,
                ),
                THE_FILE,
            ),
        ),
    ),
    KindInfo(
        kind="google-maps-activity",
        severity=Severity.MEDIUM,
        heading=(
            "Google Maps activity entry holds coordinates",
            "Google Maps activity entries hold coordinates",
        ),
        docs=(
            "My Activity entries (JSON or HTML) whose map links hold coordinates (`/@lat,lon`, "
            "`center=`, `q=`, `ll=`); placeholders and impossible values are counted as ignored."
        ),
        summary="Google My Activity entries (Maps searches, views, directions) with coordinates "
        "in their links.",
        why="The coordinates in these entries show the areas you looked at and the places you "
        "were when searching, with times; together they sketch your routine.",
        remediation=Remediation(
            summary="Delete the Maps activity and set activity to delete itself.",
            steps=(
                SAVE_FIRST,
                step(
                    "At myactivity.google.com filter by Google Maps, delete the entries, and set "
                    "auto-delete for Web & App Activity (or turn it off)."
                ),
                THE_FILE,
            ),
        ),
    ),
    KindInfo(
        kind="google-maps-review",
        severity=Severity.MEDIUM,
        heading=(
            "public Google Maps review names a place",
            "public Google Maps reviews name a place",
        ),
        docs=(
            "A public Google Maps review (`Reviews.json`): one finding per review with the place,"
            " date, excerpt and link."
        ),
        summary="A public Google Maps review (with the place it is about).",
        why="Reviews are public on your contributor profile with your name and picture. Many "
        "reviews near one place (a shop, a gym, a doctor) point to the area you live in. "
        + HOME_FROM_POSTS,
        remediation=Remediation(
            summary="Delete or edit reviews near home or work, or make your profile restricted.",
            steps=(
                SAVE_FIRST,
                step(
                    "In Google Maps open 'Contribute' or your profile > Reviews, and delete or "
                    "edit the review. Your contributor profile can also be set to restricted.",
                    MAPS_REVIEWS,
                ),
            ),
        ),
    ),
    KindInfo(
        kind="google-maps-saved-places",
        severity=Severity.MEDIUM,
        heading=(
            "place is saved in your Google Maps lists",
            "places are saved in your Google Maps lists",
        ),
        docs="Saved places (`Saved Places.json`): one finding with the count and the places.",
        summary="Places saved in Google Maps lists.",
        why="Saved places are private unless a list is shared, but they mark places that matter "
        "to you; a shared or leaked list shows them.",
        remediation=Remediation(
            summary="Check which lists are shared, and remove places you do not want kept.",
            steps=(
                step(
                    "In Google Maps open 'Saved', check each list's sharing, and remove places "
                    "near home or work you do not need.",
                    MAPS_PLACES,
                ),
                THE_FILE,
            ),
            effort="10 minutes",
        ),
    ),
)

OTHER_ENTRIES: tuple[KindInfo, ...] = (
    KindInfo(
        kind="route-endpoint",
        severity=Severity.HIGH,
        heading=(
            "place is where your activity routes start or end",
            "places are where your activity routes start or end",
        ),
        docs=(
            "Activity routes start or end at this place (a ~100 m cell): every track (GPX, TCX, "
            "FIT, KML/KMZ paths: `LineString`, `gx:Track`; also gzipped) that starts or ends "
            "there is evidence, named from Strava's "
            "`activities.csv` when present; so is every activity in a Garmin Connect export's "
            "`*_summarizedActivities.json` whose start (or end) point is there."
        ),
        summary="Activity routes (Strava or Garmin Connect export, GPX/FIT/TCX files) start "
        "or end at this place.",
        why="A place where runs and rides keep starting or ending is usually a home or "
        "workplace. Strava shows routes to everyone by default, and its Global Heatmap "
        "includes Followers activities. " + PRIVACY_ZONES,
        remediation=Remediation(
            summary="Hide the start and end of your activities, and do not share original files.",
            steps=(
                SAVE_FIRST,
                step(
                    "Strava: Settings > Privacy Controls > Map Visibility: hide the start and end "
                    "(up to 1 mile) around your addresses, or everywhere, or hide the whole map. "
                    "Set it as the default and for past activities too: a new default changes "
                    "only future ones.",
                    f"{STRAVA_MAP} ; {STRAVA_PRIVACY}",
                ),
                step(
                    "Strava: also set Activities to 'Followers' or 'Only You', and Flyby and "
                    "Heatmap to off, in Privacy Controls.",
                    f"{STRAVA_PRIVACY} ; {STRAVA_HEATMAP}",
                ),
                step(
                    "Garmin Connect: in your privacy settings, let only you (or followers you "
                    "approve) see your activities, and add a privacy zone around your home: "
                    "it hides where shared activities start and end inside it (you still see "
                    "the whole route). The menu names change between app versions.",
                    GARMIN_PRIVACY,
                ),
                step(
                    "Track files (GPX, FIT, TCX) hold the full route: share copies with the first "
                    "and last few hundred metres cut off, never the original file."
                ),
            ),
            effort="15 minutes",
        ),
    ),
    KindInfo(
        kind="map-places",
        severity=Severity.HIGH,
        heading=("map file marks places you saved", "map files mark places you saved"),
        docs=(
            "A KML or KMZ file (Google Earth, Google My Maps, an old Google Timeline export) "
            "marks places: its `Point` placemarks (and the centres of `Polygon` areas) with the "
            "names given to them. One finding per file; names such as Home or Work are shown "
            "first, every place is a located point, descriptions go to the text detectors."
        ),
        summary="Places marked in a map file (KML or KMZ from Google Earth, Google My Maps or an "
        "old Google Timeline export).",
        why="A map file keeps the places you marked, often under the names you gave them "
        "(\u2018Home\u2019, a child's school). Anyone who gets the file, or the link to a "
        "shared map it came from, sees them on a map.",
        remediation=Remediation(
            summary="Check who can see the map the file came from, and do not share the file.",
            steps=(
                SAVE_FIRST,
                step(
                    "If the file came from Google My Maps or Google Earth, open the map there, "
                    "check who it is shared with (a link can be open to anyone who has it), and "
                    "remove the places near your home, work or family that you do not need."
                ),
                step(
                    "Do not send or post the file itself; delete copies you no longer need "
                    "(emailed, in cloud folders, on other devices)."
                ),
            ),
            effort="10 minutes",
        ),
    ),
    KindInfo(
        kind="snapchat-home-work",
        severity=Severity.HIGH,
        heading=(
            "place is guessed by Snapchat as your home or work",
            "places are guessed by Snapchat as your home or work",
        ),
        docs=(
            '"Home & Work" in `location_history.json`: places Snapchat inferred, with their '
            "accuracy."
        ),
        summary="A place Snapchat inferred as your home or work (Home & Work in the export).",
        why="Snapchat stores its guess of where you live and work, to within a few hundred "
        "metres, and uses it for Snap Map features. " + HOME_AND_WORK,
        remediation=Remediation(
            summary="Stop sharing your location on Snap Map and limit the app's location access.",
            steps=(
                SAVE_FIRST,
                step(
                    "Snap Map > Settings (gear) > turn Ghost Mode on. Snaps sent to public "
                    "Stories still appear on the Map, even in Ghost Mode.",
                    SNAP_GHOST,
                ),
                step(
                    "In the phone's settings, set Snapchat's location permission to 'Never' or "
                    "'While using'. Our sources show no way to edit the inferred Home & Work "
                    "itself; you can ask Snapchat to delete your data.",
                    SNAP_GHOST,
                ),
            ),
        ),
    ),
    KindInfo(
        kind="snapchat-location-history",
        severity=Severity.HIGH,
        heading=(
            "Snapchat record holds your location history",
            "Snapchat records hold your location history",
        ),
        docs=(
            'Snapchat\'s location points ("Location History", "Daily Top Locations", saved '
            "Memories with a location), with IP-based cities as examples."
        ),
        summary="Snapchat's location history (points with accuracy, top daily places, "
        "cities from IP addresses, saved snaps with places).",
        why="These points show where you opened the app, day by day. " + FEW_POINTS,
        remediation=Remediation(
            summary="Turn on Ghost Mode and limit the app's location permission.",
            steps=(
                SAVE_FIRST,
                step("Snap Map > Settings (gear) > turn Ghost Mode on.", SNAP_GHOST),
                THE_FILE,
            ),
        ),
    ),
    KindInfo(
        kind="swarm-checkin",
        severity=Severity.HIGH,
        heading=("venue has Swarm check-ins", "venues have Swarm check-ins"),
        docs=(
            "Foursquare / Swarm check-ins at one venue: one finding per venue, each check-in "
            "(date, address, shout) as evidence."
        ),
        summary="Foursquare / Swarm check-ins at a venue (each visit as evidence).",
        why="Check-ins show where you were and when, to friends and on your profile map; "
        "repeated check-ins at one place show a routine. Researchers worked out the home city "
        "of 78% of 13 million Foursquare users from their tips and mayorships (Pontes et al., "
        "UbiComp 2012 workshop).",
        remediation=Remediation(
            summary="Delete check-ins that show your routine, and make future ones off the grid.",
            steps=(
                SAVE_FIRST,
                step(
                    "Delete the check-in in Swarm (open it > menu > delete). Friends can also "
                    "check you in: delete those too.",
                    SWARM_HELP,
                ),
                step(
                    "Use off-the-grid check-ins (the lock icon) for places near home or work; "
                    "note that Neighborhood Sharing can still show your general area.",
                    SWARM_HELP,
                ),
            ),
        ),
    ),
)

ENTRIES: tuple[KindInfo, ...] = (*GOOGLE_ENTRIES, *OTHER_ENTRIES, *SOCIAL_ENTRIES)

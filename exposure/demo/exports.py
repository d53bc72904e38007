"""The demo persona's "download your data" exports, one per platform exposure reads.

Alex Example (made up, see :mod:`exposure.demo.build`) also uses Google Maps with
Location History and the phone Timeline, Instagram, Facebook, X, Strava, Garmin,
Snapchat and Swarm.  Each builder returns an export's members (path -> bytes) in the
documented layout (../shared/docs/platforms.md); :func:`export_files` gives the archives the
demo ships.  Every value is invented; places sit on the same public landmarks in Berlin as
the photos (home on Tempelhofer Feld's edge, work by the central station), so an audit of
everything at once sees the same home and workplace from many sides.
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from exposure.testing.exportwriters import (
    as_json,
    e7,
    fit,
    gpx,
    gz,
    instagram_based_in,
    instagram_personal,
    meta_labels,
    mojibake,
    tcx,
    ytd,
)
from exposure.testing.photofactory import GpsSpec, PhotoSpec, make_photo

HOME = (52.47330, 13.40310)
WORK = (52.52480, 13.36910)
PARK = (52.48420, 13.41260)
CAFE = (52.52510, 13.36870)
"""A café by the office (made up), next to the station square."""
GYM = (52.47910, 13.41980)
"""A gym near home (made up)."""
START = datetime(2024, 3, 4, tzinfo=UTC)
"""Monday: the fortnight the demo's histories cover begins."""


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _unix(moment: datetime) -> int:
    return int(moment.timestamp())


def _days() -> Iterator[datetime]:
    for n in range(14):
        yield START + timedelta(days=n)


def _near(place: tuple[float, float], step: int) -> tuple[float, float]:
    return place[0] + (step % 5 - 2) * 0.00005, place[1] + (step % 3 - 1) * 0.00007


def _records() -> bytes:
    """Location History Records.json: nights at home, weekdays at work, a park on Sundays."""
    points = []
    step = 0
    for day in _days():
        plan = [(h, HOME) for h in (0, 2, 4, 6, 7, 20, 22, 23)]
        if day.weekday() < 5:
            plan += [(h, WORK) for h in (9, 10, 12, 14, 16, 17)]
        elif day.weekday() == 6:
            plan += [(h, PARK) for h in (11, 13, 15)]
        for hour, place in sorted(plan, key=lambda p: p[0]):
            lat, lon = _near(place, step)
            step += 1
            points.append(
                {
                    "latitudeE7": e7(lat),
                    "longitudeE7": e7(lon),
                    "accuracy": 10 + step % 25,
                    "source": "WIFI" if step % 2 else "GPS",
                    "timestamp": _stamp(day + timedelta(hours=hour, minutes=step % 50)),
                }
            )
    return as_json({"locations": points})


def takeout() -> dict[str, bytes]:
    """Google Takeout: Location History, Semantic history, Photos, Maps activity and places."""
    lh = "Takeout/Location History (Timeline)"
    semantic = {
        "timelineObjects": [
            {"placeVisit": {
                "location": {"latitudeE7": e7(HOME[0]), "longitudeE7": e7(HOME[1]), "name": "Home",
                             "address": "Musterstraße 12, 12049 Berlin", "placeId": "demo-home",
                             "semanticType": "TYPE_HOME"},
                "duration": {"startTimestamp": "2024-03-04T18:10:00Z"}}},
            {"placeVisit": {
                "location": {"latitudeE7": e7(WORK[0]), "longitudeE7": e7(WORK[1]), "name": "Work",
                             "address": "Europaplatz 1, 10557 Berlin", "placeId": "demo-work",
                             "semanticType": "TYPE_WORK"},
                "duration": {"startTimestamp": "2024-03-05T08:50:00Z"}}},
            {"placeVisit": {
                "location": {"latitudeE7": e7(CAFE[0]), "longitudeE7": e7(CAFE[1]),
                             "name": "Café Europa", "address": "Europaplatz 3, 10557 Berlin",
                             "placeId": "demo-cafe"},
                "duration": {"startTimestamp": "2024-03-05T12:30:00Z"}}},
            {"activitySegment": {
                "startLocation": {"latitudeE7": e7(HOME[0]), "longitudeE7": e7(HOME[1])},
                "endLocation": {"latitudeE7": e7(WORK[0]), "longitudeE7": e7(WORK[1])},
                "duration": {"startTimestamp": "2024-03-05T08:10:00Z"},
                "waypointPath": {"waypoints": [{"latE7": e7(PARK[0]), "lngE7": e7(PARK[1])}]}}},
        ]
    }  # fmt: skip
    sidecar = {
        "title": "IMG_2207.jpg",
        "description": "Balcony breakfast",
        "photoTakenTime": {"timestamp": str(_unix(START + timedelta(days=5, hours=8)))},
        "geoData": {"latitude": HOME[0], "longitude": HOME[1], "altitude": 41.0},
        "geoDataExif": {"latitude": HOME[0], "longitude": HOME[1], "altitude": 41.0},
    }
    activity = [
        {"header": "Maps", "title": "Searched for bakeries near me", "time": "2024-03-09T08:00:00Z",
         "titleUrl": f"https://www.google.com/maps/@{HOME[0]},{HOME[1]},17z"},
        {"header": "Maps", "title": "Directions to work", "time": "2024-03-11T07:55:00Z",
         "titleUrl": f"https://www.google.com/maps/dir/{HOME[0]},{HOME[1]}/{WORK[0]},{WORK[1]}"},
    ]  # fmt: skip
    labelled = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [HOME[1], HOME[0]]},
             "properties": {"name": "Home", "address": "Musterstraße 12, 12049 Berlin"}},
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [WORK[1], WORK[0]]},
             "properties": {"name": "Work", "address": "Europaplatz 1, 10557 Berlin"}},
        ],
    }  # fmt: skip
    reviews = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [GYM[1], GYM[0]]},
             "properties": {"Google Maps URL": "https://maps.google.com/?cid=1000000000000000001",
                            "Location": {"Business Name": "Feld Fitness (made up)",
                                         "Address": "Beispielweg 4, 12049 Berlin"},
                            "Published": "2024-03-10T19:00:00Z", "Star Rating": 5,
                            "Review Comment": "Two minutes from my flat, I'm here every Tuesday at 7"}},
        ],
    }  # fmt: skip
    saved = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [CAFE[1], CAFE[0]]},
             "properties": {"Location": {"Business Name": "Café Europa"},
                            "Updated": "2024-03-05T12:40:00Z"}},
        ],
    }  # fmt: skip
    photo = make_photo(
        PhotoSpec(make="Apple", model="iPhone 13", gps=GpsSpec(lat=HOME[0], lon=HOME[1])), "jpeg"
    )
    photos = "Takeout/Google Photos/Photos from 2024"
    return {
        "Takeout/archive_browser.html": b"<html><body>Your Google data (made up)</body></html>",
        f"{lh}/Records.json": _records(),
        f"{lh}/Semantic Location History/2024/2024_MARCH.json": as_json(semantic),
        f"{photos}/IMG_2207.jpg": photo,
        f"{photos}/IMG_2207.jpg.supplemental-metadata.json": as_json(sidecar),
        "Takeout/My Activity/Maps/MyActivity.json": as_json(activity),
        "Takeout/Maps/My labelled places/Labelled places.json": as_json(labelled),
        "Takeout/Maps (your places)/Reviews.json": as_json(reviews),
        "Takeout/Maps (your places)/Saved Places.json": as_json(saved),
    }


def phone_timeline() -> bytes:
    """The Android phone's own Timeline.json (kept on the device since 2024)."""
    return as_json(
        {
            "semanticSegments": [
                {"startTime": "2024-03-12T19:00:00.000+01:00", "visit": {"topCandidate": {
                    "placeId": "demo-home", "semanticType": "HOME",
                    "placeLocation": {"latLng": f"{HOME[0]}°, {HOME[1]}°"}}}},
                {"startTime": "2024-03-13T08:00:00.000+01:00",
                 "timelinePath": [{"point": f"{PARK[0]}°, {PARK[1]}°",
                                   "time": "2024-03-13T08:05:00.000+01:00"}]},
            ],
            "rawSignals": [{"position": {"LatLng": f"{WORK[0]}°, {WORK[1]}°", "accuracyMeters": 9,
                                         "timestamp": "2024-03-13T09:00:00.000Z"}}],
            "userLocationProfile": {"frequentPlaces": [
                {"placeId": "demo-work", "placeLocation": f"{WORK[0]}°, {WORK[1]}°",
                 "label": "WORK"}]},
        }
    )  # fmt: skip


def instagram() -> dict[str, bytes]:
    """Instagram: a post whose photo kept GPS, a place-tagged post, the profile's bio and
    website, the places Instagram inferred, and sign-ins."""
    posted = _unix(START + timedelta(days=2, hours=19))
    posts = [
        {"media": [{"uri": "media/posts/202403/balcony.jpg", "creation_timestamp": posted,
                    "title": mojibake("New balcony, new plants 🌱"),
                    "media_metadata": {"photo_metadata": {"exif_data": [
                        {"latitude": HOME[0], "longitude": HOME[1], "device_id": "DEMO-IPHONE-13"}]}}}]},
    ]  # fmt: skip
    legacy = {
        "photos": [
            {"caption": mojibake("Lunch by the office ☕"), "taken_at": "2024-03-06T12:35:00",
             "location": mojibake("Café Europa, Berlin"), "path": "photos/202403/lunch.jpg"},
        ],
        "videos": [],
        "direct": [],
    }  # fmt: skip
    logins = {"account_history_login_history": [
        {"title": "2024", "string_map_data": {"IP Address": {"value": "198.51.100.23"},
                                              "Time": {"timestamp": posted}}}]}  # fmt: skip
    about = "personal_information/information_about_you"
    personal = {
        "Username": "alex.example.demo", "Name": "Alex Example",
        "Bio": mojibake("Plant person 🌱 Neukölln, Musterstraße 12"),
        "Website": f"https://maps.google.com/?q={HOME[0]},{HOME[1]}",
    }  # fmt: skip
    return {
        "your_instagram_activity/content/posts_1.json": as_json(posts),
        "media.json": as_json(legacy),
        "security_and_login_information/login_and_account_creation/login_activity.json": as_json(
            logins
        ),
        "media/posts/202403/balcony.jpg": make_photo(
            PhotoSpec(make="Apple", model="iPhone 13", gps=GpsSpec(lat=HOME[0], lon=HOME[1])),
            "jpeg",
        ),
        "personal_information/personal_information/personal_information.json": (
            instagram_personal(personal)
        ),
        f"{about}/account_based_in.json": instagram_based_in(
            {"City Name": mojibake("Berlin-Neukölln, Berlin")}
        ),
        f"{about}/locations_of_interest.json": meta_labels(
            "Locations of interest", [("", "Berlin, Berlin")], key="vec"
        ),
    }


def facebook() -> dict[str, bytes]:
    """Facebook: a check-in, a photo post that kept GPS, profile places, a location history
    and sign-ins."""
    posts = [
        {"timestamp": _unix(START + timedelta(days=1, hours=12)),
         "title": mojibake("Alex Example checked in at Café Europa."),
         "data": [{"post": mojibake("Lunch with the team ☕")}],
         "attachments": [{"data": [{"place": {"name": mojibake("Café Europa"),
                                              "coordinate": {"latitude": CAFE[0], "longitude": CAFE[1]},
                                              "address": "Europaplatz 3, Berlin"}}]}]},
        {"timestamp": _unix(START + timedelta(days=6, hours=9)), "data": [{"post": "Sunday morning"}],
         "attachments": [{"data": [{"media": {"uri": "photos/sunday.jpg", "media_metadata": {
             "photo_metadata": {"exif_data": [{"latitude": PARK[0], "longitude": PARK[1],
                                               "taken_timestamp": _unix(START + timedelta(days=6, hours=8))}]}}}}]}]},
    ]  # fmt: skip
    profile = {"profile_v2": {"current_city": {"name": "Berlin, Germany"},
                              "hometown": {"name": mojibake("Köln, Germany")}}}  # fmt: skip
    history = {"location_history_v2": [
        {"name": "Home area", "coordinate": {"latitude": HOME[0], "longitude": HOME[1]},
         "creation_timestamp": _unix(START)}]}  # fmt: skip
    logins = {
        "account_activity_v2": [
            {"action": "Login", "timestamp": _unix(START), "ip_address": "192.0.2.77"}
        ]
    }
    base = "your_facebook_activity"
    return {
        f"{base}/posts/your_posts__check_ins__photos_and_videos_1.json": as_json(posts),
        "personal_information/profile_information/profile_information.json": as_json(profile),
        "logged_information/location/location_history.json": as_json(history),
        "security_and_login_information/account_activity.json": as_json(logins),
    }


def twitter() -> dict[str, bytes]:
    """An X archive: a geotagged post from home, the profile's location, sign-in addresses."""
    tweets = [
        {"tweet": {"id_str": "1765000000000000001", "created_at": "Tue Mar 05 07:40:00 +0000 2024",
                   "full_text": "Coffee on the balcony before work",
                   "coordinates": {"type": "Point", "coordinates": [HOME[1], HOME[0]]},
                   "geo": {"type": "Point", "coordinates": [HOME[0], HOME[1]]}}},
        {"tweet": {"id_str": "1765000000000000002", "created_at": "Wed Mar 06 17:30:00 +0000 2024",
                   "full_text": "Long day at the office"}},
    ]  # fmt: skip
    profile = [{"profile": {"description": {"bio": "Plants, runs, bread.", "website": "",
                                            "location": "Neukölln, Berlin"}}}]  # fmt: skip
    audit = [{"ipAudit": {"accountId": "1", "createdAt": "2024-03-05T07:40:00.000Z",
                          "loginIp": "198.51.100.61"}}]  # fmt: skip
    return {
        "data/tweets.js": ytd("tweets", tweets),
        "data/profile.js": ytd("profile", profile),
        "data/ip-audit.js": ytd("ip_audit", audit),
        "data/account.js": ytd("account", [{"account": {"username": "alex_example_demo"}}]),
        "data/manifest.js": b"window.__THAR_CONFIG = {}",
        "Your archive.html": b"<html><body>Your archive (made up)</body></html>",
    }


def _run(
    start: tuple[float, float], moment: datetime, steps: int
) -> list[tuple[float, float, int]]:
    """A loop that leaves ``start`` and comes back to it, a point a minute."""
    half = steps // 2
    out = []
    for i in range(steps):
        k = i if i <= half else steps - 1 - i
        out.append((start[0] + k * 0.0004, start[1] + k * 0.0006, _unix(moment) + 60 * i))
    return out


def _iso(points: list[tuple[float, float, int]]) -> list[tuple[float, float, str]]:
    return [
        (lat, lon, datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
        for lat, lon, t in points
    ]


def strava() -> dict[str, bytes]:
    """A Strava bulk export: three runs and a ride, all starting at Alex's front door."""
    mornings = [START + timedelta(days=d, hours=6, minutes=30) for d in (1, 3, 5)]
    runs = [_run(HOME, when, 30) for when in mornings]
    csv = (
        "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Filename\n"
        '2101,"Mar 5, 2024, 6:30:00 AM",Morning Run,Run,Round the Feld from the front door,activities/2101.gpx\n'
        "2102,2024-03-07 06:30:00,Morning Run,Run,,activities/2102.fit.gz\n"
        "2103,2024-03-09 06:30:00,Morning Ride,Ride,,activities/2103.tcx.gz\n"
    )
    files = {
        "activities.csv": (csv + _zone_csv()).encode(),
        "profile.csv": b"Athlete ID,First Name\n1,Alex\n",
        "activities/2101.gpx": gpx(_iso(runs[0]), "Morning Run"),
        "activities/2102.fit.gz": gz(fit(runs[1])),
        "activities/2103.tcx.gz": gz(tcx(_iso(runs[2]))),
    }
    files.update(_zone_runs())
    return files


ZONE_M = 300.0
"""The privacy zone Alex set around home in the second week (made up)."""
_ZONE_RUNS = ((20, 110), (110, 200), (200, 290), (290, 20), (20, 200), (110, 290))
"""Where each later run leaves and re-enters the zone (degrees from east)."""


def _on_ring(degrees: float) -> tuple[float, float]:
    north = ZONE_M * math.sin(math.radians(degrees)) / 111_195
    east = ZONE_M * math.cos(math.radians(degrees)) / (111_195 * math.cos(math.radians(HOME[0])))
    return HOME[0] + north, HOME[1] + east


def _zone_csv() -> str:
    return "".join(
        f"{2110 + n},2024-03-{11 + n:02d} 18:00:00,Evening Run,Run,,activities/{2110 + n}.gpx\n"
        for n in range(len(_ZONE_RUNS))
    )


def _zone_runs() -> dict[str, bytes]:
    """Runs as Strava shows them once a privacy zone hides their first and last 300 m:
    each starts and ends on the circle, so the circle's centre gives the home away."""
    out = {}
    for n, (leave, back) in enumerate(_ZONE_RUNS):
        moment = START + timedelta(days=7 + n, hours=18)
        start, end = _on_ring(leave), _on_ring(back)
        points = [
            (start[0] + k * 0.0004, start[1] + k * 0.0003, _unix(moment) + 60 * k)
            for k in range(12)
        ]
        points += [
            (end[0] + (11 - k) * 0.0004, end[1] - (11 - k) * 0.0003, _unix(moment) + 60 * (12 + k))
            for k in range(12)
        ]
        out[f"activities/{2110 + n}.gpx"] = gpx(_iso(points), "Evening Run")
    return out


def _zip(members: dict[str, bytes]) -> bytes:
    """A zip of ``members`` with fixed times: the same bytes on every build."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 3, 18, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def garmin() -> dict[str, bytes]:
    """A Garmin Connect export: a run from home (with its FIT file) and a ride from work."""
    run = _run(HOME, START + timedelta(days=2, hours=18), 25)
    summaries = [
        {
            "summarizedActivitiesExport": [
                {
                    "activityId": 3101,
                    "name": "Evening Run",
                    "activityType": "running",
                    "beginTimestamp": run[0][2] * 1000,
                    "startLatitude": HOME[0],
                    "startLongitude": HOME[1],
                    "endLatitude": run[-1][0],
                    "endLongitude": run[-1][1],
                    "description": "Easy loop from Musterstraße 12",
                },
                {
                    "activityId": 3102,
                    "name": "Ride home",
                    "activityType": "cycling",
                    "beginTimestamp": _unix(START + timedelta(days=3, hours=17)) * 1000,
                    "startLatitude": WORK[0],
                    "startLongitude": WORK[1],
                    "endLatitude": HOME[0],
                    "endLongitude": HOME[1],
                },
            ]
        }
    ]
    uploads = _zip({"alex.example@example.org_3101.fit": fit(run)})
    base = "DI_CONNECT"
    return {
        f"{base}/DI-Connect-Fitness/alex.example@example.org_0_summarizedActivities.json": as_json(
            summaries
        ),
        f"{base}/DI-Connect-User/user_profile.json": as_json({"userName": "alex.example.demo"}),
        f"{base}/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip": uploads,
    }


def snapchat() -> dict[str, bytes]:
    """Snapchat My Data: Home & Work as Snapchat worked them out, and a location history."""
    history = {
        "Frequent Locations": [{"City": "Berlin", "Country": "DE", "Region": "Berlin"}],
        "Home & Work": {
            "Home": f"lat {HOME[0]} ± 19.47 meters, long {HOME[1]} ± 19.47 meters",
            "Work": f"lat {WORK[0]} ± 25.0 meters, long {WORK[1]} ± 25.0 meters",
        },
        "Location History": [
            {"Time": "2024/03/10 11:20:00 UTC",
             "Latitude, Longitude": f"{PARK[0]} ± 39.66 meters, {PARK[1]} ± 39.66 meters"},
        ],
    }  # fmt: skip
    return {
        "json/location_history.json": as_json(history),
        "json/account.json": as_json({"Basic Information": {"Username": "alex_demo"}}),
        "index.html": b"<html><body>My Data (made up)</body></html>",
    }


def swarm() -> dict[str, bytes]:
    """A Foursquare / Swarm export: the same gym every Tuesday, and the café by the office."""

    def checkin(
        n: int, when: datetime, venue: str, where: tuple[float, float], shout: str
    ) -> dict[str, object]:
        return {"id": f"demo-c{n}", "createdAt": _unix(when), "type": "checkin", "shout": shout,
                "venue": {"id": f"demo-v-{venue[:4].lower()}", "name": venue,
                          "location": {"lat": where[0], "lng": where[1],
                                       "formattedAddress": ["Beispielweg 4", "12049 Berlin"]}}}  # fmt: skip

    items = [
        checkin(1, START + timedelta(days=1, hours=19), "Feld Fitness", GYM, "Leg day"),
        checkin(2, START + timedelta(days=8, hours=19), "Feld Fitness", GYM, ""),
        checkin(3, START + timedelta(days=2, hours=12, minutes=30), "Café Europa", CAFE, "Lunch"),
    ]
    return {
        "checkins1.json": as_json({"count": len(items), "items": items}),
        "tips.json": as_json({"count": 0, "items": []}),
    }


def map_file() -> bytes:
    """A Google My Maps export (KML) where Alex marked home, the gym and a Sunday walk."""
    marks = "".join(
        f"<Placemark><name>{name}</name><Point><coordinates>{lon},{lat},0</coordinates>"
        "</Point></Placemark>"
        for name, (lat, lon) in (("Home", HOME), ("Gym", GYM))
    )
    walk = " ".join(f"{lon:.5f},{lat:.5f},0" for lat, lon in (_near(HOME, n) for n in range(6)))
    walk += f" {PARK[1]},{PARK[0]},0"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">'
        f"<Document><name>Alex's places</name>{marks}<Placemark><name>Sunday walk</name>"
        f"<LineString><coordinates>{walk}</coordinates></LineString></Placemark>"
        "</Document></kml>\n"
    ).encode()


def export_files() -> Iterator[tuple[str, bytes]]:
    """``(file name, bytes)`` of every export the demo ships, in a fixed order."""
    for name, members in (
        ("takeout-20240318T120000Z-001.zip", takeout()),
        ("instagram-alex.example.demo-2024-03-18.zip", instagram()),
        ("facebook-alexexample-2024-03-18.zip", facebook()),
        ("twitter-2024-03-18-alex_example_demo.zip", twitter()),
        ("strava-export_2024-03-18.zip", strava()),
        ("garmin-connect-export.zip", garmin()),
        ("snapchat-mydata-alex_demo.zip", snapchat()),
        ("swarm-export.zip", swarm()),
    ):
        yield name, _zip(members)
    yield "Timeline.json", phone_timeline()
    yield "alex-places.kml", map_file()

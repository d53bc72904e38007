"""Synthetic exports for every platform, built from the documented formats.

Each builder returns the members of one export (path inside the archive -> bytes); tests
write them as a zip, a tgz or a folder with :mod:`exposure.testing.exportwriters`.
Coordinates are made up: HOME and WORK in Berlin, a cafe in Paris.
"""

from __future__ import annotations

from exposure.testing.exportwriters import (
    as_json,
    e7,
    fit,
    gpx,
    gz,
    mojibake,
    tcx,
    ytd,
)
from exposure.testing.photofactory import GpsSpec, PhotoSpec, make_photo
from tests.sources.exports.fixtures_meta import instagram_2018 as instagram_2018
from tests.sources.exports.fixtures_meta import instagram_profile

HOME = (52.520008, 13.404954)
WORK = (52.509600, 13.375900)
CAFE = (48.858400, 2.294500)
PARK = (52.514500, 13.350100)


def takeout() -> dict[str, bytes]:
    """A Google Takeout with Location History, Timeline, Photos, My Activity and Maps."""
    lh = "Takeout/Location History (Timeline)"
    records = {
        "locations": [
            {"latitudeE7": e7(HOME[0]), "longitudeE7": e7(HOME[1]), "accuracy": 12,
             "source": "WIFI", "timestamp": "2012-03-04T05:06:07.000Z"},
            {"latitudeE7": e7(WORK[0]), "longitudeE7": e7(WORK[1]), "accuracy": 20,
             "timestampMs": "1400000000000"},
            {"latitudeE7": 910000000, "longitudeE7": e7(HOME[1]), "timestamp": "2015-01-01T00:00:00Z"},
            {"latitudeE7": "not a number", "longitudeE7": 1},
            {"latitudeE7": e7(PARK[0]), "longitudeE7": e7(PARK[1]), "timestamp": "2024-06-01T10:00:00Z"},
        ]
    }  # fmt: skip
    semantic = {
        "timelineObjects": [
            {"placeVisit": {
                "location": {"latitudeE7": e7(HOME[0]), "longitudeE7": e7(HOME[1]), "name": "Home",
                             "address": "Example Street 1, 10115 Berlin", "placeId": "p-home",
                             "semanticType": "TYPE_HOME"},
                "duration": {"startTimestamp": "2019-01-02T20:00:00Z"}}},
            {"placeVisit": {
                "location": {"latitudeE7": e7(CAFE[0]), "longitudeE7": e7(CAFE[1]),
                             "name": "Café de la Tour", "address": "1 Avenue Exemple, Paris",
                             "placeId": "p-cafe"},
                "duration": {"startTimestampMs": "1546470000000"}}},
            {"activitySegment": {
                "startLocation": {"latitudeE7": e7(HOME[0]), "longitudeE7": e7(HOME[1])},
                "endLocation": {"latitudeE7": e7(WORK[0]), "longitudeE7": e7(WORK[1])},
                "duration": {"startTimestamp": "2019-01-03T08:00:00Z"},
                "waypointPath": {"waypoints": [{"latE7": e7(PARK[0]), "lngE7": e7(PARK[1])}]}}},
        ]
    }  # fmt: skip
    sidecar = {
        "title": "IMG_0001.jpg",
        "description": "Our new flat at Example Street 1, 10115 Berlin",
        "photoTakenTime": {"timestamp": "1714550000"},
        "geoData": {"latitude": HOME[0], "longitude": HOME[1], "altitude": 34.0},
        "geoDataExif": {"latitude": HOME[0], "longitude": HOME[1], "altitude": 34.0},
    }
    album = {"title": "Holidays", "geoData": {"latitude": 0.0, "longitude": 0.0}}
    activity = [
        {"header": "Maps", "title": "Viewed area", "time": "2021-05-01T10:00:00Z",
         "titleUrl": f"https://www.google.com/maps/@{CAFE[0]},{CAFE[1]},15z"},
        {"header": "Search", "title": "Searched for weather", "time": "2022-05-01T10:00:00Z",
         "locationInfos": [{"name": "At this general area",
                            "url": "https://www.google.com/maps/@?api=1&map_action=map&center=lat,lon"}]},
        {"header": "Maps", "title": "Viewed area", "time": "2022-06-01T10:00:00Z",
         "titleUrl": "https://www.google.com/maps/@91.5,13.4,15z"},
    ]  # fmt: skip
    labelled = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [WORK[1], WORK[0]]},
             "properties": {"name": "Work", "address": "Example Office, Berlin"}},
        ],
    }  # fmt: skip
    reviews = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [PARK[1], PARK[0]]},
             "properties": {"Google Maps URL": "https://maps.google.com/?cid=123",
                            "Location": {"Business Name": "Corner Bakery", "Address": "Park Road 2, Berlin"},
                            "Published": "2023-04-05T06:07:08Z", "Star Rating": 5,
                            "Review Comment": "Best rolls in the neighbourhood, two minutes from home"}},
        ],
    }  # fmt: skip
    saved = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [CAFE[1], CAFE[0]]},
             "properties": {"Location": {"Business Name": "Café de la Tour"}, "Updated": "2020-01-01T00:00:00Z"}},
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [0, 0]},
             "properties": {"Title": "No coordinates"}},
        ],
    }  # fmt: skip
    photo = make_photo(PhotoSpec(gps=GpsSpec(lat=HOME[0], lon=HOME[1])), "jpeg")
    return {
        "Takeout/archive_browser.html": b"<html>Takeout</html>",
        f"{lh}/Records.json": as_json(records),
        f"{lh}/Semantic Location History/2019/2019_JANUARY.json": as_json(semantic),
        f"{lh}/Timeline Edits.json": as_json(
            {
                "timelineEdits": [
                    {
                        "rawSignal": {
                            "signal": {
                                "position": {
                                    "point": {"latE7": e7(PARK[0]), "lngE7": e7(PARK[1])},
                                    "timestamp": "2025-08-15T14:32:18.000Z",
                                }
                            }
                        }
                    }
                ]
            }
        ),  # fmt: skip
        "Takeout/Google Photos/Photos from 2024/IMG_0001.jpg": photo,
        "Takeout/Google Photos/Photos from 2024/IMG_0001.jpg.supplemental-metadata.json": as_json(
            sidecar
        ),
        "Takeout/Google Photos/Holidays/metadata.json": as_json(album),
        "Takeout/My Activity/Maps/MyActivity.json": as_json(activity),
        "Takeout/Maps/My labelled places/Labelled places.json": as_json(labelled),
        "Takeout/Maps (your places)/Reviews.json": as_json(reviews),
        "Takeout/Maps (your places)/Saved Places.json": as_json(saved),
        "Takeout/Drive/notes.txt": b"nothing about places",
        "Takeout/Drive/report.docx": b"PK not read",
    }


def phone_timeline() -> bytes:
    """An Android on-device Timeline.json with HOME and WORK labels."""
    return as_json(
        {
            "semanticSegments": [
                {"startTime": "2024-06-15T09:00:00.000+02:00", "visit": {"topCandidate": {
                    "placeId": "p-home", "semanticType": "HOME",
                    "placeLocation": {"latLng": f"{HOME[0]}°, {HOME[1]}°"}}}},
                {"startTime": "2024-06-15T10:00:00.000+02:00",
                 "timelinePath": [{"point": f"{PARK[0]}°, {PARK[1]}°", "time": "2024-06-15T10:05:00.000+02:00"}]},
            ],
            "rawSignals": [{"position": {"LatLng": f"{WORK[0]}°, {WORK[1]}°", "accuracyMeters": 9,
                                         "timestamp": "2024-06-15T11:00:00.000Z"}}],
            "userLocationProfile": {"frequentPlaces": [
                {"placeId": "p-work", "placeLocation": f"{WORK[0]}°, {WORK[1]}°", "label": "WORK"}]},
        }
    )  # fmt: skip


def instagram() -> dict[str, bytes]:
    """Instagram: a post whose photo kept GPS (caption with mojibake), a story, logins, and
    the profile and inferred-place files of :func:`instagram_profile`."""
    posts = [
        {"media": [{"uri": "media/posts/202405/home_photo.jpg", "creation_timestamp": 1714550000,
                    "title": mojibake("Zuhause in Berlin 🏠 café"),
                    "media_metadata": {"photo_metadata": {"exif_data": [
                        {"latitude": HOME[0], "longitude": HOME[1], "device_id": "DEV-1234"}]}}}]},
        {"media": [{"uri": "media/posts/202403/plain.jpg", "creation_timestamp": 1710000000,
                    "title": "no place here",
                    "media_metadata": {"photo_metadata": {"exif_data": [{"device_id": "DEV-1234"}]}}}]},
    ]  # fmt: skip
    stories = {"ig_stories": [
        {"uri": "media/stories/202404/s.jpg", "creation_timestamp": 1713394237, "title": "",
         "media_metadata": {"photo_metadata": {"exif_data": [
             {"latitude": CAFE[0], "longitude": CAFE[1], "device_id": "DEV-1234"}]}}}]}  # fmt: skip
    logins = {"account_history_login_history": [
        {"title": "2024", "string_map_data": {"IP Address": {"value": "198.51.100.7"},
                                              "Time": {"timestamp": 1714550000}}},
        {"title": "2023", "string_map_data": {"IP Address": {"value": "203.0.113.9"},
                                              "Time": {"timestamp": 1680000000}}}]}  # fmt: skip
    base = "your_instagram_activity"
    return {
        f"{base}/content/posts_1.json": as_json(posts),
        f"{base}/content/stories.json": as_json(stories),
        "security_and_login_information/login_and_account_creation/login_activity.json": as_json(
            logins
        ),
        "media/posts/202405/home_photo.jpg": make_photo(
            PhotoSpec(gps=GpsSpec(lat=HOME[0], lon=HOME[1]))
        ),
        "your_instagram_activity/likes/liked_posts.json": as_json({"likes_media_likes": []}),
        **instagram_profile(),
    }


def facebook() -> dict[str, bytes]:
    """Facebook: a check-in with coordinates, a photo post with GPS, profile places, logins."""
    posts = [
        {"timestamp": 1714550000, "title": mojibake("Alex checked in at Café de la Tour."),
         "data": [{"post": mojibake("Dinner at our café ☕")}],
         "attachments": [{"data": [{"place": {"name": mojibake("Café de la Tour"),
                                              "coordinate": {"latitude": CAFE[0], "longitude": CAFE[1]},
                                              "address": "1 Avenue Exemple", "url": "https://facebook.example/cafe"}}]}]},
        {"timestamp": 1710000000, "data": [{"post": "Morning view"}],
         "attachments": [{"data": [{"media": {"uri": "photos/1.jpg", "media_metadata": {"photo_metadata": {
             "exif_data": [{"latitude": HOME[0], "longitude": HOME[1], "taken_timestamp": 1709990000}]}}}}]}]},
        {"timestamp": 1700000000, "data": [{"post": "Named place only"}],
         "attachments": [{"data": [{"place": {"name": "Berlin, Germany"}}]}]},
    ]  # fmt: skip
    profile = {"profile_v2": {"current_city": {"name": "Berlin, Germany"},
                              "hometown": {"name": mojibake("Köln, Germany")}}}  # fmt: skip
    primary = {
        "primary_location_v2": {"city_region_pairs": [["Berlin", "Berlin"]], "zipcode": ["10115"]}
    }
    logins = {
        "account_activity_v2": [
            {"action": "Login", "timestamp": 1714550000, "ip_address": "192.0.2.44"}
        ]
    }
    history = {"location_history_v2": [
        {"name": "Home area", "coordinate": {"latitude": HOME[0], "longitude": HOME[1]},
         "creation_timestamp": 1600000000}]}  # fmt: skip
    base = "your_facebook_activity"
    return {
        f"{base}/posts/your_posts__check_ins__photos_and_videos_1.json": as_json(posts),
        "personal_information/profile_information/profile_information.json": as_json(profile),
        "logged_information/location/primary_location.json": as_json(primary),
        "security_and_login_information/account_activity.json": as_json(logins),
        "logged_information/location/location_history.json": as_json(history),
    }


def twitter() -> dict[str, bytes]:
    """An X archive: a tweet with coordinates and geo, one with a place only, profile, IPs."""
    tweets = [
        {"tweet": {"id_str": "1001", "created_at": "Wed May 01 08:00:00 +0000 2024",
                   "full_text": "Coffee before work",
                   "coordinates": {"type": "Point", "coordinates": [HOME[1], HOME[0]]},
                   "geo": {"type": "Point", "coordinates": [HOME[0], HOME[1]]}}},
        {"tweet": {"id_str": "1002", "created_at": "Thu May 02 08:00:00 +0000 2024",
                   "full_text": "Lovely evening",
                   "place": {"full_name": "Mitte, Berlin", "place_type": "neighborhood",
                             "bounding_box": {"type": "Polygon", "coordinates": [[
                                 [13.36, 52.50], [13.43, 52.50], [13.43, 52.54], [13.36, 52.54]]]}}}},
        {"tweet": {"id_str": "1003", "created_at": "Fri May 03 08:00:00 +0000 2024",
                   "full_text": "Only geo here", "geo": {"type": "Point", "coordinates": [WORK[0], WORK[1]]}}},
        {"tweet": {"id_str": "1004", "created_at": "Sat May 04 08:00:00 +0000 2024", "full_text": "No place"}},
    ]  # fmt: skip
    return {
        "data/tweets.js": ytd("tweets", tweets),
        "data/profile.js": ytd(
            "profile",
            [
                {
                    "profile": {
                        "description": {
                            "bio": "Runner",
                            "website": "",
                            "location": "Kreuzberg, Berlin",
                        }
                    }
                }
            ],
        ),  # fmt: skip
        "data/ip-audit.js": ytd(
            "ip_audit",
            [
                {
                    "ipAudit": {
                        "accountId": "1",
                        "createdAt": "2024-05-01T08:00:00.000Z",
                        "loginIp": "198.51.100.20",
                    }
                }
            ],
        ),  # fmt: skip
        "data/account.js": ytd("account", [{"account": {"username": "example"}}]),
        "data/manifest.js": b"window.__THAR_CONFIG = {}",
        "Your archive.html": b"<html></html>",
    }


def _walk(start: tuple[float, float], steps: int, unix: int) -> list[tuple[float, float, int]]:
    return [(start[0] + i * 0.001, start[1] + i * 0.001, unix + 60 * i) for i in range(steps)]


def _iso(points: list[tuple[float, float, int]]) -> list[tuple[float, float, str]]:
    import datetime as dt

    return [
        (lat, lon, dt.datetime.fromtimestamp(t, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
        for lat, lon, t in points
    ]


def strava() -> dict[str, bytes]:
    """A Strava bulk export: activities.csv and a GPX, a gzipped FIT and a gzipped TCX, all
    starting at HOME."""
    run = _walk(HOME, 30, 1714550000)
    ride = _walk(HOME, 20, 1714650000)
    loop = _walk(HOME, 10, 1714750000) + [(HOME[0], HOME[1], 1714751000)]
    csv = (
        "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Filename\n"
        '11,"May 1, 2024, 8:00:00 AM",Morning Run,Run,Round the park near home,activities/11.gpx\n'
        "12,2024-05-02 10:00:00,Commute,Ride,,activities/12.fit.gz\n"
        "13,2024-05-03 10:00:00,Loop,Ride,,activities/13.tcx.gz\n"
    )
    return {
        "activities.csv": csv.encode(),
        "profile.csv": b"Athlete ID\n1\n",
        "activities/11.gpx": gpx(_iso(run), "Morning Run"),
        "activities/12.fit.gz": gz(fit(ride, sport=2)),
        "activities/13.tcx.gz": gz(tcx(_iso(loop))),
    }


def _zip_bytes(members: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def garmin() -> dict[str, bytes]:
    """A Garmin Connect export: activity summaries (two runs from HOME, one of them with its
    end point, a treadmill run without GPS, a ride from WORK) and a nested zip of uploaded
    FIT files holding the first run's track."""
    run = _walk(HOME, 25, 1714550000)
    summaries = [
        {
            "summarizedActivitiesExport": [
                {
                    "activityId": 101,
                    "name": "Morning Run",
                    "activityType": "running",
                    "beginTimestamp": 1714550000000,
                    "startLatitude": HOME[0],
                    "startLongitude": HOME[1],
                    "endLatitude": run[-1][0],
                    "endLongitude": run[-1][1],
                    "description": "Loop from Invalidenstr. 117, 10115 Berlin",
                },
                {
                    "activityId": 102,
                    "name": "Easy Run",
                    "activityType": "running",
                    "beginTimestamp": 1714636400000,
                    "startLatitude": HOME[0] + 0.0001,
                    "startLongitude": HOME[1],
                },
                {"activityId": 103, "name": "Treadmill", "beginTimestamp": 1714722800000},
                {
                    "activityId": 104,
                    "name": "Ride",
                    "activityType": "cycling",
                    "beginTimestamp": 1714809200000,
                    "startLatitude": WORK[0],
                    "startLongitude": WORK[1],
                    "endLatitude": WORK[0],
                    "endLongitude": WORK[1],
                },
            ]
        }
    ]
    uploads = _zip_bytes({"user@example.org_101.fit": fit(run)})
    return {
        "DI_CONNECT/DI-Connect-Fitness/user@example.org_0_summarizedActivities.json": as_json(
            summaries
        ),
        "DI_CONNECT/DI-Connect-User/user_profile.json": as_json({"userName": "someone"}),
        "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip": uploads,
    }


def snapchat() -> dict[str, bytes]:
    """Snapchat My Data: Home & Work, location history, IP cities, a saved snap."""
    history = {
        "Frequent Locations": [{"City": "Berlin", "Country": "DE", "Region": "Berlin"}],
        "Home & Work": {
            "Home": f"lat {HOME[0]} ± 19.47 meters, long {HOME[1]} ± 19.47 meters",
            "Work": f"lat {WORK[0]} ± 25.0 meters, long {WORK[1]} ± 25.0 meters",
        },
        "Location History": [
            {"Time": "2021/09/02 20:37:47 UTC", "Latitude, Longitude": f"{PARK[0]} ± 39.66 meters, {PARK[1]} ± 39.66 meters"},
            {"Time": "2021/09/03 20:37:47 UTC", "Latitude, Longitude": "91.0 ± 10 meters, 13.4 ± 10 meters"},
        ],
    }  # fmt: skip
    memories = {"Saved Media": [{"Date": "2022-01-01 10:00:00 UTC", "Media Type": "Image",
                                 "Location": f"Latitude, Longitude: {CAFE[0]}, {CAFE[1]}"}]}  # fmt: skip
    return {
        "json/location_history.json": as_json(history),
        "json/memories_history.json": as_json(memories),
        "json/account.json": as_json({"Basic Information": {"Username": "example"}}),
        "index.html": b"<html></html>",
    }


def swarm() -> dict[str, bytes]:
    """A Foursquare / Swarm export: two check-ins at one venue, one elsewhere."""

    def checkin(
        cid: str, when: int, venue: str, vid: str, where: tuple[float, float], shout: str
    ) -> dict[str, object]:
        return {"id": cid, "createdAt": when, "type": "checkin", "shout": shout,
                "venue": {"id": vid, "name": venue, "location": {"lat": where[0], "lng": where[1],
                                                                  "formattedAddress": ["Example Street 3", "Berlin"]}}}  # fmt: skip

    items = [
        checkin("c1", 1714550000, "Corner Gym", "v-gym", PARK, "Leg day"),
        checkin("c2", 1714650000, "Corner Gym", "v-gym", PARK, ""),
        checkin("c3", 1714750000, "Café de la Tour", "v-cafe", CAFE, "With friends"),
    ]
    return {
        "checkins1.json": as_json({"count": 3, "items": items}),
        "tips.json": as_json({"count": 0, "items": []}),
    }

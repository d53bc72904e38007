"""Google Takeout (Location History, Timeline, Photos sidecars, Maps) and phone Timeline files."""

from exposure.sources.exports.platform import Platform

PLATFORM = Platform(
    name="google-takeout",
    title="Google Takeout (Location History, Timeline, Photos sidecars, Maps) and phone Timeline files.",
    description="a Google Takeout archive or folder, or a Timeline.json / Records.json file",
    group="Google account (Takeout)",
    translated_group=True,
    kinds=(
        "google-location-history",
        "google-timeline",
        "google-home-work",
        "google-photos-location",
        "google-maps-activity",
        "google-maps-review",
        "google-maps-saved-places",
    ),
    parsers=(
        "exposure.sources.exports.google_takeout",
        "exposure.sources.exports.google_timeline",
        "exposure.sources.exports.google_photos",
        "exposure.sources.exports.google_maps",
    ),
    markers=(
        r"(^|/)takeout/",
        r"(^|/)archive_browser\.html$",
        r"(^|/)(location history( \(timeline\))?|semantic location history|google photos|"
        r"my activity|maps \(your places\))/",
        r"(^|/)(records|timeline edits)\.json$",
    ),
    rank=90,  # a Takeout can hold anything: tried last
    files=(
        (r"(^|/)(records|location ?history)\.json$", "google-records"),
        (r"(^|/)semantic location history/.+\.json$", "google-semantic"),
        (r"(^|/)timeline edits\.json$", "google-timeline-edits"),
        (r"(^|/)timeline\.json$", "google-timeline"),
        (r"(^|/)location history[^/]*/settings\.json$", "google-settings"),
        (r"(^|/)my ?activity\.json$", "google-my-activity"),
        (r"(^|/)my ?activity\.html$", "google-my-activity-html"),
        (r"(^|/)(saved places|reviews|label+ed places)\.json$", "google-maps-places"),
        (r"(^|/)google (photos|fotos)/.+\.json$", "google-photos-sidecar"),
    ),
    shapes=(
        (("locations",), "google-records"),
        (("timelineObjects",), "google-semantic"),
        (("semanticSegments", "rawSignals", "userLocationProfile"), "google-timeline"),
        (("item.startTime", "item.timelinePath", "item.visit"), "google-timeline"),
        (("timelineEdits",), "google-timeline-edits"),
        (
            ("geoData", "geoDataExif", "photoTakenTime", "albumData.geoData"),
            "google-photos-sidecar",
        ),
        (("features",), "google-maps-places"),
        (("deviceSettings",), "google-settings"),
        (("item.titleUrl", "item.header"), "google-my-activity"),
    ),
)

"""Facebook's "Download your information" export (JSON)."""

from exposure.sources.exports.platform import Platform

PLATFORM = Platform(
    name="facebook",
    title='Facebook\'s "Download your information" export (JSON).',
    description="a Facebook 'Download your information' export (JSON)",
    group="Facebook",
    kinds=(
        "facebook-post-location",
        "facebook-profile-place",
        "facebook-location-history",
        "facebook-login-ips",
    ),
    parsers=("exposure.sources.exports.facebook",),
    markers=(
        r"(^|/)your_facebook_activity/",
        r"(^|/)your_activity_across_facebook/",
        r"(^|/)logged_information/location/",
        r"(^|/)profile_information/profile_information\.json$",
        r"your_posts__check_ins__photos_and_videos_\d+\.json$",
        r"(^|/)posts/your_posts(_\d+)?\.json$",
    ),
    rank=10,
    shapes=(
        (("item.attachments", "item.timestamp"), "facebook-posts"),
        (("status_updates.item.timestamp", "status_updates.item.data"), "facebook-posts"),
        (("primary_location_v2", "primary_public_location_v2", "profile_v2"), "facebook-profile"),
        (("account_activity_v2",), "facebook-logins"),
        (("location_history_v2", "location_history"), "facebook-location-history"),
    ),
)

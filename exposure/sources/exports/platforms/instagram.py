"""Instagram's "Download your information" export (JSON)."""

from exposure.sources.exports.platform import Platform

PLATFORM = Platform(
    name="instagram",
    title='Instagram\'s "Download your information" export (JSON).',
    description="an Instagram 'Download your information' export (JSON)",
    group="Instagram",
    kinds=(
        "instagram-post-location",
        "instagram-post-place",
        "instagram-inferred-location",
        "instagram-photo-device",
        "instagram-login-ips",
    ),
    parsers=("exposure.sources.exports.instagram",),
    markers=(
        r"(^|/)your_instagram_activity/",
        r"(^|/)(content|media)/(posts_\d+|stories)\.json$",
        r"(^|/)login_and_account_creation/login_activity\.json$",
        r"(^|/)personal_information/personal_information(/personal_information)?\.json$",
        r"(^|/)information_about_you/((account|profile)_based_in|locations_of_interest)\.json$",
    ),
    # The 2018 export keeps media.json beside profile.json; a photo folder with some app's
    # media.json is not an Instagram export.
    paired_markers=(frozenset({"media.json", "profile.json"}),),
    rank=20,  # after Facebook: both are Meta
    files=(
        (r"(^|/)(account|profile)_based_in\.json$", "instagram-based-in"),
        (r"(^|/)locations_of_interest\.json$", "instagram-interest-locations"),
    ),
    shapes=(
        (("item.media", "ig_stories", "item.media_metadata"), "instagram-posts"),
        (("account_history_login_history",), "instagram-logins"),
        (("profile_user",), "instagram-personal"),
        (("inferred_data_primary_location",), "instagram-based-in"),
        (
            ("photos.item.taken_at", "videos.item.taken_at", "photos.item.path"),
            "instagram-media",
        ),
    ),
)

"""Catalogue entries for Instagram, Facebook and X exports (see :mod:`.exports`).

Facts and sources: ../shared/docs/platforms.md sections 1 (Instagram), 2 (Facebook) and
3 (X).  Several menu paths come from low-quality or old pages; the steps say "usually"
where no official page confirmed them.
"""

from __future__ import annotations

from exposure.catalogue.base import SAVE_FIRST, KindInfo, step
from exposure.catalogue.web import HOME_CITY, HOME_FROM_POSTS
from exposure.model import Remediation, Severity

INSTAGRAM_EDIT = (
    "https://qainsta.com/qa/view/why-cant-i-edit-a-post-on-instagram (undated, unverified "
    "against Meta help)"
)
INSTAGRAM_MAP = "https://gadgetbond.com/instagram-map-location-sharing-how-to-turn-off (2025-08)"
INSTAGRAM_EXIF = "abrignoni/RLEAPP scripts/artifacts/instagramPosts.py (4c17145, 2026-08-20)"
INSTAGRAM_LOGINS = "abrignoni/RLEAPP scripts/artifacts/instagramLogin.py (4c17145)"
INSTAGRAM_LEGACY_MEDIA = (
    "PersonalDataPipeline/pdpl-cli src/imports/instagram-2018-import/index.ts (3c01d82; "
    "media.json of a 2018 export, 'location' per photo)"
)
INSTAGRAM_ABOUT = "https://grokipedia.com/page/About_this_account_Instagram (undated)"
INSTAGRAM_INFERRED = (
    "Veterinalyus/iVerify_V1_Project personal_information/information_about_you/ (5237295; a "
    "real 2026 export: the file says these places personalise Instagram and its ads); "
    "greg-randall/memento-mori memento_mori/loader.py (ea9935c)"
)
INSTAGRAM_PERMISSION = (
    "https://www.nzherald.co.nz/world/instagram-map-lets-your-friends-and-possibly-exes-track-"
    "your-every-move/S3MCVFE54JFCRFNXZBUZYFHN7E/ (2025-08-07)"
)
INSTAGRAM_MAP_TAGS = (
    "https://digitrendz.blog/newswire/technology/34407/how-to-disable-your-location-on-"
    "instagrams-new-map-feature (2025)"
)
FACEBOOK_CHECKINS = "https://shipfeed.data.shodan.io/how-to-remove-check-ins-on-facebook (undated)"
FACEBOOK_SESSIONS = "https://slipsum.com/how-to-see-what-devices-are-logged-into-facebook (undated)"
FACEBOOK_PROFILE = (
    "https://www.macobserver.com/tmo/article/managing_facebook_places_settings (stale?, 2010-era)"
)
FACEBOOK_HISTORY = (
    "https://mspoweruser.com/facebook-to-end-some-location-tracking-features-due-to-low-usage/ "
    "(2022-05, stale?)"
)
X_LOCATION = (
    "https://www.ghacks.net/2011/03/19/delete-location-information-history-on-twitter/ "
    "(stale?); current menu path unverified"
)
X_PROTECT = "https://neveropen.tech/how-to-change-your-privacy-and-safety-settings-on-x (undated)"
X_PROFILE = "TheExGenesis/community-archive docs/archive_data.md (profile.js holds location)"
STRIP_COPY = "https://support.microsoft.com/windows (File Explorer: Properties > Details)"

THE_FILE = step(
    "The export itself holds all of this: keep it somewhere only you can open, and delete "
    "copies you no longer need (downloads folder, cloud drives, old phones)."
)
"""The closing step for every kind found in an export file."""

_LOGINS_WHY = (
    "Each sign-in's IP address gives an approximate location (often the city, sometimes the "
    "street). An address you do not recognise can also mean someone else signs in to your "
    "account."
)
_STRIP = step(
    "Before uploading, share a copy with location removed (iPhone: Share > Options > Location "
    "off; Windows: Properties > Details > 'Remove Properties and Personal Information').",
    STRIP_COPY,
)

SOCIAL_ENTRIES: tuple[KindInfo, ...] = (
    KindInfo(
        kind="instagram-post-location",
        severity=Severity.HIGH,
        heading=("Instagram post kept its GPS position", "Instagram posts kept their GPS position"),
        docs=(
            "A post, story or reel whose upload kept a GPS position in `exif_data`: one finding "
            "per post with date, caption excerpt and media path."
        ),
        summary="An Instagram post whose photo kept its GPS position in Meta's records.",
        why="Meta keeps the position your photo was taken at, even though the public copy has "
        "it removed; a post taken at home places your home. " + HOME_FROM_POSTS,
        remediation=Remediation(
            summary="Remove the location tag, or delete or archive the post; strip GPS before "
            "posting.",
            steps=(
                SAVE_FIRST,
                step(
                    "Open the post > menu (\u22ef) > Edit, and remove the location tag; to have "
                    "Meta drop the photo's own position, delete or archive the post.",
                    f"{INSTAGRAM_EDIT} ; {INSTAGRAM_EXIF}",
                ),
                step(
                    "Instagram Map: Messages > Map > Settings (gear) > 'No one'. Also consider "
                    "setting Instagram's location permission to 'Never' in the phone's settings.",
                    INSTAGRAM_MAP,
                ),
                _STRIP,
            ),
        ),
    ),
    KindInfo(
        kind="instagram-post-place",
        severity=Severity.MEDIUM,
        heading=(
            "Instagram post is tagged with a place",
            "Instagram posts are tagged with a place",
        ),
        docs=(
            "A photo or video tagged with a place by name (`location` in the 2018-era "
            "`media.json`): one finding per post with date, caption excerpt and media path. "
            "Today's `posts_1.json` shows no place-tag field in any public source, so none is "
            "read there."
        ),
        summary="An Instagram post tagged with a place by name (the older export's media.json).",
        why="A place tag is public: everyone who can see the post sees where you were, and the "
        "post is listed on that place's page. " + HOME_FROM_POSTS,
        remediation=Remediation(
            summary="Remove the place tag, or archive or delete the post.",
            steps=(
                SAVE_FIRST,
                step(
                    "Open the post > menu (\u22ef) > Edit and remove the location, or archive or "
                    "delete the post. Old tags are easy to forget: go through every post listed.",
                    f"{INSTAGRAM_EDIT} ; {INSTAGRAM_LEGACY_MEDIA}",
                ),
                step(
                    "Stories and Reels with a place tag can also show on Instagram Map for about "
                    "a day: Messages > Map > Settings (gear) > 'No one' turns sharing off.",
                    f"{INSTAGRAM_MAP} ; {INSTAGRAM_MAP_TAGS}",
                ),
                step(
                    "When posting, leave 'Add location' empty, and set Instagram's location "
                    "permission to 'Never' in the phone's settings.",
                    INSTAGRAM_PERMISSION,
                ),
            ),
        ),
    ),
    KindInfo(
        kind="instagram-inferred-location",
        severity=Severity.MEDIUM,
        heading=(
            "place is Instagram's own guess of where you are",
            "places are Instagram's own guesses of where you are",
        ),
        docs=(
            "Where Instagram thinks the account or profile is based (`account_based_in.json`, "
            '`profile_based_in.json`: "City Name" / "Town/city name", or the newer '
            "country/region/city list) or the places it links to you "
            "(`locations_of_interest.json`): one finding per file. The bio, name and website of "
            "`personal_information.json` go to the text detectors."
        ),
        summary="Where Instagram thinks your account or profile is based, or the places it "
        "links to you (account_based_in, profile_based_in, locations_of_interest).",
        why="Instagram works these places out from your activity. The country an account is "
        "based in can be shown to others under 'About this account'; the places are also used "
        "for ads and suggestions. " + HOME_CITY,
        remediation=Remediation(
            summary="You cannot edit these places; limit what Instagram learns from now on.",
            steps=(
                SAVE_FIRST,
                step(
                    "There is no setting to change or delete these places: Instagram infers "
                    "them, and the country can appear on your profile's 'About this account' "
                    "page. Check what it shows, and keep the city out of your bio and posts.",
                    f"{INSTAGRAM_ABOUT} ; {INSTAGRAM_INFERRED}",
                ),
                step(
                    "Set Instagram's location permission to 'Never' in the phone's settings and "
                    "turn off Instagram Map sharing (Messages > Map > Settings (gear) > 'No "
                    "one'); your IP address still gives Instagram a rough area.",
                    f"{INSTAGRAM_PERMISSION} ; {INSTAGRAM_MAP}",
                ),
                THE_FILE,
            ),
        ),
    ),
    KindInfo(
        kind="instagram-photo-device",
        severity=Severity.MEDIUM,
        heading=(
            "Instagram record keeps your camera's device id",
            "Instagram records keep your camera's device id",
        ),
        docs=(
            "The device id (and lens) Instagram kept from uploads' camera metadata: one finding "
            "with the ids and counts."
        ),
        summary="Instagram kept your uploads' device id (and lens) from their camera metadata.",
        why="A device id is the same on every photo from one phone or camera: it can tie "
        "uploads on different accounts to the same device, and so to you.",
        remediation=Remediation(
            summary="Remove metadata from photos before uploading them.",
            steps=(
                step(
                    "Share copies with all metadata removed (not only location) before posting; "
                    "what Instagram already holds goes only when the post is deleted.",
                    f"{STRIP_COPY} ; {INSTAGRAM_EXIF}",
                ),
            ),
            effort="a minute per photo",
        ),
    ),
    KindInfo(
        kind="instagram-login-ips",
        severity=Severity.MEDIUM,
        heading=(
            "Instagram sign-in record lists IP addresses",
            "Instagram sign-in records list IP addresses",
        ),
        docs=(
            "`login_activity.json`: sign-ins with IP addresses (count, years, most frequent "
            "addresses)."
        ),
        summary="Instagram's record of your sign-ins, with IP addresses.",
        why=_LOGINS_WHY,
        remediation=Remediation(
            summary="Check the devices signed in to your account and end the ones you do not know.",
            steps=(
                SAVE_FIRST,
                step(
                    "Usually under Settings > Accounts Center > Password and security > Where "
                    "you're logged in: end sessions you do not recognise, then change the password.",
                    f"{INSTAGRAM_LOGINS} ; {FACEBOOK_SESSIONS}",
                ),
            ),
        ),
    ),
    KindInfo(
        kind="facebook-post-location",
        severity=Severity.HIGH,
        other_severities=(Severity.MEDIUM,),
        heading=("Facebook post is tagged with a place", "Facebook posts are tagged with a place"),
        docs=(
            "A post or check-in with a place tag (high with coordinates, medium with a name only)"
            " or a photo that kept its GPS."
        ),
        summary="A Facebook post or check-in tagged with a place (or a photo that kept its GPS).",
        why="A check-in says where you were and when; repeated ones show a routine. "
        + HOME_FROM_POSTS,
        remediation=Remediation(
            summary="Remove the place from the post, or delete the post.",
            steps=(
                SAVE_FIRST,
                step(
                    "On the post: menu (\u22ef) > Edit post > remove the location, or delete "
                    "the post. To review all at once, open Activity Log and filter to check-ins.",
                    FACEBOOK_CHECKINS,
                ),
                _STRIP,
            ),
        ),
    ),
    KindInfo(
        kind="facebook-profile-place",
        severity=Severity.MEDIUM,
        heading=("place is on your Facebook profile", "places are on your Facebook profile"),
        docs=(
            "Profile current city, hometown and places lived; Facebook's guessed primary location"
            " (city, region, postcode) and public location."
        ),
        summary="A place on your Facebook profile (current city, hometown, places lived) or "
        "Facebook's own guess of where you live.",
        why="Profile places narrow down where you live for anyone who can see them. " + HOME_CITY,
        remediation=Remediation(
            summary="Remove the place from your profile or set its audience to 'Only me'.",
            steps=(
                SAVE_FIRST,
                step(
                    "Profile > About > Places lived: edit each entry's audience selector, or "
                    "remove it. (Facebook's guessed primary location is not shown on the profile; "
                    "it is used for ads and features.)",
                    FACEBOOK_PROFILE,
                ),
            ),
        ),
    ),
    KindInfo(
        kind="facebook-location-history",
        severity=Severity.HIGH,
        heading=(
            "Facebook record holds your location history",
            "Facebook records hold your location history",
        ),
        docs="The location history of older exports (the feature ended in 2022).",
        summary="Facebook's location history (an older export; the feature ended in 2022).",
        why="These points show where your phone was. Facebook said it deleted stored history "
        "after August 2022, but copies in old exports remain.",
        remediation=Remediation(
            summary="Keep this old export safe or delete it.",
            steps=(
                step(
                    "Facebook ended Location History in May 2022 and said stored history would be "
                    "deleted after 1 August 2022; nothing is left to turn off there.",
                    FACEBOOK_HISTORY,
                ),
                THE_FILE,
            ),
        ),
    ),
    KindInfo(
        kind="facebook-login-ips",
        severity=Severity.MEDIUM,
        heading=(
            "Facebook sign-in record lists IP addresses",
            "Facebook sign-in records list IP addresses",
        ),
        docs="`account_activity_v2`: sign-ins with IP addresses.",
        summary="Facebook's record of your sign-ins, with IP addresses.",
        why=_LOGINS_WHY,
        remediation=Remediation(
            summary="Check where you are logged in and end sessions you do not know.",
            steps=(
                SAVE_FIRST,
                step(
                    "Settings > Security and login > Where you're logged in lists devices with "
                    "approximate locations: end the ones you do not know, then change the password.",
                    FACEBOOK_SESSIONS,
                ),
            ),
        ),
    ),
    KindInfo(
        kind="x-post-location",
        severity=Severity.HIGH,
        other_severities=(Severity.MEDIUM,),
        heading=("post on X shows a place", "posts on X show a place"),
        docs=(
            "A tweet with a precise point (high; `coordinates` is [lon, lat], `geo` is [lat, "
            "lon]) or only a named place (medium; the centre of its box, its size as accuracy)."
        ),
        summary="A post on X (Twitter) with a precise point or a named place.",
        why="Geotagged posts show where you were when you posted. " + HOME_FROM_POSTS,
        remediation=Remediation(
            summary="Delete location information from past posts, or delete the posts.",
            steps=(
                SAVE_FIRST,
                step(
                    "X long offered one action to delete location information from all past "
                    "posts, usually under Settings and privacy > Privacy and safety > Location "
                    "information. Otherwise delete the post.",
                    X_LOCATION,
                ),
                step(
                    "Consider protecting your posts: Settings and privacy > Privacy and safety > "
                    "Audience, media and tagging > Protect your posts.",
                    X_PROTECT,
                ),
            ),
        ),
    ),
    KindInfo(
        kind="x-profile-location",
        severity=Severity.MEDIUM,
        heading=("X profile states a location", "X profiles state a location"),
        docs=(
            "The free-text location of the profile (`profile.js`, or `user.location` in API JSON)."
        ),
        summary="The free-text location on your X (Twitter) profile.",
        why="Anyone can read the profile location. " + HOME_CITY,
        remediation=Remediation(
            summary="Clear or broaden the profile location.",
            steps=(step("Edit profile > Location: clear it or name a wider area.", X_PROFILE),),
            effort="a minute",
        ),
    ),
    KindInfo(
        kind="x-login-ips",
        severity=Severity.MEDIUM,
        heading=("X sign-in record lists IP addresses", "X sign-in records list IP addresses"),
        docs=(
            "`ip-audit.js` and `account-creation-ip.js`: IP addresses the account signed in from."
        ),
        summary="X's record of the IP addresses your account signed in from.",
        why=_LOGINS_WHY,
        remediation=Remediation(
            summary="Check the sessions signed in to your account.",
            steps=(
                SAVE_FIRST,
                step(
                    "In your account settings, check the list of sessions and connected apps, log "
                    "out those you do not know, and change the password."
                ),
            ),
        ),
    ),
)

"""The remediation catalogue: for each finding kind, why it matters and how to fix it.

Wording lives here, as data, so the HTML and JSON reports share it and it is reviewed like
code.  Each step names where the advice comes from and the date it was last checked
against that source (see ../shared/docs/platforms.md for the research notes behind them).
Facts quoted in "why" lines come from ../shared/docs/research-facts.md, with their source.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from exposure.model import Remediation, Step

CHECKED = date(2026, 11, 29)

# Sources, named once.  Several are vendor tests or undated: the step text says "usually"
# where the platform itself has not confirmed the behaviour.
APPLE_SHARE = "https://cleanor.app/blog/how-to-remove-location-and-exif-data-from-iphone-photos"
GOOGLE_PHOTOS = "https://support.google.com/photos/answer/11190100"
WORDPRESS = "https://docs.wpvip.com/images-strip-image-metadata-on-upload/"
FLICKR = "https://noided.org/protect/photo-sharing"
MESSENGERS = "https://www.sammapix.com/blog/which-apps-strip-photo-metadata"
TELEGRAM = "AKS-Labs/CloudGallery#24"
WINDOWS = "https://support.microsoft.com/windows (File Explorer: Properties > Details)"
SAFETY = "NNEDV Safety Net; https://thetodaycentre.ca/stories/technology-facilitated-violence-safety-planning-tips"
EXPOSURE = "exposure's own check"


@dataclass(frozen=True, slots=True)
class KindInfo:
    """What the catalogue knows about one finding kind."""

    kind: str
    summary: str
    """One line for documentation: what this kind of finding is."""
    why: str
    remediation: Remediation


def _step(text: str, source: str = EXPOSURE) -> Step:
    return Step(text=text, source=source, checked=CHECKED)


_SAVE_FIRST = _step(
    "Before you delete or change anything online, save what you may need as evidence "
    "(screenshots with dates and links). Changing many things at once can alert someone who "
    "watches your accounts: plan the changes, ideally with an advocate.",
    SAFETY,
)

_SHARED_COPIES = _step(
    "Think about where this file went: places that keep the original file keep its location too. "
    "Usually that means self-hosted WordPress and personal websites, Flickr originals, email "
    "attachments, cloud-drive share links, and chat apps when sent as a file or document "
    "(WhatsApp document mode, Telegram file mode). Replace those copies with a cleaned one.",
    f"{WORDPRESS}; {FLICKR}; {MESSENGERS}; {TELEGRAM}",
)

_STRIP_BEFORE_SHARING = _step(
    "Share a copy without location. iPhone: in the Share sheet tap Options and turn Location off. "
    "Google Photos: open the photo, tap the menu, and remove or edit the location. Windows: "
    "right-click the file > Properties > Details > 'Remove Properties and Personal Information' "
    "> 'Create a copy with all possible properties removed'.",
    f"{APPLE_SHARE}; {GOOGLE_PHOTOS}; {WINDOWS}",
)

_STOP_GEOTAGGING = _step(
    "Stop new photos from recording where they were taken. iPhone: Settings > Privacy & Security > "
    "Location Services > Camera > Never. Android: open the Camera app's settings and turn off "
    "'Location tags' (or 'Save location').",
    f"{APPLE_SHARE}; {GOOGLE_PHOTOS}",
)

_FEW_POINTS = (
    "Researchers found that four points of place and time are enough to single out 95% of "
    "1.5 million people (de Montjoye et al., Scientific Reports 2013)."
)

CATALOGUE: dict[str, KindInfo] = {
    info.kind: info
    for info in (
        KindInfo(
            kind="photo-gps",
            summary="A photo's metadata holds the exact place where it was taken.",
            why=(
                "Anyone who gets the original file can read the hidden location and put it on a map, "
                "often to within a few metres: a photo taken at home shows where you live. "
                + _FEW_POINTS
            ),
            remediation=Remediation(
                summary="Remove the location from copies you share, and replace copies already shared.",
                steps=(_SAVE_FIRST, _SHARED_COPIES, _STRIP_BEFORE_SHARING, _STOP_GEOTAGGING),
            ),
        ),
        KindInfo(
            kind="video-gps",
            summary="A video's metadata holds the place where it was recorded.",
            why=(
                "Phones write the recording location into the video file. Anyone who gets the original "
                "file can read it, just like a photo's GPS tag. " + _FEW_POINTS
            ),
            remediation=Remediation(
                summary="Share videos through apps that re-encode them, or remove the location first.",
                steps=(
                    _SAVE_FIRST,
                    _SHARED_COPIES,
                    _step(
                        "iPhone: in the Share sheet tap Options and turn Location off before sharing. "
                        "Elsewhere, export or re-encode the video with an editor that drops metadata, "
                        "then check the copy again with exposure.",
                        APPLE_SHARE,
                    ),
                    _STOP_GEOTAGGING,
                ),
            ),
        ),
        KindInfo(
            kind="photo-gps-placeholder",
            summary="GPS tags are present but hold no real position (empty, (0, 0) or invalid).",
            why=(
                "This file does not reveal a place, but the device that made it writes location tags. "
                "Other photos from the same device may hold a real position."
            ),
            remediation=Remediation(
                summary="No place leaks from this file; check the device's camera location setting.",
                steps=(_STOP_GEOTAGGING,),
                effort="a minute",
            ),
        ),
        KindInfo(
            kind="photo-device-serial",
            summary="A camera, lens or phone serial number is stored in the file.",
            why=(
                "A serial number is unique to one device. It links every photo the device took, so "
                "photos posted under different names or accounts can be tied back to the same camera "
                "and so to you."
            ),
            remediation=Remediation(
                summary="Remove all metadata (not only location) from copies you share.",
                steps=(
                    _SHARED_COPIES,
                    _step(
                        "Make copies with all metadata removed before sharing. Windows: Properties > "
                        "Details > 'Remove Properties and Personal Information' > 'Create a copy with "
                        "all possible properties removed'. Most photo editors offer 'export without "
                        "metadata'.",
                        WINDOWS,
                    ),
                ),
            ),
        ),
        KindInfo(
            kind="photo-owner-name",
            summary="A name (artist, owner, creator or copyright) is stored in the file.",
            why=(
                "Cameras and editing apps stamp the owner's name into every file. A photo shared "
                "without your name attached still carries it, and ties the photo to you."
            ),
            remediation=Remediation(
                summary="Clear the owner name in the camera or app, and strip metadata from shared copies.",
                steps=(
                    _step(
                        "Check the camera's settings (often 'Copyright information' or 'Owner name') and "
                        "your editing app's export settings (often 'Include: copyright only / all "
                        "metadata'), and clear the name there."
                    ),
                    _SHARED_COPIES,
                ),
            ),
        ),
        KindInfo(
            kind="photo-camera-details",
            summary="Photos record when they were taken and with which camera or phone model.",
            why=(
                "On their own these details reveal little, but times show your routine (for example "
                "photos always taken at the same hour), and the camera model links photos to one device."
            ),
            remediation=Remediation(
                summary="Strip all metadata from copies you share publicly.",
                steps=(
                    _step(
                        "When sharing outside trusted people, use 'remove all metadata' options rather "
                        "than 'remove location' only.",
                        WINDOWS,
                    ),
                ),
                effort="a minute per photo",
            ),
        ),
    )
}


def info(kind: str) -> KindInfo:
    """The catalogue entry for ``kind``; a KeyError here is a programming error."""
    return CATALOGUE[kind]

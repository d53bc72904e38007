"""Catalogue entries for photos and videos on the user's own device."""

from __future__ import annotations

from exposure.catalogue.base import FEW_POINTS, SAVE_FIRST, KindInfo, step
from exposure.model import Remediation, Severity

# Sources, named once.  Several are vendor tests or undated: the step text says "usually"
# where the platform itself has not confirmed the behaviour.
APPLE_SHARE = "https://cleanor.app/blog/how-to-remove-location-and-exif-data-from-iphone-photos"
GOOGLE_PHOTOS = "https://support.google.com/photos/answer/11190100"
WORDPRESS = "https://docs.wpvip.com/images-strip-image-metadata-on-upload/"
FLICKR = "https://noided.org/protect/photo-sharing"
MESSENGERS = "https://www.sammapix.com/blog/which-apps-strip-photo-metadata"
TELEGRAM = "AKS-Labs/CloudGallery#24"
WINDOWS = "https://support.microsoft.com/windows (File Explorer: Properties > Details)"
EXIFTOOL_LOCATION = (
    "ExifTool 12.57 manual (man exiftool: '-GROUP:all=' deletes a group's tags, '-o' writes a "
    "new file); '-location:all=' checked on a file with IPTC and XMP location fields, 2026"
)
REVERSE_GEOCODING = (
    "https://earlyinnovations.com/photolinker/reverse-geocoding.html (PhotoLinker: on by "
    "default, undated); https://photini.readthedocs.io/en/devel/manual/address.html"
)


_SHARED_COPIES = step(
    "Think about where this file went: places that keep the original file keep its location too. "
    "Usually that means self-hosted WordPress and personal websites, Flickr originals, email "
    "attachments, cloud-drive share links, and chat apps when sent as a file or document "
    "(WhatsApp document mode, Telegram file mode). Replace those copies with a cleaned one.",
    f"{WORDPRESS}; {FLICKR}; {MESSENGERS}; {TELEGRAM}",
)

_STRIP_BEFORE_SHARING = step(
    "Share a copy without location. iPhone: in the Share sheet tap Options and turn Location off. "
    "Google Photos: open the photo, tap the menu, and remove or edit the location. Windows: "
    "right-click the file > Properties > Details > 'Remove Properties and Personal Information' "
    "> 'Create a copy with all possible properties removed'.",
    f"{APPLE_SHARE}; {GOOGLE_PHOTOS}; {WINDOWS}",
)

_STOP_GEOTAGGING = step(
    "Stop new photos from recording where they were taken. iPhone: Settings > Privacy & Security > "
    "Location Services > Camera > Never. Android: open the Camera app's settings and turn off "
    "'Location tags' (or 'Save location').",
    f"{APPLE_SHARE}; {GOOGLE_PHOTOS}",
)


ENTRIES: tuple[KindInfo, ...] = (
    KindInfo(
        kind="photo-gps",
        severity=Severity.HIGH,
        heading=("photo shows where it was taken", "photos show where they were taken"),
        docs=(
            "A photo (or XMP sidecar) holds a real GPS position: where it was taken, often to "
            "within metres. Altitude and GPS time are shown when present."
        ),
        summary="A photo's metadata holds the exact place where it was taken.",
        why=(
            "Anyone who gets the original file can read the hidden location and put it on a map, "
            "often to within a few metres: a photo taken at home shows where you live. "
            + FEW_POINTS
        ),
        remediation=Remediation(
            summary="Remove the location from copies you share, and replace copies already shared.",
            steps=(SAVE_FIRST, _SHARED_COPIES, _STRIP_BEFORE_SHARING, _STOP_GEOTAGGING),
        ),
    ),
    KindInfo(
        kind="video-gps",
        severity=Severity.HIGH,
        heading=("video shows where it was recorded", "videos show where they were recorded"),
        docs=(
            "A phone video holds its recording location (QuickTime `©xyz` or Apple's "
            "`com.apple.quicktime.location.ISO6709`)."
        ),
        summary="A video's metadata holds the place where it was recorded.",
        why=(
            "Phones write the recording location into the video file. Anyone who gets the original "
            "file can read it, just like a photo's GPS tag. " + FEW_POINTS
        ),
        remediation=Remediation(
            summary="Share videos through apps that re-encode them, or remove the location first.",
            steps=(
                SAVE_FIRST,
                _SHARED_COPIES,
                step(
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
        severity=Severity.LOW,
        heading=(
            "file has location tags, but no real place in them",
            "files have location tags, but no real place in them",
        ),
        docs=(
            "GPS tags are present but hold no position: empty, exactly (0, 0), out of range, "
            "not numbers, or next to (0, 0) in a file whose structure is damaged. Never shown "
            "as a place."
        ),
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
        severity=Severity.MEDIUM,
        heading=(
            "file holds the serial number of a camera or phone",
            "files hold the serial number of a camera or phone",
        ),
        docs="A camera body, lens or phone serial number (EXIF, XMP or maker note).",
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
                step(
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
        severity=Severity.MEDIUM,
        heading=("file holds a person's name", "files hold a person's name"),
        docs="A person's name in Artist, owner, creator (XMP `dc:creator`) or copyright fields.",
        summary="A name (artist, owner, creator or copyright) is stored in the file.",
        why=(
            "Cameras and editing apps stamp the owner's name into every file. A photo shared "
            "without your name attached still carries it, and ties the photo to you."
        ),
        remediation=Remediation(
            summary="Clear the owner name in the camera or app, and strip metadata from shared copies.",
            steps=(
                step(
                    "Check the camera's settings (often 'Copyright information' or 'Owner name') and "
                    "your editing app's export settings (often 'Include: copyright only / all "
                    "metadata'), and clear the name there."
                ),
                _SHARED_COPIES,
            ),
        ),
    ),
    KindInfo(
        kind="photo-place-name",
        severity=Severity.MEDIUM,
        other_severities=(Severity.LOW,),
        heading=("file names a place in words", "files name a place in words"),
        docs=(
            "A place written into the file by name: IPTC City, Sub-location, Province-State, "
            "Country (IIM in a JPEG's APP13 or a TIFF's IPTC tag), their XMP copies "
            "(`photoshop:City`/`State`/`Country`, `Iptc4xmpCore:Location`/`CountryCode`) and "
            "XMP `Iptc4xmpExt:LocationCreated` / `LocationShown` entries. One finding per file, "
            "one evidence line per place with the fields it was read from. Medium when a town, "
            "sub-location or location name is given; low when only a region or country is. A "
            "sub-location or location name also goes to the text detectors (it can hold a "
            "street address); the positions inside LocationCreated/LocationShown are "
            "`photo-gps` evidence (field `XMP LocationCreated GPS` / `XMP LocationShown GPS`)."
        ),
        summary=(
            "A place is written into the file by name: the IPTC/XMP location fields (City, "
            "Sub-location, State, Country) or an XMP LocationCreated / LocationShown entry."
        ),
        why=(
            "Photo apps and agencies' tools write the place into the file as words, often "
            "filled in automatically from the GPS position, and removing only the GPS leaves "
            "them behind. A town or a named spot (a studio, a street, a school) tells anyone "
            "who gets the file where you were; researchers found people's home city from "
            "public profile details alone for 67-82% of users (Pontes et al., IEEE 2012)."
        ),
        remediation=Remediation(
            summary="Remove the location fields (not only GPS) from copies you share.",
            steps=(
                _SHARED_COPIES,
                step(
                    "Make a cleaned copy. Windows: right-click the file > Properties > Details > "
                    "'Remove Properties and Personal Information' > 'Create a copy with all "
                    "possible properties removed'. With ExifTool, "
                    "exiftool -location:all= -o cleaned.jpg photo.jpg writes a copy without GPS "
                    "and without the City, Sub-location, State and Country fields, and leaves the "
                    "original alone (-gps:all= alone leaves the place names).",
                    f"{WINDOWS}; {EXIFTOOL_LOCATION}",
                ),
                step(
                    "Find out which app wrote the place (the field names in the evidence say "
                    "where it is): photo organisers can fill City, State and Country from the "
                    "GPS position by themselves ('reverse geocoding'), some by default. Turn "
                    "that off, and clear location fields or metadata presets you filled in.",
                    REVERSE_GEOCODING,
                ),
            ),
        ),
    ),
    KindInfo(
        kind="photo-camera-details",
        severity=Severity.LOW,
        heading=(
            "folder of photos records when they were taken and with which camera",
            "folders of photos record when they were taken and with which camera",
        ),
        docs=(
            "One line per folder: how many files record their capture time and which camera "
            "models made them."
        ),
        summary="Photos record when they were taken and with which camera or phone model.",
        why=(
            "On their own these details reveal little, but times show your routine (for example "
            "photos always taken at the same hour), and the camera model links photos to one device."
        ),
        remediation=Remediation(
            summary="Strip all metadata from copies you share publicly.",
            steps=(
                step(
                    "When sharing outside trusted people, use 'remove all metadata' options rather "
                    "than 'remove location' only.",
                    WINDOWS,
                ),
            ),
            effort="a minute per photo",
        ),
    ),
)

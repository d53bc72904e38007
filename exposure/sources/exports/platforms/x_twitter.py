"""An X (Twitter) archive: ``data/tweets.js`` and friends.

Its ``.js`` files assign JSON to ``window.YTD.<name>.part0``: each is of content kind
``x-<name>`` (see :func:`exposure.sources.exports.detect.json_kind`).
"""

from exposure.sources.exports.platform import Platform

PLATFORM = Platform(
    name="x-twitter",
    title="An X (Twitter) archive: ``data/tweets.js`` and friends.",
    description="an X (Twitter) archive",
    group="X (Twitter)",
    kinds=("x-post-location", "x-profile-location", "x-login-ips"),
    parsers=("exposure.sources.exports.twitter",),
    markers=(
        r"(^|/)data/(tweets?|account|manifest|profile)\.js$",
        r"(^|/)your archive\.html$",
    ),
    rank=30,
    shapes=((("item.id_str", "item.tweet"), "x-tweets"),),
)

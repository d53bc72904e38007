"""Public web pages and profiles the user names: a polite, bounded crawl for location leaks.

::

    WebSource (an http(s) INPUT)
      -> adapters.choose(url)        GitHub, Bluesky, Flickr, Mastodon, or the generic crawler
      -> Adapter.read()              API answers, one by one (crawl.json)
      -> Crawl.drain()               pages, feeds and images, a few at a time (worker threads)
           fetch.Fetcher             manners, limits, private-address guard (guard.py), robots
           extract/                  meta tags, JSON-LD, microdata, microformats, geo: links, feeds
           findings.py               clues -> Findings; text -> SourceItem(text); images -> data

See docs/design.md and the README's privacy section for what leaves the machine.
"""

from __future__ import annotations

from exposure.sources.web.arguments import WEB_FLAGS
from exposure.sources.web.source import WebSource

__all__ = ["WEB_FLAGS", "WebSource"]

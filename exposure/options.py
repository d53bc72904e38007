"""The one frozen Options object, built once (by the CLI or a library caller) and passed down."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from exposure.errors import UsageError
from exposure.i18n.message import M_

if TYPE_CHECKING:
    import httpx


def default_workers() -> int:
    """Worker processes for photo scanning: one per core, at most 8."""
    return max(1, min(8, os.cpu_count() or 1))


@dataclass(frozen=True)
class WebOptions:
    """Limits and manners of the profile crawler (INPUTs that are http(s) URLs).

    Every limit applies to each INPUT URL separately.  The CLI sets these from its
    ``--max-pages``, ``--delay``... flags (see ``exposure audit --help``).
    """

    max_pages: int = 200
    """Pages, feeds and API responses fetched per INPUT; the rest is listed as not checked."""
    max_images: int = 200
    """Image files fetched per INPUT."""
    max_bytes: int = 20 * 1024 * 1024
    """Most bytes read from one response, after decompression (a gzip bomb stops here)."""
    max_redirects: int = 5
    """Redirects followed for one request."""
    max_seconds: float = 600.0
    """Total time for one INPUT; what is left when it runs out is listed as not checked."""
    timeout: float = 15.0
    """Seconds to wait for a connection, and between two pieces of a response."""
    response_seconds: float = 60.0
    """Most seconds one response may take from request to last byte (a slow drip stops here)."""
    delay: float = 1.0
    """Seconds between two requests to the same host (robots.txt Crawl-delay may ask for more)."""
    concurrency: int = 2
    """Requests in flight at once to the same host."""
    retries: int = 3
    """Extra tries after 429 Too Many Requests, 503 or a dropped connection."""
    max_retry_wait: float = 60.0
    """Longest wait honoured from a Retry-After header; a server asking for more is given up on."""
    ignore_robots: bool = False
    """Fetch pages robots.txt asks tools to leave alone (for auditing a site you own)."""
    api_bases: tuple[tuple[str, str], ...] = ()
    """``(platform, base URL)`` pairs: another API address for a platform (GitHub Enterprise
    ``("github", "https://ghe.example/api/v3")``, another Bluesky AppView)."""
    transport: httpx.BaseTransport | None = field(default=None, compare=False, repr=False)
    """Library and test use: send requests through this httpx transport (no network)."""
    resolver: Callable[[str, int], Sequence[str]] | None = field(
        default=None, compare=False, repr=False
    )
    """Library and test use: ``(host, port) -> IP addresses`` instead of the system resolver."""

    def __post_init__(self) -> None:
        for name in ("max_pages", "max_images", "max_bytes", "concurrency"):
            if getattr(self, name) < 1:
                flag = f"--{name.replace('_', '-')}"
                raise UsageError.of(M_("{flag} must be 1 or more", flag=flag))
        for name, flag in (
            ("max_seconds", "--max-time"),
            ("timeout", "--timeout"),
            ("response_seconds", "--max-response-time"),
        ):
            if not getattr(self, name) > 0:
                raise UsageError.of(M_("{flag} must be more than 0 seconds", flag=flag))
        if min(self.delay, self.retries, self.max_retry_wait, self.max_redirects) < 0:
            raise UsageError.of(
                M_("--delay, --retries, --max-retry-wait and --max-redirects cannot be negative")
            )


@dataclass(frozen=True)
class ExportOptions:
    """Caps for reading platform exports ("download your data" archives and folders).

    They keep a hostile or broken archive (a zip bomb, a huge member) from costing unbounded
    time or memory.  The CLI sets them from ``--archive-member-limit``,
    ``--archive-total-limit``, ``--archive-max-ratio``, ``--export-max-points`` and
    ``--archive-nested-limit``.
    """

    member_limit: int = 8 * 1024**3
    """Most bytes read from one archive member after decompression (a Records.json can be
    several GB; anything larger is listed as not checked)."""
    total_limit: int = 64 * 1024**3
    """Most bytes read from one archive in all, after decompression."""
    max_ratio: float = 200.0
    """A member may expand at most this many times its compressed size (zip bombs expand
    about a thousand times; real exports 2 to 30 times)."""
    media_limit: int = 64 * 1024 * 1024
    """Photos and videos inside an archive are read in memory up to this size; larger ones
    are listed as not checked (unpack the archive and audit the folder to check them)."""
    max_points: int = 50_000
    """Located points kept per location history for later inference: a larger history is
    sampled evenly (the same file always gives the same sample), so memory stays flat."""
    nested_limit: int = 256 * 1024 * 1024
    """Archives inside an export (a .zip in a Takeout, an export zipped once more) are read into
    memory up to this many bytes, all nesting levels together, and opened from there (never
    extracted to disk); a larger one is listed as not checked (unpack it and audit it)."""

    def __post_init__(self) -> None:
        for name in ("member_limit", "total_limit", "media_limit", "max_points", "nested_limit"):
            if getattr(self, name) < 1:
                raise UsageError.of(
                    M_("the export setting {name} must be 1 or more", name=name.replace("_", "-"))
                )
        if not self.max_ratio > 1:
            raise UsageError.of(M_("{flag} must be more than 1", flag="--archive-max-ratio"))


@dataclass(frozen=True)
class Options:
    """Everything that shapes an audit.  Nothing here is global state."""

    inputs: tuple[str, ...]
    """What the user named, exactly as given (paths now; archives and URLs later)."""
    workers: int = field(default_factory=default_workers)
    """Processes reading photo metadata in parallel; 1 reads in this process."""
    reproducible: bool = False
    """Leave out the generation time so two runs give byte-identical reports."""
    follow_symlinks: bool = False
    """Follow symbolic links to folders while walking (off: avoids loops and surprises)."""
    web: WebOptions = field(default_factory=WebOptions)
    """Limits and manners of the profile crawler (INPUTs that are http(s) URLs)."""
    exports: ExportOptions = field(default_factory=ExportOptions)
    """Caps for reading platform exports (archives, unpacked folders, lone export files)."""

    def __post_init__(self) -> None:
        if not self.inputs:
            raise UsageError.of(M_("name at least one photo, folder or export to audit"))
        if self.workers < 1:
            raise UsageError.of(M_("{flag} must be 1 or more", flag="--workers"))

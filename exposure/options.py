"""The one frozen Options object, built once (by the CLI or a library caller) and passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from exposure.errors import UsageError


def default_workers() -> int:
    """Worker processes for photo scanning: one per core, at most 8."""
    return max(1, min(8, os.cpu_count() or 1))


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
    max_metadata_bytes: int = 16 * 1024 * 1024
    """At most this much metadata is read from one file, whatever its headers claim."""

    def __post_init__(self) -> None:
        if not self.inputs:
            raise UsageError("name at least one photo, folder or export to audit")
        if self.workers < 1:
            raise UsageError("--workers must be 1 or more")

"""The ``exposure audit`` flags for platform exports, as data (the CLI builds them)."""

from __future__ import annotations

from exposure.flags import Flag, FlagGroup, size
from exposure.i18n import N_

EXPORT_FLAGS = FlagGroup(
    N_("exports"),
    N_("caps for 'download your data' archives (protect against broken or hostile files)"),
    (
        Flag("--archive-member-limit", "exports.member_limit", N_("most data read from one file inside an archive, e.g. 8G (default: 8G)"), size, "SIZE"),
        Flag("--archive-total-limit", "exports.total_limit", N_("most data read from one archive in all (default: 64G)"), size, "SIZE"),
        Flag("--archive-max-ratio", "exports.max_ratio", N_("stop reading a file that expands more than N times its compressed size (a zip bomb; default: {default})"), float, "N"),
        Flag("--archive-media-limit", "exports.media_limit", N_("largest photo or video read inside an archive (default: 64M)"), size, "SIZE"),
        Flag("--archive-nested-limit", "exports.nested_limit", N_("largest archive inside an archive (a .zip in a Takeout), read in memory to open it (default: 256M)"), size, "SIZE"),
        Flag("--export-max-points", "exports.max_points", N_("located points kept per location history for inference, sampled evenly (default: {default})"), int, "N", show="{:,}".format),
    ),
)  # fmt: skip
"""Flags for :class:`~exposure.options.ExportOptions` (``Options.exports``)."""

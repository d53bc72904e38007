"""What the page may ask the server to read: checked before a job exists.

Paths typed on the page are read where they are, like INPUTs on the command line (the
server runs as the person using it, on their computer).  Uploaded files get a relative
name that can only ever land inside the job's own folder.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from typing import Any

MAX_ITEMS = 200
"""Most typed paths or addresses in one check."""
MAX_NAME = 1024


def check_inputs(body: dict[str, Any]) -> tuple[list[str], list[str], bool]:
    """``(paths, urls, demo)`` from the page's request; ValueError with words otherwise."""
    paths = _lines(body.get("paths"), "paths")
    urls = _lines(body.get("urls"), "addresses")
    demo = body.get("demo") is True
    for url in urls:
        if not url.lower().startswith(("http://", "https://")) or len(url) > 2048:
            raise ValueError(f"{url}: give the full address, starting with https://")
    found = []
    for given in paths:
        path = Path(given).expanduser()
        if not path.exists():
            raise ValueError(f"{given}: no such file or folder on this computer")
        found.append(str(path))
    return found, urls, demo


def _lines(value: Any, what: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{what}: a list of text expected")
    lines = [v.strip() for v in value if v.strip()]
    if len(lines) > MAX_ITEMS:
        raise ValueError(f"at most {MAX_ITEMS} {what} at once")
    return lines


def safe_relative(name: str) -> str:
    """An uploaded file's relative name (``Phone/IMG_1.jpg``), made safe: no absolute path,
    no ``..``, no empty or dot parts, no control characters; ValueError otherwise."""
    if not name or len(name) > MAX_NAME:
        raise ValueError("a file without a name cannot be stored")
    parts = name.replace("\\", "/").split("/")
    for part in parts:
        if part in ("", ".", "..") or any(unicodedata.category(c)[0] == "C" for c in part):
            raise ValueError(f"{name!r} is not a file name exposure stores")
        if os.name == "nt" and (":" in part or part.rstrip(" .") != part):
            raise ValueError(f"{name!r} is not a file name exposure stores")
    return "/".join(parts)

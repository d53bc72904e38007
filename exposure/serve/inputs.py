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

from exposure.i18n import N_

MAX_ITEMS = 200
"""Most typed paths or addresses in one check."""
MAX_NAME = 1024


class InputProblem(ValueError):
    """What is wrong with a request, as a message to translate and its values."""

    def __init__(self, message: str, **values: object) -> None:
        super().__init__(message.format(**values))
        self.message = message
        self.values = values


def check_inputs(body: dict[str, Any]) -> tuple[list[str], list[str], bool]:
    """``(paths, urls, demo)`` from the page's request; ValueError with words otherwise."""
    paths = _lines(body.get("paths"), "paths")
    urls = _lines(body.get("urls"), "addresses")
    demo = body.get("demo") is True
    for url in urls:
        if not url.lower().startswith(("http://", "https://")) or len(url) > 2048:
            raise InputProblem(N_("{url}: give the full address, starting with https://"), url=url)
    found = []
    for given in paths:
        path = Path(given).expanduser()
        if not path.exists():
            raise InputProblem(N_("{path}: no such file or folder on this computer"), path=given)
        found.append(str(path))
    return found, urls, demo


def _lines(value: Any, what: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputProblem(N_("a list of text was expected"))
    lines = [v.strip() for v in value if v.strip()]
    if len(lines) > MAX_ITEMS:
        raise InputProblem(N_("at most {count} paths or addresses at once"), count=MAX_ITEMS)
    return lines


def safe_relative(name: str) -> str:
    """An uploaded file's relative name (``Phone/IMG_1.jpg``), made safe: no absolute path,
    no ``..``, no empty or dot parts, no control characters; ValueError otherwise."""
    if not name or len(name) > MAX_NAME:
        raise InputProblem(N_("a file without a name cannot be stored"))
    parts = name.replace("\\", "/").split("/")
    for part in parts:
        if part in ("", ".", "..") or any(unicodedata.category(c)[0] == "C" for c in part):
            raise InputProblem(N_("{name} is not a file name exposure stores"), name=repr(name))
        if os.name == "nt" and (":" in part or part.rstrip(" .") != part):
            raise InputProblem(N_("{name} is not a file name exposure stores"), name=repr(name))
    return "/".join(parts)

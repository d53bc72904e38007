"""Street addresses: exposure's patterns against pyap2 and usaddress on the labelled set.

    python bench/address_libraries.py

The task is "does this string hold a street address or a postcode?" over every string of
tests/detectors/text/labelled.jsonl (positives: strings labelled text-street-address or
text-postcode; everything else is a negative, including the tricky ones).  Libraries that
are not installed are skipped; install them into a scratch environment to compare
(``pip install pyap2 usaddress``): they are not dependencies of exposure.

* pyap2 (``pyap.parse(text, country=...)``) is run for US, CA and GB and counts a hit if
  any country finds an address.
* usaddress (``usaddress.tag``) parses the whole string as one address; a hit is a
  "Street Address" with a house number and a street name.
"""

from __future__ import annotations

import importlib.util
import json
import time
from collections.abc import Callable
from pathlib import Path

from exposure.detectors.text import AddressDetector

LABELLED = Path(__file__).resolve().parents[1] / "tests" / "detectors" / "text" / "labelled.jsonl"
ADDRESS_KINDS = {"text-street-address", "text-postcode"}


def _exposure() -> Callable[[str], bool]:
    detector = AddressDetector()
    return lambda text: bool(detector.find(text))


def _pyap() -> Callable[[str], bool] | None:
    if importlib.util.find_spec("pyap") is None:
        return None
    import pyap

    def found(text: str) -> bool:
        return any(pyap.parse(text, country=country) for country in ("US", "CA", "GB"))

    return found


def _usaddress() -> Callable[[str], bool] | None:
    if importlib.util.find_spec("usaddress") is None:
        return None
    import usaddress

    def found(text: str) -> bool:
        try:
            parts, kind = usaddress.tag(text)
        except usaddress.RepeatedLabelError:
            return False
        return kind == "Street Address" and "AddressNumber" in parts and "StreetName" in parts

    return found


def main() -> None:
    rows = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]
    european = (
        "straße",
        "strasse",
        "str.",
        "straat",
        "gracht",
        "gatan",
        "gade",
        "gate ",
        "rue",
        "avenue v",
        "boulevard",
        "place b",
        "calle",
        "via ",
        "piazza",
        "rua ",
        "carrer",
        "avenida",
        "corso",
        "damm",
        "allee",
    )
    print(f"{len(rows)} strings; positives are strings labelled with a street address or postcode")
    print(
        f"{'method':<12} {'precision':>9} {'recall':>7} {'US/UK/CA':>8} {'Europe':>7} "
        f"{'ms/string':>9}  false alarms"
    )
    for name, make in (("exposure", _exposure), ("pyap2", _pyap), ("usaddress", _usaddress)):
        predict = make()
        if predict is None:
            print(f"{name:<12} not installed")
            continue
        tp = fp = fn = eu_tp = eu_all = 0
        alarms: list[str] = []
        start = time.perf_counter()
        for row in rows:
            expected = bool(ADDRESS_KINDS & set(row["kinds"]))
            got = predict(row["text"])
            is_eu = expected and any(w in row["text"].casefold() for w in european)
            eu_all += is_eu
            eu_tp += is_eu and got
            tp += expected and got
            fp += got and not expected
            fn += expected and not got
            if got and not expected:
                alarms.append(row["text"])
        per = (time.perf_counter() - start) * 1000 / len(rows)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        eu = eu_tp / eu_all if eu_all else 1.0
        rest = (tp - eu_tp) / (tp + fn - eu_all) if tp + fn - eu_all else 1.0
        print(
            f"{name:<12} {precision:9.3f} {recall:7.3f} {rest:8.3f} {eu:7.3f} {per:9.3f}  "
            f"{len(alarms)}"
        )
        for text in alarms[:8]:
            print(f"{'':12}   false alarm: {text!r}")


if __name__ == "__main__":
    main()

"""Text-detector benchmark: every text detector over generated post text, as the engine runs them.

    python bench/text.py                  # 100 MB of posts, 1% with a location
    python bench/text.py --mb 20 --seed 3

Posts are generated in 10 MB batches (generation is not timed) from a vocabulary with the
things that make detectors work: numbers, prices, times, versions, scores, hashtags, plain
links, capitalised names, "at" and "home", and 1% of posts carry a location in one of the
supported forms (coordinates, map links, what3words, plus codes, addresses, postcodes,
check-ins, home phrases).  For each post the engine's work is timed: every registered
TextDetector's ``detect(item, text)``, findings included.

Printed, all measured in this run: MB/s through the detectors (wall clock, and per second
of this process's CPU time, which a busy machine disturbs less), MB/s of a reference pass
(one ``str.split`` per post: the cost of touching each post from Python at all) and the
ratio, findings per location post, and the process's peak resident memory above what it
held before scanning.  Target (issue 5): at least 20 MB/s on the 2-core dev machine.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from exposure.detectors import new_text_detectors  # noqa: E402
from exposure.model import SourceItem  # noqa: E402

BATCH = 10 * 1024 * 1024

WORDS = (
    "the a and to of in is it you that was for on are with as I his they be at one have this "
    "from or had by hot word but what some we can out other were all there when up use your "
    "how said an each she which do their time if will way about many then them write would "
    "like so these her long make thing see him two has look more day could go come did my "
    "sound no most number who over know water than call first people may down side been now "
    "find any new work part take get place made live where after back little only round man "
    "year came show every good me give our under name very through just form much great think "
    "say help low line before turn cause same mean differ move right boy old too does tell "
    "coffee lunch friends weekend amazing love today tonight home gym beach sunset morning"
).split()
NAMES = "Anna Ben Chloe David Emma Felix Grace Hugo Iris Jack London Paris Monday Friday".split()
FILLERS = [
    lambda r: f"{r.randint(1, 99)}.{r.randint(0, 99):02d} EUR",
    lambda r: f"${r.randint(1, 999)}.{r.randint(0, 99):02d}",
    lambda r: f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
    lambda r: f"v{r.randint(1, 9)}.{r.randint(0, 20)}.{r.randint(0, 99)}",
    lambda r: f"{r.randint(0, 5)}-{r.randint(0, 5)}",
    lambda r: f"#{r.choice(WORDS)}{r.choice(WORDS)}",
    lambda r: f"@{r.choice(NAMES).lower()}{r.randint(1, 99)}",
    lambda r: f"https://example.org/{r.choice(WORDS)}/{r.randint(100, 99999)}",
    lambda r: f"{r.randint(1, 28)}/{r.randint(1, 12)}/20{r.randint(10, 29)}",
    lambda r: f"{r.randint(1, 100)}%",
    lambda r: r.choice(NAMES),
    lambda r: "I'm at the gym",
    lambda r: f"at {r.choice(NAMES)}'s",
    lambda r: f"{r.randint(1, 20)} people",
]
LOCATIONS = [
    lambda r: f"{r.uniform(-60, 60):.6f}, {r.uniform(-170, 170):.6f}",
    lambda r: (
        f"https://www.google.com/maps/@{r.uniform(-60, 60):.7f},{r.uniform(-170, 170):.7f},17z"
    ),
    lambda r: f"https://maps.app.goo.gl/{r.randint(10**8, 10**9)}",
    lambda r: (
        f"https://maps.apple.com/?ll={r.uniform(-60, 60):.6f},{r.uniform(-170, 170):.6f}&q=Here"
    ),
    lambda r: (
        f"https://www.openstreetmap.org/#map=17/{r.uniform(-60, 60):.5f}/{r.uniform(-170, 170):.5f}"
    ),
    lambda r: "///filled.count.soap",
    lambda r: "9F4MGCC2+2X",
    lambda r: f"{r.randint(1, 999)} Elm Street, Springfield, IL 62704",
    lambda r: f"Hauptstraße {r.randint(1, 99)}, 10115 Berlin",
    lambda r: "SW1A 1AA",
    lambda r: "I'm at Joe's Cafe (5th Ave) in New York, NY https://swarmapp.com/c/abc123",
    lambda r: "my house on Maple Street",
    lambda r: "52°31'12.0\"N 13°24'17.8\"E",
]


def post(r: random.Random, located: bool) -> str:
    """One post of 8 to 80 words with a few fillers, and a location when ``located``."""
    parts = [r.choice(WORDS) for _ in range(r.randint(8, 80))]
    for _ in range(r.randint(0, 4)):
        parts.insert(r.randrange(len(parts) + 1), r.choice(FILLERS)(r))
    if located:
        parts.insert(r.randrange(len(parts) + 1), r.choice(LOCATIONS)(r))
    text = " ".join(parts)
    return text[0].upper() + text[1:] + r.choice([".", "!", " :)", "", "?"])


def batches(total: int, seed: int) -> Iterator[list[str]]:
    """Lists of posts of about :data:`BATCH` bytes each, ``total`` bytes in all."""
    r = random.Random(seed)
    made = 0
    while made < total:
        batch: list[str] = []
        size = 0
        while size < BATCH and made + size < total:
            text = post(r, r.random() < 0.01)
            batch.append(text)
            size += len(text.encode("utf-8"))
        made += size
        yield batch


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=100, help="megabytes of post text (default 100)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    detectors = new_text_detectors()
    item = SourceItem(source="bench", locator="bench#post", kind="post", group="Bench")
    start_rss = peak_rss_mb()
    scanned = reference = scanned_cpu = 0.0
    size = posts = findings = 0
    for batch in batches(args.mb * 1024 * 1024, args.seed):
        t0 = time.perf_counter()
        for text in batch:
            text.split()
        t1, c1 = time.perf_counter(), time.process_time()
        for text in batch:
            for detector in detectors:
                for _ in detector.detect(item, text):
                    findings += 1
        t2, c2 = time.perf_counter(), time.process_time()
        reference += t1 - t0
        scanned += t2 - t1
        scanned_cpu += c2 - c1
        size += sum(len(t.encode("utf-8")) for t in batch)
        posts += len(batch)
    mb = size / (1024 * 1024)
    print(f"{mb:.0f} MB in {posts:,} posts, {len(detectors)} text detectors")
    print(f"detectors : {mb / scanned:7.1f} MB/s ({scanned:.1f} s wall)   target >= 20 MB/s")
    print(
        f"            {mb / scanned_cpu:7.1f} MB/s of CPU time ({scanned_cpu:.1f} s; steadier when the machine is busy)"
    )
    print(f"reference : {mb / reference:7.1f} MB/s (one str.split per post)")
    print(f"ratio     : detectors take {scanned / reference:.1f}x the reference time")
    print(f"findings  : {findings:,} ({findings / max(1, posts // 100):.2f} per location post)")
    print(
        f"peak RSS  : {peak_rss_mb():.0f} MB ({peak_rss_mb() - start_rss:.0f} MB above the start)"
    )


if __name__ == "__main__":
    main()

"""Load and save times of an annotation store holding 10,000 highlights.

    python3 -m tests.benchmarks.bench_store

"raw" is the floor any JSON store pays on the same file: `json.loads` of its bytes, and a
compact `json.dumps` of the same data written and fsynced once. "load" is the usual open: the
file is unchanged since it was last written or read, so the parse cache answers (hashing the
JSON's bytes, see annotation_cache). "load, JSON changed" is the first open after the file was
edited elsewhere: the strict path (validation into typed annotations) plus writing the cache.
"save" adds to the raw write the lock, the merge check, the backup link, the second fsync
(folder) and the cache. "two instances" is the worst case of saving: the file changed on disk,
so it is read and merged before writing. Target: load and save medians well under 250 ms.
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kfor_viewer.core.annotation_cache import ParseCache
from kfor_viewer.core.annotation_store import AnnotationStore
from kfor_viewer.core.annotations import Annotation
from kfor_viewer.core.document_identity import DocumentIdentity

HIGHLIGHTS = 10_000
ROUNDS = 7
TARGET_MS = 250.0
IDENTITY = DocumentIdentity("ef" * 32, "bench.pdf", ("0A", "0B"))
QUOTE = "the total number of KFOR troops in theatre remained approximately 3,600"


def _highlight(number: int) -> Annotation:
    top = 90.0 + (number % 50) * 12.5
    return Annotation(
        id=f"{number:08x}-0000-4000-8000-000000000000",
        page=1 + number // 50,
        quote=QUOTE,
        rects=((72.0, top, 540.0, top + 11.2), (72.0, top + 12.5, 310.4, top + 23.7)),
        prefix="2. As at 30 June 2020, the total number ",
        suffix=", from 19 North Atlantic Treaty Organiz",
        start=number % 3000,
        end=number % 3000 + len(QUOTE),
        tags=("troops", f"report-{number % 4}"),
        note="Compare with the previous report." if number % 3 == 0 else "",
    )


def _median_ms(action: Callable[[], object], rounds: int = ROUNDS) -> tuple[float, float]:
    """Median wall time and median CPU time of this process, in ms. On a shared machine the CPU
    time is the steadier figure: the wall time includes waiting for other processes."""
    walls, cpus = [], []
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def _raw_save(path: Path, data: dict) -> None:
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(json.dumps(data, sort_keys=True, ensure_ascii=False))
        stream.flush()
        os.fsync(stream.fileno())


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="kfor-bench-store-"))
    store = AnnotationStore(IDENTITY, folder)
    for number in range(HIGHLIGHTS):
        store.add(_highlight(number))
    store.save()
    raw_bytes = store.path.read_bytes()
    data = json.loads(raw_bytes)

    raw_load = _median_ms(lambda: json.loads(store.path.read_bytes()))
    raw_save = _median_ms(lambda: _raw_save(folder / "raw.json", data))
    load = _median_ms(lambda: AnnotationStore.open(IDENTITY, folder))
    cache_file = ParseCache(IDENTITY.sha256, folder).path

    def load_without_cache() -> None:
        cache_file.unlink()
        AnnotationStore.open(IDENTITY, folder)

    strict_load = _median_ms(load_without_cache, rounds=5)

    def edit_and_save() -> None:
        store.update(f"{7:08x}-0000-4000-8000-000000000000", note=str(time.perf_counter()))
        store.save()

    save = _median_ms(edit_and_save)
    other = AnnotationStore.open(IDENTITY, folder)

    def save_after_other_instance() -> None:
        other.update(f"{9:08x}-0000-4000-8000-000000000000", note=str(time.perf_counter()))
        other.save()
        edit_and_save()

    merged_pair = _median_ms(save_after_other_instance, rounds=5)

    rows = [
        ("load", raw_load, load),
        ("load, JSON changed (strict path)", raw_load, strict_load),
        ("save after an edit", raw_save, save),
        ("two instances, each save merges", tuple(2 * t for t in raw_save), merged_pair),
    ]
    print(f"store of {HIGHLIGHTS} highlights, {len(raw_bytes) / 1e6:.1f} MB; medians in ms")
    print(f"{'':34}{'raw':>8}{'ours':>8}{'ratio':>7}{'raw cpu':>9}{'ours cpu':>10}")
    for name, raw, ours in rows:
        print(
            f"{name:34}{raw[0]:8.1f}{ours[0]:8.1f}{ours[0] / raw[0]:7.2f}"
            f"{raw[1]:9.1f}{ours[1]:10.1f}"
        )
    worst = max(load[0], save[0])
    verdict = "OK" if worst < TARGET_MS else "OVER TARGET (see cpu: is the machine busy?)"
    print(f"target: load and save each < {TARGET_MS:.0f} ms wall: {verdict}")
    print(f"load average during the run: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

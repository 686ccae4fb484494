"""Benchmark: load and analyse a folder of articles, print speed and memory.

    python -m analysis.bench --corpus ../shared/external/bbc --fraction 0.1 0.5 1.0

For each fraction (a deterministic, evenly spread subset of the files), prints the
articles, words and sentences, the wall time of loading (reading and cleaning)
and of analysing, the time each stage took summed over workers, articles per
second, and the peak memory of this process and of its workers. Then it runs
VADER alone over the same sentences and prints the targets: the ratio of the
whole pipeline to VADER alone, and how far the cost per article stays flat.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path

from analysis.corpus import CorpusNote, CorpusWarning, load_corpus
from analysis.pipeline import STAGES, analyse
from analysis.sentiment import score_sentiment

TARGET_SECONDS, TARGET_MB, TARGET_FLAT, TARGET_RATIO = 30.0, 1024.0, 1.2, 3.0


@contextlib.contextmanager
def subset(folder: Path, fraction: float):
    """A temporary folder with a copy of an evenly spread ``fraction`` of the ``.txt`` files
    (the folder itself for a fraction of 1); removed afterwards. Copies, not links: the
    corpus loader does not follow symbolic links."""
    if fraction >= 1:
        yield folder
        return
    files = sorted(p for p in folder.rglob("*.txt") if p.is_file())
    k = max(1, round(fraction * len(files)))
    chosen = [files[int(i * len(files) / k)] for i in range(k)]
    with tempfile.TemporaryDirectory(prefix=f"bench-{fraction:g}-") as target:
        for path in chosen:
            link = Path(target) / path.relative_to(folder)
            link.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, link)
        yield Path(target)


def peak_mb() -> tuple[float, float]:
    """Peak resident memory (MB) of this process and of its largest worker.

    Live workers are read from /proc (their VmHWM, the high-water mark of resident
    memory); workers already gone count through RUSAGE_CHILDREN.
    """
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    for pid in _descendants(os.getpid()):
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                largest = max(largest, int(line.split()[1]) / 1024)
    return own, largest


def _descendants(root: int) -> list[int]:
    """Process ids below ``root`` (Linux /proc; empty elsewhere)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def run(folder: Path, fraction: float, n_jobs: int) -> dict:
    with subset(folder, fraction) as path, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        start = time.perf_counter()
        corpus = load_corpus(path, n_jobs=n_jobs)
        loaded = time.perf_counter()
        result = analyse(corpus, n_jobs=n_jobs)
        done = time.perf_counter()
    problems = [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]
    notes = [w for w in caught if issubclass(w.category, CorpusNote)]
    return {"fraction": fraction, "articles": len(corpus), "words": int(corpus["n_words"].sum()),
            "sentences": len(result.sentences), "load": loaded - start, "analyse": done - loaded,
            "total": done - start, "stages": result.seconds, "problems": problems,
            "notes": len(notes), "texts": result.sentences["text"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", required=True, type=Path, help="folder of .txt articles")
    parser.add_argument("--fraction", type=float, nargs="+", default=[1.0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="worker processes (default: all cores)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="timings of the largest fraction and of VADER alone to take; the "
                             "ratio uses the fastest of each, as timeit does (default: 3)")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        parser.error(f"{args.corpus}: no such folder")

    # Start the workers once (and let them load their dictionaries), so that the first
    # timed run does not pay for start-up the later ones do not.
    with subset(args.corpus, 0.02) as path, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        warm = load_corpus(path, n_jobs=args.jobs)
        analyse(warm, n_jobs=args.jobs, progress=False)

    runs = [run(args.corpus, f, args.jobs) for f in sorted(args.fraction)]
    header = (f"{'fraction':>8} {'articles':>8} {'words':>9} {'sentences':>9} {'load s':>7} "
              f"{'analyse s':>9} {'total s':>7} {'art/s':>7}  " + " ".join(
                  f"{s[:9]:>9}" for s in STAGES))
    print(f"workers: {args.jobs}; stage columns: seconds summed over workers")
    print(header)
    for r in runs:
        print(f"{r['fraction']:>8g} {r['articles']:>8} {r['words']:>9,} {r['sentences']:>9,} "
              f"{r['load']:>7.2f} {r['analyse']:>9.2f} {r['total']:>7.2f} "
              f"{r['articles'] / r['total']:>7.1f}  "
              + " ".join(f"{r['stages'][s]:>9.2f}" for s in STAGES))
    last = runs[-1]
    shown = last["problems"][:5]
    for message in shown:
        print(f"warning: {message}")
    if len(last["problems"]) > len(shown):
        print(f"... and {len(last['problems']) - len(shown)} more warnings "
              f"(load_corpus lists them all)")

    # Timings on a shared machine wander; like timeit, compare the fastest of a few runs,
    # taken in turns (pipeline, VADER, pipeline, VADER ...) so that both see the same load.
    totals, vaders = [last["total"]], []
    for k in range(args.repeat):
        if k:
            totals.append(run(args.corpus, last["fraction"], args.jobs)["total"])
        start = time.perf_counter()
        score_sentiment(last["texts"])
        vaders.append(time.perf_counter() - start)
    own, children = peak_mb()  # before the workers are shut down
    ratio = min(totals) / min(vaders)
    print()
    print(f"whole pipeline (load + analyse), {len(totals)} runs: "
          + ", ".join(f"{t:.2f}" for t in totals) + " s")
    print(f"VADER alone over the same {last['sentences']:,} sentences, {len(vaders)} runs: "
          + ", ".join(f"{v:.2f}" for v in vaders) + " s")
    print(f"pipeline / VADER alone (fastest runs): {ratio:.2f} (target <= {TARGET_RATIO:g}); "
          "run by run: " + ", ".join(f"{t / v:.2f}" for t, v in zip(totals, vaders)))
    print(f"peak memory: {own:.0f} MB this process, {children:.0f} MB largest worker "
          f"(target < {TARGET_MB:g} MB)")
    print(f"time for {last['articles']} articles: {max(totals):.2f} s at worst "
          f"(target < {TARGET_SECONDS:g} s for the BBC set)")
    smallest = runs[0]
    if len(runs) > 1 and smallest["fraction"] < last["fraction"]:
        scale = last["articles"] / smallest["articles"]
        flat = last["total"] / (scale * smallest["total"])
        print(f"cost per article, {last['fraction']:g} against {scale:.1f} x "
              f"{smallest['fraction']:g}: {flat:.2f} (target <= {TARGET_FLAT:g})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

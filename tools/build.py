"""Build the book on a corpus: one build at a time per folder, each corpus in its own folder.

    python tools/build.py                      # seeds/ -> _build/html, figures/
    python tools/build.py --corpus my-articles # -> _build/corpora/my-articles/_build/html
    python tools/build.py --corpus X --out DIR # -> DIR/_build/html (DIR/figures, ...)
    python tools/build.py --no-wait            # fail at once if a build holds the folder

The seeds build is exactly ``jupyter-book build . -n -W --keep-going`` in the project,
writing ``_build/html`` and the committed ``figures/``. Any other corpus is built in a
folder of its own (``_build/corpora/<name>/`` unless ``--out``) that links to the
book's sources (chapters, pages, configuration) and holds its own ``figures/``, its
analysis cache and its jupyter-cache, so it never overwrites the seeds' figures nor
shares a cache with them. Links, not copies: a notebook then runs in the project's
``chapters/`` folder and reads the same relative paths as in the seeds build.

A build holds an exclusive lock (``fcntl.flock`` on ``<build>/.build.lock``, released
by the system if the build dies). A second build of the same folder prints who holds
it (pid, start, corpus) and waits for it, or with ``--no-wait`` stops at once with
exit status 75. Before building, damaged analysis-cache entries are removed and
``tools/inputs_changed.py`` clears the execution cache if any input changed.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools import inputs_changed  # noqa: E402

# What a corpus build links to: the book's sources, nothing it writes.
BOOK_SOURCES = ("chapters", "_ext", "_static", "_config.yml", "_toc.yml", "references.bib",
                "CITATION.cff", "pyproject.toml", "analysis")  # the figure pack reads the last three
LOCK_NAME = ".build.lock"
EXIT_LOCKED = 75  # EX_TEMPFAIL: try again later


class BuildLockedError(RuntimeError):
    """Another build holds this build folder."""


@dataclass(frozen=True)
class Plan:
    """Where one build reads and writes."""

    corpus: Path
    source: Path   # the book's source folder (the project, or a folder of links)
    build: Path    # jupyter-book's _build: html, .jupyter_cache, .doctrees
    figures: Path
    cache: Path    # the analysis cache

    @property
    def html(self) -> Path:
        return self.build / "html"

    def environment(self) -> dict[str, str]:
        return {"REPORT_CORPUS": str(self.corpus), "REPORT_FIGURES": str(self.figures),
                "REPORT_CACHE": str(self.cache)}


def corpus_name(corpus: Path) -> str:
    """A folder name for a corpus: its own name, with anything but ``\\w . -`` replaced."""
    return re.sub(r"[^\w.-]", "-", corpus.resolve().name).strip(".-") or "corpus"


def plan(corpus: str | Path = "seeds", out: str | Path | None = None,
         root: Path = ROOT) -> Plan:
    """The folders of a build: the project's own for ``seeds/``, else a folder per corpus."""
    corpus = (root / corpus).resolve() if not Path(corpus).is_absolute() else Path(corpus)
    if out is None and corpus == (root / "seeds").resolve():
        return Plan(corpus, root, root / "_build", root / "figures",
                    root / "_build" / ".analysis-cache")
    folder = Path(out).resolve() if out else root / "_build" / "corpora" / corpus_name(corpus)
    return Plan(corpus, folder, folder / "_build", folder / "figures",
                folder / "_build" / ".analysis-cache")


def book_sources(root: Path = ROOT) -> list[Path]:
    """The files and folders a build of the book reads (pages, chapters, configuration)."""
    pages = [p for p in sorted(root.glob("*.md")) + sorted(root.glob("*.ipynb"))
             if p.name != "README.md"]
    return [root / name for name in BOOK_SOURCES] + pages


def link_sources(folder: Path, root: Path = ROOT) -> None:
    """Make ``folder`` a source folder of the book: links to its sources, own figures/."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {path.name: path for path in book_sources(root)}
    for entry in folder.iterdir():  # links to sources that no longer exist
        if entry.is_symlink() and entry.name not in wanted:
            entry.unlink()
    for name, target in wanted.items():
        link = folder / name
        if link.is_symlink() and link.resolve() == target.resolve():
            continue
        if link.is_symlink() or link.is_file():
            link.unlink()
        elif link.exists():
            raise FileExistsError(f"{link} is a folder, not a link to {target}: remove it")
        link.symlink_to(target)
    (folder / "figures").mkdir(exist_ok=True)


def _holder(handle) -> str:
    handle.seek(0)
    return handle.read().strip() or "another build (starting)"


@contextlib.contextmanager
def build_lock(build: Path, corpus: Path, wait: bool = True,
               timeout: float | None = None, say=print) -> Iterator[None]:
    """Hold ``<build>/.build.lock`` exclusively for the duration of the block.

    The file names the holder (pid, start time, corpus). If another process holds
    it: wait (saying who holds it), or raise :class:`BuildLockedError` with that text
    when ``wait`` is false or ``timeout`` seconds pass. The system releases the
    lock if its holder dies, so a killed build never leaves the folder locked.
    """
    build.mkdir(parents=True, exist_ok=True)
    with open(build / LOCK_NAME, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(handle)
            if not wait:
                raise BuildLockedError(f"{build} is being built by {holder}; "
                                  "try again when it has finished") from None
            say(f"waiting: {build} is being built by {holder}", flush=True)
            deadline = None if timeout is None else time.monotonic() + timeout
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if deadline is not None and time.monotonic() > deadline:
                        raise BuildLockedError(f"{build} still being built by {_holder(handle)} "
                                          f"after {timeout:g} s") from None
                    time.sleep(0.5)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}, "
                     f"corpus {corpus}\n")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            handle.flush()
            fcntl.flock(handle, fcntl.LOCK_UN)


def build(target: Plan, wait: bool = True, timeout: float | None = None,
          root: Path = ROOT) -> int:
    """Build the book for ``target``; the exit status of jupyter-book."""
    from analysis.cache import heal_folder

    if not target.corpus.is_dir():
        print(f"corpus {target.corpus}: no such folder", file=sys.stderr)
        return 2
    with build_lock(target.build, target.corpus, wait=wait, timeout=timeout):
        if target.source != root:
            link_sources(target.source, root)
        for message in heal_folder(target.cache):
            print(message)
        default = target.source == root
        inputs_changed.main(target.build, root, None if default else target.corpus)
        command = [str(Path(sys.executable).parent / "jupyter-book"), "build",
                   "." if default else str(target.source), "-n", "-W", "--keep-going"]
        print(" ".join(command), flush=True)
        status = subprocess.run(command, cwd=root,
                                env={**os.environ, **target.environment()}).returncode
    if status == 0:
        print(f"The book is in {target.html / 'index.html'}"
              + ("" if default else f"; its figures in {target.figures}"))
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default="seeds", help="corpus folder (default: seeds)")
    parser.add_argument("--out", help="build folder (default: _build/corpora/<name>)")
    parser.add_argument("--no-wait", action="store_true",
                        help=f"exit with status {EXIT_LOCKED} if another build holds the folder")
    parser.add_argument("--timeout", type=float, help="give up waiting after this many seconds")
    args = parser.parse_args(argv)
    try:
        return build(plan(args.corpus, args.out), wait=not args.no_wait, timeout=args.timeout)
    except BuildLockedError as err:
        print(f"build refused: {err}", file=sys.stderr)
        return EXIT_LOCKED


if __name__ == "__main__":
    sys.exit(main())

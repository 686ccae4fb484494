"""Clear the notebook execution cache when the analysis inputs change.

jupyter-cache re-runs a notebook only when its code cells change. The chapters
also depend on the corpus (``seeds/``, or the folder a build chose), the helper
package (``analysis/``), the test data they read (``tests/data/``) and, for the list
of figures, the chapters' captions (``chapters/``); this script
hashes those files, and the corpus folder's own path, and when the hash differs
from the one recorded at the last build, deletes the execution cache and Sphinx's
environment (which would otherwise skip notebooks whose own file did not change),
so that `jupyter-book build` re-executes every notebook. An unchanged rebuild
keeps both; building another corpus into the same folder re-executes. A change to
the local Sphinx extensions (``_ext/``, which rewrite every page) clears only
Sphinx's environment: every page is written again, no notebook re-executed.

Usage: python tools/inputs_changed.py [BUILD_DIR] [CORPUS]   (default: _build seeds)
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# chapters/: the list of figures reads every chapter's captions, which jupyter-cache does not
# see (it re-runs a notebook only when its own code changes).
INPUTS = ("analysis", "seeds", "tests/data", "references.bib", "chapters")
EXTENSIONS = ("_ext",)


def _files(base: Path) -> list[Path]:
    if base.is_file():
        return [base]
    return sorted(p for p in base.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def inputs_hash(root: Path = ROOT, corpus: Path | None = None,
                inputs: tuple[str, ...] = INPUTS) -> str:
    """One SHA-256 over the paths and bytes of every input file, in sorted order.

    ``corpus`` replaces ``seeds/`` when given; its resolved path is hashed too, so
    choosing another folder with the same files still counts as a change.
    """
    digest = hashlib.sha256()
    for name in inputs:
        base = root / name
        if name == "seeds" and corpus is not None:
            base = Path(corpus).resolve()
            digest.update(b"corpus\0" + str(base).encode() + b"\0")
        for path in _files(base):
            label = path.relative_to(root if base.is_relative_to(root) else base)
            digest.update(label.as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _renew(stamp: Path, current: str, stale: list[Path], message: str) -> None:
    previous = stamp.read_text().strip() if stamp.exists() else None
    if previous != current:
        if any(path.exists() for path in stale):
            print(message)
        for path in stale:
            shutil.rmtree(path, ignore_errors=True)
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(current + "\n")


def main(build: Path, root: Path = ROOT, corpus: Path | None = None) -> int:
    """Delete ``build``'s execution cache and Sphinx environment if the inputs changed."""
    _renew(build / ".inputs.sha256", inputs_hash(root, corpus),
           [build / ".jupyter_cache", build / ".doctrees"],
           "inputs changed since the last build: notebooks will be re-executed")
    _renew(build / ".extensions.sha256", inputs_hash(root, None, EXTENSIONS),
           [build / ".doctrees"], "Sphinx extensions changed: every page will be written again")
    return 0


if __name__ == "__main__":
    arguments = sys.argv[1:]
    sys.exit(main(ROOT / (arguments[0] if arguments else "_build"), ROOT,
                  Path(arguments[1]) if len(arguments) > 1 else None))

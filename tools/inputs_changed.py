"""Clear the notebook execution cache when the analysis inputs change.

jupyter-cache re-runs a notebook only when its code cells change. The chapters
also depend on the corpus (seeds/), the helper package (analysis/) and the test
data they read (tests/data/); this script hashes those files and, when the hash
differs from the one recorded at the last build, deletes the execution cache
and Sphinx's environment (which would otherwise skip notebooks whose own file
did not change), so that `jupyter-book build` re-executes every notebook. An
unchanged rebuild keeps both.

Usage: python tools/inputs_changed.py [BUILD_DIR]   (default: _build)
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ("analysis", "seeds", "tests/data", "references.bib")


def inputs_hash(root: Path = ROOT) -> str:
    """One SHA-256 over the paths and bytes of every input file, in sorted order."""
    digest = hashlib.sha256()
    for name in INPUTS:
        base = root / name
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for path in files:
            if "__pycache__" in path.parts:
                continue
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def main(build: Path, root: Path = ROOT) -> int:
    stamp = build / ".inputs.sha256"
    current = inputs_hash(root)
    previous = stamp.read_text().strip() if stamp.exists() else None
    if previous != current:
        stale = [build / ".jupyter_cache", build / ".doctrees"]
        if any(path.exists() for path in stale):
            print("inputs changed since the last build: notebooks will be re-executed")
        for path in stale:
            shutil.rmtree(path, ignore_errors=True)
        build.mkdir(parents=True, exist_ok=True)
        stamp.write_text(current + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(ROOT / (sys.argv[1] if len(sys.argv) > 1 else "_build")))

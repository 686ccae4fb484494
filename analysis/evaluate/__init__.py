"""Scores of the report's methods against people's coding, on data the rules were not written on.

``python -m analysis.evaluate TASK DATA [--out FILE]`` runs one evaluation and writes its
result as JSON to ``evaluation/<task>.json`` (committed), stamped with the date, the data
it was measured on and the package version, so the book can cite exactly what was measured.
Each task lives in its own module with a ``main(argv) -> int``:

- ``frames``: frame coding against hand-coded sentences (:mod:`analysis.evaluate.frames`)
- ``quotes``: quotations and speakers against annotated news (:mod:`analysis.evaluate.quotes`)
- ``cleaning``: article bodies against gold bodies (:mod:`analysis.evaluate.cleaning`)
- ``readability``: a news benchmark for the reading grades (:mod:`analysis.evaluate.readability`)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from analysis.settings import ROOT

RESULTS_DIR = ROOT / "evaluation"
TASKS = ("frames", "quotes", "cleaning", "readability")


def data_fingerprint(path: str | Path) -> str:
    """SHA-256 over the relative paths and bytes of every file under ``path`` (or of one file)."""
    path = Path(path)
    digest = hashlib.sha256()
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    for file in files:
        digest.update(file.relative_to(path if path.is_dir() else path.parent).as_posix().encode())
        digest.update(b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def write_result(task: str, data: str | Path, description: str, metrics: dict,
                 out: str | Path | None = None, today: dt.date | None = None) -> Path:
    """Write one evaluation's result as JSON and return its path.

    Parameters
    ----------
    task : str
        One of :data:`TASKS`.
    data : str or Path
        The data measured on; its folder name and fingerprint are recorded.
    description : str
        One sentence naming the data for the book ("262 FrAC sentences ...").
    metrics : dict
        JSON-serialisable scores (numbers, counts, tables as lists of records).
    out : str or Path, optional
        Defaults to ``evaluation/<task>.json``.
    """
    from analysis import __version__

    data = Path(data)
    record = {
        "task": task,
        "date": (today or dt.date.today()).isoformat(),
        "data": data.resolve().name,
        "data_sha256": data_fingerprint(data),
        "description": description,
        "package_version": __version__,
        "metrics": metrics,
    }
    path = Path(out) if out is not None else RESULTS_DIR / f"{task}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False, sort_keys=False) + "\n",
                    encoding="utf-8")
    return path


def read_result(task: str, path: str | Path | None = None) -> dict:
    """The committed result of one evaluation (for the book to cite)."""
    path = Path(path) if path is not None else RESULTS_DIR / f"{task}.json"
    return json.loads(path.read_text(encoding="utf-8"))

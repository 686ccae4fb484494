"""Which files of a corpus folder are articles, and why every other one is not read.

Nothing under the folder is skipped in silence: :func:`corpus_files` lists every file and
folder with what happens to it. Articles are ``.txt`` files and saved web pages
(``.html``, ``.htm``, also gzipped), in any letter case. A file that may hold an article in
another format (PDF, Word…), a symbolic link (never followed: it could point anywhere on
the machine), a broken link or a folder that cannot be read is a *warning*; what is
deliberately not an article is a *note*: the folder's README or LICENSE, hidden files,
the ``<page>_files`` folder a browser saves beside a page, images, styles and scripts.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from analysis.metadata import METADATA_FILE
from analysis.webpage import is_html_name

# Files that describe a folder rather than belong to it (a data set's README, its licence).
NOT_ARTICLES = frozenset({"readme", "license", "licence", "source", "sources", "changelog",
                          "copying", "notice", "authors"})
# Checksum manifests (``sha256sum * > SHA256SUMS``); read to check the files are unchanged.
MANIFESTS = frozenset({"SHA256SUMS", "sha256sums.txt"})
# Files a page, an editor or an operating system leaves beside articles.
_ASSETS = frozenset(""".png .jpg .jpeg .gif .webp .svg .ico .bmp .tif .tiff .avif .css .js .mjs
    .map .woff .woff2 .ttf .otf .eot .mp3 .mp4 .webm .ogg .wav .m4a .mov""".split())
_CLUTTER = frozenset({"thumbs.db", "desktop.ini"})


class Entry(NamedTuple):
    """One file (or folder) of a corpus folder and what the loader does with it."""

    file: str  # path relative to the corpus folder, with "/"
    kind: str  # "text", "html", "metadata", "manifest" or "skipped"
    level: str  # "" (read), "note" or "warning"
    reason: str  # for a file not read, why: "<file>: skipped, <reason>"


def scan(root: Path) -> list[Entry]:
    """Every file and folder under ``root`` (not following links), in path order."""
    entries: list[Entry] = []
    _scan(root, root, entries)
    return entries


def _scan(root: Path, folder: Path, entries: list[Entry]) -> None:
    try:
        children = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as err:
        entries.append(Entry(_rel(root, folder) + "/", "skipped", "warning",
                             f"the folder cannot be read ({err.strerror or err}); its files are "
                             "not loaded"))
        return
    names = {c.name for c in children}
    for child in children:
        path = Path(child.path)
        name = _rel(root, path)
        if child.is_symlink():
            entries.append(_link(path, name))
        elif child.name.startswith("."):
            what = "folder, not searched" if child.is_dir(follow_symlinks=False) else "file"
            entries.append(Entry(name, "skipped", "note", f"a hidden {what}"))
        elif child.name == METADATA_FILE and folder == root:
            entries.append(Entry(name, "metadata", "", "the corpus's metadata"))
        elif child.is_dir(follow_symlinks=False):
            page = child.name.removesuffix("_files")
            if page != child.name and any(is_html_name(n) and _page_stem(n) == page
                                          for n in names):
                entries.append(Entry(name + "/", "skipped", "note",
                                     "the images and scripts of a saved web page, not searched"))
            else:
                _scan(root, path, entries)
        elif not child.is_file(follow_symlinks=False):
            entries.append(Entry(name, "skipped", "warning",
                                 "not a regular file (a device, pipe or socket)"))
        else:
            entries.append(_file(name, at_top=folder == root))


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _link(path: Path, name: str) -> Entry:
    target = os.readlink(path)
    if not path.exists():
        return Entry(name, "skipped", "warning",
                     f"a broken link (to {target}, which does not exist)")
    what = "folder" if path.is_dir() else "file"
    return Entry(name, "skipped", "warning",
                 f"a link to a {what} ({target}), not followed: copy the {what} into the "
                 "corpus folder to load it")


def _page_stem(name: str) -> str:
    """``page`` for ``page.html``, ``page.htm.gz``…"""
    stem = name[:-3] if name.lower().endswith(".gz") else name
    return stem.rsplit(".", 1)[0]


def _file(name: str, at_top: bool) -> Entry:
    base = name.rsplit("/", 1)[-1]
    lowered = base.lower()
    suffix = Path(lowered).suffix
    if base == METADATA_FILE:
        if at_top:
            return Entry(name, "metadata", "", "the corpus's metadata")
        return Entry(name, "skipped", "warning",
                     f"only the top folder's {METADATA_FILE} is read: move its rows there")
    if base in MANIFESTS and at_top:
        return Entry(name, "manifest", "", "checksums of the files, checked on loading")
    if lowered.split(".")[0] in NOT_ARTICLES:
        return Entry(name, "skipped", "note", f"a {base.split('.')[0]} file is not an article")
    if suffix == ".txt":
        return Entry(name, "text", "", "text file")
    if is_html_name(lowered):
        return Entry(name, "html", "", "saved web page")
    if lowered in _CLUTTER or suffix in _ASSETS:
        return Entry(name, "skipped", "note",
                     "not an article (an image, style, script or media file)")
    kind = f"a {suffix} file" if suffix else "a file without an extension"
    return Entry(name, "skipped", "warning",
                 f"{kind}: articles are .txt files or saved web pages (.html, .htm, also "
                 ".gz); save it as one of those to load it")


def corpus_files(path: str | Path) -> pd.DataFrame:
    """Every file under a corpus folder with what loading does with it, and why.

    Returns
    -------
    pandas.DataFrame
        Columns ``file, kind, level, reason``; ``kind`` is ``text``, ``html``,
        ``metadata``, ``manifest`` or ``skipped``, ``level`` is ``""`` for files read,
        ``note`` or ``warning`` for the others.

    Examples
    --------
    >>> corpus_files("seeds")["kind"].value_counts().to_dict()
    {'text': 5, 'manifest': 1, 'metadata': 1}
    """
    return pd.DataFrame(scan(Path(path)), columns=list(Entry._fields))

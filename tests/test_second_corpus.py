"""The same book on a second corpus: the seeds plus BBC articles on Tony Blair and George Bush.

One outlet then has many articles and two leaders the seeds never mention appear. The
book must build strictly, name the new leaders where they belong, show no NaN and no
empty figure, and leave the seeds' own book (its committed figures) untouched. The BBC
articles come from ``../shared/external/bbc`` (never copied into the project); their
metadata is ``tests/data/second_corpus.csv``. Skips when the shared data is absent.
"""

from __future__ import annotations

import csv
import hashlib
import re
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest

from .conftest import ROOT, SHARED

BBC = SHARED / "external" / "bbc"
ROWS = ROOT / "tests" / "data" / "second_corpus.csv"
NEW_LEADERS = ("Tony Blair", "George W. Bush")


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.glob("*")) if p.is_file()}


def write_second_corpus(folder: Path) -> Path:
    """The seeds (files and metadata) plus the BBC articles listed in second_corpus.csv."""
    shutil.copytree(ROOT / "seeds", folder)
    (folder / "SHA256SUMS").unlink(missing_ok=True)  # the added files are not in it
    with open(folder / "metadata.csv", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        columns, rows = list(reader.fieldnames), list(reader)
    with open(ROWS, encoding="utf-8", newline="") as f:
        for extra in csv.DictReader(f):
            source = extra.pop("bbc_file")
            name = "bbc-" + source.replace("/", "-")
            shutil.copyfile(BBC / source, folder / name)
            rows.append({column: extra.get(column, "") for column in columns} | {"file": name})
    with open(folder / "metadata.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return folder


@pytest.fixture(scope="module")
def second_book(tmp_path_factory):
    if not BBC.is_dir():
        pytest.skip(f"{BBC} is absent: the second corpus needs the shared BBC articles")
    base = tmp_path_factory.mktemp("second")
    corpus = write_second_corpus(base / "corpus")
    out = base / "book"
    before = _digest(ROOT / "figures")
    start = time.monotonic()
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "build.py"), "--corpus",
                             str(corpus), "--out", str(out)], cwd=ROOT, text=True,
                            capture_output=True, timeout=1800)
    seconds = time.monotonic() - start
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    print(f"\nsecond corpus: book built in {seconds:.0f} s")
    return {"html": out / "_build" / "html", "figures": out / "figures", "out": out,
            "log": result.stdout + result.stderr, "before": before,
            "after": _digest(ROOT / "figures"), "corpus": corpus}


class _Text(HTMLParser):
    """The text a reader sees in a page's article (scripts, styles and code left out)."""

    def __init__(self):
        super().__init__()
        self.text: list[str] = []
        self.values: list[str] = []  # table cells and glued values: where a NaN would show
        self.images: list[str] = []
        self._skip = 0
        self._value: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "pre", "code"):
            self._skip += 1
        if tag == "img":
            self.images.append(dict(attrs).get("src", ""))
        if tag in ("td", "th") or "pasted-text" in (dict(attrs).get("class") or ""):
            self._value.append(tag)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "pre", "code") and self._skip:
            self._skip -= 1
        if self._value and tag == self._value[-1]:
            self._value.pop()

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)
            if self._value:
                self.values.append(data.strip())


def page(book, name: str) -> _Text:
    parser = _Text()
    parser.feed((book["html"] / name).read_text(encoding="utf-8"))
    return parser


def chapter_pages(book) -> list[str]:
    return sorted(p.relative_to(book["html"]).as_posix()
                  for p in (book["html"] / "chapters").glob("*.html"))


def test_the_second_book_builds_strictly(second_book):
    assert "build succeeded" in second_book["log"]
    assert (second_book["html"] / "index.html").exists()


@pytest.mark.parametrize("chapter", ["chapters/corpus.html", "chapters/leaders.html"])
def test_the_new_leaders_are_named_where_they_belong(second_book, chapter):
    text = " ".join(page(second_book, chapter).text)
    for name in NEW_LEADERS:
        assert name in text, f"{name} is not named on {chapter}"


def test_the_new_leaders_are_drawn_in_the_leaders_figures(second_book):
    """The figures' data (CSV) of the leaders' chapter list both new leaders."""
    data = " ".join(p.read_text(encoding="utf-8")
                    for p in second_book["figures"].glob("leaders-*.csv"))
    assert data, "the leaders' chapter wrote no figure data"
    for name in NEW_LEADERS:
        assert name in data


def test_no_page_shows_nan_or_none(second_book):
    shown = {}
    for name in chapter_pages(second_book) + ["findings.html", "intro.html"]:
        parsed = page(second_book, name)
        found = re.findall(r"\b(?:nan|NaN)\b|nan%|\binf%", " ".join(parsed.text))
        found += [v for v in parsed.values if v in ("None", "inf", "-inf", "<NA>", "NaT")]
        if found:
            shown[name] = found[:5]
    assert shown == {}


def test_no_figure_is_missing_or_empty(second_book):
    import matplotlib.image as mpimg

    blank, missing = [], []
    for name in chapter_pages(second_book):
        html_dir = (second_book["html"] / name).parent
        for src in page(second_book, name).images:
            if not src.endswith(".png") or "_static" in src:
                continue
            path = (html_dir / src).resolve()
            if not path.exists():
                missing.append(f"{name}: {src}")
                continue
            pixels = mpimg.imread(path)[..., :3]
            # A figure with nothing drawn is (nearly) one colour.
            if float(np.std(pixels)) < 0.02:
                blank.append(f"{name}: {src}")
    assert missing == [] and blank == []


def test_the_corpus_chapter_counts_the_second_corpus(second_book):
    """Ten articles, two outlets more than none: the counts come from the corpus."""
    import analysis

    corpus = analysis.load_corpus(second_book["corpus"])
    text = " ".join(page(second_book, "chapters/corpus.html").text)
    assert len(corpus) == 10
    for doc_id in corpus["doc_id"]:
        assert doc_id in text
    assert "BBC News" in text


def test_the_seeds_book_is_untouched(second_book):
    assert second_book["after"] == second_book["before"]
    assert list((second_book["out"] / "_build" / ".analysis-cache").glob("*.pickle"))

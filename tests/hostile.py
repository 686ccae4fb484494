"""A hostile corpus, and the book built on it (twice at once, into one folder).

The seeds, plus articles whose body, quotations and every metadata field carry what
a page saved from the web, or a mischievous metadata row, can carry: live HTML,
event handlers, ``javascript:`` links, MyST roles and directives, ``$`` math,
Markdown links, spreadsheet formulas, very long words, right-to-left and
zero-width characters. Every script payload mentions :data:`MARK`: if any of it
became markup, ``MARK`` appears in a tag, an attribute or a script, and a browser
running it sets ``window[MARK]``.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MARK = "__pwned"

# Each payload runs `window.__pwned = …` (or needs a click to) if it is ever parsed as HTML.
SCRIPT = f'<script>window.{MARK}="script"</script>'
PAYLOADS = (
    SCRIPT,
    f'<img src=x onerror="window.{MARK}=\'img\'">',
    f"<svg/onload=window.{MARK}='svg'>",
    f'<a href="javascript:window.{MARK}=\'link\'">read more</a>',
    f'<iframe srcdoc="<script>parent.{MARK}=\'iframe\'</script>"></iframe>',
    f'"><script>window.{MARK}="attribute"</script>',
    f"'><img src=x onerror=window.{MARK}='quote'>",
    f'</td></tr></table></div><script>window.{MARK}="close"</script>',
    f"<style>body{{display:none}}</style><!-- {MARK}",
    f"{{glue:text}}`n_articles` {{sub-ref}}`today` {{{{ {MARK} }}}} (lbl)=",
    f"$\\href{{javascript:window.{MARK}=1}}{{x}}$ and $$\\undefinedmacro{{{MARK}}}$$",
    f"[read](javascript:window.{MARK}='md') ![pic](x\" onerror=\"window.{MARK}='mdimg')",
    f'=HYPERLINK("http://example.invalid/{MARK}","open")',
    f"&lt;script&gt;window.{MARK}='entity'&lt;/script&gt;",
)
FORMULAS = ('=HYPERLINK("http://example.invalid/x","open")', "+1+2", "-3+4", "@SUM(A1)")
LONG_WORD = "Supercalifragilistic" * 150
UNICODE = "RTL \u202etxet desrever\u202c, zero\u200bwidth\u200d joiner \ufeff and \u2028 breaks"


def _field(name: str, i: int) -> str:
    """A hostile value for one metadata field: a payload and the field's name."""
    return f"{name} {PAYLOADS[i % len(PAYLOADS)]} {UNICODE[:12]}"


def hostile_body(i: int) -> str:
    """An article body: ordinary prose, hostile paragraphs, hostile quotations."""
    paragraphs = [
        "LONDON — The special relationship between Britain and America was tested again "
        "this week as the Prime Minister met the President in Washington.",
        f"“We stand together {PAYLOADS[0]} in every storm,” Keir Starmer said on Tuesday.",
        f"“Our {PAYLOADS[1]} alliance is strong,” said Donald Trump. “It is special "
        f"{PAYLOADS[9]} and it always will be.”",
        f"The special relationship {PAYLOADS[2]} endures, officials said, despite tariffs "
        f"of $10bn and {PAYLOADS[10]}.",
        f"Critics called it “a {PAYLOADS[3]} relationship of convenience”, and the "
        f"opposition said {PAYLOADS[11]}.",
        *PAYLOADS,
        *FORMULAS,
        f"One word goes on and on: {LONG_WORD}.",
        UNICODE,
        f"“Trade, security and {PAYLOADS[(i + 5) % len(PAYLOADS)]} values,” he said.",
        "The talks ended without a joint statement on the special relationship.",
    ]
    return "\n\n".join(paragraphs) + "\n"


def write_hostile_corpus(folder: Path) -> Path:
    """The seeds plus two hostile articles, one with a hostile file name."""
    shutil.copytree(ROOT / "seeds", folder)
    (folder / "SHA256SUMS").unlink(missing_ok=True)
    with open(folder / "metadata.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    names = ["hostile-a.txt", f"b {PAYLOADS[1].replace('/', '')}.txt"]
    for i, name in enumerate(names):
        (folder / name).write_text(hostile_body(i), encoding="utf-8")
        row = {column: _field(column, i + j) for j, column in enumerate(rows[0])}
        row.update(file=name, published=f"2025-0{i + 3}-1{i}", date_precision="day",
                   date_inferred=f"true {PAYLOADS[0]}" if i else "false",
                   us_counterparts=f"Donald Trump; {PAYLOADS[1]}; {FORMULAS[0]}",
                   doc_id=FORMULAS[0] if i else f"hostile {PAYLOADS[0]}",
                   outlet=f"{FORMULAS[3]} {PAYLOADS[2]}" if i else f"Outlet {PAYLOADS[8]}",
                   uk_leader=f"Keir Starmer {PAYLOADS[10]}" if i else "Keir Starmer")
        rows.append(row)
    with open(folder / "metadata.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return folder


@dataclass
class HostileBuild:
    """Two builds of the hostile corpus started together into one folder."""

    corpus: Path
    out: Path
    first: subprocess.CompletedProcess
    second: subprocess.CompletedProcess
    first_pid: int
    seconds: float            # wall time of the first build
    second_seconds: float     # wall time of the second, from its start (waiting included)

    @property
    def html(self) -> Path:
        return self.out / "_build" / "html"


def _build_command(corpus: Path, out: Path) -> list[str]:
    return [sys.executable, str(ROOT / "tools" / "build.py"), "--corpus", str(corpus),
            "--out", str(out)]


def _finish(process: subprocess.Popen, timeout: float) -> subprocess.CompletedProcess:
    stdout, stderr = process.communicate(timeout=timeout)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory) -> HostileBuild:
    """Build the book on the hostile corpus; a second build of the same folder starts
    while the first holds the lock, and must wait for it."""
    base = tmp_path_factory.mktemp("hostile")
    corpus = write_hostile_corpus(base / "corpus")
    out = base / "book"
    start = time.monotonic()
    first = subprocess.Popen(_build_command(corpus, out), cwd=ROOT, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lock = out / "_build" / ".build.lock"
    while not (lock.exists() and f"pid {first.pid}," in lock.read_text(encoding="utf-8")):
        if first.poll() is not None or time.monotonic() - start > 120:
            break
        time.sleep(0.2)
    second_start = time.monotonic()
    second = subprocess.Popen(_build_command(corpus, out), cwd=ROOT, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first_result = _finish(first, timeout=900)
    seconds = time.monotonic() - start
    second_result = _finish(second, timeout=900)
    return HostileBuild(corpus, out, first_result, second_result, first.pid, seconds,
                        time.monotonic() - second_start)

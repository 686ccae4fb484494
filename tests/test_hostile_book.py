"""The whole book, built on a hostile corpus, runs no script from the corpus.

The corpus (tests/hostile.py) puts live HTML, event handlers, ``javascript:`` links,
MyST roles and directives, ``$`` math, Markdown links, formulas, very long words and
right-to-left or zero-width characters in article bodies, quotations and every
metadata field. Proved two ways: statically, the marker every script payload carries
appears in the written pages only as text (never in a tag, an attribute, a script or
a comment), and every page passes the policy audit; in Chromium, on every page,
with the Content-Security-Policy and without it (escaping alone), no payload runs
and no dialog opens. Its CSV files hold no live formula. One extra build of the
book (about a minute; the time is printed).
"""

import csv
import re
import sys
from html.parser import HTMLParser

import pytest

from .conftest import ROOT
from .hostile import FORMULAS, MARK, PAYLOADS
from .test_browser import chromium, serve, toc_pages

sys.path.insert(0, str(ROOT / "_ext"))
import csp  # noqa: E402

PAGES = toc_pages() + ["search.html", "genindex.html"]


# Attributes whose value is only ever text: a payload there (quoting intact, or the parser
# would have seen a new tag) is shown, never run. Any other attribute holding the marker
# (href, src, srcdoc, style, on*) is injected markup.
TEXT_ATTRIBUTES = frozenset({"title", "alt", "aria-label", "aria-description", "content"})


class _Markup(HTMLParser):
    """Where the marker occurs: in text (escaped: fine) or in markup (injected)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_markup, self.in_text, self.text = [], 0, []
        self._raw = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if MARK in name or (MARK in (value or "") and name not in TEXT_ATTRIBUTES):
                self.in_markup.append(f"<{tag} {name}={(value or '')[:60]!r}>")
        self._raw = tag if tag in ("script", "style") else None

    def handle_endtag(self, tag):
        self._raw = None

    def handle_data(self, data):
        if MARK in data:
            if self._raw:
                self.in_markup.append(f"<{self._raw}>{data[:60]!r}")
            else:
                self.in_text += data.count(MARK)
        if not self._raw:
            self.text.append(data)

    def handle_comment(self, data):
        if MARK in data:
            self.in_markup.append(f"<!--{data[:60]!r}")


def parsed(path):
    parser = _Markup()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


@pytest.fixture(scope="module")
def book(hostile_build):
    result = hostile_build.first
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    print(f"\nhostile book: built in {hostile_build.seconds:.0f} s; the second build, waiting "
          f"included, ended {hostile_build.second_seconds - hostile_build.seconds:.0f} s later")
    return hostile_build


def test_the_hostile_book_builds_strictly_with_every_page(book):
    for page in PAGES:
        assert (book.html / page).exists(), page
    assert "build succeeded" in book.first.stdout + book.first.stderr  # -W: no warning


def test_no_payload_is_markup_in_any_written_page(book):
    injected = {}
    pages = [p for p in sorted(book.html.rglob("*.html")) if "_static" not in p.parts]
    for page in pages:
        found = parsed(page).in_markup
        if found:
            injected[page.relative_to(book.html).as_posix()] = found
    assert injected == {}


def test_every_page_passes_the_policy_audit(book):
    pages = [p for p in sorted(book.html.rglob("*.html")) if "_static" not in p.parts]
    problems = {p.name: csp.audit_page(p.read_text(encoding="utf-8")) for p in pages}
    assert {name: found for name, found in problems.items() if found} == {}


@pytest.mark.parametrize("page, shown", [
    ("chapters/appendix-quotes.html", PAYLOADS[0]),   # a quotation of the body
    ("chapters/appendix-quotes.html", PAYLOADS[1]),
    ("chapters/methods.html", PAYLOADS[7]),           # date_evidence
    ("chapters/corpus.html", PAYLOADS[8]),            # outlet
    ("chapters/framing.html", PAYLOADS[2]),           # a KWIC line
])
def test_payloads_reach_the_pages_as_the_text_they_are(book, page, shown):
    """Not dropped and not escaped twice: the reader sees exactly the characters."""
    text = " ".join("".join(parsed(book.html / page).text).split())
    assert " ".join(shown.split()) in text


@pytest.fixture(scope="module")
def server(book):
    with serve(book.html) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


# Anything a payload could call to show itself, and every policy violation.
TRAPS = f"""
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__violations.push([e.violatedDirective, e.sample]));
for (const name of ["alert", "confirm", "prompt", "print"]) {{
  window[name] = () => {{ window.{MARK} = "called " + name; }};
}}
"""


@pytest.mark.parametrize("policy", ["with CSP", "escaping alone"])
def test_no_payload_runs_in_chromium_on_any_page(book, server, browser, policy):
    context = browser.new_context(bypass_csp=policy == "escaping alone")
    context.add_init_script(TRAPS)
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    ran = {}
    try:
        for path in PAGES:
            page.goto(f"{server}/{path}")
            page.wait_for_load_state("networkidle")
            page.mouse.wheel(0, 20000)  # lazy images, scroll handlers
            state = page.evaluate(f"""() => [window.{MARK}, window.__violations,
                Array.from(document.querySelectorAll('iframe')).length]""")
            if state[0] is not None or state[1] or state[2]:
                ran[path] = state
    finally:
        context.close()
    assert ran == {} and dialogs == []


def test_published_csv_files_hold_no_live_formula(book):
    files = sorted((book.out / "figures").glob("*.csv"))
    assert files, "the hostile build wrote no figure data"
    live, neutralised = [], 0
    for path in files:
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.reader(f):
                for cell in row:
                    if cell.startswith(("=", "+", "-", "@", "\t", "\r")) \
                            and not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", cell):
                        live.append((path.name, cell[:60]))
                    neutralised += cell.startswith(("'" + FORMULAS[0], "'" + FORMULAS[3]))
    assert live == [] and neutralised > 0


def test_a_corpus_build_leaves_the_seeds_figures_alone(book):
    labels = {p.stem for p in (ROOT / "figures").glob("*.png")}
    assert labels == {p.stem for p in (book.out / "figures").glob("*.png")}
    assert not any(MARK in p.read_text(encoding="utf-8")
                   for p in (ROOT / "figures").glob("*.csv"))
    assert list((book.out / "_build" / ".analysis-cache").glob("analysis-*.pickle"))


def test_a_corpus_heading_shows_as_text_in_search_results(tmp_path, browser):
    """Sphinx's search page inserts section titles with innerHTML: they enter the
    index escaped (checked on a one-page site, policy off to test the escaping)."""
    from urllib.parse import quote

    from sphinx.cmd.build import build_main

    heading = f"Hostile <img src=x onerror=window.{MARK}=1> heading"
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT / '_ext')!r})\nextensions = ['csp']\n")
    (tmp_path / "src" / "index.rst").write_text(
        f"Mini\n====\n\n{heading}\n{'-' * len(heading)}\n\nSome text.\n")
    assert build_main(["-q", "-b", "html", str(tmp_path / "src"), str(tmp_path / "out")]) == 0
    assert "&lt;img src=x onerror" in (tmp_path / "out" / "searchindex.js").read_text()
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    with serve(tmp_path / "out") as url:
        for query in (heading, "onerror", "hostile heading"):
            page.goto(f"{url}/search.html?q={quote(query)}")
            page.wait_for_selector("#search-results p.search-summary, #search-results h2")
            page.wait_for_timeout(500)
            assert page.evaluate(f"window.{MARK}") is None
            assert page.locator("#search-results img").count() == 0
    context.close()


def test_right_to_left_overrides_stay_inside_their_own_text(book, server, browser):
    """A U+202E in corpus text may reverse that text, never the sentence or row around it."""
    page = browser.new_page()
    for path, selector in (("findings.html", "span.pasted-text"),
                           ("chapters/methods.html", "div.cell_output td")):
        page.goto(f"{server}/{path}")
        styles = page.evaluate(f"""Array.from(document.querySelectorAll('{selector}'))
            .map(e => getComputedStyle(e).unicodeBidi)""")
        assert styles and set(styles) == {"isolate"}, (path, set(styles))
    tables = page.locator("div.cell_output table").all_inner_texts()
    assert any("\u202e" in table for table in tables)  # the override reached a table
    page.close()

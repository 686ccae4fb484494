"""The PDF edition (`make pdf`): the whole report, as a reader of paper expects it.

Checked on the built PDF with pypdf (no system tools): every chapter title and every figure
and table caption of the HTML book, in book order, key findings first; no code; fonts
embedded; no raster under 200 dpi where it is placed; no text past the text block; links
that land on the right figure or chapter; contents page numbers that are right; metadata;
and the same bytes when printed again with the same date. Without Chromium (and no PDF)
these tests skip with the reason, except in CI.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
from pathlib import Path

import lxml.html
import pytest
import yaml
from pypdf import PdfReader
from pypdf.generic import ArrayObject, ContentStream, DictionaryObject

from tools import pdf as edition

from .conftest import ROOT

HTML = ROOT / "_build" / "html"
PDF = edition.pdf_path(ROOT)
MIN_DPI = 200


def squash(text: str) -> str:
    """Text without whitespace, with straight quotes: line breaks and the gaps pypdf
    guesses between words do not decide a comparison."""
    text = text.translate(str.maketrans("‘’“”", "''\"\""))
    return re.sub(r"\s+", "", text)


def browser_missing() -> bool:
    return not Path(edition.CHROMIUM).exists() and os.environ.get("CI") != "true"


@pytest.fixture(scope="module")
def reader():
    if not PDF.exists():
        if browser_missing():
            pytest.skip(f"Chromium not found at {edition.CHROMIUM}: make pdf built no PDF "
                        "(apt-get install chromium)")
        pytest.fail(f"{PDF} is missing: run `make pdf` (make test does)")
    return PdfReader(PDF)


def operations(page) -> list:
    """A page's content stream, parsed once (pypdf's parser is the slow part)."""
    contents = page.get_contents()
    return [] if contents is None else list(ContentStream(contents, page.pdf, "bytes").operations)


@pytest.fixture(scope="module")
def parsed(reader):
    return [(page, operations(page)) for page in reader.pages]


@pytest.fixture(scope="module")
def runs(parsed):
    return [text_runs(page, ops) for page, ops in parsed]


@pytest.fixture(scope="module")
def page_texts(runs):
    """Each page's text, squashed, in the order it is drawn."""
    return [squash("".join(words for words, *_ in page)) for page in runs]


@pytest.fixture(scope="module")
def text(page_texts):
    return "".join(page_texts)


def documents() -> list[str]:
    """The book's documents in reading order, from _toc.yml."""
    root, files = edition.toc(ROOT)
    return [root] + [f for _, f in files]


def html_page(document: str):
    path = HTML / f"{document}.html"
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make book` first (make test does)")
    return lxml.html.parse(str(path)).getroot()


def html_text(element) -> str:
    """An element's text as the book shows it, without its permalink sign."""
    element = lxml.html.fromstring(lxml.html.tostring(element))
    for link in element.xpath('.//a[contains(@class, "headerlink")]'):
        link.drop_tree()
    return " ".join(element.text_content().split())


def figure_numbers() -> dict[str, str]:
    """Each figure's id and its number+caption as the HTML book prints it."""
    found = {}
    for document in documents():
        for figure in html_page(document).xpath("//figure[@id]"):
            found[figure.get("id")] = html_text(figure.xpath(".//figcaption")[0])
    return found


# --- what is in it ------------------------------------------------------------------------

def test_metadata_names_the_report(reader):
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    info = reader.metadata
    assert info.title == cff["title"]
    assert info.author == ", ".join(a.get("name", a.get("family-names", ""))
                                    for a in cff["authors"])
    assert info.subject and info.subject != info.title
    assert set(cff["keywords"]) <= {k.strip() for k in info["/Keywords"].split(",")}
    assert info.creation_date is not None
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]  # tagged, for screen readers


def test_title_page_has_title_version_date_and_citation(page_texts):
    import analysis

    first = page_texts[0]
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert squash(cff["title"]) in first
    assert squash(f"Version {analysis.__version__}") in first
    assert re.search(r"built\d{1,2}[A-Z][a-z]+\d{4}", first)
    assert squash(f"({cff['preferred-citation']['year']})") in first  # the citation's year


def test_every_chapter_title_is_there_in_book_order_key_findings_first(reader, text):
    """Each document's title is in the text and starts its part of the outline, in the
    order of _toc.yml; the first after the contents is the root page (key findings)."""
    outline = [(unnumbered(title), page) for _, title, page in _outline(reader)]
    pages = []
    for document in documents():
        title = squash(html_text(html_page(document).xpath("//h1")[0]))
        assert title in text, document
        pages.append(next(page for name, page in outline if name == title))
    assert pages == sorted(pages)
    contents = next(page for name, page in outline if name == squash("Contents"))
    # The contents may run over several pages; nothing else comes between them and the findings.
    assert pages[0] > contents
    assert [name for name, page in outline if contents < page < pages[0]] == []
    assert [name for name, _ in outline].index(squash(html_text(
        html_page(documents()[0]).xpath("//h1")[0]))) == 2  # title, contents, then findings


def test_every_figure_caption_and_number_is_there(text):
    captions = figure_numbers()
    assert captions, "the book has no figures"
    for name, caption in captions.items():
        assert squash(caption) in text, (name, caption)


def test_every_table_caption_is_there(text):
    for document in documents():
        for caption in html_page(document).xpath("//table/caption"):
            assert squash(html_text(caption)) in text, html_text(caption)


def test_no_code_only_a_pointer_to_the_notebooks(text):
    """No line of any notebook's code is printed; each notebook chapter names its notebook."""
    for document in documents():
        notebook = ROOT / f"{document}.ipynb"
        if not notebook.exists():
            continue
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        code = [line for cell in cells if cell["cell_type"] == "code"
                for line in "".join(cell["source"]).splitlines()]
        long_lines = [line for line in code if len(squash(line)) >= 25
                      and not line.lstrip().startswith("#")]
        for line in long_lines:
            assert squash(line) not in text, (document, line)
        if code:
            assert squash(f"{document}.ipynb") in text, document


def test_page_count_is_sane(reader, text):
    """Each document starts a page; prose, tables and figures fill pages, not a line each."""
    pages = len(reader.pages)
    figures = len(figure_numbers())
    assert pages >= len(documents()) + 2  # title page and contents, then a page each
    # A full page holds about 4,000 characters of prose: count 1,500, and a page per figure.
    assert pages <= 2 + len(documents()) + figures + len(text) / 1500, pages


# --- how it is printed --------------------------------------------------------------------

def _fonts(resources, seen):
    """Every font of a resource dictionary and of the forms it draws, once each."""
    resources = resources.get_object() if resources is not None else DictionaryObject()
    for font in (resources.get("/Font") or DictionaryObject()).get_object().values():
        font = font.get_object()
        if id(font) not in seen:
            seen.add(id(font))
            yield font
    for xobject in (resources.get("/XObject") or DictionaryObject()).get_object().values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form" and id(xobject) not in seen:
            seen.add(id(xobject))
            yield from _fonts(xobject.get("/Resources"), seen)


def test_fonts_are_embedded(reader):
    seen, names = set(), []
    for page in reader.pages:
        for font in _fonts(page.get("/Resources"), seen):
            if font["/Subtype"] == "/Type3":
                continue  # glyphs drawn by the file itself
            descriptor_owner = (font["/DescendantFonts"][0].get_object()
                                if font["/Subtype"] == "/Type0" else font)
            descriptor = descriptor_owner["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]
            names.append(font["/BaseFont"])
    assert names


def _multiply(m, n):
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return [a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s,
            e * p + f * r + t, e * q + f * s + u]


def placed_images(page, ops):
    """(name, pixels wide, pixels high, points wide, points high) of every image the page
    draws (``ops``: its parsed content), following the transformation matrix into forms."""
    def walk(ops, resources, ctm):
        resources = resources.get_object() if resources is not None else DictionaryObject()
        xobjects = (resources.get("/XObject") or DictionaryObject()).get_object()
        stack = []
        for operands, operator in ops:
            if operator == b"q":
                stack.append(ctm)
            elif operator == b"Q":
                ctm = stack.pop()
            elif operator == b"cm":
                ctm = _multiply([float(x) for x in operands], ctm)
            elif operator == b"Do":
                xobject = xobjects[operands[0]].get_object()
                if xobject["/Subtype"] == "/Image":
                    yield (operands[0], xobject["/Width"], xobject["/Height"],
                           math.hypot(ctm[0], ctm[1]), math.hypot(ctm[2], ctm[3]))
                elif xobject["/Subtype"] == "/Form":
                    matrix = [float(x) for x in xobject.get("/Matrix", [1, 0, 0, 1, 0, 0])]
                    yield from walk(operations_of(xobject, page.pdf),
                                    xobject.get("/Resources", resources),
                                    _multiply(matrix, ctm))
            elif operator == b"INLINE IMAGE":
                settings = operands["settings"]
                yield ("inline", settings.get("/W", settings.get("/Width")),
                       settings.get("/H", settings.get("/Height")),
                       math.hypot(ctm[0], ctm[1]), math.hypot(ctm[2], ctm[3]))

    return list(walk(ops, page.get("/Resources"), [1, 0, 0, 1, 0, 0]))


def operations_of(form, pdf) -> list:
    return list(ContentStream(form, pdf, "bytes").operations)


def low_resolution_images(parsed) -> list[str]:
    low = []
    for number, (page, ops) in enumerate(parsed, 1):
        for name, px_w, px_h, pt_w, pt_h in placed_images(page, ops):
            dpi = min(px_w / (pt_w / 72), px_h / (pt_h / 72))
            if dpi < MIN_DPI - 0.5:
                low.append(f"page {number}: {name} at {dpi:.0f} dpi")
    return low


def test_no_raster_image_under_200_dpi_where_it_is_placed(parsed):
    assert low_resolution_images(parsed) == []


def text_runs(page, ops):
    """(text, x where it starts, x where it ends, y) of every text-showing operation of a
    page (``ops``: its parsed content), in points from the lower left corner. Uses pypdf's
    layout-mode internals (pypdf is pinned), which track the text and transformation
    matrices and the glyph widths."""
    from pypdf._text_extraction._layout_mode import _fixed_width_page as layout
    from pypdf._text_extraction._layout_mode._text_state_manager import TextStateManager

    fonts = page._layout_mode_fonts()
    ops = iter(ops)
    state, shows = TextStateManager(), []
    for operands, operator in ops:
        if operator in (b"BT", b"q"):
            _, found = layout.recurse_to_target_op(
                ops, state, b"ET" if operator == b"BT" else b"Q", fonts, False)
            shows.extend(found)
        elif operator == b"cm":
            state.add_cm(*operands)
        elif operator == b"Tf":
            layout.set_font_operation(state, fonts, operands)
        else:
            state.set_state_param(operator, operands)
    return [(s.text, s.tx, s.displaced_tx, s.ty) for s in shows if s.text.strip()]


def text_past_the_margins(parsed, runs, margin_pt: float, slack: float = 1.0) -> list[str]:
    """Text that starts left of the left margin or ends right of the right margin, or sits
    off the page vertically."""
    wide = []
    for number, ((page, _), page_runs) in enumerate(zip(parsed, runs), 1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        for words, start, end, y in page_runs:
            if (min(start, end) < margin_pt - slack or max(start, end) > width - margin_pt + slack
                    or not 0 <= y <= height):
                wide.append(f"page {number}: {words[:40]!r} from {start:.0f} to {end:.0f} pt "
                            f"(page {width:.0f} pt wide)")
    return wide


def test_no_text_runs_past_the_text_block(parsed, runs):
    margin = edition.MARGIN_MM / 25.4 * 72
    assert sum(map(len, runs)) > 50 * len(runs)  # the check sees the text it checks
    assert text_past_the_margins(parsed, runs, margin) == []


def test_the_checks_catch_text_past_the_edge_and_a_coarse_image(tmp_path):
    """The two geometric checks above fail on a page that breaks them."""
    if not Path(edition.CHROMIUM).exists():
        if browser_missing():
            pytest.skip(f"Chromium not found at {edition.CHROMIUM}")
        pytest.fail(f"Chromium not found at {edition.CHROMIUM}")
    import base64
    import struct
    import zlib

    from playwright.sync_api import sync_playwright

    def png(size):  # a grey square, size x size pixels
        raw = b"".join(b"\0" + b"\x80" * size for _ in range(size))
        def chunk(kind, data):
            return (struct.pack(">I", len(data)) + kind + data
                    + struct.pack(">I", zlib.crc32(kind + data)))
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 0,
                                                                    0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))

    image = base64.b64encode(png(40)).decode()
    page = (f"<style>@page {{ size: A4; margin: {edition.MARGIN_MM}mm; }}</style>"
            "<p>Inside the margins.</p>"
            f"<p style='white-space: nowrap'>{'A line far too long for its page. ' * 8}</p>"
            f"<img src='data:image/png;base64,{image}' style='width: 50mm'>")
    (tmp_path / "bad.html").write_text(page, encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=edition.CHROMIUM,
                                             args=edition.ARGS)
        tab = browser.new_page()
        tab.goto((tmp_path / "bad.html").as_uri())
        tab.pdf(path=str(tmp_path / "bad.pdf"), prefer_css_page_size=True)
        browser.close()
    bad = [(page, operations(page)) for page in PdfReader(tmp_path / "bad.pdf").pages]
    margin = edition.MARGIN_MM / 25.4 * 72
    past = text_past_the_margins(bad, [text_runs(*page) for page in bad], margin)
    assert len(past) == 1 and "far too long" in past[0]
    assert len(low_resolution_images(bad)) == 1  # 40 px over 50 mm: 20 dpi


# --- links and contents -------------------------------------------------------------------

def test_links_resolve_inside_the_document(reader):
    """Every link goes to a destination in the file or to the web, never to a missing
    name or a local file."""
    names = set(reader.named_destinations)
    internal = 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            destination, action = annotation.get("/Dest"), annotation.get("/A")
            if destination is not None:
                assert not isinstance(destination, str) or destination in names, destination
                internal += 1
            elif action is not None and action.get("/S") == "/GoTo":
                assert action["/D"] in names or isinstance(action["/D"], ArrayObject)
                internal += 1
            elif action is not None and action.get("/S") == "/URI":
                assert str(action["/URI"]).startswith(("http://", "https://", "mailto:")), \
                    action["/URI"]
    assert internal > len(documents())


def test_figure_and_chapter_links_land_on_their_page(reader, page_texts):
    destinations = {name.lstrip("/"): reader.get_destination_page_number(dest)
                    for name, dest in reader.named_destinations.items()}
    for name, caption in figure_numbers().items():
        assert name in destinations, f"no link reaches {name}"
        number = re.match(r"(Figure\s+[\d.]+)", caption).group(1)
        assert squash(number) in page_texts[destinations[name]], (name, number)
    for document in documents()[1:]:
        section = html_page(document).xpath("//section[@id]")[0]
        title = squash(html_text(section.xpath("./h1")[0]))
        labels = [section.get("id")] + [span.get("id")
                                        for span in section.xpath("./span[@id]")]
        for label in labels:
            if label in destinations:
                assert title in page_texts[destinations[label]], (document, label)


def _outline(reader):
    """(depth, title, page) of every outline entry, in order."""
    found = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return found


def unnumbered(title: str) -> str:
    """A heading without the section number the PDF prints before it ("1.2. ")."""
    return re.sub(r"^\d+(\.\d+)*\.", "", squash(title))


def test_contents_and_outline_give_the_right_pages(reader, page_texts):
    outline = _outline(reader)
    titles = [unnumbered(title) for _, title, _ in outline]
    for document in documents():
        title = squash(html_text(html_page(document).xpath("//h1")[0]))
        assert title in titles, title
    contents = next(i for i, t in enumerate(page_texts) if t.startswith(squash("Contents"))
                    or squash("Contents") in t[:120])
    lines = reader.pages[contents].extract_text().splitlines()
    printed = {}
    for line in lines:
        found = re.match(r"(.+?)\s+(\d+)$", line.strip())
        if found:
            printed[squash(found.group(1))] = int(found.group(2))
    checked = 0
    for _, title, page in outline:
        if squash(title) in printed:
            assert printed[squash(title)] == page, (title, printed[squash(title)], page)
            assert squash(title) in page_texts[page - 1]
            checked += 1
    assert checked >= len(documents())


# --- around it ----------------------------------------------------------------------------

def test_the_html_first_page_links_the_pdf_beside_it():
    first = html_page(documents()[0])
    assert first.xpath(f'//a[@href="{PDF.name}"]'), "the first page does not link the PDF"
    copy = HTML / PDF.name
    if not PDF.exists() and browser_missing():
        pytest.skip("no PDF built (no Chromium)")
    assert copy.exists() and copy.read_bytes() == PDF.read_bytes()


def test_printing_again_on_the_same_date_gives_the_same_bytes(reader, tmp_path, monkeypatch):
    """Reproducible apart from the date: with the date of the built file, the same bytes."""
    created = reader.metadata.creation_date
    monkeypatch.setenv("SOURCE_DATE_EPOCH",
                       str(int(created.replace(tzinfo=created.tzinfo or dt.UTC).timestamp())))
    again = tmp_path / PDF.name
    edition.print_edition(edition.SINGLE, again, ROOT)
    assert again.read_bytes() == PDF.read_bytes()


def test_edition_html_drops_code_whatever_the_tags():
    """Inputs go, hidden or not; outputs stay, collapsed ones opened; links to other files
    become text; the root page's headings sit beside the chapters'."""
    page = """<html><head><title>t</title></head><body><div class="bd-sidebar">nav</div>
    <article class="bd-article"><section id="key"><h1>Key</h1>
    <p>See <a href="findings.html#fig-a">Figure 1</a>, <a href="_downloads/x.csv">data</a>.</p>
    <p>Files: <a class="reference download internal" href="_downloads/a/a.png">PNG</a> ·
    <a class="reference download internal" href="_downloads/b/a.svg">SVG</a></p>
    <div class="toctree-wrapper"><span id="document-chapters/x"></span>
    <section id="x"><h2>1. X</h2>
    <div class="cell docutils container"><div class="cell_input"><pre>secret_code = 1</pre></div>
    <div class="cell_output"><p>visible output</p></div></div>
    <div class="cell tag_hide-input"><details class="hide above-input"><summary>Show code</summary>
    <div class="cell_input"><pre>hidden_code = 2</pre></div></details>
    <div class="cell_output"><p>second output</p></div></div>
    <div class="cell tag_hide-output"><div class="cell_input"><pre>more_code = 3</pre></div>
    <details class="hide below-input"><summary>Show output</summary>
    <div class="cell_output"><p>collapsed output</p></div></details></div>
    <div class="cell tag_hide-cell"><details class="admonition hide above-input">
    <summary>Show content</summary><div class="cell_input"><pre>all_code = 4</pre></div>
    <div class="cell_output"><p>hidden cell output</p></div></details></div>
    <figure id="fig-a"><img src="_images/a.png"><figcaption>Figure 1 A</figcaption></figure>
    </section></div></section></article></body></html>"""
    html, headings = edition.edition_html(page, "findings.html", edition.report_citation(ROOT),
                                          dt.datetime(2026, 1, 2, tzinfo=dt.UTC))
    document = lxml.html.fromstring(html)
    shown = document.text_content()
    for code in ("secret_code", "hidden_code", "more_code", "all_code", "Show"):
        assert code not in shown
    for words in ("visible output", "second output", "collapsed output", "hidden cell output",
                  "Figure 1 A"):
        assert words in shown
    assert not document.xpath("//details | //summary | //*[@class='bd-sidebar']")
    assert document.xpath('//a[@href="#fig-a"]')
    assert not document.xpath('//a[@href="_downloads/x.csv"]') and "data" in shown
    assert "Files:" not in shown  # a line of downloads only means nothing on paper
    assert document.xpath("//h2[.='Key']") and "2 January 2026" in shown
    assert "Key" in headings and "1. X" in headings

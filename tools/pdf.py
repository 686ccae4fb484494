"""The PDF edition of the report: ``make pdf`` -> ``_build/pdf/<slug>-report.pdf``.

Route: Jupyter Book's single-page HTML of the whole book (``--builder singlehtml``, which
reuses the executed notebooks of ``make book``), rearranged for paper and printed by
Debian's Chromium through Playwright, then stamped with metadata by pypdf.

1. ``jupyter-book build . --builder singlehtml`` -> ``_build/singlehtml/<root>.html``.
2. :func:`edition_html` turns that page into the edition: a title page (title, version,
   build date, how to cite, from ``CITATION.cff``), a contents list with page numbers,
   every chapter on a new page with a pointer to its notebook, figures as their SVG
   (vector) files, collapsed outputs opened, and no code, no scripts, no navigation.
   ``_static/print.css`` styles it (``@media print``).
3. :func:`render` prints it with Chromium (A4, tagged, with a PDF outline), offline: any
   request that is not a local file is refused and fails the build. Chromium cannot print
   a target's page number (no ``target-counter``), so the contents are printed twice: the
   first print tells on which page each entry's target landed (its named destination).
4. :func:`finish` sets the document metadata (title, author, subject, keywords, dates)
   and a file identifier derived from the content, so the same book printed on the same
   date gives the same bytes. ``SOURCE_DATE_EPOCH`` fixes the date.

Usage: python tools/pdf.py [--skip-html]   (``--skip-html`` reuses _build/singlehtml)
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import logging
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import yaml

# pypdf notes that Chromium's trailer undercounts its objects; harmless, and not news.
logging.getLogger("pypdf").setLevel(logging.ERROR)

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "_build"
SINGLE = BUILD / "singlehtml"
OUT = BUILD / "pdf"
EDITION = "_pdf-edition.html"  # written beside the single page, so its links resolve
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync",
        "--font-render-hinting=none"]
PAGE_WIDTH_MM, MARGIN_MM = 210, 17  # A4 and the side margins of _static/print.css
TEXT_WIDTH_PT = (PAGE_WIDTH_MM - 2 * MARGIN_MM) / 25.4 * 72
WIDE = 1.6  # a figure this many text widths wide is printed on a landscape page

sys.path.insert(0, str(ROOT))
from analysis.catalogue import Citation, project_slug, report_citation  # noqa: E402
from analysis.settings import figures_dir  # noqa: E402


class EditionError(RuntimeError):
    """The edition cannot be printed as it should be (a network request, an overflow)."""


@dataclass(frozen=True)
class Entry:
    """One line of the contents: the target's id, its title, its level (1 or 2)."""

    target: str
    title: str
    level: int
    part: str = ""


def pdf_path(root: Path = ROOT) -> Path:
    """``_build/pdf/<slug>-report.pdf``."""
    return root / "_build" / "pdf" / f"{project_slug(root)}-report.pdf"


def build_date() -> dt.datetime:
    """Now, or ``SOURCE_DATE_EPOCH`` when set (reproducible builds), in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.replace(microsecond=0)


def toc(root: Path = ROOT) -> tuple[str, list[tuple[str, str]]]:
    """The root document and every other document with its part caption, in book order."""
    spec = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    files = [(part.get("caption", ""), c["file"]) for part in spec.get("parts", [])
             for c in part.get("chapters", [])]
    return spec["root"], files


def build_single_page(root: Path = ROOT) -> Path:
    """Run Jupyter Book's single-page builder (strict, like ``make book``)."""
    book = Path(sys.executable).parent / "jupyter-book"
    subprocess.run([str(book), "build", str(root), "--builder", "singlehtml",
                    "-n", "-W", "--keep-going", "-q"], check=True, cwd=root)
    return root / "_build" / "singlehtml"


# --- the edition's HTML ---------------------------------------------------------------

def _text(element) -> str:
    return " ".join(element.text_content().split())


def _el(tag: str, text: str = "", **attributes) -> lxml.html.HtmlElement:
    element = lxml.html.Element(tag, {k.rstrip("_"): v for k, v in attributes.items()})
    element.text = text or None
    return element


def _drop(element) -> None:
    element.drop_tree()  # keeps the tail text


def _remove_code(article) -> None:
    """No code on paper: every cell's input goes; the toggles of hide-input, hide-output
    and hide-cell are opened (their outputs stay) and their buttons go."""
    for element in article.xpath('.//*[contains(concat(" ", @class, " "), " cell_input ")]'
                                 ' | .//*[contains(@class, "copybtn")]'
                                 ' | .//a[contains(@class, "headerlink")]'):
        _drop(element)
    for details in article.xpath(".//details"):
        for summary in details.xpath("./summary"):
            _drop(summary)
        details.tag = "div"
        details.attrib.pop("open", None)
        details.set("class", "pdf-opened")  # not an admonition on paper


def _local_links(article, page: str) -> None:
    """Links into the book become links inside the PDF; links to files the PDF does not
    hold (downloads, images, other pages) become plain text, and a line that only lists
    downloads ("Files: PNG · SVG · data") goes."""
    for line in article.xpath('.//p[.//a[contains(@class, "download")]]'):
        words = line.text_content()
        for link in line.xpath('.//a[contains(@class, "download")]'):
            words = words.replace(link.text_content(), " ")
        if len(re.findall(r"\w+", words)) <= 2:
            _drop(line)
    for link in article.xpath(".//a[@href]"):
        href = link.get("href")
        if href.startswith(f"{page}#"):
            link.set("href", href[len(page):])
        elif not href.startswith(("#", "http://", "https://", "mailto:")):
            link.drop_tag()  # keeps its text


def _svg_size(svg: Path) -> tuple[float, bool]:
    """An SVG's natural width in points, and whether it is all vector (no embedded raster,
    which matplotlib writes for heatmaps at screen resolution)."""
    text = svg.read_text(encoding="utf-8", errors="replace")
    width = re.search(r'<svg[^>]*\swidth="([\d.]+)pt"', text)
    return (float(width.group(1)) if width else 0.0), "<image" not in text


def _print_figures(article, single: Path, figures: Path) -> None:
    """Each figure at its natural size (never enlarged, shrunk to the text width), as its
    SVG when that is all vector and the same drawing as the PNG the page shows; else the
    PNG (200 dpi at natural size, so at least 200 dpi printed). A figure much wider than
    the text block gets a landscape page of its own."""
    for image in article.xpath(".//img[@src]"):
        src = Path(image.get("src"))
        svg, png, shown = figures / f"{src.stem}.svg", figures / f"{src.stem}.png", single / src
        image.attrib.pop("style", None)  # the HTML's width: 100% would enlarge small figures
        if not (src.suffix == ".png" and svg.is_file() and png.is_file() and shown.is_file()
                and png.read_bytes() == shown.read_bytes()):
            continue
        width, vector = _svg_size(svg)
        if vector:
            image.set("src", os.path.relpath(svg, single))
        if width:
            image.set("style", f"width: {width:.1f}pt")
        figure = next(image.iterancestors("figure"), None)
        if figure is not None and width > WIDE * TEXT_WIDTH_PT:
            figure.set("class", f"{figure.get('class', '')} pdf-wide".strip())


def _demote_root_headings(root_section) -> None:
    """The root page's headings move one level down, beside the chapters' titles (which the
    single-page builder already put one level down)."""
    for heading in root_section.xpath(".//h1 | .//h2 | .//h3 | .//h4 | .//h5"):
        if not heading.xpath('ancestor::div[contains(@class, "toctree-wrapper")]'):
            heading.tag = f"h{int(heading.tag[1]) + 1}"


def _notebook_pointers(article, root: Path) -> None:
    """Under each notebook chapter's title: where its code is."""
    for marker in article.xpath('.//span[starts-with(@id, "document-")]'):
        document = marker.get("id")[len("document-"):]
        notebook = root / f"{document}.ipynb"
        section = marker.getnext()
        if not notebook.is_file() or section is None:
            continue
        heading = section.xpath("./h1 | ./h2 | ./h3")
        if heading:
            note = _el("p", "The code behind this chapter's numbers, tables and figures is "
                       "in the notebook ", class_="pdf-notebook")
            code = _el("code", f"{document}.ipynb")
            code.tail = "."
            note.append(code)
            heading[0].addnext(note)


def contents_entries(article, root: Path) -> list[Entry]:
    """Each document's title and its sections, in book order, with their part captions."""
    root_doc, documents = toc(root)
    parts = dict((f, caption) for caption, f in documents)
    entries = []
    first_with = {}
    for element in article.xpath(".//*[@id]"):
        first_with.setdefault(element.get("id"), element)

    def target(section, document: str) -> str:
        # One page holds every document: two chapters' "Article by article" sections share
        # an id, and a link to it would land on the first. A later one gets its own.
        name = section.get("id")
        if first_with.get(name) is not section:
            name = f"{document}--{name}".replace("/", "-")
            section.set("id", name)
        return name

    first = article.xpath("./section")[0]
    entries.append(Entry(target(first, root_doc), _text(first.xpath("./h1 | ./h2")[0]), 1))
    for marker in article.xpath('.//span[starts-with(@id, "document-")]'):
        section = marker.getnext()
        if section is None or section.tag != "section":
            continue
        document = marker.get("id")[len("document-"):]
        heading = section.xpath("./h1 | ./h2")
        if not heading:
            continue
        entries.append(Entry(target(section, document), _text(heading[0]), 1,
                             parts.get(document, "")))
        for sub in section.xpath("./section[h2 | h3]"):
            entries.append(Entry(target(sub, document), _text(sub.xpath("./h2 | ./h3")[0]), 2))
    return entries


def _contents(entries: list[Entry], pages: dict[str, int] | None):
    nav = _el("nav", class_="pdf-contents", **{"aria-labelledby": "pdf-contents-title"})
    nav.append(_el("h2", "Contents", id="pdf-contents-title"))
    listing = _el("ol")
    part = None
    for entry in entries:
        if entry.level == 1 and entry.part != part and entry.part:
            listing.append(_el("li", entry.part, class_="pdf-part"))
        if entry.level == 1:
            part = entry.part
        item = _el("li", class_=f"pdf-level-{entry.level}")
        link = _el("a", href=f"#{entry.target}")
        link.append(_el("span", entry.title, class_="pdf-entry"))
        link.append(_el("span", class_="pdf-leader", **{"aria-hidden": "true"}))
        # The first print reserves two digits: the second then lays out the same lines.
        number = str(pages[entry.target]) if pages and entry.target in pages else "00"
        link.append(_el("span", number, class_="pdf-page"))
        item.append(link)
        listing.append(item)
    nav.append(listing)
    return nav


def _title_page(citation: Citation, date: dt.datetime):
    page = _el("section", class_="pdf-titlepage", **{"aria-label": "Title page"})
    page.append(_el("h1", citation.title))
    page.append(_el("p", f"Version {citation.version} · built {date:%-d %B %Y} · "
                    f"{citation.authors}", class_="pdf-version"))
    blocks = [("Summary", citation.abstract),
              ("How to cite", citation.text()),
              ("This edition", "The reader's edition of the report: the prose, figures and "
               "tables of the HTML book, in its order, without the code. Every number, table "
               "and figure is computed by the notebooks in chapters/, each named under its "
               "chapter's title; the README explains how to re-run them. The Figures page at "
               "the end lists every figure; the figure pack (PNG, SVG and CSV of each, with "
               "suggested citations) is on that page of the HTML book.")]
    for title, text in blocks:
        if not text:
            continue
        block = _el("div", class_="pdf-block")
        block.append(_el("p", title, class_="pdf-label"))  # not a heading: not in the outline
        paragraph = _el("p", text)
        if title == "How to cite":  # the report's title in italics
            before, name, after = citation.text(emphasis="\0").split("\0")
            paragraph.text = before
            paragraph.append(_el("em", name))
            paragraph[0].tail = after
        block.append(paragraph)
        page.append(block)
    return page


def edition_html(page_html: str, page: str, citation: Citation, date: dt.datetime,
                 pages: dict[str, int] | None = None, root: Path = ROOT,
                 single: Path = SINGLE, figures: Path | None = None) -> tuple[str, list[str]]:
    """The single page rearranged as the PDF edition (see the module's docstring), and
    the text of its headings.

    ``page`` is the single page's file name (links to ``page#x`` become ``#x``);
    ``pages`` maps each contents entry's target to its page (``None``: first print).
    """
    document = lxml.html.document_fromstring(page_html)
    head, body = document.head, document.body
    for script in document.xpath("//script | //link[@rel='preload']"
                                 ' | //*[contains(@class, "pdf-edition-link")]'):
        _drop(script)  # the scripts, and the HTML's link to this PDF
    article = document.xpath('//article[contains(@class, "bd-article")]')[0]
    _remove_code(article)
    _local_links(article, page)
    _print_figures(article, single, figures or figures_dir())
    _demote_root_headings(article.xpath("./section")[0])
    _notebook_pointers(article, root)
    entries = contents_entries(article, root)
    article.insert(0, _contents(entries, pages))
    article.insert(0, _title_page(citation, date))
    # Every heading's text, for the outline (as titles are joined here: one space).
    headings = [_text(h) for h in article.xpath(".//h1 | .//h2 | .//h3 | .//h4")]
    for child in list(body):
        body.remove(child)
    main = _el("main")
    main.append(article)
    body.append(main)
    body.set("class", "pdf-edition")
    for title in head.xpath("./title"):
        title.text = citation.title
    # The running footer names the report (not on the title page); print.css counts pages.
    name = f"{citation.title} · v{citation.version}".replace('"', "'")
    footer = (f'@media print {{ @page {{ @bottom-left {{ content: "{name}"; '
              "font: 8pt 'Liberation Sans', 'DejaVu Sans', sans-serif; color: #444; } } "
              "@page :first { @bottom-left { content: none; } } }")
    head.append(_el("style", footer))
    return (lxml.html.tostring(document, doctype="<!DOCTYPE html>", encoding="unicode"),
            headings)


# --- printing -------------------------------------------------------------------------

def _fit_tables(tab, smallest: float = 6.0) -> None:
    """Shrink each table wider than the text block a half point at a time, down to
    ``smallest`` points; a table still too wide may then break words anywhere."""
    tab.evaluate("""(smallest) => {
      const limit = document.querySelector('main').getBoundingClientRect().width + 0.5;
      for (const table of document.querySelectorAll('main table')) {
        let size = parseFloat(getComputedStyle(table).fontSize) * 0.75;  // px -> pt
        while (table.getBoundingClientRect().width > limit && size > smallest) {
          size -= 0.5;
          table.style.fontSize = size + 'pt';
        }
        if (table.getBoundingClientRect().width > limit) table.classList.add('pdf-squeeze');
      }
    }""", smallest)


def _overflows(tab) -> list[str]:
    """Elements of the printed layout wider than the text block, as 'section: element'."""
    return tab.evaluate("""() => {
      const limit = document.querySelector('main').getBoundingClientRect().right + 1;
      const out = [];
      for (const el of document.querySelectorAll('main *')) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.right <= limit) continue;
        if ([...el.children].some(c => c.getBoundingClientRect().right > limit)) continue;
        const section = el.closest('section[id]');
        out.push(`${section ? section.id : 'page'}: <${el.tagName.toLowerCase()}> `
                 + el.textContent.trim().slice(0, 60));
      }
      return out;
    }""")


def render(html_file: Path, pdf_file: Path, browser) -> None:
    """Print ``html_file`` to ``pdf_file`` (A4, tagged, outline), refusing the network."""
    width_px = (PAGE_WIDTH_MM - 2 * MARGIN_MM) / 25.4 * 96
    context = browser.new_context(viewport={"width": round(width_px), "height": 1000})
    tab = context.new_page()
    refused = []

    def local_only(route):
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    tab.route("**/*", local_only)
    tab.goto(html_file.resolve().as_uri(), wait_until="load")
    tab.emulate_media(media="print")
    tab.evaluate("document.fonts.ready")
    if refused:
        raise EditionError("the edition asked for the network: " + ", ".join(refused))
    _fit_tables(tab)
    wide = _overflows(tab)
    if wide:
        raise EditionError("wider than the page: " + "; ".join(wide[:10]))
    tab.pdf(path=str(pdf_file), format="A4", print_background=True, outline=True, tagged=True,
            prefer_css_page_size=True, display_header_footer=False)
    context.close()


def destinations(pdf_file: Path) -> dict[str, int]:
    """Each named destination (an element id the document links to) and its page (1-based)."""
    from pypdf import PdfReader

    reader = PdfReader(pdf_file)
    return {name.lstrip("/"): reader.get_destination_page_number(dest) + 1
            for name, dest in reader.named_destinations.items()}


def _struct_elements(tree):
    """Every element of a tagged PDF's structure tree, depth first, in reading order."""
    from pypdf.generic import ArrayObject, DictionaryObject

    stack = [tree]
    while stack:
        node = stack.pop().get_object()
        if not isinstance(node, DictionaryObject):
            continue  # a marked-content number
        yield node
        kids = node.get("/K")
        if kids is not None:
            kids = kids.get_object()
            stack.extend(reversed(kids) if isinstance(kids, ArrayObject) else [kids])


def renumber_structure_ids(writer) -> int:
    """Number the tagged structure's element ids (``/ID``: Chromium takes them from its DOM
    node counter, which varies from run to run) in reading order, update the table cells'
    ``/Headers`` that cite them, and rebuild the id tree. Returns the number of ids."""
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

    tree = writer.root_object.get("/StructTreeRoot")
    if tree is None:
        return 0
    tree = tree.get_object()
    elements = [node for node in _struct_elements(tree) if "/ID" in node]
    mapping = {str(node["/ID"]): f"node{i:08d}" for i, node in enumerate(elements, 1)}
    for node in _struct_elements(tree):
        if "/ID" in node:
            node[NameObject("/ID")] = TextStringObject(mapping[str(node["/ID"])])
        attributes = node["/A"].get_object() if "/A" in node else ArrayObject()
        if not isinstance(attributes, ArrayObject):
            attributes = [attributes]
        for attribute in (a.get_object() for a in attributes):
            if isinstance(attribute, DictionaryObject) and "/Headers" in attribute:
                attribute[NameObject("/Headers")] = ArrayObject(
                    TextStringObject(mapping.get(str(h), str(h)))
                    for h in attribute["/Headers"])
    names = ArrayObject()
    for node in elements:  # in id order, as a name tree must be
        names.extend([node["/ID"], node.indirect_reference])
    if "/IDTree" in tree:  # one leaf in place of Chromium's tree, whose leaves are dropped
        for leaf in tree["/IDTree"].get_object().get("/Kids", []):
            leaf.get_object().clear()
    tree[NameObject("/IDTree")] = DictionaryObject({NameObject("/Names"): names})
    return len(mapping)


def _restore_outline_titles(writer, titles: list[str]) -> None:
    """Chromium joins the lines of a wrapped heading without a space ("theUK"): give each
    outline entry its heading's title back."""
    from pypdf.generic import NameObject, TextStringObject

    known = {re.sub(r"\s+", "", title): title for title in titles}
    outlines = writer.root_object.get("/Outlines")
    stack = [outlines.get_object().get("/First")] if outlines is not None else []
    while stack:
        item = stack.pop()
        if item is None:
            continue
        item = item.get_object()
        title = known.get(re.sub(r"\s+", "", str(item.get("/Title", ""))))
        if title:
            item[NameObject("/Title")] = TextStringObject(title)
        stack.extend([item.get("/Next"), item.get("/First")])


def finish(pdf_file: Path, out: Path, citation: Citation, date: dt.datetime,
           titles: list[str] = ()) -> None:
    """Metadata, outline titles, the outline shown on opening, stable structure ids, and
    a content-derived file identifier."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject

    writer = PdfWriter(clone_from=PdfReader(pdf_file))
    stamp = date.strftime("D:%Y%m%d%H%M%S+00'00'")
    writer.metadata = None
    writer.add_metadata({
        "/Title": citation.title,
        "/Author": citation.authors,
        "/Subject": citation.abstract or citation.title,
        "/Keywords": ", ".join(citation.keywords),
        "/Creator": "tools/pdf.py: Jupyter Book single page printed by Chromium",
        "/Producer": "Chromium (Skia/PDF) and pypdf",
        "/CreationDate": stamp,
        "/ModDate": stamp,
    })
    writer.page_mode = "/UseOutlines"
    _restore_outline_titles(writer, [citation.title, *titles])
    renumber_structure_ids(writer)
    writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
    # The identifier is a hash of the file written without it: same content, same /ID.
    writer._ID = ArrayObject([ByteStringObject(bytes(16))] * 2)
    draft = io.BytesIO()
    writer.write(draft)
    digest = ByteStringObject(hashlib.md5(draft.getvalue(), usedforsecurity=False).digest())
    writer._ID = ArrayObject([digest, digest])
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as stream:
        writer.write(stream)


def print_edition(single: Path, out: Path, root: Path = ROOT, passes: int = 3) -> dict:
    """Print the edition of ``single``'s page to ``out``; return what was measured."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise EditionError(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    page = f"{toc(root)[0]}.html"
    source = (single / page).read_text(encoding="utf-8")
    # The print stylesheet as it is now, even when the single page was built before an edit.
    shutil.copyfile(root / "_static" / "print.css", single / "_static" / "print.css")
    citation, date = report_citation(root), build_date()
    edition, draft = single / EDITION, out.with_suffix(".draft.pdf")
    out.parent.mkdir(parents=True, exist_ok=True)
    prints, pages = 0, None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            while True:  # until the page numbers the contents print are where things are
                text, headings = edition_html(source, page, citation, date, pages, root,
                                              single)
                edition.write_text(text, encoding="utf-8")
                render(edition, draft, browser)
                prints += 1
                found = destinations(draft)
                if pages is not None and all(found.get(k) == v for k, v in pages.items()):
                    break
                if prints == passes:
                    raise EditionError(f"contents page numbers still moving after {passes} "
                                       "prints")
                pages = found
        finally:
            browser.close()
    finish(draft, out, citation, date, headings)
    draft.unlink()
    return {"prints": prints, "date": date.isoformat()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-html", action="store_true",
                        help="reuse _build/singlehtml instead of rebuilding it")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        # As the browser tests: without Chromium, skip with the reason, except in CI.
        print(f"pdf: no PDF built: Chromium not found at {CHROMIUM} "
              "(apt-get install chromium)", file=sys.stderr)
        return 1 if os.environ.get("CI") == "true" else 0
    start = time.perf_counter()
    single = SINGLE if args.skip_html else build_single_page(ROOT)
    out = pdf_path(ROOT)
    try:
        measured = print_edition(single, out)
    except EditionError as error:
        print(f"pdf: {error}", file=sys.stderr)
        return 1
    # Beside the HTML book's first page, which links to it.
    if (ROOT / "_build" / "html").is_dir():
        shutil.copyfile(out, ROOT / "_build" / "html" / out.name)
    from pypdf import PdfReader

    print(f"The PDF is in {out.relative_to(ROOT)}: {len(PdfReader(out).pages)} pages, "
          f"{measured['prints']} prints, {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Saved web pages: the article body and the page's own metadata, from the HTML.

The body comes from **trafilatura** (Barbaresi 2021), the field's tool for the main text
of a page, run with ``favor_precision`` and without comments: on a development set of 50
real pages with gold bodies it scored better than its default setting (see
``python -m analysis.evaluate cleaning``). Lines of that body which the furniture rules
of :mod:`analysis.furniture` recognise ("Read more: …", a photo credit) are removed as
well, and a first line repeating the headline moves to the headline field.

The metadata is what the page says about itself: its title (headline), author (byline),
publication date, site name (outlet), description (standfirst) and address (URL). A
date stated in the page's markup (meta tags, ``<time>``, structured data, a date in its
address) is *printed*; one guessed from the text is *inferred*, and marked so.

The page's visible text (everything a reader would select and copy) is kept too, so that
the cleaning audit can list every line of the page that is not in the body.
"""

from __future__ import annotations

import gzip
import re
import zlib
from typing import NamedTuple

import pandas as pd

from analysis import furniture as fx
from analysis.boilerplate import classify_lines
from analysis.clean import PARAGRAPH_SEP, Removal, normalise_line
from analysis.clean import line_key as key
from analysis.decoding import decode_text
from analysis.problems import CorpusError

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# trafilatura's settings, chosen on half of the development pages (see the module doc).
EXTRACTION = {"favor_precision": True, "include_comments": False, "include_tables": True}
# Dates must not depend on the day the book is built (htmldate's default latest date is today).
_DATE_RANGE = {"min_date": "1990-01-01", "max_date": "2099-12-31"}

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([-\w.:]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_MARKUP = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|p|div|article|main|h1|title)\b",
                     re.IGNORECASE)
# Elements whose text a reader never sees.
_INVISIBLE = ("script", "style", "noscript", "template", "head", "iframe", "object", "embed",
              "svg", "canvas", "select", "option", "button")
# Elements that start a new line on screen.
_BLOCKS = frozenset("""address article aside blockquote br dd details div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section
    summary table tbody thead tfoot tr ul caption""".split())


class Page(NamedTuple):
    """What a saved web page says: its article and its metadata (``""`` where it says nothing)."""

    text: str  # the article body, paragraphs separated by a blank line
    visible: str  # the page's visible text, one block per line
    headline: str
    byline: str
    published: pd.Timestamp  # NaT if the page gives no date
    date_inferred: object  # False: printed in the page's markup; True: guessed; NA: no date
    date_evidence: str
    outlet: str
    standfirst: str
    url: str
    language: str
    removed: list[Removal]  # body lines taken out after extraction (furniture, headline)


def is_html_name(name: str) -> bool:
    """Whether a file name is a saved web page (``.html``, ``.htm``, also gzipped).

    Examples
    --------
    >>> [is_html_name(n) for n in ("a.html", "b.HTM.gz", "c.txt")]
    [True, True, False]
    """
    lowered = name.lower().removesuffix(".gz")
    return lowered.endswith(HTML_SUFFIXES)


def decode_html(data: bytes, name: str) -> tuple[str, list[str]]:
    """The page's markup as text: gunzipped if need be, decoded with the charset it declares.

    Raises
    ------
    CorpusError
        For an empty, binary or corrupt gzipped file, or one with no HTML markup.

    Examples
    --------
    >>> page = '<meta charset="windows-1252"><p>£5</p>'.encode("cp1252")
    >>> decode_html(page, "a.html")[0]
    '<meta charset="windows-1252"><p>£5</p>'
    """
    repairs = []
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as err:
            raise CorpusError(f"{name}: not a readable gzip file ({err})") from None
    elif name.lower().endswith(".gz"):
        repairs.append(f"{name}: not gzipped despite its name (read as plain HTML)")
    charset = _declared_charset(data)
    text, decoded = decode_text(data, name, encoding=charset)
    if not _MARKUP.search(text[:100_000]):
        raise CorpusError(f"{name}: not HTML (no <html>, <body> or <p> markup found)")
    return text, repairs + decoded


def _declared_charset(data: bytes) -> str | None:
    """The encoding a page declares (``<meta charset>``, ``http-equiv`` or XML declaration)."""
    head = data[:4096]
    match = _XML_ENCODING.match(head) or _CHARSET.search(head)
    return match.group(1).decode("ascii", errors="replace") if match else None


def read_page(html: str, name: str) -> Page:
    """Extract the article and the metadata of a page (see the module doc).

    Raises
    ------
    CorpusError
        If the page cannot be parsed or has no article text.

    Examples
    --------
    >>> html = ('<html><head><title>Talks go well | The Daily</title>'
    ...         '<meta property="og:site_name" content="The Daily">'
    ...         '<meta name="author" content="Jane Doe">'
    ...         '<meta property="article:published_time" content="2023-06-08"></head><body>'
    ...         '<nav><a href="/">Home</a> <a href="/w">World</a></nav><article>'
    ...         '<h1>Talks go well</h1><p>' + 'The minister met the envoy on Thursday. ' * 8 +
    ...         '</p><p>' + 'Officials said the two sides would meet again. ' * 8 +
    ...         '</p></article></body></html>')
    >>> page = read_page(html, "talks.html")
    >>> page.headline, page.byline, page.outlet, str(page.published.date()), page.date_inferred
    ('Talks go well', 'Jane Doe', 'The Daily', '2023-06-08', False)
    >>> len(page.text.split("\\n\\n"))
    2
    """
    import trafilatura

    html = _XML_DECLARATION.sub("", html, count=1)  # lxml refuses str with a declaration
    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, **EXTRACTION,
            date_extraction_params={"extensive_search": False, "original_date": True,
                                    **_DATE_RANGE})
    except Exception as err:  # noqa: BLE001 - any parser failure is this page's problem
        raise CorpusError(f"{name}: the page could not be parsed ({type(err).__name__}: "
                          f"{err})") from None
    if doc is None or not (doc.text or "").strip():
        raise CorpusError(f"{name}: no article text found in the page (trafilatura found "
                          "no main text)")
    headline = normalise_line(doc.title or "") or _first_heading(html)
    body, removed = _clean_body(doc.text, headline)
    if not body:
        raise CorpusError(f"{name}: no article text found in the page (only page furniture)")
    published, inferred, evidence = _date(html, doc.date)
    return Page(
        text=PARAGRAPH_SEP.join(body),
        visible=visible_text(html),
        headline=headline,
        byline=normalise_line(doc.author or ""),
        published=published,
        date_inferred=inferred,
        date_evidence=evidence,
        outlet=normalise_line(doc.sitename or ""),
        standfirst=normalise_line(doc.description or ""),
        url=(doc.url or "").strip(),
        language=doc.language or "",
        removed=removed,
    )


def _clean_body(text: str, headline: str) -> tuple[list[str], list[Removal]]:
    """Body paragraphs of trafilatura's text, without furniture lines or a repeated headline."""
    body, removed = [], []
    lines = [normalise_line(line) for line in text.split("\n")]
    for number, line in enumerate(lines, 1):
        if not line:
            continue
        rule = fx.match_rule(line)
        if not body and headline and key(line) == key(headline):
            removed.append(Removal(number, "headline", "headline (kept as a field)", line))
        elif rule:
            removed.append(Removal(number, rule.category, rule.reason, line))
        else:
            body.append(line)
    return body, removed


def _first_heading(html: str) -> str:
    """The page's first ``<h1>`` (or ``<title>``), when trafilatura found no title."""
    for tag in ("h1", "title"):
        match = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}>", html, re.IGNORECASE | re.DOTALL)
        if match:
            text = normalise_line(re.sub(r"<[^>]+>", " ", match.group(1)))
            if text:
                import html as html_lib

                return html_lib.unescape(text)
    return ""


def _date(html: str, printed: str | None) -> tuple[pd.Timestamp, object, str]:
    """(date, inferred, evidence): printed in the markup, else guessed from URL or text."""
    if printed:
        return (pd.Timestamp(printed), False,
                f"Printed in the page's markup (meta tags, <time>, structured data or its "
                f"address): {printed}")
    import htmldate

    try:
        guessed = htmldate.find_date(html, extensive_search=True, original_date=True,
                                     **_DATE_RANGE)
    except Exception:  # noqa: BLE001 - a date we cannot guess is no date
        guessed = None
    if guessed:
        return (pd.Timestamp(guessed), True,
                f"Not printed in the page's markup; guessed from its text (htmldate): "
                f"{guessed}")
    return pd.NaT, pd.NA, ""


def visible_text(html: str) -> str:
    """The text a reader sees on the page, one block (paragraph, list item, cell row) per line.

    Examples
    --------
    >>> visible_text("<body><nav>Home</nav><script>x()</script><p>One <b>two</b></p>"
    ...              "<!-- note --><ul><li>three</li></ul></body>")
    'Home\\nOne two\\nthree'
    """
    import lxml.html
    from lxml import etree

    html = _XML_DECLARATION.sub("", html, count=1)
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, *_INVISIBLE,
                         with_tail=False)
    for element in root.xpath("//*[@hidden]"):
        element.drop_tree()
    parts: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        block = element.tag in _BLOCKS
        if event == "start":
            if block:
                parts.append("\n")
            if element.text:
                parts.append(element.text)
        else:
            if block:
                parts.append("\n")
            elif element.tag in ("td", "th"):
                parts.append(" ")
            if element.tail:
                parts.append(element.tail)
    lines = (normalise_line(line) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def page_removals(visible: str, body: str, headline: str = "", standfirst: str = "",
                  byline: str = "") -> list[Removal]:
    """Every line of the page's visible text that is not in the body, with a reason.

    Fields (headline, standfirst, byline) are named as such; other lines get the category
    of the furniture rule or of the text classifier (:mod:`analysis.boilerplate`) that
    recognises them, or ``"page"``: not in the article the extractor found.

    Examples
    --------
    >>> removed = page_removals("Home\\nTalks go well\\nThe minister met the envoy.",
    ...                         "The minister met the envoy.", headline="Talks go well")
    >>> [(r.line, r.category) for r in removed]
    [(1, 'navigation'), (2, 'headline')]
    """
    lines = visible.split("\n")
    paragraphs = [p for p in body.split(PARAGRAPH_SEP) if p.strip()]
    body_keys = [key(p) for p in paragraphs]
    exact = set(body_keys) | set(paragraphs)
    fields = {key(v): f for f, v in (("headline", headline), ("standfirst", standfirst),
                                     ("byline", byline), ("byline", f"By {byline}")) if v}
    kept = [line in exact or _in_body(key(line), exact, body_keys) for line in lines]
    hints = [None if k else (r.category if (r := fx.match_rule(line)) else None)
             for line, k in zip(lines, kept)]
    verdicts = classify_lines([line if not k else "" for line, k in zip(lines, kept)], hints)
    removed = []
    for number, (line, k, hint, verdict) in enumerate(zip(lines, kept, hints, verdicts), 1):
        if k or not line:
            continue
        field = fields.get(key(line))
        if field:
            removed.append(Removal(number, field, f"{field} (kept as a field)", line))
        elif hint:
            removed.append(Removal(number, hint, fx.match_rule(line).reason, line))
        elif verdict:
            removed.append(Removal(number, verdict[0], verdict[1], line))
        else:
            removed.append(Removal(number, "page", "not in the article the extractor found "
                                                   "in the page's markup (a comment, teaser "
                                                   "or other page text)", line))
    return removed


def _in_body(line_key: str, exact: set[str], body_keys: list[str]) -> bool:
    """Whether a visible line is (mostly) in the body: the same text, or a paragraph of it
    that makes up most of the line (a link appended to it), or a long part of one."""
    if not line_key:
        return False
    if line_key in exact:
        return True
    if len(line_key.split()) < 4:
        return False
    return any(line_key in p or (p in line_key and 2 * len(p) >= len(line_key))
               for p in body_keys)

"""The annotated article pages: every coding visible on its article, nothing removed hidden.

The first tests render pages directly (hostile text, a quotation across sentences);
the others read the built book (``make book``) and check it against this build's tables.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pandas as pd
import pytest

from analysis import anchors, annotate, appendix
from analysis.clean import normalise_line

from .conftest import ROOT, SHARED

HTML = ROOT / "_build" / "html"
PAGES = HTML / anchors.FOLDER
NO_REPORTS = pd.DataFrame(columns=["paragraph", "speaker", "cue", "text"])
NO_REMOVALS = pd.DataFrame(columns=["line", "category", "reason", "text"])
HOSTILE = ('<script>alert("x")</script> <img src=x onerror="alert(1)"> {{ secret }} '
           "`code` $x$ & ]]> \"quoted\" 'single'")


class Page(HTMLParser):
    """What a reader and a link checker see on a page: ids, links, quotations, removals,
    the tags and attributes used, and the document order of paragraphs and removed lines."""

    VOID = {"br", "img", "meta", "link", "input", "hr", "wbr", "source", "col"}

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.ids, self.hrefs, self.tags, self.attributes = set(), [], Counter(), set()
        self.marks, self.labels, self.removed, self.order = [], [], [], []
        self._stack: list[tuple[str, dict]] = []
        self._capture: list[list] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags[tag] += 1
        self.attributes.update(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.hrefs.append(attrs["href"])
        classes = (attrs.get("class") or "").split()
        record = None
        if tag == "mark" and "ann-q" in classes:
            record = {"q": attrs["data-q"].split(), "speaker": attrs.get("data-speaker"),
                      "id": attrs.get("id"), "text": []}
            self.marks.append(record)
        elif tag == "span" and "ann-who" in classes:
            record = {"text": [], "stop": True}  # a label, not the article's words
            self.labels.append(record)
        elif tag == "span" and "ann-rep" in classes:
            record = {"text": [], "stop": True}
        elif tag == "li" and "data-line" in attrs:
            record = {"line": int(attrs["data-line"]), "text": [], "parts": {}}
            self.removed.append(record)
            self.order.append(("removed", record))
        elif tag == "p" and "ann-text" in classes:
            record = {"text": []}
            self.order.append(("paragraph", record))
        elif tag == "span" and ("ann-removed-text" in classes or "ann-reason" in classes):
            record = self.removed[-1]["parts"].setdefault(classes[0], {"text": []})
        if tag not in self.VOID:
            self._stack.append((tag, record))
            if record is not None:
                self._capture.append(record)

    def handle_endtag(self, tag):
        while self._stack:
            open_tag, record = self._stack.pop()
            if record is not None:
                self._capture.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        for record in reversed(self._capture):
            record["text"].append(data)
            if record.get("stop"):
                break


def text(record) -> str:
    return "".join(record["text"])


def render(row, sentences, quotes, reports=NO_REPORTS, removed=NO_REMOVALS, labels=None):
    return annotate.article_html(row, sentences, quotes, reports, removed,
                                 labels or {"conflict": "frame"}, {"tone": "#ref:x"})


def one_sentence(body: str, **columns) -> pd.DataFrame:
    return pd.DataFrame({"paragraph": [1], "sentence": [1], "start": [0], "end": [len(body)],
                         "text": [body], "compound": [0.0], "conflict": [0.0], **columns})


def test_hostile_text_is_shown_as_text_never_run():
    body = f"He said: “{HOSTILE}” and left."
    start = body.index("“") + 1
    row = {"doc_id": "evil<doc>", "text": body, "headline": HOSTILE, "byline": HOSTILE,
           "outlet": HOSTILE, "standfirst": HOSTILE, "url": "javascript:alert(1)",
           "raw_text": f"{HOSTILE}\n{body}"}
    quotes = pd.DataFrame({"start": [start], "end": [body.index("”")], "speaker": [HOSTILE],
                           "speaker_kind": [HOSTILE], "cue": [HOSTILE]})
    removed = pd.DataFrame({"line": [1], "category": [HOSTILE], "reason": [HOSTILE],
                            "text": [HOSTILE]})
    reports = pd.DataFrame({"paragraph": [1], "speaker": [HOSTILE], "cue": [HOSTILE],
                            "text": [body]})
    page_html = render(row, one_sentence(body), quotes, reports, removed)
    page = Page(page_html)
    assert page.tags["script"] == page.tags["img"] == 0
    assert not any(name.startswith("on") for name in page.attributes)
    assert "javascript:" not in " ".join(page.hrefs)  # only http(s) sources are linked
    assert "{{" not in page_html and "`" not in page_html  # nothing MyST could expand
    # ... and every hostile string is still there, as text, for the reader to see.
    assert text(page.marks[0]) == HOSTILE and page.marks[0]["speaker"] == HOSTILE
    assert text(page.labels[0]) == HOSTILE
    assert text(page.removed[0]["parts"]["ann-removed-text"]) == HOSTILE
    source = appendix.page_source(HOSTILE, page_html)
    assert not re.search(r"(?<!\\)<", source.splitlines()[0])  # the title's markup is escaped


def test_a_page_is_one_heading_and_one_raw_block_whatever_the_text():
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    body = "“````\n```` {{ x }}” she said.\n\n<div>\n\n# Heading?"
    row = {"doc_id": "a", "text": body, "headline": "Title `x` {{ y }} <b>"}
    page_html = render(row, one_sentence(body), pd.DataFrame(columns=["start", "end",
                                                                       "speaker"]))
    parser = create_md_parser(MdParserConfig(enable_extensions={"colon_fence", "dollarmath",
                                                                "substitution"}),
                              RendererHTML)
    tokens = parser.parse(appendix.page_source(row["headline"], page_html))
    assert [t.type for t in tokens] == ["heading_open", "inline", "heading_close", "fence"]
    assert [c.type for c in tokens[1].children] == ["text"]
    assert tokens[3].info == "{raw} html" and tokens[3].content == page_html + "\n"


def test_a_quotation_across_sentences_is_one_quotation_with_one_label():
    body = "“We will win. We will not stop,” she said. Later, silence."
    s = pd.DataFrame({"paragraph": [1, 1, 1], "sentence": [1, 2, 3], "start": [0, 14, 44],
                      "end": [13, 43, 59], "text": [body[0:13], body[14:43], body[44:59]],
                      "compound": [0.5, -0.2, 0.0], "conflict": [0.0, 1.0, 0.0]})
    q = pd.DataFrame({"start": [1], "end": [30], "speaker": ["Liz Truss"],
                      "speaker_kind": ["registry person"]})
    page = Page(render({"doc_id": "d", "text": body}, s, q))
    assert "".join(text(m) for m in page.marks) == body[1:30]
    assert [m["id"] for m in page.marks][:2] == ["d-q-1", None]  # one anchor, at its start
    assert [text(label) for label in page.labels] == ["Liz Truss"]
    assert {"d-s-1", "d-s-2", "d-s-3"} <= page.ids
    assert "registry person" in render({"doc_id": "d", "text": body}, s, q)


def test_links_point_at_the_anchors_the_pages_carry():
    quotes = pd.DataFrame({"doc_id": ["x", "x", "y"]})
    assert anchors.quote_links(quotes).tolist() == [
        "../annotated/x.html#x-q-1", "../annotated/x.html#x-q-2", "../annotated/y.html#y-q-1"]
    assert anchors.sentence_link("x", 4) == "../annotated/x.html#" + \
        anchors.sentence_anchor("x", 4)
    # Ids that are not safe file names get distinct pages.
    assert anchors.page_name("A b") != anchors.page_name("a-b")
    assert anchors.page_name("index") != "index"


def test_every_speaker_colour_has_a_style():
    css = (ROOT / "_static" / "annotate.css").read_text(encoding="utf-8")
    styled = set(re.findall(r"\.ann-k-([0-9a-f]{6})\b", css))
    assert {c.lstrip("#") for c in annotate.PALETTE} <= styled
    assert ".ann-k-none" in css


# The built book ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def book():
    if not (PAGES / "index.html").exists():
        pytest.fail(f"{PAGES} is missing: run `make book` first (make test does)")
    import analysis.book
    from analysis.audit import cleaning_audit

    data = analysis.book.load()
    return data, cleaning_audit(data.corpus)


def built(doc_id: str) -> Page:
    return Page((PAGES / f"{anchors.page_name(doc_id)}.html").read_text(encoding="utf-8"))


def test_every_article_has_its_page_listed_in_the_index(book):
    data, _ = book
    index = Page((PAGES / "index.html").read_text(encoding="utf-8"))
    for doc_id in data.corpus["doc_id"]:
        assert (PAGES / f"{anchors.page_name(doc_id)}.html").exists(), doc_id
        assert f"{anchors.page_name(doc_id)}.html" in index.hrefs, doc_id


def test_every_quotation_is_highlighted_on_its_page_with_its_speaker(book):
    data, _ = book
    quotes = data.result.quotes
    assert len(quotes)
    for doc_id, group in quotes.groupby("doc_id"):
        page = built(doc_id)
        for k, q in enumerate(group.itertuples(), 1):
            anchor = anchors.quote_anchor(doc_id, k)
            assert anchor in page.ids, anchor
            marks = [m for m in page.marks if str(k) in m["q"]]
            assert "".join(text(m) for m in marks) == q.quote, (doc_id, k)
            assert q.speaker in {m["speaker"] for m in marks}, (doc_id, k)
        # Readable without colour: each quotation's speaker is named in text beside it.
        named = Counter(text(label) for label in page.labels)
        expected = Counter(s or annotate.UNKNOWN_SPEAKER for s in group["speaker"])
        assert named == expected, doc_id


def test_every_removed_line_is_on_its_page_where_it_stood(book):
    data, audit = book
    assert len(audit)
    for row in data.corpus.itertuples():
        page = built(row.doc_id)
        mine = audit[audit["doc_id"] == row.doc_id]
        shown = [(r["line"], text(r["parts"]["ann-removed-text"])) for r in page.removed]
        assert shown == [(int(r.line), normalise_line(r.text)) for r in
                         mine.sort_values("line", kind="stable").itertuples()], row.doc_id
        if not row.file.endswith(".txt"):
            continue  # a saved HTML page's paragraphs need not sit one per line
        # Reading the page top to bottom goes down the raw file: each kept paragraph is
        # found on its raw line, and removed lines sit between the paragraphs around them.
        raw = [normalise_line(line) for line in row.raw_text.split("\n")]
        lines, cursor = [], 0
        for kind, record in page.order:
            if kind == "removed":
                lines.append(record["line"])
                continue
            paragraph = " ".join(text(record).split())
            found = next(j for j in range(cursor, len(raw)) if raw[j].endswith(paragraph))
            lines.append(found + 1)
            cursor = found + 1
        assert lines == sorted(lines), row.doc_id


def test_every_link_of_the_annotated_pages_resolves():
    pages = sorted(PAGES.glob("*.html"))
    if not pages:
        pytest.fail(f"{PAGES} is missing: run `make book` first (make test does)")
    # The chapters' links into the annotated pages are checked too.
    pages += sorted((HTML / "chapters").glob("*.html"))
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in pages:
        parsed = Page(page.read_text(encoding="utf-8"))
        for href in parsed.hrefs:
            url = urlsplit(href)
            if url.scheme or url.netloc or href.startswith("mailto:"):
                continue
            if page.parent.name == "chapters" and anchors.FOLDER not in url.path:
                continue
            target = (page.parent / unquote(url.path)).resolve() if url.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append((page.name, href))
                continue
            if url.fragment:
                if target not in ids:
                    ids[target] = Page(target.read_text(encoding="utf-8")).ids
                if unquote(url.fragment) not in ids[target]:
                    broken.append((page.name, href))
    assert broken == []


def test_each_sentence_links_to_the_chapters_that_count_it():
    article = next(p for p in sorted(PAGES.glob("*.html")) if p.name != "index.html")
    hrefs = Page(article.read_text(encoding="utf-8")).hrefs
    for chapter in ("who-speaks", "tone", "framing"):
        assert any(h.startswith(f"../chapters/{chapter}.html#") for h in hrefs), chapter


@pytest.mark.skipif(not (SHARED / "external" / "bbc").is_dir(),
                    reason="../shared/external/bbc is not available")
def test_pages_of_unseen_articles_place_every_quotation_and_removed_line():
    """Real text from elsewhere (BBC politics, no metadata): nothing is left unplaced."""
    import analysis
    from analysis.audit import cleaning_audit
    from analysis.pipeline import analyse

    folder = SHARED / "external" / "bbc" / "politics"
    if not folder.is_dir():
        folder = next(p for p in sorted((SHARED / "external" / "bbc").iterdir()) if p.is_dir())
    with warnings.catch_warnings():  # the BBC set repeats a few stories; both are kept
        warnings.simplefilter("ignore", analysis.CorpusWarning)
        corpus = analysis.load_corpus(folder).head(40)
    result = analyse(corpus)
    audit = cleaning_audit(corpus)
    pages = appendix.article_pages(corpus, result.sentences, result.quotes, result.reports,
                                   audit, {}, {})
    assert len(pages) == len(corpus)
    for row in corpus.itertuples():
        page = Page(pages[anchors.page_name(row.doc_id)].split("\n", 3)[3])
        n_quotes = int((result.quotes["doc_id"] == row.doc_id).sum())
        assert "ann-leftover" not in pages[anchors.page_name(row.doc_id)], row.doc_id
        assert len({q for m in page.marks for q in m["q"]}) == n_quotes, row.doc_id
        assert len(page.removed) == int((audit["doc_id"] == row.doc_id).sum())
        assert row.text.split("\n\n")[0][:40] in "".join(
            text(r) for kind, r in page.order if kind == "paragraph")


def test_the_links_chapters_use_land_on_the_quotation_and_the_sentence(book):
    """quote_links (the quotation appendix) and sentence_links (the "special relationship"
    table) point at anchors that exist, on pages that exist, relative to chapters/."""
    from analysis.framing import special_relationship

    data, _ = book
    phrase = special_relationship(data.corpus, data.result.sentences, data.result.quotes)
    hrefs = list(anchors.quote_links(data.result.quotes)) + list(
        anchors.sentence_links(phrase))
    assert len(hrefs) == len(data.result.quotes) + len(phrase)
    pages: dict[Path, set[str]] = {}
    for href in hrefs:
        url = urlsplit(href)
        target = (HTML / "chapters" / url.path).resolve()
        assert target.exists(), href
        if target not in pages:
            pages[target] = built_ids(target)
        assert not url.fragment or url.fragment in pages[target], href
    # A body sentence's link names the sentence whose text holds the phrase.
    body = phrase[phrase["source"] == "body"].iloc[0]
    sentences = data.result.sentences
    text = sentences.loc[(sentences["doc_id"] == body["doc_id"])
                         & (sentences["sentence"] == body["sentence"]), "text"].iloc[0]
    assert body["match"] in text


def built_ids(path: Path) -> set[str]:
    return Page(path.read_text(encoding="utf-8")).ids


def test_the_page_header_shows_its_notes_as_text_not_as_markup(book):
    """The header's own markup (the inferred-date note, the evidence) is rendered, never
    shown to the reader as "<small>…" text; seed texts contain no angle brackets."""
    data, _ = book
    for doc_id in data.corpus["doc_id"]:
        html = (PAGES / f"{anchors.page_name(doc_id)}.html").read_text(encoding="utf-8")
        assert not re.search(r"&lt;/?(?:small|span|a|mark|p|li|code)\b", html), doc_id
    inferred = data.corpus.loc[data.corpus["date_inferred"].fillna(False).astype(bool),
                               "doc_id"]
    assert len(inferred)
    for doc_id in inferred:
        assert built(doc_id).tags["small"] >= 1, doc_id

"""The articles, annotated: one HTML page per article with the analysis drawn on its text.

A renderer: it draws what it is given (an article's corpus row, its sentences,
quotations, reported speech and the lines cleaning removed) and computes nothing
of its own. Every piece of corpus text is escaped, since a saved web page may
hold markup. The output needs no script and no inline style: colours are classes
of ``_static/annotate.css``, and "on demand" is ``<details>`` and ``title``.

Anchors are stable and unique across the whole book (the single-page build puts
every article on one page): sentence ``n`` of an article is ``<page>-s-<n>``, its
``k``-th quotation (in the quotation table's order) ``<page>-q-<k>``.
:func:`sentence_link` and :func:`quote_link` give the URLs chapters use to link a
table row to its sentence.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections import Counter
from collections.abc import Mapping, Sequence

import pandas as pd

from analysis.clean import PARAGRAPH_SEP, normalise_line
from analysis.corpus import format_date
from analysis.figures import LEADER_COLOURS, OKABE_ITO, TOL_BRIGHT
from analysis.sentiment import NEGATIVE, POSITIVE

__all__ = ["FOLDER", "PALETTE", "article_html", "article_page", "index_html", "link_cells",
           "page_name", "page_source", "paragraph_lines", "quote_anchor", "quote_link",
           "quote_links", "sentence_anchor", "sentence_link", "sentence_links"]

FOLDER = "annotated"  # the generated pages' folder, at the book's root
# Speaker colours, from the figures' palettes: a leader keeps their colour in the figures;
# other speakers take the colours no leader has first, then those no leader on the page uses.
_LEADER = tuple(c.lower() for c in LEADER_COLOURS.values())
PALETTE = tuple(dict.fromkeys(
    [c.lower() for c in (*TOL_BRIGHT, *OKABE_ITO) if c.lower() not in _LEADER
     and c.lower() != "#000000"] + list(_LEADER)))
UNKNOWN_SPEAKER = "unattributed"
# Placeholders a Sphinx extension resolves: a label ("#ref:chapter-tone"), a document.
REF, DOC = "#ref:", "#doc:"
_UNSAFE = re.compile(r"[^a-z0-9-]+")
_RESERVED = frozenset({"index", "genindex", "search"})


def esc(text) -> str:
    """Escape corpus text for HTML, braces and backticks too (the page is MyST source).

    Examples
    --------
    >>> esc('<script>alert("x")</script> {{ x }}')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &#123;&#123; x &#125;&#125;'
    """
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    text = html.escape(" ".join(str(text).split("\n")), quote=True)
    return text.replace("{", "&#123;").replace("}", "&#125;").replace("`", "&#96;")


def page_name(doc_id: str) -> str:
    """The file name (without suffix) of an article's page: safe, unique, lower case.

    A ``doc_id`` that is already safe is used as it is; any other gets a short hash so
    that two ids never share a page.

    Examples
    --------
    >>> page_name("2025-02-26-skynews-starmer")
    '2025-02-26-skynews-starmer'
    >>> page_name("Politics/001 copy")
    'politics-001-copy-4fac14e4'
    """
    name = _UNSAFE.sub("-", str(doc_id).lower()).strip("-") or "article"
    if name != doc_id or name in _RESERVED:
        name += "-" + hashlib.sha1(str(doc_id).encode()).hexdigest()[:8]
    return name


def sentence_anchor(doc_id: str, sentence: int) -> str:
    """The HTML id of sentence ``sentence`` (the sentences table's number) of an article."""
    return f"{page_name(doc_id)}-s-{int(sentence)}"


def quote_anchor(doc_id: str, k: int) -> str:
    """The HTML id of an article's ``k``-th quotation (1-based, quotation table order)."""
    return f"{page_name(doc_id)}-q-{int(k)}"


def article_page(doc_id: str, root: str = "..") -> str:
    """URL of an article's page, relative to a page whose path to the book root is ``root``.

    Chapters live in ``chapters/``, so the default ``".."`` suits them.

    Examples
    --------
    >>> article_page("2022-02-02-independent-truss")
    '../annotated/2022-02-02-independent-truss.html'
    """
    return f"{root}/{FOLDER}/{page_name(doc_id)}.html" if root else \
        f"{FOLDER}/{page_name(doc_id)}.html"


def sentence_link(doc_id: str, sentence: int, root: str = "..") -> str:
    """URL of one sentence on its article's page (see :func:`article_page` for ``root``).

    Examples
    --------
    >>> sentence_link("2025-02-26-skynews-starmer", 12)
    '../annotated/2025-02-26-skynews-starmer.html#2025-02-26-skynews-starmer-s-12'
    """
    return f"{article_page(doc_id, root)}#{sentence_anchor(doc_id, sentence)}"


def quote_link(doc_id: str, k: int, root: str = "..") -> str:
    """URL of an article's ``k``-th quotation on its page."""
    return f"{article_page(doc_id, root)}#{quote_anchor(doc_id, k)}"


def quote_links(quotes: pd.DataFrame, root: str = "..") -> pd.Series:
    """URL of each row of a quotation table (rows in the table's order, per article).

    Examples
    --------
    >>> q = pd.DataFrame({"doc_id": ["a", "a", "b"]})
    >>> quote_links(q).str.rsplit("#").str[-1].tolist()
    ['a-q-1', 'a-q-2', 'b-q-1']
    """
    k = quotes.groupby("doc_id", sort=False).cumcount() + 1
    return pd.Series([quote_link(d, n, root) for d, n in zip(quotes["doc_id"], k)],
                     index=quotes.index, dtype="str")


def sentence_links(table: pd.DataFrame, root: str = "..") -> pd.Series:
    """URL of each row's sentence (``doc_id``, ``sentence``); the page's top if none.

    Rows without a sentence number (a headline, a standfirst) link to the article.

    Examples
    --------
    >>> t = pd.DataFrame({"doc_id": ["a", "a"], "sentence": [3, None]})
    >>> sentence_links(t).tolist()
    ['../annotated/a.html#a-s-3', '../annotated/a.html']
    """
    return pd.Series([article_page(d, root) if pd.isna(s) else sentence_link(d, s, root)
                      for d, s in zip(table["doc_id"], table["sentence"])],
                     index=table.index, dtype="str")


def link_cells(texts: Sequence, hrefs: Sequence[str]) -> list[str]:
    """``<a>`` elements for table cells, text escaped: show them with ``escape=None``.

    Examples
    --------
    >>> link_cells(["<b>"], ["../annotated/a.html#a-s-1"])
    ['<a href="../annotated/a.html#a-s-1">&lt;b&gt;</a>']
    """
    return [f'<a href="{esc(h)}">{esc(t)}</a>' for t, h in zip(texts, hrefs)]


def paragraph_lines(raw: str, paragraphs: Sequence[str]) -> list[int | None]:
    """The 1-based raw line on which each cleaned paragraph sits, None if not found.

    Paragraphs are searched in order, each after the previous one, as normalised
    lines (:func:`analysis.clean.normalise_line`); a paragraph that is part of a
    line (a dateline was cut off its front) counts as found there.

    Examples
    --------
    >>> paragraph_lines("Menu\\nFirst.\\n\\nAd\\nSecond.", ["First.", "Second."])
    [2, 5]
    """
    lines = [normalise_line(line) for line in (raw or "").split("\n")]
    found, cursor = [], 0
    for paragraph in paragraphs:
        hit = next((j for j in range(cursor, len(lines))
                    if lines[j] and (lines[j] == paragraph or paragraph in lines[j])), None)
        found.append(None if hit is None else hit + 1)
        if hit is not None:
            cursor = hit + 1
    return found


def page_source(title: str, body_html: str, intro: str = "", orphan: bool = False) -> str:
    """A MyST page: the title (every ASCII punctuation mark escaped) and a raw HTML block.

    Every line of ``body_html`` starts with ``<``, so no corpus text can close the block.
    ``intro`` is MyST markdown placed between them: the project's text, never the corpus'.
    ``orphan`` marks a page that no table of contents lists (Sphinx then does not warn).

    Examples
    --------
    >>> print(page_source("A *bold* <b>", "<p>x</p>"))
    # A \\*bold\\* \\<b\\>
    <BLANKLINE>
    ````{raw} html
    <p>x</p>
    ````
    <BLANKLINE>
    """
    title = " ".join(str(title).split()) or "Untitled"
    title = re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", title)
    lines = body_html.split("\n")
    if any(line and not line.startswith("<") for line in lines):
        raise ValueError("every line of the raw HTML must start with '<'")
    intro = f"{intro.strip()}\n\n" if intro.strip() else ""
    front = "---\norphan: true\n---\n\n" if orphan else ""
    return f"{front}# {title}\n\n{intro}````{{raw}} html\n{body_html}\n````\n"


def _speaker_classes(speakers: Sequence[str]) -> dict[str, str]:
    """A colour class per speaker, in order of first quotation; leaders keep their colour."""
    used, result = set(), {}
    for name in dict.fromkeys(speakers):
        if not name:
            result[name] = "ann-k-none"
            continue
        colour = LEADER_COLOURS.get(name, "").lower()
        if not colour or colour in used:
            free = [c for c in PALETTE if c not in used]
            colour = free[0] if free else PALETTE[len(result) % len(PALETTE)]
        used.add(colour)
        result[name] = "ann-k-" + colour.lstrip("#")
    return result


def _value(row, key, default=""):
    value = row.get(key, default) if hasattr(row, "get") else default
    if value is None or (not isinstance(value, (str, tuple, list)) and pd.isna(value)):
        return default
    return value


def _tone(compound: float) -> tuple[str, str]:
    """(text, class) of a tone score: "−0.42", "ann-neg"."""
    if pd.isna(compound):
        return "not scored", "ann-neu"
    text = f"{compound:+.2f}".replace("-", "−") if abs(compound) >= 0.005 else "0.00"
    # VADER's own thresholds, as analysis.sentiment.label
    return text, ("ann-pos" if compound >= POSITIVE else "ann-neg" if compound <= NEGATIVE
                  else "ann-neu")


def _href(links: Mapping[str, str], key: str, text: str, cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    if links.get(key):
        return f'<a{klass} href="{esc(links[key])}">{text}</a>'
    return f"<span{klass}>{text}</span>" if cls else text


def _codes(sentence, labels: Mapping[str, str]) -> list[tuple[str, str]]:
    """(group, code) of a sentence: 0/1 columns by name, text columns by value."""
    codes = []
    for column, group in labels.items():
        value = sentence.get(column)
        if isinstance(value, str):
            if value:
                codes.append((group, value))
        elif value is not None and not pd.isna(value) and value:
            codes.append((group, column))
    return codes


def _meta_html(row, counts: dict) -> list[str]:
    date = format_date(_value(row, "published", None), _value(row, "date_precision", "day")
                       or "day", _value(row, "date_inferred", None))
    inferred = _value(row, "date_inferred", None)
    evidence = _value(row, "date_evidence")
    when = esc(date) + (" <small>(inferred from the events reported)</small>"
                        if inferred is True else "")
    items = [("Outlet", esc(_value(row, "outlet")) or "not given"),
             ("Published", when + (f' <small class="ann-evidence">{esc(evidence)}</small>'
                                   if evidence else "")),
             ("Byline", esc(_value(row, "byline")) or "none printed")]
    url = str(_value(row, "url")).strip()
    if re.match(r"https?://", url, re.IGNORECASE):
        items.append(("Source", f'<a href="{esc(url)}" rel="nofollow noopener noreferrer">'
                                f'{esc(url)}</a>'))
    items.append(("File", f"<code>{esc(_value(row, 'file'))}</code>"))
    items.append(("Counted", ", ".join(f"{n} {w}" for w, n in counts.items())))
    out = ['<dl class="ann-meta">']
    out += [f"<div><dt>{k}</dt><dd>{v}</dd></div>" for k, v in items]
    out.append("</dl>")
    standfirst = _value(row, "standfirst")
    if standfirst:
        out.append(f'<p class="ann-standfirst">{esc(standfirst)}</p>')
    return out


def _legend_html(quotes: list[dict], classes: dict[str, str], links) -> list[str]:
    out = ['<div class="ann-legend">']
    if quotes:
        out.append('<p class="ann-legend-title">Who is quoted on this page '
                   f'({_href(links, "quotation", "method")}):</p>')
        out.append("<ul>")
        counts = Counter(q["speaker"] for q in quotes)
        for name, n in counts.items():
            kinds = ", ".join(dict.fromkeys(q["kind"] for q in quotes if q["speaker"] == name))
            kinds = "kind unknown" if kinds == "unknown" else kinds
            out.append(f'<li><span class="ann-swatch {classes[name]}" aria-hidden="true">'
                       f'</span> {esc(name or UNKNOWN_SPEAKER)} <span class="ann-kind">'
                       f'· {esc(kinds)} ·</span> {n} quotation{"s" * (n != 1)}</li>')
        out.append("</ul>")
    else:
        out.append('<p class="ann-legend-title">No quotation found in this article.</p>')
    out.append('<p class="ann-key">Highlighted words are quoted, followed by '
               '<span class="ann-who-sample">the speaker</span>; <span class="ann-reported">dotted '
               'underlining</span> is reported speech; each sentence&#8217;s number, tone '
               '(VADER compound, −1 to +1) and frames or topics stand beside its paragraph; '
               'grey boxes hold what the cleaner removed, where it was on the page.</p>')
    out.append("</div>")
    return out


def _removed_html(rows: list[dict], located: bool) -> str:
    categories = Counter(r["category"] for r in rows)
    what = ", ".join(f"{esc(c)}" + (f" ×{n}" if n > 1 else "") for c, n in categories.items())
    where = "" if located else " (where on the page is unknown)"
    items = "".join(
        f'<li data-line="{int(r["line"])}"><span class="ann-line">line {int(r["line"])}</span> '
        f'<span class="ann-removed-text">{esc(r["text"])}</span> '
        f'<span class="ann-reason">{esc(r["category"])}: {esc(r["reason"])}</span></li>'
        for r in rows)
    n = len(rows)
    return (f'<details class="ann-removed"><summary>Removed by the cleaner{where}: {n} '
            f'line{"s" * (n != 1)} ({what})</summary><ol>{items}</ol></details>')


class _Article:
    """One article's tables as plain rows, and the HTML of its paragraphs."""

    def __init__(self, doc_id, text, sentences, quotes, reports, labels, links):
        self.doc_id, self.text, self.labels, self.links = doc_id, text, labels, links
        self.sentences = sorted(sentences, key=lambda s: s["start"])
        self.quotes = [{"k": k, "start": int(q["start"]), "end": int(q["end"]),
                        "speaker": _text(q.get("speaker")),
                        "kind": _text(q.get("speaker_kind")) or "unknown",
                        "cue": _text(q.get("cue")), "quote": _text(q.get("quote"))}
                       for k, q in enumerate(quotes, 1)]
        for q in self.quotes:  # the speaker's label goes after the closing marks
            closers = re.match(r"[”’\"'»›]{0,3}", text[q["end"]:q["end"] + 3])
            q["label_at"] = q["end"] + closers.end()
        self.labelled: set[int] = set()
        self.classes = _speaker_classes([q["speaker"] for q in self.quotes])
        self.reports = self._place_reports(reports)
        self.rendered: set[int] = set()

    def _place_reports(self, reports: list[dict]) -> dict[int, list[dict]]:
        """Reported speech by sentence number: the sentence of its paragraph it repeats."""
        placed: dict[int, list[dict]] = {}
        self.unplaced_reports = []
        for r in reports:
            match = next((s["sentence"] for s in self.sentences
                          if s["paragraph"] == r["paragraph"] and s["text"] == r["text"]), None)
            if match is None:
                match = next((s["sentence"] for s in self.sentences
                              if s["paragraph"] == r["paragraph"] and r["text"]
                              and (r["text"] in s["text"] or s["text"] in r["text"])), None)
            if match is None:
                self.unplaced_reports.append(r)
            else:
                placed.setdefault(int(match), []).append(r)
        return placed

    def _mark(self, a: int, b: int, covering: list[dict]) -> str:
        """One stretch of text inside quotation marks, coloured by its innermost quotation."""
        inner = max(covering, key=lambda q: (q["start"], -q["end"]))
        starting = [q for q in covering if q["k"] not in self.rendered]
        anchors = "".join(f'<span class="ann-anchor" id="{quote_anchor(self.doc_id, q["k"])}">'
                          "</span>" for q in starting if q is not inner)
        self.rendered.update(q["k"] for q in starting)
        ident = (f' id="{quote_anchor(self.doc_id, inner["k"])}"' if inner in starting else "")
        name = inner["speaker"] or UNKNOWN_SPEAKER
        title = (f"Quotation {inner['k']}: {name} ({inner['kind']})"
                 + (f", “{inner['cue']}”" if inner["cue"] else ""))
        return (f'{anchors}<mark class="ann-q {self.classes[inner["speaker"]]}"{ident} '
                f'data-q="{" ".join(str(q["k"]) for q in covering)}" '
                f'data-speaker="{esc(inner["speaker"])}" data-kind="{esc(inner["kind"])}" '
                f'title="{esc(title)}">{esc(self.text[a:b])}</mark>')

    def _stretch(self, a: int, b: int) -> str:
        """``text[a:b]`` with its quotations highlighted and each labelled where it ends."""
        quotes = [q for q in self.quotes if q["start"] < b and q["end"] > a
                  or (q["start"] == q["end"] and a <= q["start"] < b)]
        labels = [q for q in self.quotes if a < q["label_at"] <= b]
        cuts = sorted({a, b} | {x for q in quotes for x in (q["start"], q["end"]) if a < x < b}
                      | {q["label_at"] for q in labels})
        out = []
        for x, y in zip(cuts, cuts[1:]):
            for q in quotes:  # an empty quotation keeps its anchor
                if q["start"] == q["end"] == x and q["k"] not in self.rendered:
                    self.rendered.add(q["k"])
                    out.append(f'<span class="ann-anchor" id="{quote_anchor(self.doc_id, q["k"])}"'
                               "></span>")
            covering = [q for q in quotes if q["start"] <= x and q["end"] >= y]
            out.append(self._mark(x, y, covering) if covering else esc(self.text[x:y]))
            for q in labels:
                if q["label_at"] == y and q["k"] not in self.labelled:
                    self.labelled.add(q["k"])
                    out.append(f'<span class="ann-who">{esc(q["speaker"] or UNKNOWN_SPEAKER)}'
                               "</span>")
        return "".join(out)

    def paragraph(self, number: int, a: int, b: int) -> str:
        """A paragraph and, beside it, one note per sentence."""
        sentences = [s for s in self.sentences if s["paragraph"] == number]
        body, notes, cursor = [], [], a
        for s in sentences:
            start, end = max(int(s["start"]), cursor), int(s["end"])
            if start > cursor:
                body.append(self._stretch(cursor, start))
            body.append(self._sentence(s, start, end))
            notes.append(self._note(s))
            cursor = max(cursor, end)
        if cursor < b:
            body.append(self._stretch(cursor, b))
        return (f'<div class="ann-para"><p class="ann-text">{"".join(body)}</p>'
                f'<ol class="ann-notes" aria-label="Codes of paragraph {number}&#8217;s '
                f'sentences">{"".join(notes)}</ol></div>')

    def _sentence(self, s: dict, a: int, b: int) -> str:
        n = int(s["sentence"])
        reports = self.reports.get(n, [])
        tone, _ = _tone(float(s.get("compound", 0.0)))
        codes = ", ".join(f"{g}: {c}" for g, c in _codes(s, self.labels)) or "no frame"
        title = f"Sentence {n}; tone {tone}; {codes}"
        cls = "ann-s ann-reported" if reports else "ann-s"
        tag = "".join(f'<span class="ann-rep">reported: {esc(r["speaker"] or UNKNOWN_SPEAKER)}'
                      f'{" (" + esc(r["cue"]) + ")" if r.get("cue") else ""}</span>'
                      for r in reports)
        return (f'<span class="{cls}" id="{sentence_anchor(self.doc_id, n)}" '
                f'title="{esc(title)}">{self._stretch(a, b)}</span>{tag}')

    def _note(self, s: dict) -> str:
        n = int(s["sentence"])
        tone, cls = _tone(float(s.get("compound", 0.0)))
        parts = [f'<a class="ann-sn" href="#{sentence_anchor(self.doc_id, n)}">'
                 f'<span class="ann-vh">sentence </span>{n}</a>',
                 _href(self.links, "tone", f"tone {tone}", f"ann-tone {cls}")]
        by_group: dict[str, list[str]] = {}
        for group, code in _codes(s, self.labels):
            by_group.setdefault(group, []).append(_href(self.links, group, esc(code)))
        parts += [f'<span class="ann-codes">{esc(g)}: {", ".join(c)}</span>'
                  for g, c in by_group.items()]
        starts = [q for q in self.quotes if int(s["start"]) <= q["start"] < int(s["end"])]
        parts += [_href(self.links, "quotation", f"quotation {q['k']}: "
                        f"{esc(q['speaker'] or UNKNOWN_SPEAKER)}", "ann-qn") for q in starts]
        parts += [_href(self.links, "reported speech", "reported: "
                        f"{esc(r['speaker'] or UNKNOWN_SPEAKER)}", "ann-qn")
                  for r in self.reports.get(n, [])]
        return f"<li>{' '.join(parts)}</li>"


def article_html(row, sentences: pd.DataFrame, quotes: pd.DataFrame, reports: pd.DataFrame,
                 removed: pd.DataFrame, labels: Mapping[str, str],
                 links: Mapping[str, str]) -> str:
    """One article's annotated page, as HTML lines that each start with ``<``.

    Parameters
    ----------
    row : mapping
        The article's corpus row (``doc_id``, ``text``; ``raw_text``, ``outlet``,
        ``published``, ``date_precision``, ``date_inferred``, ``date_evidence``,
        ``byline``, ``standfirst``, ``file`` and ``url`` (http or https only) when known).
    sentences, quotes, reports
        The article's rows of the analysis' tables: sentences with ``paragraph,
        sentence, start, end, text, compound`` and the ``labels`` columns; quotations
        with ``start, end, speaker`` (``speaker_kind`` and ``cue`` if present) in the
        quotation table's order; reported speech with ``paragraph, speaker, text``.
    removed : pandas.DataFrame
        The article's rows of the cleaning audit (``line, category, reason, text``).
    labels : mapping
        Sentence column -> group shown in the notes ("frame", "topic"). A 0/1 column
        shows its name when 1; a text column shows its value.
    links : mapping
        URL per concept, for links from a sentence's notes to the chapter that counts
        it: ``"quotation"``, ``"reported speech"``, ``"tone"`` and each group of ``labels``.

    Examples
    --------
    >>> row = {"doc_id": "a", "text": "“We <b>win</b>,” he said."}
    >>> s = pd.DataFrame({"paragraph": [1], "sentence": [1], "start": [0], "end": [25],
    ...                   "text": [row["text"]], "compound": [0.6], "conflict": [1.0]})
    >>> q = pd.DataFrame({"start": [1], "end": [14], "speaker": ["Keir Starmer"]})
    >>> page = article_html(row, s, q, pd.DataFrame(columns=["paragraph", "speaker", "text"]),
    ...                     pd.DataFrame(columns=["line", "category", "reason", "text"]),
    ...                     {"conflict": "frame"}, {})
    >>> 'id="a-q-1"' in page and "We &lt;b&gt;win&lt;/b&gt;" in page and "<b>" not in page
    True
    """
    tables = [_records(t, c) for t, c in zip((sentences, quotes, reports, removed),
                                             _columns(labels))]
    return _page(row, *tables, labels, links)


def _columns(labels: Mapping[str, str]) -> tuple[tuple[str, ...], ...]:
    """The columns the page reads from the sentences, quotations, reports and audit."""
    return (("paragraph", "sentence", "start", "end", "text", "compound", *labels),
            ("start", "end", "speaker", "speaker_kind", "cue", "quote"),
            ("paragraph", "speaker", "cue", "text"),
            ("line", "category", "reason", "text"))


def _records(table: pd.DataFrame, columns: Sequence[str]) -> list[dict]:
    """Rows as dicts of the columns present: far cheaper than ``to_dict`` on wide tables."""
    present = [c for c in dict.fromkeys(columns) if c in table.columns]
    return [dict(zip(present, values)) for values in
            zip(*(table[c].tolist() for c in present))] if present else [{}] * len(table)


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _page(row, sentences: list[dict], quotes: list[dict], reports: list[dict],
          removed: list[dict], labels: Mapping[str, str], links: Mapping[str, str]) -> str:
    """:func:`article_html` on plain rows."""
    doc_id, text = str(row["doc_id"]), _value(row, "text")
    article = _Article(doc_id, text, sentences, quotes, reports, labels, links)
    paragraphs, spans, offset = text.split(PARAGRAPH_SEP) if text else [], [], 0
    for paragraph in paragraphs:
        spans.append((offset, offset + len(paragraph)))
        offset += len(paragraph) + len(PARAGRAPH_SEP)
    removed_rows = sorted(removed, key=lambda r: int(r["line"]))

    # Each removed line goes before the first kept paragraph that sat below it on the page.
    lines = paragraph_lines(_value(row, "raw_text"), paragraphs)
    located = any(x is not None for x in lines)
    filled, last = [], 0
    for x in lines:
        last = x if x is not None else last
        filled.append(last)
    slots: dict[int, list[dict]] = {}
    for r in removed_rows:
        slot = sum(x < int(r["line"]) for x in filled) if located else 0
        slots.setdefault(slot, []).append(r)

    counts = {"paragraphs": len(paragraphs), "sentences": len(article.sentences),
              "quotations": len(article.quotes), "reported speech": sum(
                  len(v) for v in article.reports.values()) + len(article.unplaced_reports),
              "removed lines": len(removed_rows)}
    out = [f'<article class="ann" data-doc="{esc(doc_id)}">', *_meta_html(row, counts),
           *_legend_html(article.quotes, article.classes, links), '<div class="ann-body">']
    for number, (a, b) in enumerate(spans, 1):
        if number - 1 in slots:
            out.append(_removed_html(slots[number - 1], located))
        out.append(article.paragraph(number, a, b))
    if len(spans) in slots:
        out.append(_removed_html(slots[len(spans)], located))
    out += _leftovers(article)
    out += ["</div>", "</article>"]
    return "\n".join(out)


def _leftovers(article: _Article) -> list[str]:
    """Quotations and reports the text could not place, listed so that none is lost."""
    missing = [q for q in article.quotes if q["k"] not in article.rendered]
    if not missing and not article.unplaced_reports:
        return []
    items = [f'<li id="{quote_anchor(article.doc_id, q["k"])}" data-q="{q["k"]}" '
             f'data-speaker="{esc(q["speaker"])}">quotation {q["k"]}: '
             f'{esc(q["speaker"] or UNKNOWN_SPEAKER)}: {esc(q["quote"])}</li>' for q in missing]
    items += [f'<li>reported: {esc(r["speaker"] or UNKNOWN_SPEAKER)}: {esc(r["text"])}</li>'
              for r in article.unplaced_reports]
    return ['<div class="ann-leftover"><p>Not placed in the text (their offsets do not '
            f'match it):</p><ul>{"".join(items)}</ul></div>']


def article_pages(corpus: pd.DataFrame, sentences: pd.DataFrame, quotes: pd.DataFrame,
                  reports: pd.DataFrame, removed: pd.DataFrame, labels: Mapping[str, str],
                  links: Mapping[str, str], orphan: bool = False) -> dict[str, str]:
    """Every article's page as MyST source, by :func:`page_name`, in corpus order.

    The tables are the whole corpus' (see :func:`article_html`); the page title is the
    headline, else the outlet and date. Each page starts with links to the previous and
    next article and to the index (``#doc:`` placeholders); ``orphan`` as in
    :func:`page_source`.
    """
    groups = []
    for table, columns in zip((sentences, quotes, reports, removed), _columns(labels)):
        rows: dict[str, list[dict]] = {}
        for doc_id, record in zip(table["doc_id"].tolist(), _records(table, columns)):
            rows.setdefault(doc_id, []).append(record)
        groups.append(rows)
    rows = corpus.to_dict("records")
    names = [page_name(row["doc_id"]) for row in rows]
    pages = {}
    for i, row in enumerate(rows):
        tables = [g.get(row["doc_id"], []) for g in groups]
        body = _nav(rows, names, i) + "\n" + _page(row, *tables, labels, links)
        pages[names[i]] = page_source(_title(row), body, orphan=orphan)
    return pages


def _nav(rows: list[dict], names: list[str], i: int) -> str:
    """Links to the previous and next article and to the index."""
    def link(j: int, rel: str) -> str:
        if not 0 <= j < len(rows):
            return ""
        return (f'<a href="{DOC}{FOLDER}/{names[j]}" class="ann-{rel}">{rel} article: '
                f"{esc(_title(rows[j]))}</a>")
    return (f'<nav class="ann-nav" aria-label="Articles">{link(i - 1, "previous")} '
            f'<a href="{DOC}{FOLDER}/index">all {len(rows)} articles</a> '
            f'{link(i + 1, "next")}</nav>')


def _title(row) -> str:
    """The headline; else the outlet and date, so a page without one is still recognisable."""
    if _value(row, "headline"):
        return _value(row, "headline")
    if _value(row, "outlet"):
        date = format_date(_value(row, "published", None),
                           _value(row, "date_precision", "day") or "day",
                           _value(row, "date_inferred", None))
        return f"{_value(row, 'outlet')}, {date} (no headline)"
    return str(row["doc_id"])


def index_html(corpus: pd.DataFrame, quotes: pd.DataFrame, removed: pd.DataFrame) -> str:
    """The index of the annotated pages: one table row per article, linking to its page.

    Links are ``#doc:`` placeholders that the book's extension resolves for the builder.
    """
    n_quotes = quotes.groupby("doc_id").size() if len(quotes) else pd.Series(dtype=int)
    n_removed = removed.groupby("doc_id").size() if len(removed) else pd.Series(dtype=int)
    rows = []
    for row in corpus.to_dict("records"):
        doc_id = row["doc_id"]
        title = _title(row)
        date = format_date(_value(row, "published", None),
                           _value(row, "date_precision", "day") or "day",
                           _value(row, "date_inferred", None))
        rows.append(f'<tr><td>{esc(date)}</td><td>{esc(_value(row, "outlet"))}</td>'
                    f'<td><a href="{DOC}{FOLDER}/{page_name(doc_id)}">{esc(title)}</a>'
                    f'<br><small><code>{esc(doc_id)}</code></small></td>'
                    f'<td class="ann-num">{int(_value(row, "n_words", 0) or 0):,}</td>'
                    f'<td class="ann-num">{int(n_quotes.get(doc_id, 0))}</td>'
                    f'<td class="ann-num">{int(n_removed.get(doc_id, 0))}</td></tr>')
    return "\n".join([
        '<table class="ann-index"><caption>Every article of the corpus, with its annotated '
        'page: date (* inferred), outlet, headline, words in the cleaned body, quotations '
        'found and lines the cleaner removed.</caption>',
        '<thead><tr><th scope="col">Published</th><th scope="col">Outlet</th>'
        '<th scope="col">Article</th><th scope="col">Words</th>'
        '<th scope="col">Quotations</th><th scope="col">Removed lines</th></tr></thead>',
        "<tbody>", *rows, "</tbody>", "</table>"])

"""The articles, annotated: one article drawn as HTML with the analysis on its text.

A renderer: it draws what it is given (an article's corpus row, its sentences,
quotations, reported speech and the lines cleaning removed) and computes nothing
of its own. Every piece of corpus text is escaped, since a saved web page may
hold markup. The output needs no script and no inline style: colours are classes
of ``_static/annotate.css``, and "on demand" is ``<details>`` and ``title``.
Ids and URLs are :mod:`analysis.anchors`'; the book's pages are :mod:`analysis.appendix`'s.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Mapping, Sequence

import pandas as pd

from analysis.anchors import esc, page_name, quote_anchor, sentence_anchor
from analysis.clean import PARAGRAPH_SEP, normalise_line
from analysis.corpus import format_date
from analysis.figures import LEADER_COLOURS, OKABE_ITO, TOL_BRIGHT
from analysis.sentiment import NEGATIVE, POSITIVE

__all__ = ["PALETTE", "UNKNOWN_SPEAKER", "article_bodies", "article_html", "display_date",
           "field", "page_title", "paragraph_lines"]

# Speaker colours, from the figures' palettes: a leader keeps their colour in the figures;
# other speakers take the colours no leader has first, then those no leader on the page uses.
_LEADER = tuple(c.lower() for c in LEADER_COLOURS.values())
PALETTE = tuple(dict.fromkeys(
    [c.lower() for c in (*TOL_BRIGHT, *OKABE_ITO) if c.lower() not in _LEADER
     and c.lower() != "#000000"] + list(_LEADER)))
UNKNOWN_SPEAKER = "unattributed"


def paragraph_lines(raw: str, paragraphs: Sequence[str]) -> list[int | None]:
    """The 1-based raw line on which each cleaned paragraph sits, None if not found.

    Paragraphs are searched in order, each after the previous one, as normalised
    lines (:func:`analysis.clean.normalise_line`); a paragraph that is part of a
    line (a dateline was cut off its front) counts as found there.

    Examples
    --------
    >>> paragraph_lines("Menu\\nFirst.\\n\\nAd\\nSecond.", ["First.", "Second."])
    [2, 5]
    >>> paragraph_lines("<nav>Menu</nav>\\n<p>Tom &amp; <b>Jerry</b>.</p>", ["Tom & Jerry."])
    [2]
    """
    lines = [_visible(line) for line in (raw or "").split("\n")]
    found, cursor = [], 0
    for paragraph in paragraphs:
        hit = next((j for j in range(cursor, len(lines))
                    if lines[j] and (lines[j] == paragraph or paragraph in lines[j])), None)
        found.append(None if hit is None else hit + 1)
        if hit is not None:
            cursor = hit + 1
    return found


_TAG = re.compile(r"<[^>]*>")


def _visible(line: str) -> str:
    """A raw line as cleaned text shows it: normalised; a saved HTML page's tags and
    entities resolved too, so that its paragraphs can be found on their lines."""
    if "<" in line or "&" in line:
        line = html.unescape(_TAG.sub("", line))
    return normalise_line(line)


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


def field(row, key: str, default=""):
    """A corpus row's value (a dict or a pandas row), ``default`` when absent or missing.

    Examples
    --------
    >>> field({"byline": float("nan")}, "byline", "none")
    'none'
    """
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
    date = display_date(row)
    inferred = field(row, "date_inferred", None)
    evidence = field(row, "date_evidence")
    when = esc(date) + (" <small>(inferred from the events reported)</small>"
                        if inferred is True else "")
    items = [("Outlet", esc(field(row, "outlet")) or "not given"),
             ("Published", when + (f' <small class="ann-evidence">{esc(evidence)}</small>'
                                   if evidence else "")),
             ("Byline", esc(field(row, "byline")) or "none printed")]
    url = str(field(row, "url")).strip()
    if re.match(r"https?://", url, re.IGNORECASE):
        items.append(("Source", f'<a href="{esc(url)}" rel="nofollow noopener noreferrer">'
                                f'{esc(url)}</a>'))
    items.append(("File", f"<code>{esc(field(row, 'file'))}</code>"))
    items.append(("Counted", ", ".join(f"{n} {w}{'s' * (n != 1)}" for w, n in counts.items())))
    out = ['<dl class="ann-meta">']
    out += [f"<div><dt>{k}</dt><dd>{v}</dd></div>" for k, v in items]
    out.append("</dl>")
    standfirst = field(row, "standfirst")
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
        self.by_paragraph: dict[int, list[dict]] = {}
        for s in self.sentences:
            self.by_paragraph.setdefault(int(s["paragraph"]), []).append(s)
        self.nearby: list[dict] = []
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
        quotes = [q for q in self.nearby if q["start"] < b and q["end"] > a
                  or (q["start"] == q["end"] and a <= q["start"] < b)]
        labels = [q for q in self.nearby if a < q["label_at"] <= b]
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
        sentences = self.by_paragraph.get(number, [])
        # The quotations that touch this paragraph: each stretch looks only at these.
        self.nearby = [q for q in self.quotes if q["start"] <= b and q["label_at"] >= a]
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
        tone, _ = _tone(float(s.get("compound", "nan")))
        codes = ", ".join(f"{g}: {c}" for g, c in _codes(s, self.labels)) or "no frame"
        title = f"Sentence {n}; tone {tone}; {codes}"
        cls = "ann-s ann-reported" if reports else "ann-s"
        tag = "".join(f'<span class="ann-rep" title="Reported speech: '
                      f'{esc(r["speaker"] or UNKNOWN_SPEAKER)} '
                      f'({esc(_text(r.get("speaker_kind")) or "kind unknown")})">reported: '
                      f'{esc(r["speaker"] or UNKNOWN_SPEAKER)}'
                      f'{" (" + esc(r["cue"]) + ")" if _text(r.get("cue")) else ""}</span>'
                      for r in reports)
        return (f'<span class="{cls}" id="{sentence_anchor(self.doc_id, n)}" '
                f'title="{esc(title)}">{self._stretch(a, b)}</span>{tag}')

    def _note(self, s: dict) -> str:
        n = int(s["sentence"])
        tone, cls = _tone(float(s.get("compound", "nan")))
        parts = [f'<a class="ann-sn" href="#{sentence_anchor(self.doc_id, n)}">'
                 f'<span class="ann-vh">sentence </span>{n}</a>',
                 _href(self.links, "tone", f"tone {tone}", f"ann-tone {cls}")]
        by_group: dict[str, list[str]] = {}
        for group, code in _codes(s, self.labels):
            by_group.setdefault(group, []).append(_href(self.links, group, esc(code)))
        parts += [f'<span class="ann-codes">{esc(g)}: {", ".join(c)}</span>'
                  for g, c in by_group.items()]
        starts = [q for q in self.nearby if int(s["start"]) <= q["start"] < int(s["end"])]
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
            ("paragraph", "speaker", "speaker_kind", "cue", "text"),
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
    doc_id, text = str(row["doc_id"]), field(row, "text")
    article = _Article(doc_id, text, sentences, quotes, reports, labels, links)
    paragraphs, spans, offset = text.split(PARAGRAPH_SEP) if text else [], [], 0
    for paragraph in paragraphs:
        spans.append((offset, offset + len(paragraph)))
        offset += len(paragraph) + len(PARAGRAPH_SEP)
    removed_rows = sorted(removed, key=lambda r: int(r["line"]))

    # Each removed line goes before the first kept paragraph that sat below it on the page.
    lines = paragraph_lines(field(row, "raw_text"), paragraphs)
    located = any(x is not None for x in lines)
    filled, last = [], 0
    for x in lines:
        last = x if x is not None else last
        filled.append(last)
    slots: dict[int, list[dict]] = {}
    for r in removed_rows:
        slot = sum(x < int(r["line"]) for x in filled) if located else 0
        slots.setdefault(slot, []).append(r)

    counts = {"paragraph": len(paragraphs), "sentence": len(article.sentences),
              "quotation": len(article.quotes), "reported statement": sum(
                  len(v) for v in article.reports.values()) + len(article.unplaced_reports),
              "removed line": len(removed_rows)}
    out = [f'<article class="ann" data-doc="{page_name(doc_id)}">', *_meta_html(row, counts),
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


def page_title(row) -> str:
    """The headline; else the outlet and date, so a page without one is still recognisable.

    Examples
    --------
    >>> page_title({"doc_id": "a", "outlet": "Sky News", "published": pd.Timestamp("2025-02-26")})
    'Sky News, 26 Feb 2025 (no headline)'
    """
    if field(row, "headline"):
        return field(row, "headline")
    if field(row, "outlet"):
        return f"{field(row, 'outlet')}, {display_date(row)} (no headline)"
    return str(row["doc_id"])


def display_date(row) -> str:
    """The row's date as :func:`analysis.corpus.format_date` prints it ("Jan 2023*")."""
    return format_date(field(row, "published", None), field(row, "date_precision", "day")
                       or "day", field(row, "date_inferred", None))


def article_bodies(corpus: pd.DataFrame, sentences: pd.DataFrame, quotes: pd.DataFrame,
                   reports: pd.DataFrame, removed: pd.DataFrame, labels: Mapping[str, str],
                   links: Mapping[str, str]) -> dict[str, str]:
    """:func:`article_html` for every article, by ``doc_id``, in corpus order.

    The tables are the whole corpus'; each is split by article once, so that hundreds of
    articles take a second.
    """
    groups = []
    for table, columns in zip((sentences, quotes, reports, removed), _columns(labels)):
        rows: dict[str, list[dict]] = {}
        for doc_id, record in zip(table["doc_id"].tolist(), _records(table, columns)):
            rows.setdefault(doc_id, []).append(record)
        groups.append(rows)
    return {row["doc_id"]: _page(row, *(g.get(row["doc_id"], []) for g in groups), labels,
                                 links)
            for row in corpus.to_dict("records")}

"""The quotation appendix: every quotation, grouped per article, each linked to its place.

One section per article (in the corpus' order, articles without a quotation included and
said so), a folding section (:func:`analysis.toggles.details`): open while the corpus is
small, folded when it is large, so that the page stays usable for five hundred articles
(the PDF edition prints every section open). Each quotation's text links to its
highlighted place on the article's annotated page (:func:`analysis.anchors.quote_links`).
All corpus text is escaped: the tables go through :func:`analysis.safe.escape_styler`, the
links are :class:`~analysis.safe.Markup` made by :func:`analysis.anchors.link_cells`.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from analysis import anchors
from analysis.safe import Markup, escape_styler, format_html
from analysis.speech_events import repeated_quotations
from analysis.toggles import details
from analysis.wording import plural

COLUMNS = ["paragraph", "kind", "speaker", "speaker_kind", "cue", "quote", "flag", "repeat"]
NO_SPEAKER = "(none)"
OPEN_UP_TO = 10  # articles: a corpus this small shows every section open
# The table fills the text column, the quotation taking half of it: readable lines, not a
# word each, and nothing past the column's edge.
QUOTE_WIDTH = {"width": "50%"}
# Links on the striped rows in the theme's higher-contrast link colour (light and dark modes):
# its usual link blue falls short of WCAG AA's 4.5:1 on the grey rows.
LINK_STYLE = [{"selector": "td a", "props": [("color", "var(--pst-color-link-higher-contrast)")]}]


def quotation_rows(quotes: pd.DataFrame) -> pd.DataFrame:
    """The appendix's rows: ``doc_id`` and :data:`COLUMNS`, the quotation a link to its place.

    ``speaker`` "" (an unnamed source, or no speaker found) is shown as
    :data:`NO_SPEAKER`; ``repeat`` says "yes" for a quotation that repeats words the same
    speaker is quoted saying elsewhere in the article
    (:func:`analysis.speech_events.repeated_quotations`).

    Examples
    --------
    >>> q = pd.DataFrame({"doc_id": ["a", "a"], "paragraph": [1, 3], "kind": ["partial", "full"],
    ...                   "speaker": ["", "X"], "speaker_kind": ["unknown", "other person"],
    ...                   "cue": ["said", ":"], "quote": ["<b>", "We <b> it."],
    ...                   "flag": ["", ""]})
    >>> rows = quotation_rows(q)
    >>> rows["speaker"].tolist(), rows["repeat"].tolist()
    (['(none)', 'X'], ['', ''])
    >>> str(rows["quote"].iloc[0])
    '<a href="../annotated/a.html#a-q-1">&lt;b&gt;</a>'
    """
    table = quotes.reindex(columns=["doc_id", *COLUMNS[:-1]]).copy()
    table["speaker"] = table["speaker"].fillna("").replace("", NO_SPEAKER)
    table["flag"] = table["flag"].fillna("")
    table["quote"] = anchors.link_cells(quotes["quote"], anchors.quote_links(quotes))
    table["repeat"] = repeated_quotations(quotes).map({True: "yes", False: ""})
    return table


def article_sections(quotes: pd.DataFrame, doc_ids, labels: Mapping,
                     open_up_to: int = OPEN_UP_TO) -> Markup:
    """Every article's quotations as one folding section each, in ``doc_ids`` order.

    Parameters
    ----------
    quotes : pandas.DataFrame
        The quotation table (``doc_id``, :data:`COLUMNS` but ``repeat``; ``start``).
    doc_ids : sequence
        Every article of the corpus, in order: an article without quotations gets a
        section that says so.
    labels : mapping
        A readable label per ``doc_id`` (:func:`analysis.figures.article_labels`).
    open_up_to : int
        Sections are open when there are at most this many articles.

    Returns
    -------
    Markup
        HTML: per article a ``<details>`` whose summary names the article and its count of
        quotations, with a link to the annotated article and the table (caption: the
        same label, so that a printed copy keeps it).

    Examples
    --------
    >>> q = pd.DataFrame({"doc_id": ["a"], "paragraph": [1], "kind": ["full"],
    ...                   "speaker": ["X"], "speaker_kind": ["other person"], "cue": ["said"],
    ...                   "quote": ["<script>x</script>"], "flag": [""]})
    >>> html = article_sections(q, ["a", "b"], {"a": "Paper <1>", "b": "Paper 2"})
    >>> html.count("<details"), "<script>" in html, "&lt;script&gt;x" in html
    (2, False, True)
    >>> "Paper 2 (b): no quotation found" in html
    True
    """
    doc_ids = list(doc_ids)
    rows = quotation_rows(quotes) if len(quotes) else pd.DataFrame(columns=["doc_id", *COLUMNS])
    grouped = dict(tuple(rows.groupby("doc_id", sort=False))) if len(rows) else {}
    opened = len(doc_ids) <= open_up_to
    parts = []
    for doc_id in doc_ids:
        label = labels.get(doc_id, doc_id)
        mine = grouped.get(doc_id)
        n = 0 if mine is None else len(mine)
        name = label if str(label) == str(doc_id) else f"{label} ({doc_id})"
        title = f"{name}: {plural(n, 'quotation')}" if n else f"{name}: no quotation found"
        page = anchors.article_page(doc_id)
        body = format_html('<p><a href="{}">The article, annotated</a></p>', page)
        if n:
            styler = (mine[COLUMNS].style.set_uuid(f"quotes-{anchors.page_name(doc_id)}")
                      .hide(axis="index").set_properties(subset=["quote"], **QUOTE_WIDTH)
                      .set_table_attributes('style="width: 100%"')
                      .set_table_styles(LINK_STYLE)
                      .set_caption(f"{title}. Kind: full (whole sentences) or partial (a "
                                   "phrase in the journalist's sentence); cue “:”: a colon or a "
                                   "transcript line. Each quotation links to its place in the "
                                   "annotated article."))
            body += Markup(escape_styler(styler).to_html())
        parts.append(details(format_html("<strong>{}</strong>", title), body, "quote-article",
                             opened, f"quotes-{anchors.page_name(doc_id)}"))
    return Markup("\n".join(parts))

"""The quotation appendix: every quotation shown, escaped, linked to its place, per article."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest

from analysis import anchors, quote_appendix
from analysis.figures import article_labels
from analysis.pipeline import analyse


@pytest.fixture(scope="module")
def seeds(corpus):
    return corpus, analyse(corpus).quotes


def sections(markup: str) -> dict[str, str]:
    return dict(re.findall(r'<details class="quote-article" id="quotes-([^"]+)"[^>]*>(.*?)'
                           r"</details>", str(markup), flags=re.S))


def test_every_quotation_is_listed_once_under_its_article_and_links_to_its_place(seeds):
    corpus, quotes = seeds
    found = sections(quote_appendix.article_sections(quotes, corpus["doc_id"],
                                                     article_labels(corpus)))
    assert list(found) == [anchors.page_name(d) for d in corpus["doc_id"]]
    links = anchors.quote_links(quotes)
    for doc_id, group in quotes.groupby("doc_id"):
        body = found[anchors.page_name(doc_id)]
        cells = re.findall(r'<a href="([^"]+)">(.*?)</a>', body)
        quoted = [(h, html.unescape(t)) for h, t in cells if "-q-" in h]
        assert quoted == [(links[i], text) for i, text in zip(group.index, group["quote"])]
        assert f'href="{anchors.article_page(doc_id)}"' in body


def test_an_article_without_quotations_still_has_its_section():
    found = sections(quote_appendix.article_sections(
        pd.DataFrame(columns=["doc_id", "paragraph", "kind", "speaker", "speaker_kind", "cue",
                              "quote", "flag"]), ["a"], {"a": "Paper A, 1 Jan 2024"}))
    assert "no quotation found" in found["a"]


def test_hostile_text_is_shown_as_text_never_as_markup():
    payload = '<img src=x onerror="alert(1)"> {glue:text}`x` $x$'
    quotes = pd.DataFrame({"doc_id": ["<b>id</b>"], "paragraph": [1], "kind": ["full"],
                           "speaker": ['<script>alert("s")</script>'],
                           "speaker_kind": ["other person"], "cue": ["said"],
                           "quote": [payload], "flag": [""]})
    markup = str(quote_appendix.article_sections(quotes, ["<b>id</b>"],
                                                 {"<b>id</b>": "<i>Paper</i>"}))
    assert "<img" not in markup and "<script" not in markup and "<b>" not in markup
    assert "<i>" not in markup
    text = html.unescape(re.sub(r"<[^>]+>", "", markup))
    assert payload in text and '<script>alert("s")</script>' in text


def test_large_corpora_fold_their_sections_and_the_html_is_reproducible(seeds):
    corpus, quotes = seeds
    labels = article_labels(corpus)
    small = quote_appendix.article_sections(quotes, corpus["doc_id"], labels)
    assert small.count("<details") == small.count(" open>") == len(corpus)
    large = quote_appendix.article_sections(quotes, corpus["doc_id"], labels, open_up_to=2)
    assert large.count(" open>") == 0
    assert small == quote_appendix.article_sections(quotes, corpus["doc_id"], labels)


def test_repeats_and_unnamed_speakers_are_marked(seeds):
    _, quotes = seeds
    rows = quote_appendix.quotation_rows(quotes)
    assert (rows["speaker"] != "").all()
    assert (rows.loc[quotes["speaker"] == "", "speaker"] == quote_appendix.NO_SPEAKER).all()
    assert set(rows["repeat"]) <= {"yes", ""} and (rows["repeat"] == "yes").any()

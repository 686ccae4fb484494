"""The helpers behind the corpus and methods chapters: whom each article is about, what went
into the corpus, what cleaning removed, the evaluation results, and prose at any size."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis import corpus_files, provenance_table
from analysis.about import about_sentence, article_table, barely_named, name_count, people_named
from analysis.evaluate.citing import cleaning_sentence, frames_sentence, quotes_sentence
from analysis.evaluate.summary import (
    NOT_MEASURED,
    cleaning_scores,
    cleaning_table,
    quotes_scores,
    quotes_table,
    validation_table,
)
from analysis.figures import article_labels
from analysis.intake import (
    date_sentence,
    date_table,
    input_report,
    input_sentence,
    provenance_counts,
    provenance_sentence,
)
from analysis.outlets import government_sentence
from analysis.overview import (
    audit_by_article,
    coverage_sentence,
    format_sentence,
    outlet_sentence,
)
from analysis.toggles import fold
from analysis.wording import date_span, join, k_of_n, plural

from .conftest import ROOT, load, write

# --- whom each article is about ----------------------------------------------------------


@pytest.mark.parametrize("text, name, expected", [
    ("Tony Blair met George W Bush. Mr Bush and Mr Blair spoke.", "George W. Bush", 2),
    ("Cherie Blair spoke. Mrs Blair is a lawyer. Tony Blair listened. Mr Blair left.",
     "Tony Blair", 2),
    ("Liz Truss spoke; Ms Truss left, and Mr Truss stayed home.", "Liz Truss", 2),
    ("Prime Minister Sir Keir Starmer arrived. Sir Keir said so.", "Keir Starmer", 2),
    ("Mr Trump’s plan, and Trump's team.", "Donald Trump", 2),
    ("He played his trump card.", "Donald Trump", 0),
    ("The president said nothing; he left.", "Joe Biden", 0),
    ("Charles Kennedy, the Lib Dem leader, said Mr Kennedy would speak.", "Charles Kennedy", 2),
])
def test_names_are_counted_as_a_reader_would(text, name, expected):
    # Hand-counted: a surname after another first name, or an honorific of the other
    # gender, is another person (Cherie Blair, Mrs Blair, Mr Truss); adjacent forms are one
    # mention; lower-case words and bare titles are not names.
    assert name_count(text, name) == expected


def test_a_counterpart_named_once_is_reported_for_what_the_article_is(corpus):
    named = people_named(corpus)
    # One row per person the metadata names, per article.
    expected_rows = sum(1 + len(us) for us in corpus["us_counterparts"])
    assert len(named) == expected_rows
    # The Independent's article is listed with Joe Biden, whom it names once (checked by
    # reading it: "US President Joe Biden is set to ..."), and the VOA editorial is about
    # Antony Blinken's words, naming James Cleverly once.
    few = barely_named(named).set_index("doc_id")["name"].to_dict()
    assert few == {"2022-02-02-independent-truss": "Joe Biden",
                   "2023-01-voa-cleverly": "James Cleverly"}
    sentence = about_sentence(named, article_labels(corpus))
    assert "Joe Biden (named once; The Independent, 2 Feb 2022)" in sentence
    assert sentence.startswith("In 2 of the 5 articles")


def test_the_sentence_reads_right_for_many_articles_and_for_none():
    labels = pd.Series({f"d{i}": f"BBC News #{i}" for i in range(40)})
    named = pd.DataFrame({"doc_id": list(labels.index), "role": "US figure",
                          "name": "George W. Bush", "mentions": [0, 1] * 20})
    sentence = about_sentence(named, labels)
    assert sentence.count("George W. Bush") == 6 and "34 more, in the table" in sentence
    assert "not named" in sentence and "In all 40 articles" in sentence
    assert about_sentence(named.iloc[:0], labels) == \
        "The metadata does not say whom the articles are about."


def test_the_table_lists_every_article_even_without_people(corpus):
    bare = corpus.assign(uk_leader="", us_counterparts=[()] * len(corpus))
    table = article_table(bare, people_named(bare))
    assert list(table.index) == list(corpus["doc_id"])
    assert (table["UK figure (times named)"] == "").all()
    assert table["published"].str.endswith("*").sum() == int(corpus["date_inferred"].sum())


# --- what went into the corpus -------------------------------------------------------------


def test_nothing_in_the_folder_is_skipped_in_silence(tmp_path):
    write(tmp_path, "metadata.csv", "doc_id,file,outlet\na,a.txt,Sky News\nb,b.txt,Sky News\n")
    write(tmp_path, "a.txt", "Headline\n\n" + "A sentence of the article body here. " * 20)
    write(tmp_path, "c.txt", "Another headline\n\n" + "Another body sentence goes here. " * 20)
    write(tmp_path, "README.md", "about this folder")
    write(tmp_path, "notes.pdf", b"%PDF-1.4")
    corpus, messages = load(tmp_path)
    warnings = tuple(text for kind, text in messages if kind == "warning")
    files = corpus_files(tmp_path)
    report = input_report(files, warnings)
    # Every file is read as an article or appears in the report; every warning is shown.
    read = set(files.loc[files["kind"].isin(["text", "html"]), "file"]) - set(report["file"])
    assert read | set(report["file"]) >= set(files["file"]) - {"metadata.csv"}
    assert {"README.md", "notes.pdf", "b.txt", "c.txt"} <= set(report["file"])
    assert report["level"].tolist() == sorted(report["level"], key=["warning", "note"].index)
    assert report["file"].tolist().count("notes.pdf") == 1  # its warning is not listed twice
    sentence = input_sentence(files, report, len(corpus))
    assert "2 files were not read" in sentence and "read as 2 articles" in sentence


def test_a_clean_folder_says_so(corpus):
    files = corpus_files(ROOT / "seeds")
    assert input_sentence(files, input_report(files, ()), len(corpus)) == (
        "The folder holds 5 article files and its metadata; it was read as 5 articles, "
        "with no file skipped and no warning.")


def test_provenance_counts_every_field_of_every_article(corpus):
    table = provenance_table(corpus)
    counts = provenance_counts(table)
    assert (counts.sum(axis=0) == len(corpus)).all()
    # The seeds' metadata gives no url: five empty cells, said in the sentence.
    assert counts.loc["(none)", "url"] == len(corpus)
    assert "because no source gives them" in provenance_sentence(table)


def test_dates_say_how_they_are_known(corpus):
    dates = date_table(corpus, provenance_table(corpus))
    assert (dates["known"] == "inferred").sum() == corpus["date_inferred"].sum()
    assert dates["evidence"].tolist() == corpus["date_evidence"].tolist()
    none = pd.DataFrame({"known": ["none"], "precision": [""]})
    assert date_sentence(none) == ("The page prints its date for not the one article; the one "
                                   "article has no date at all and cannot be placed in time.")


# --- the corpus in words ---------------------------------------------------------------------


def test_cleaning_table_accounts_for_every_removed_line(corpus):
    from analysis import cleaning_audit

    audit = cleaning_audit(corpus)
    table = audit_by_article(corpus, audit)
    assert table["lines removed"].sum() == len(audit)
    assert (table["words kept"] <= table["words on page"]).all()
    # Headlines moved to their field are shown apart from what was dropped.
    assert table["kinds"].str.contains(r"\(moved: .*headline").any()


def test_outlets_formats_and_voices_in_words():
    corpus = pd.DataFrame({"doc_id": list("abc"), "outlet": ["BBC News", "BBC News", ""],
                           "format": ["text", "html", "text"],
                           "outlet_kind": ["", "government press release", "newspaper"]})
    assert outlet_sentence(corpus) == \
        "BBC News has 2 of the 3 articles; the other 1 outlet has one each."
    assert format_sentence(corpus).startswith("1 of the 3 articles is a saved web page")
    labels = pd.Series({"b": "BBC News, 1 Jan 2005"})
    assert "(BBC News, 1 Jan 2005)" in government_sentence(corpus, labels)
    one = coverage_sentence(corpus.iloc[:1].assign(uk_leader="Tony Blair"), 5)
    assert one.startswith("With 1 article, no claim about several articles carries an interval")


# --- the evaluation results as the book cites them ---------------------------------------


def test_cleaning_table_reads_the_committed_result():
    path = ROOT / "evaluation" / "cleaning.json"
    result = json.loads(path.read_text(encoding="utf-8"))
    held = next(r for r in result["metrics"]["summary"]
                if r["method"].startswith("html: this package") and r["split"] == "held-out")
    table = cleaning_table(result)
    assert table.loc["saved pages: this package", "held-out F1"].startswith(f"{held['f1']:.3f}")
    assert cleaning_scores(result)["html_f1"] == f"{held['f1']:.3f}"
    assert result["date"] in json.dumps(result) and "pages-dev" in cleaning_sentence(result)


def test_missing_results_say_not_yet_measured():
    assert quotes_table(None).iloc[0, 0] == NOT_MEASURED
    assert set(quotes_scores(None).values()) == {NOT_MEASURED}
    assert "not been measured" in quotes_sentence(None)
    assert "not been measured" in frames_sentence(None)
    table = validation_table({"cleaning": None, "quotes": None, "frames": None})
    assert (table["score"] == NOT_MEASURED).all() and len(table) == 5


# --- tables and prose at any size ------------------------------------------------------------


def test_long_tables_fold_and_stay_escaped():
    short = pd.DataFrame({"text": ["<script>alert(1)</script>"] * 3})
    assert type(fold(short, "rows")).__name__ == "Styler"
    folded = fold(short.style, "All <3> rows", limit=2)
    html = folded._repr_html_()
    assert html.startswith('<details class="report-fold"><summary>All &lt;3&gt; rows')
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_prose_at_any_size():
    assert plural(1, "article") == "1 article" and plural(1500, "article") == "1,500 articles"
    assert k_of_n(0, 0, "article") == "no articles"
    assert join(list("ABCDEFGHIJ"), limit=8).endswith("H and 2 others")
    assert date_span(pd.Series([pd.NaT, pd.NaT])) == "on no known date"

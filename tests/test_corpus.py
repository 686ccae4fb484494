"""Loading: the seed table, folders without metadata, and every kind of bad input."""

import warnings

import pandas as pd
import pytest

from analysis import CorpusError, CorpusNote, CorpusWarning, cleaning_audit, load_corpus

from .conftest import write

ARTICLE = ("A headline for the test\n\nThe minister said the talks went well.\n\n"
           "They will meet again.\n")
COLUMNS = ("doc_id,file,outlet,published,date_precision,date_inferred,outlet_kind,date_evidence,"
           "byline,headline,standfirst,uk_leader,uk_office,us_counterparts")
META_HEADER = COLUMNS + "\n"
PAD = "," * 8  # the columns after date_inferred, empty


def test_seed_corpus_has_the_promised_columns(corpus):
    for column in ("doc_id", "file", "outlet", "outlet_kind", "published", "date_inferred",
                   "byline", "headline", "uk_leader", "us_counterparts", "raw_text", "text",
                   "n_words"):
        assert column in corpus.columns
    assert len(corpus) == 5
    assert corpus["doc_id"].is_unique
    assert (corpus["n_words"] < corpus["n_words_raw"]).all()
    voa = corpus.set_index("doc_id").loc["2023-01-voa-cleverly"]
    assert voa["date_precision"] == "month" and bool(voa["date_inferred"])
    assert voa["us_counterparts"] == ("Antony Blinken",)


def test_folder_without_metadata_is_a_corpus(tmp_path):
    write(tmp_path, "one.txt", ARTICLE)
    write(tmp_path, "politics/two.txt", ARTICLE.replace("went well", "failed"))
    corpus = load_corpus(tmp_path, strict=True)
    assert corpus["doc_id"].tolist() == ["one", "politics-two"]
    assert corpus["file"].tolist() == ["one.txt", "politics/two.txt"]
    assert corpus["outlet"].eq("").all() and corpus["published"].isna().all()
    assert corpus["headline"].tolist() == ["A headline for the test"] * 2
    assert corpus.loc[0, "text"].split("\n\n") == ["The minister said the talks went well.",
                                                    "They will meet again."]


def test_empty_file_is_named_and_not_loaded(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "empty.txt", "  \n")
    with pytest.warns(CorpusWarning, match=r"empty\.txt: the file is empty"):
        corpus = load_corpus(tmp_path)
    assert corpus["file"].tolist() == ["good.txt"]


def test_binary_file_is_named_and_not_loaded(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    with pytest.warns(CorpusWarning, match=r"photo\.txt: binary file"):
        corpus = load_corpus(tmp_path)
    assert corpus["file"].tolist() == ["good.txt"]


def test_non_utf8_text_is_decoded_as_cp1252_with_a_warning(tmp_path):
    text = "Headline\n\nThe deal is worth £5bn – officials said.\n"
    write(tmp_path, "old.txt", text.encode("cp1252"))
    with pytest.warns(CorpusWarning, match=r"old\.txt: not valid UTF-8.*cp1252"):
        corpus = load_corpus(tmp_path)
    assert corpus.loc[0, "text"] == "The deal is worth £5bn – officials said."
    assert any("cp1252" in note for note in corpus.loc[0, "notes"])


def test_byte_order_mark_is_removed_with_a_note(tmp_path):
    write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    with pytest.warns(CorpusNote, match=r"bom\.txt: removed a UTF-8 byte-order mark"):
        corpus = load_corpus(tmp_path, strict=True)  # harmless: strict does not refuse it
    assert corpus.loc[0, "headline"] == "A headline for the test"
    assert "\ufeff" not in corpus.loc[0, "raw_text"]


def test_crlf_line_ends_are_normalised_and_line_numbers_kept(tmp_path):
    write(tmp_path, "win.txt", ARTICLE.replace("\n", "\r\n"))
    with pytest.warns(CorpusNote, match=r"win\.txt: converted Windows"):
        corpus = load_corpus(tmp_path)
    assert "\r" not in corpus.loc[0, "raw_text"] + corpus.loc[0, "text"]
    audit = cleaning_audit(corpus)
    assert audit[["line", "category"]].values.tolist() == [[1, "headline"]]


def test_utf16_file_is_read(tmp_path):
    write(tmp_path, "u16.txt", ARTICLE.encode("utf-16"))
    with pytest.warns(CorpusNote, match="u16.txt: decoded as UTF-16"):
        corpus = load_corpus(tmp_path)
    assert corpus.loc[0, "n_words"] == 11


def test_file_without_metadata_row_is_loaded_and_named(tmp_path):
    write(tmp_path, "listed.txt", ARTICLE)
    write(tmp_path, "extra.txt", ARTICLE.replace("well", "badly"))
    write(tmp_path, "metadata.csv",
          META_HEADER + "a-1,listed.txt,Outlet,2023-01-05,day,false" + PAD + "\n")
    with pytest.warns(CorpusWarning, match=r"extra\.txt: no row in metadata\.csv"):
        corpus = load_corpus(tmp_path)
    assert sorted(corpus["file"]) == ["extra.txt", "listed.txt"]
    extra = corpus.set_index("file").loc["extra.txt"]
    assert extra["doc_id"] == "extra" and extra["outlet"] == ""


def test_metadata_row_without_file_is_named(tmp_path):
    write(tmp_path, "listed.txt", ARTICLE)
    write(tmp_path, "metadata.csv", META_HEADER + "a-1,listed.txt,Outlet,2023-01-05,day,false" + PAD
                                                  + "\nb-2,gone.txt,Outlet,2023-01,month,true" + PAD
                                                  + "\n")
    with pytest.warns(CorpusWarning, match=r"gone\.txt: listed in metadata\.csv but there is no"):
        corpus = load_corpus(tmp_path)
    assert corpus["doc_id"].tolist() == ["a-1"]
    assert corpus.loc[0, "published"] == pd.Timestamp("2023-01-05")


def test_two_files_with_the_same_text_are_both_kept_and_flagged(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", ARTICLE.replace("\n", "\n\n"))  # same words, other layout
    with pytest.warns(CorpusWarning, match=r"b\.txt: same text as a\.txt"):
        corpus = load_corpus(tmp_path)
    assert corpus["duplicate_of"].tolist() == ["", "a.txt"]


def test_unknown_metadata_column_is_kept_and_named(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "metadata.csv", COLUMNS + ",paywall\n,a.txt,Outlet" + "," * 11 + ",yes\n")
    with pytest.warns(CorpusWarning, match=r"unknown metadata column 'paywall'"):
        corpus = load_corpus(tmp_path)
    assert corpus.loc[0, "paywall"] == "yes"


def test_missing_metadata_columns_are_named_and_left_empty(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "metadata.csv", "file,outlet\na.txt,Outlet\n")
    with pytest.warns(CorpusWarning, match=r"metadata\.csv: no columns 'doc_id', 'outlet_kind'"
                                           r".*'us_counterparts' \(left empty\)"):
        corpus = load_corpus(tmp_path)
    assert corpus.loc[0, "outlet"] == "Outlet" and corpus.loc[0, "byline"] == ""


def test_malformed_metadata_values_are_errors_naming_the_file(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "metadata.csv", META_HEADER + ",a.txt,,25/09/2022,day," + PAD + "\n")
    with pytest.raises(CorpusError, match=r"a\.txt: published '25/09/2022'"):
        load_corpus(tmp_path)


@pytest.mark.parametrize("name, content", [
    ("empty.txt", b""),
    ("binary.txt", b"\x00\x01\x02\x03"),
    ("latin.txt", "Caf\u00e9 prices rose by \u00a35.".encode("cp1252")),
])
def test_strict_mode_turns_warnings_into_one_error(tmp_path, name, content):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, name, content)
    with pytest.raises(CorpusError, match=name.replace(".", r"\.")):
        load_corpus(tmp_path, strict=True)


def test_strict_mode_lists_every_problem(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", ARTICLE)
    write(tmp_path, "c.txt", b"")
    with pytest.raises(CorpusError) as error:
        load_corpus(tmp_path, strict=True)
    assert "c.txt" in str(error.value) and "b.txt: same text as a.txt" in str(error.value)


def test_missing_folder_is_an_error():
    with pytest.raises(CorpusError, match="no such folder"):
        load_corpus("no/such/folder")


def test_clean_seed_corpus_raises_no_warning():
    from .conftest import SEEDS

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        load_corpus(SEEDS, strict=True)

"""The one-pass pipeline: same tables as the single functions, any number of workers."""

import tempfile
import warnings

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.bench import main as bench_main
from analysis.cache import cached_analyse
from analysis.pipeline import analyse
from analysis.quotes import extract_quotes, reported_speech
from analysis.voices import speaker_sentences

from .conftest import SHARED


@pytest.fixture(scope="module")
def serial(corpus):
    return analyse(corpus, n_jobs=1, progress=False)


def test_same_result_with_one_or_two_workers(corpus, serial):
    parallel = analyse(corpus, n_jobs=2, progress=False)
    for name in ("sentences", "quotes", "reports", "tokens"):
        pd.testing.assert_frame_equal(getattr(serial, name), getattr(parallel, name))


def test_loading_in_parallel_gives_the_same_corpus():
    from .conftest import SEEDS

    pd.testing.assert_frame_equal(load_corpus(SEEDS, n_jobs=1), load_corpus(SEEDS, n_jobs=2))


def test_pipeline_agrees_with_the_single_functions(corpus, serial):
    pd.testing.assert_frame_equal(serial.quotes, extract_quotes(corpus))
    pd.testing.assert_frame_equal(serial.reports, reported_speech(corpus))
    single = speaker_sentences(corpus)
    assert serial.sentences["text"].tolist() == single["text"].tolist()
    assert serial.sentences["speaker"].tolist() == single["speaker"].tolist()
    assert serial.sentences["quoted_words"].tolist() == single["quoted_words"].tolist()


def test_every_article_is_accounted_for(corpus, serial):
    assert set(serial.sentences["doc_id"]) == set(corpus["doc_id"])
    counts = serial.tokens.groupby("doc_id")["count"].sum()
    assert (counts > 0).all()
    assert serial.seconds.keys() >= {"sentences", "quotations", "sentiment"}


def test_cache_is_reused_and_invalidated_by_the_text(corpus, tmp_path):
    first = cached_analyse(corpus, tmp_path)
    assert len(list(tmp_path.glob("*.pickle"))) == 1
    again = cached_analyse(corpus, tmp_path)
    pd.testing.assert_frame_equal(first.sentences, again.sentences)
    changed = corpus.copy()
    changed.loc[0, "text"] = changed.loc[0, "text"] + "\n\nA new paragraph was added."
    cached_analyse(changed, tmp_path)
    assert len(list(tmp_path.glob("*.pickle"))) == 2


def test_folder_tree_with_a_non_utf8_file(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("Title\n\n“We agree,” Mr Smith said.\n")
    (tmp_path / "a" / "b" / "two.txt").write_bytes("Title\n\nIt cost £5m.\n".encode("cp1252"))
    (tmp_path / "README.txt").write_text("About this data set.\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(tmp_path, n_jobs=2)
    assert corpus["file"].tolist() == ["a/b/two.txt", "a/one.txt"]
    messages = " ".join(str(w.message) for w in caught)
    assert "a/b/two.txt: not valid UTF-8" in messages and "README.txt: skipped" in messages
    result = analyse(corpus, n_jobs=2, progress=False)
    assert result.quotes["speaker"].tolist() == ["Smith"]
    assert "£5m" in corpus.loc[0, "text"]


def test_bbc_file_that_is_not_utf8_is_read():
    path = SHARED / "external" / "bbc" / "sport"
    if not path.is_dir():
        pytest.skip(f"{path} is absent")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(path)
    assert any("199.txt: not valid UTF-8" in str(w.message) for w in caught)
    row = corpus.set_index("file").loc["199.txt"]
    assert "£15.8m" in row["text"]


def test_benchmark_reports_the_targets(tmp_path, capsys, monkeypatch):
    scratch = tmp_path / "scratch"  # where the benchmark makes its subset folders
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    tmp_path = tmp_path / "corpus"
    tmp_path.mkdir()
    for i in range(12):
        (tmp_path / f"{i:02d}.txt").write_text(
            f"Story {i}\n\n“Trade is up,” Mr Jones said on day {i}.\n\nMarkets rose.\n")
    assert bench_main(["--corpus", str(tmp_path), "--fraction", "0.5", "1", "--jobs", "1",
                       "--repeat", "2"]) == 0
    out = capsys.readouterr().out
    rows = [line.split() for line in out.splitlines() if line.strip().startswith(("0.5", "1 "))]
    assert [int(r[1]) for r in rows] == [6, 12]  # articles at each fraction
    assert "pipeline / VADER alone (fastest runs):" in out and "peak memory:" in out
    assert "2 runs:" in out and "run by run:" in out
    assert "cost per article" in out
    assert list(scratch.iterdir()) == []  # subset folders are removed afterwards


def test_an_empty_corpus_gives_empty_tables_of_the_same_shape(corpus, serial):
    empty = analyse(corpus.iloc[:0], n_jobs=1, progress=False)
    for name in ("sentences", "quotes", "reports", "tokens"):
        full, none = getattr(serial, name), getattr(empty, name)
        assert len(none) == 0
        assert list(none.columns) == list(full.columns)
    assert (empty.sentences.dtypes == serial.sentences.dtypes).all()
    assert (empty.tokens.dtypes == serial.tokens.dtypes).all()


def test_a_very_long_article_costs_in_proportion_to_its_length():
    # A live blog or a transcript: 4,000 paragraphs and 8,000 quotations. Lookups that
    # scanned every quotation for every sentence took minutes on such a text.
    import time

    from analysis.pipeline import analyse_document
    from analysis.quotes import QUOTE_COLUMNS

    paragraph = ("“We will keep working with our allies,” Mr Smith said. Talks would go on. "
                 "He told reporters: “This is the right thing.”")
    text = "\n\n".join([paragraph] * 4000)
    start = time.perf_counter()
    out = analyse_document("long", text)
    assert time.perf_counter() - start < 10
    assert len(out["quotes"]) == 8000
    speaker = QUOTE_COLUMNS.index("speaker")
    assert {row[speaker] for row in out["quotes"]} == {"Smith"}

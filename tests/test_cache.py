"""The analysis cache heals itself, writes atomically and keys on what shapes results."""

import multiprocessing
import os
import pickle
import sys
import time

import pandas as pd
import pytest

import analysis
import analysis.pipeline
from analysis import cache

TEXTS = ["“We will win,” Mr Trump said. It ended.", "The special relationship endures."]


@pytest.fixture
def small_corpus():
    return pd.DataFrame({"doc_id": ["a", "b"], "text": TEXTS,
                         "published": [pd.Timestamp("2025-01-02"), pd.NaT]})


def entries(folder):
    return sorted(folder.glob("analysis-*.pickle"))


def test_old_names_still_import():
    assert analysis.cached_analyse is cache.cached_analyse


@pytest.mark.parametrize("damage", ["truncate", "garbage", "empty", "old-format", "wrong-type"])
def test_a_damaged_entry_is_discarded_with_a_warning_and_computed_again(
        tmp_path, small_corpus, damage):
    expected = cache.cached_analyse(small_corpus, tmp_path)
    [path] = entries(tmp_path)
    data = path.read_bytes()
    broken = {"truncate": data[: len(data) // 2], "garbage": os.urandom(4096), "empty": b"",
              "old-format": pickle.dumps(expected)}  # written before entries had a checksum
    if damage == "wrong-type":
        cache.write_entry(path, {"not": "an Analysis"})
    else:
        path.write_bytes(broken[damage])
    with pytest.warns(cache.CacheWarning, match=path.name):
        healed = cache.cached_analyse(small_corpus, tmp_path)
    pd.testing.assert_frame_equal(healed.sentences, expected.sentences)
    pd.testing.assert_frame_equal(healed.quotes, expected.quotes)
    assert cache.read_entry(path) is not None  # rewritten whole: the next build reads it


def test_heal_folder_removes_damaged_entries_and_stale_temporary_files(tmp_path, small_corpus):
    cache.cached_analyse(small_corpus, tmp_path)
    [good] = entries(tmp_path)
    bad = tmp_path / "analysis-0123456789abcdef0123.pickle"
    bad.write_bytes(good.read_bytes()[:100])
    stale, fresh = tmp_path / ".analysis-x.pickle.1.tmp", tmp_path / ".analysis-x.pickle.2.tmp"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"being written")
    os.utime(stale, (0, 0))
    messages = cache.heal_folder(tmp_path)
    assert entries(tmp_path) == [good] and not stale.exists() and fresh.exists()
    assert len(messages) == 2 and bad.name in messages[0] and stale.name in messages[1]


def test_write_is_atomic_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "analysis-x.pickle"
    cache.write_entry(path, [1, 2])
    cache.write_entry(path, [3])
    assert cache.read_entry(path) == [3]
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def _writer(path, value, start, seconds):
    start.wait()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        cache.write_entry(path, value)


@pytest.mark.filterwarnings("error::analysis.cache.CacheWarning")
def test_two_writers_and_a_reader_never_see_half_an_entry(tmp_path):
    path = tmp_path / "analysis-shared.pickle"
    values = [bytes([n]) * 1_000_000 for n in (1, 2)]  # large: a torn write would show
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    writers = [context.Process(target=_writer, args=(path, value, start, 2.0))
               for value in values]
    for process in writers:
        process.start()
    start.set()  # both write at the same time, many times over
    seen = set()
    while any(process.is_alive() for process in writers):
        value = cache.read_entry(path)  # a torn entry would warn, and warnings are errors here
        if value is not None:
            seen.add(value[:1])
    for process in writers:
        process.join()
        assert process.exitcode == 0
    assert cache.read_entry(path) in values
    assert seen <= {b"\x01", b"\x02"}
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left


def test_the_key_changes_with_package_versions_and_python(monkeypatch, small_corpus):
    before = cache.fingerprint(small_corpus)
    versions = cache.package_versions()
    assert set(versions) >= {"pandas", "numpy", "vaderSentiment", "textstat", "nltk", "afinn",
                             "trafilatura", "gender-guesser", "PyYAML"}
    assert versions["pandas"] == pd.__version__
    monkeypatch.setattr(cache, "package_versions", lambda: {**versions, "numpy": "0.0"})
    assert cache.fingerprint(small_corpus) != before
    monkeypatch.undo()
    monkeypatch.setattr(cache.platform, "python_version", lambda: "3.99.0")
    assert cache.fingerprint(small_corpus) != before
    monkeypatch.undo()
    assert cache.fingerprint(small_corpus) == before
    assert sys.version.split()[0] in cache.environment_key()


def test_the_key_changes_with_a_text_or_a_date(small_corpus):
    before = cache.fingerprint(small_corpus)
    assert cache.fingerprint(small_corpus.assign(text=[TEXTS[0], TEXTS[1] + "!"])) != before
    later = small_corpus.assign(published=[pd.Timestamp("2025-01-03"), pd.NaT])
    assert cache.fingerprint(later) != before

"""``python -m analysis add``, end to end in a copy of seeds/: what a user adding an
article sees, and what lands in the folder."""

import gzip
import hashlib
import shutil
import subprocess
import sys
import warnings

import pandas as pd
import pytest

from analysis import load_corpus, provenance_table
from analysis.__main__ import main as cli

from .conftest import ROOT, SEEDS
from .test_webpage import PARAGRAPHS, article_page


@pytest.fixture
def seeds(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "download" / "Sunak and Biden sign Atlantic Declaration.html"
    path.parent.mkdir()
    path.write_text(article_page(), encoding="utf-8")
    return path


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file()}


def add(*args):
    return cli(["add", *map(str, args)])


def strict_load(folder):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # not even a note
        return load_corpus(folder, strict=True)


def test_an_html_page_is_added_with_its_metadata_and_checksum(seeds, page, capsys):
    before = snapshot(seeds)
    assert add(page, "--corpus", seeds, "--uk-leader", "Rishi Sunak",
               "--us-counterparts", "Joe Biden", "--outlet-kind", "UK online newspaper") == 0
    out = capsys.readouterr().out
    after = snapshot(seeds)
    new = sorted(set(after) - set(before))
    assert new == ["2023-06-08-dailyplanet-sunak.html"]
    assert after[new[0]] == page.read_bytes()  # copied byte for byte
    # Old files unchanged; metadata and manifest only appended to.
    for name, data in before.items():
        assert after[name].startswith(data), name
        if name not in ("metadata.csv", "SHA256SUMS"):
            assert after[name] == data, name
    digest = hashlib.sha256(page.read_bytes()).hexdigest()
    assert after["SHA256SUMS"].decode().endswith(f"{digest}  {new[0]}\n")

    corpus = strict_load(seeds)  # the folder still loads without any warning
    assert len(corpus) == 6
    row = corpus.set_index("doc_id").loc["2023-06-08-dailyplanet-sunak"]
    assert row["headline"] == "Sunak and Biden sign Atlantic Declaration"
    assert row["byline"] == "Jane Doe" and row["outlet"] == "The Daily Planet"
    assert row["published"] == pd.Timestamp("2023-06-08") and not row["date_inferred"]
    assert row["uk_office"] == "Prime Minister"  # from the office-holder table, by date
    assert row["us_counterparts"] == ("Joe Biden",)
    assert row["text"].split("\n\n") == PARAGRAPHS
    # What the command printed: the values found, their sources, and what to check.
    assert "headline         Sunak and Biden sign Atlantic Declaration  [page]" in out
    assert "uk_office        Prime Minister  [inferred from analysis/data/offices.csv]" in out
    assert "check: fill in standfirst" not in out  # the page has a description
    assert "cleaning audit" in out


def test_a_page_already_in_the_corpus_is_refused_and_nothing_changes(seeds, page, capsys):
    assert add(page, "--corpus", seeds) == 0
    before = snapshot(seeds)
    capsys.readouterr()
    # The same file again, the same page gzipped, and a seed's text under another name.
    again = page.with_name("copy.html.gz")
    again.write_bytes(gzip.compress(page.read_bytes()))
    seed_copy = page.with_name("seed.txt")
    seed_copy.write_bytes((SEEDS / "002_beadc076fe9ad992.txt").read_bytes() + b"\n\n")
    assert add(page, again, seed_copy, "--corpus", seeds) == 1
    captured = capsys.readouterr()
    assert snapshot(seeds) == before
    assert f"{page}: not added: the same file is already in the corpus as " \
           "2023-06-08-dailyplanet-sunak-biden-sign-atlantic.html" in captured.out
    assert f"{again}: not added: its text is already in the corpus as" in captured.out
    assert f"{seed_copy}: not added: its text is already in the corpus as " \
           "002_beadc076fe9ad992.txt" in captured.out
    assert "3 of 3 page(s) not added" in captured.err


def test_a_dry_run_writes_nothing_but_shows_everything(seeds, page, capsys):
    before = snapshot(seeds)
    assert add(page, "--corpus", seeds, "--dry-run") == 0
    out = capsys.readouterr().out
    assert snapshot(seeds) == before
    assert "(dry run: nothing written)" in out
    assert "published        2023-06-08  [page]" in out
    assert "check: fill in outlet_kind, uk_leader, uk_office, us_counterparts" in out


def test_a_text_file_is_added_with_the_flags(seeds, tmp_path, capsys):
    pasted = tmp_path / "pasted.txt"
    pasted.write_text("Skip to main content\n\nLammy meets Rubio in Washington\n\n"
                      "Wed 5 Feb 2025 18.30 GMT\n\n"
                      "David Lammy said the relationship between the UK and the US was "
                      "“rock solid” after talks on Wednesday.\n\n"
                      "The foreign secretary said tariffs had not been discussed in detail.\n",
                      encoding="utf-8")
    assert add(pasted, "--corpus", seeds, "--outlet", "The Guardian", "--outlet-kind",
               "UK newspaper", "--date", "2025-02-05", "--byline", "Patrick Wintour",
               "--uk-leader", "David Lammy", "--us-counterparts", "Marco Rubio") == 0
    out = capsys.readouterr().out
    corpus = strict_load(seeds)
    row = corpus.set_index("doc_id").loc["2025-02-05-guardian-lammy"]
    assert row["file"] == "2025-02-05-guardian-lammy.txt"
    assert row["outlet"] == "The Guardian" and row["byline"] == "Patrick Wintour"
    assert row["headline"] == "Lammy meets Rubio in Washington"
    assert row["uk_office"] == "Foreign Secretary"
    # The date given is printed on the page: not inferred, and the evidence quotes it.
    assert not row["date_inferred"]
    assert row["date_evidence"] == "Printed on the page: 'Wed 5 Feb 2025 18.30 GMT'"
    assert row["text"].startswith("David Lammy said the relationship")
    assert "check: headline, uk_office were found by rule, not stated: confirm them" in out


def test_a_date_not_on_the_page_is_marked_inferred(seeds, tmp_path):
    pasted = tmp_path / "undated.txt"
    pasted.write_text("Talks in Washington\n\nThe two ministers met on Wednesday and agreed "
                      "to meet again.\n", encoding="utf-8")
    assert add(pasted, "--corpus", seeds, "--date", "2025-02", "--outlet", "Wire") == 0
    row = strict_load(seeds).set_index("file").loc["2025-02-wire-talks-washington.txt"]
    assert row["date_precision"] == "month" and row["date_inferred"]
    assert row["date_evidence"].startswith("Not printed on the page")


def test_nothing_is_ever_overwritten(seeds, page):
    taken = seeds / "2023-06-08-dailyplanet-sunak.html"
    taken.write_bytes(b"<html>someone else's file</html>")
    assert add(page, "--corpus", seeds, "--uk-leader", "Rishi Sunak") == 0
    assert taken.read_bytes() == b"<html>someone else's file</html>"
    assert (seeds / "2023-06-08-dailyplanet-sunak-2.html").read_bytes() == page.read_bytes()


def test_a_new_corpus_records_where_each_value_came_from(tmp_path, page):
    folder = tmp_path / "new-corpus"
    assert add(page, "--corpus", folder) == 0
    corpus = strict_load(folder)
    provenance = provenance_table(corpus).iloc[0]
    assert provenance["headline"] == "metadata.csv (page)"
    assert provenance["published"] == "metadata.csv (page)"
    assert provenance["uk_leader"] == ""
    assert corpus.loc[0, "url"] == "https://planet.example/world/atlantic-declaration"


def test_unreadable_and_foreign_files_are_refused_with_the_reason(seeds, tmp_path, capsys):
    doc = tmp_path / "article.docx"
    doc.write_bytes(b"PK\x03\x04")
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    assert add(doc, empty, tmp_path / "missing.html", "--corpus", seeds) == 1
    out = capsys.readouterr().out
    assert f"{doc}: not added: not a saved web page" in out
    assert f"{empty}: not added: empty.html: the file is empty" in out
    assert f"{tmp_path / 'missing.html'}: not added: no such file" in out


def test_the_command_line_and_make_target_run():
    result = subprocess.run([sys.executable, "-m", "analysis"], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.returncode == 2 and "usage: python -m analysis {add}" in result.stderr
    dry = subprocess.run(["make", "-n", "add", "PAGE=page.html", "ARGS=--dry-run"],
                         capture_output=True, text=True, cwd=ROOT)
    assert "-m analysis add page.html --dry-run" in dry.stdout

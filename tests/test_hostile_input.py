"""A corpus of hostile and broken inputs (issue 16): every file is loaded or named with the
reason it is not, every malformed metadata file is one clear error, nothing aborts a load.

Each test writes its own folder (``tmp_path``) and asserts what a user sees: the error or
warning text and the rows kept.
"""

import os
import warnings
from pathlib import Path

import pytest

from analysis import CorpusError, CorpusNote, corpus_files, load_corpus

from .conftest import load, write

ARTICLE = ("A headline for the test\n\nThe minister said the talks went well.\n\n"
           "They will meet again.\n")
COLUMNS = ("doc_id,file,outlet,outlet_kind,published,date_precision,date_inferred,"
           "date_evidence,byline,headline,standfirst,uk_leader,uk_office,us_counterparts")


def article(n):
    """A distinct article (duplicates are warned about, which these tests do not want)."""
    return ARTICLE.replace("went well", f"went well on day {n}")


def row(doc_id, file):
    return f"{doc_id},{file}" + "," * 12


def messages_about(messages, name):
    return [m for m in messages if m[1].startswith(name + ":")]


# --- identity -------------------------------------------------------------------------

def test_a_duplicate_doc_id_is_renamed_with_a_warning_and_both_rows_are_kept(tmp_path):
    write(tmp_path, "a.txt", article(1))
    write(tmp_path, "b.txt", article(2))
    write(tmp_path, "metadata.csv", "\n".join([COLUMNS, row("x", "a.txt"), row("x", "b.txt")]))
    corpus, messages = load(tmp_path)
    assert dict(zip(corpus["file"], corpus["doc_id"])) == {"a.txt": "x", "b.txt": "x-2"}
    assert ("warning", "b.txt: doc_id 'x' (metadata.csv) is already the id of a.txt; "
                       "b.txt is loaded as 'x-2'") in messages
    # A chapter can index by doc_id without a later, nameless crash.
    assert corpus.set_index("doc_id").index.is_unique


def test_a_duplicate_doc_id_is_an_error_in_strict_mode(tmp_path):
    write(tmp_path, "a.txt", article(1))
    write(tmp_path, "b.txt", article(2))
    write(tmp_path, "metadata.csv", "\n".join([COLUMNS, row("x", "a.txt"), row("x", "b.txt")]))
    with pytest.raises(CorpusError, match=r"b\.txt: doc_id 'x' \(metadata\.csv\) is already the "
                                          r"id of a\.txt"):
        load_corpus(tmp_path, strict=True)


def test_ids_from_colliding_paths_are_made_unique_with_a_warning(tmp_path):
    write(tmp_path, "a/b.txt", article(1))
    write(tmp_path, "a-b.txt", article(2))
    corpus, messages = load(tmp_path)
    # Folders come first in path order: a/b.txt keeps the id, a-b.txt is renamed.
    assert dict(zip(corpus["file"], corpus["doc_id"])) == {"a/b.txt": "a-b", "a-b.txt": "a-b-2"}
    assert messages == [("warning", "a-b.txt: doc_id 'a-b' (id from its file name) is "
                                    "already the id of a/b.txt; a-b.txt is loaded as 'a-b-2'")]


def test_an_id_from_a_path_never_takes_an_id_given_in_the_metadata(tmp_path):
    write(tmp_path, "story.txt", article(1))
    write(tmp_path, "other.txt", article(2))
    write(tmp_path, "metadata.csv", "\n".join([COLUMNS, row("story", "other.txt"),
                                               row("", "story.txt")]))
    corpus, messages = load(tmp_path)
    assert dict(zip(corpus["file"], corpus["doc_id"])) == {"other.txt": "story",
                                                           "story.txt": "story-2"}
    assert any("story.txt is loaded as 'story-2'" in text for _, text in messages)


# --- decoding -------------------------------------------------------------------------

def test_one_bad_byte_does_not_spoil_the_curly_quotes_of_the_file(tmp_path):
    text = ("Headline of the piece\n\n“We will stand together,” the minister said.\n\n"
            "The deal is worth ").encode() + b"\xa35bn" + \
        ", officials said.\n\n“It’s a good day,” she added.\n".encode()
    write(tmp_path, "mixed.txt", text)
    corpus, messages = load(tmp_path)
    body = corpus.loc[0, "text"]
    assert "“We will stand together,” the minister said." in body
    assert "The deal is worth £5bn, officials said." in body
    assert "“It’s a good day,” she added." in body
    assert "â€" not in body  # no mojibake anywhere
    [(kind, message)] = messages
    assert kind == "warning"
    assert message.startswith("mixed.txt: not valid UTF-8 on line 5:")
    assert "£5bn" in message


def test_the_lines_with_bad_bytes_are_all_named(tmp_path):
    lines = [f"Line {n} of the article says something.".encode() for n in range(1, 8)]
    lines[1] += b" \x96 dash"
    lines[5] += b" \x92quote"
    write(tmp_path, "two.txt", b"\n".join(lines))
    _, messages = load(tmp_path)
    assert any(m.startswith("two.txt: not valid UTF-8 on lines 2, 6:") for _, m in messages)


# --- nothing skipped in silence -------------------------------------------------------

@pytest.fixture
def cluttered(tmp_path):
    """A folder with one of every kind of file a corpus folder may hold."""
    write(tmp_path, "good.txt", article(1))
    write(tmp_path, "LOUD.TXT", article(2))
    write(tmp_path, "page.html", "<html><body><article><h1>Title</h1><p>"
          + "The minister met the envoy and they talked for an hour. " * 6
          + "</p></article></body></html>")
    write(tmp_path, "page_files/style.css", "p {}")
    write(tmp_path, "report.docx", b"PK\x03\x04 not really")
    write(tmp_path, "scan.pdf", b"%PDF-1.4")
    write(tmp_path, "photo.jpg", b"\xff\xd8\xff")
    write(tmp_path, "notes", "no extension")
    write(tmp_path, ".hidden.txt", article(3))
    write(tmp_path, ".git/config", "[core]")
    write(tmp_path, "README.md", "about this folder")
    write(tmp_path, "LICENSE", "CC-BY")
    write(tmp_path, "sub/metadata.csv", "file\n")
    outside = write(tmp_path.parent / f"{tmp_path.name}-outside", "elsewhere.txt", article(4))
    os.symlink(outside.parent, tmp_path / "linked-folder")
    os.symlink(outside, tmp_path / "linked.txt")
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    return tmp_path


def test_every_file_is_loaded_or_named_with_a_reason(cluttered):
    corpus, messages = load(cluttered)
    assert sorted(corpus["file"]) == ["LOUD.TXT", "good.txt", "page.html"]
    expected = {
        "report.docx": ("warning", "a .docx file"),
        "scan.pdf": ("warning", "a .pdf file"),
        "notes": ("warning", "a file without an extension"),
        "linked-folder": ("warning", "a link to a folder"),
        "linked.txt": ("warning", "a link to a file"),
        "dangling.txt": ("warning", "a broken link"),
        "sub/metadata.csv": ("warning", "only the top folder's metadata.csv is read"),
        "photo.jpg": ("note", "not an article"),
        ".hidden.txt": ("note", "a hidden file"),
        ".git": ("note", "a hidden folder"),
        "page_files/": ("note", "saved web page"),
        "README.md": ("note", "a README file is not an article"),
        "LICENSE": ("note", "a LICENSE file is not an article"),
    }
    for name, (kind, words) in expected.items():
        found = messages_about(messages, name)
        assert len(found) == 1, (name, messages)
        assert found[0][0] == kind and f"{name}: skipped, " in found[0][1], found
        assert words in found[0][1], found


def test_the_file_list_accounts_for_every_path_under_the_folder(cluttered):
    listed = corpus_files(cluttered)
    on_disk = set()
    for folder, dirs, files in os.walk(cluttered):
        rel = Path(folder).relative_to(cluttered)
        for name in files + [d for d in dirs if (Path(folder) / d).is_symlink()]:
            on_disk.add((rel / name).as_posix())
    covered = set()
    for entry in listed.itertuples():
        if entry.file.endswith("/") or entry.file in (".git",):  # a folder, with its files
            covered |= {p for p in on_disk if p.startswith(entry.file.rstrip("/") + "/")}
        covered.add(entry.file)
    assert on_disk <= covered
    assert (listed["reason"] != "").all()


def test_strict_mode_refuses_a_folder_with_skipped_articles(cluttered):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusNote)  # notes are not problems
        with pytest.raises(CorpusError, match=r"report\.docx: skipped"):
            load_corpus(cluttered, strict=True)


def test_a_metadata_row_for_a_skipped_file_says_it_was_not_loaded(tmp_path):
    write(tmp_path, "good.txt", article(1))
    write(tmp_path, "story.docx", b"PK")
    write(tmp_path, "metadata.csv", "\n".join([COLUMNS, row("g", "good.txt"),
                                               row("s", "story.docx")]))
    _, messages = load(tmp_path)
    assert ("warning", "story.docx: listed in metadata.csv but not loaded (skipped, as said "
                       "above)") in messages


# --- malformed metadata.csv: one clear error ------------------------------------------

@pytest.mark.parametrize("content, expected", [
    (b"", r"metadata\.csv: the file is empty"),
    (b"  \n\n", r"metadata\.csv: the file is empty"),
    ("file,outlet\na.txt,Caf\u00e9 Times\n".encode("cp1252"),
     r"metadata\.csv, line 2: not valid UTF-8 \(byte b'\\xe9'\); save the file as UTF-8"),
    (b'file,headline\na.txt,"An unclosed headline\nb.txt,Fine\n',
     r"metadata\.csv, line 2: a quotation mark opened on this line is never closed"),
    (b"file,outlet\na.txt,The Times,London\n",
     r"metadata\.csv, line 2: 3 values but 2 columns \(a value with a comma must be in "
     r"double quotes\)"),
    (b"file,outlet,file\na.txt,X,a.txt\n", r"metadata\.csv, line 1: column 'file' named twice"),
    (b"outlet\nThe Times\n", r"metadata\.csv: the metadata has no 'file' column"),
    (b"file,outlet\na.txt,X\na.txt,Y\n",
     r"metadata\.csv, line 3: a\.txt is listed twice \(also line 2\)"),
    (b"file,\x00\x01\x02\n", r"metadata\.csv: binary file"),
])
def test_a_malformed_metadata_file_is_one_error_naming_file_line_and_problem(
        tmp_path, content, expected):
    write(tmp_path, "a.txt", article(1))
    write(tmp_path, "metadata.csv", content)
    with pytest.raises(CorpusError, match=expected):
        load(tmp_path)


def test_a_folder_named_metadata_csv_is_an_error(tmp_path):
    write(tmp_path, "a.txt", article(1))
    write(tmp_path, "metadata.csv/inner.txt", article(2))
    with pytest.raises(CorpusError, match=r"metadata\.csv: is a folder, not a CSV file"):
        load(tmp_path)


def test_a_row_with_too_few_values_is_padded_with_a_warning(tmp_path):
    write(tmp_path, "a.txt", article(1))
    write(tmp_path, "metadata.csv", COLUMNS + "\nx,a.txt,The Times\n")
    corpus, messages = load(tmp_path)
    assert corpus.loc[0, "outlet"] == "The Times"
    assert ("warning", "metadata.csv, line 2: 3 values for 14 columns (the missing ones left "
                       "empty)") in messages


def test_missing_metadata_columns_are_reported(tmp_path):
    write(tmp_path, "a.txt", article(1))
    write(tmp_path, "metadata.csv", "file,doc_id,outlet\na.txt,x,The Times\n")
    corpus, messages = load(tmp_path)
    [(kind, message)] = messages
    assert kind == "warning" and message.startswith("metadata.csv: no columns 'outlet_kind', "
                                                    "'published'")
    assert corpus.loc[0, "published"] is not None and corpus.loc[0, "outlet"] == "The Times"


# --- per-file read errors -------------------------------------------------------------

def test_an_unreadable_file_is_a_warning_and_the_rest_is_loaded(tmp_path):
    write(tmp_path, "a.txt", article(1))
    locked = write(tmp_path, "locked.txt", article(2))
    locked.chmod(0)
    try:
        corpus, messages = load(tmp_path)
    finally:
        locked.chmod(0o644)
    if os.access(locked, os.R_OK) and os.geteuid() == 0:
        # Root reads whatever the permissions say: the file simply loads.
        assert sorted(corpus["file"]) == ["a.txt", "locked.txt"]
    else:
        assert corpus["file"].tolist() == ["a.txt"]
        assert ("warning", "locked.txt: cannot be read (permission denied) (not loaded)") \
            in messages


@pytest.mark.parametrize("error, reason", [
    (PermissionError(13, "Permission denied"), "permission denied"),
    (FileNotFoundError(2, "No such file or directory"),
     "it disappeared while the folder was being read"),
    (OSError(5, "Input/output error"), "Input/output error"),
])
def test_read_errors_are_warnings_naming_the_file(tmp_path, monkeypatch, error, reason):
    write(tmp_path, "a.txt", article(1))
    write(tmp_path, "b.txt", article(2))
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "b.txt":
            raise error
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    corpus, messages = load(tmp_path)
    assert corpus["file"].tolist() == ["a.txt"]
    assert messages == [("warning", f"b.txt: cannot be read ({reason}) (not loaded)")]
    with pytest.raises(CorpusError, match=rf"b\.txt: cannot be read \({reason}\)"):
        load_corpus(tmp_path, strict=True)


def test_a_file_that_changed_since_its_checksum_is_named(tmp_path):
    import hashlib

    good = write(tmp_path, "a.txt", article(1))
    write(tmp_path, "b.txt", article(2))
    digest = hashlib.sha256(good.read_bytes()).hexdigest()
    write(tmp_path, "SHA256SUMS", f"{digest}  a.txt\n{'0' * 64}  b.txt\n")
    corpus, messages = load(tmp_path)
    assert len(corpus) == 2
    assert messages == [("warning", "b.txt: its bytes differ from the checksum in SHA256SUMS "
                                    "(changed since it was recorded)")]


# --- hostile pages ---------------------------------------------------------------------

def test_a_pathologically_nested_page_is_a_warning_not_a_crash(tmp_path):
    write(tmp_path, "a.txt", article(1))
    write(tmp_path, "deep.html", "<html><body>" + "<div>" * 20000 + "text"
          + "</div>" * 20000 + "</body></html>")
    corpus, messages = load(tmp_path)
    assert "a.txt" in corpus["file"].tolist()
    assert all(kind in ("warning", "note") for kind, _ in messages)
    assert "deep.html" in corpus["file"].tolist() or any(
        m.startswith("deep.html:") and "(not loaded)" in m for _, m in messages)


@pytest.mark.parametrize("name, content, expected", [
    ("empty.html", b"", "empty.html: the file is empty"),
    ("plain.html", b"Just some words, no markup at all.", "plain.html: not HTML"),
    ("binary.html", b"\x89PNG\r\n\x1a\n\x00\x00", "binary.html: binary file"),
    ("broken.html.gz", b"\x1f\x8b\x08\x00garbage", "broken.html.gz: not a readable gzip file"),
])
def test_a_broken_page_is_named_and_not_loaded(tmp_path, name, content, expected):
    write(tmp_path, "a.txt", article(1))
    write(tmp_path, name, content)
    corpus, messages = load(tmp_path)
    assert corpus["file"].tolist() == ["a.txt"]
    assert [kind for kind, m in messages if m.startswith(expected)] == ["warning"], messages


def test_a_page_of_nothing_but_furniture_is_loaded_empty_with_a_warning(tmp_path):
    write(tmp_path, "a.txt", article(1))
    write(tmp_path, "menu.txt", "Skip to main content\nMenu\nSign in\nMost read\n")
    corpus, messages = load(tmp_path)
    assert corpus.set_index("file").loc["menu.txt", "text"] == ""
    assert messages == [("warning", "menu.txt: no article text left after cleaning (loaded "
                                    "with an empty body; see the cleaning audit)")]

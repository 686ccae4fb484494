"""Load a folder of articles and its metadata into one table.

A corpus is a folder (searched recursively) of ``.txt`` files and saved web pages
(``.html``, ``.htm``, also gzipped), with an optional ``metadata.csv`` describing them
(:mod:`analysis.metadata`) and an optional ``SHA256SUMS`` manifest. Every problem with the
input is reported by file name: as a :class:`CorpusWarning`, or as a :class:`CorpusError`
with ``strict=True``; every file that is not read is named with the reason
(:func:`analysis.files.corpus_files`). Nothing is dropped without a message.

Where each metadata field of an article came from is recorded in its ``provenance``
(:func:`provenance_table`): the metadata file, the page itself (its markup or its text),
or inferred (an id from the file name, a date guessed from a page).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from analysis import webpage
from analysis.clean import PARAGRAPH_SEP, clean_text, line_key
from analysis.decoding import decode_text
from analysis.files import NOT_ARTICLES, corpus_files, scan
from analysis.metadata import (
    METADATA_COLUMNS,
    METADATA_FILE,
    OPTIONAL_COLUMNS,
    read_metadata,
    read_metadata_with,
    unique_ids,
)
from analysis.problems import CorpusError, CorpusNote, CorpusWarning, Reporter
from analysis.text import count_words

__all__ = [
    "CORPUS_COLUMNS", "METADATA_COLUMNS", "METADATA_FILE", "NOT_ARTICLES", "CorpusError",
    "CorpusNote", "CorpusWarning", "corpus_files", "corpus_overview", "decode_text",
    "format_date", "load_corpus", "provenance_table", "read_metadata",
]

CORPUS_COLUMNS = (
    "doc_id", "file", "outlet", "outlet_kind", "published", "date_precision",
    "date_inferred", "date_evidence", "byline", "headline", "standfirst", "dateline",
    "uk_leader", "uk_office", "us_counterparts", "raw_text", "text",
    "n_words_raw", "n_words", "n_paragraphs", "sha256", "duplicate_of", "notes",
    "format", "url", "provenance",
)
# The metadata fields whose source ``provenance`` records, in display order.
PROVENANCE_FIELDS = ("doc_id", "headline", "byline", "standfirst", "outlet", "outlet_kind",
                     "published", "url", "uk_leader", "uk_office", "us_counterparts")
# Fields a page's own metadata can fill (and metadata.csv override).
_PAGE_FIELDS = ("headline", "byline", "standfirst", "outlet", "url")


def load_corpus(path: str | Path = "seeds", strict: bool = False,
                n_jobs: int = 1) -> pd.DataFrame:
    """Load every article under ``path`` with its metadata and cleaned body.

    Parameters
    ----------
    path : str or Path
        A folder of ``.txt`` files and saved web pages, searched recursively, with an
        optional ``metadata.csv`` (see :func:`read_metadata`). Without metadata, the
        metadata columns are empty (a web page fills them from its own markup) and
        ``doc_id`` comes from the file's path.
    strict : bool
        Raise :class:`CorpusError` listing every problem instead of warning.
    n_jobs : int
        Processes for reading and cleaning (joblib); the result does not depend on it.

    Returns
    -------
    pandas.DataFrame
        One row per readable article, in ``doc_id`` order, with the columns in
        :data:`CORPUS_COLUMNS`. ``text`` is the cleaned body (paragraphs separated by
        a blank line); ``raw_text`` the decoded file (for a web page, its visible
        text); ``format`` is ``text`` or ``html``; ``provenance`` maps each field of
        :data:`PROVENANCE_FIELDS` to where its value came from. Articles that cannot
        be read (empty, binary, unreadable, listed but missing, a page without an
        article) are named in a :class:`CorpusWarning` and left out; see
        :func:`cleaning_audit` for what cleaning removed.

    Examples
    --------
    >>> corpus = load_corpus("seeds")
    >>> corpus.loc[0, ["doc_id", "outlet"]].tolist()
    ['2022-02-02-independent-truss', 'The Independent']
    >>> corpus.loc[0, "provenance"]["headline"]
    'metadata.csv'
    """
    root = Path(path)
    if not root.is_dir():
        raise CorpusError(f"{root}: " + ("not a folder" if root.exists() else "no such folder"))
    reporter = Reporter(strict)
    entries = scan(root)
    for entry in entries:
        if entry.level == "warning":
            reporter.warn(f"{entry.file}: skipped, {entry.reason}")
        elif entry.level == "note":
            reporter.note(f"{entry.file}: skipped, {entry.reason}")
    articles = [(e.file, e.kind) for e in entries if e.kind in ("text", "html")]
    meta = _metadata(root, entries, [name for name, _ in articles], reporter)
    if not articles:
        reporter.warn(f"{root}: no articles found (.txt, .html or .htm files)")

    jobs = [(root, name, kind, meta.get(name, {})) for name, kind in articles]
    if n_jobs == 1:
        results = [_read_article(*job) for job in jobs]
    else:
        from joblib import Parallel, delayed

        results = Parallel(n_jobs=n_jobs, batch_size=32)(delayed(_read_article)(*job)
                                                          for job in jobs)
    rows, digests = [], {}
    for (name, _), (row, error, repairs, digest) in zip(articles, results):
        # Messages are reported here, in file order, whatever the number of workers.
        digests[name] = digest
        if error:
            reporter.warn(f"{error} (not loaded)")
            continue
        for message in repairs:
            reporter.report(message)
        rows.append(row)
    for row in rows:
        if not row["text"]:
            reporter.warn(f"{row['file']}: no article text left after cleaning (loaded with an "
                          "empty body; see the cleaning audit)")
    _unique_doc_ids(rows, reporter)
    manifest = next((e.file for e in entries if e.kind == "manifest"), None)
    if manifest:
        _check_manifest(root / manifest, digests, reporter)

    extra = sorted({k for row in rows for k in row} - set(CORPUS_COLUMNS))  # unknown columns
    corpus = pd.DataFrame(rows, columns=list(CORPUS_COLUMNS) + extra)
    _flag_duplicates(corpus, reporter)
    reporter.finish()
    corpus["published"] = pd.to_datetime(corpus["published"])
    corpus["date_inferred"] = corpus["date_inferred"].astype("boolean")
    return corpus.sort_values("doc_id", kind="stable").reset_index(drop=True)


def _metadata(root: Path, entries, names: list[str], reporter: Reporter) -> dict[str, dict]:
    """Each article's metadata row (by file), after checking rows against files."""
    if not any(e.kind == "metadata" for e in entries):
        return {}
    meta = read_metadata_with(root / METADATA_FILE, reporter)
    meta["file"] = [f.replace("\\", "/").removeprefix("./") for f in meta["file"]]
    rows = {row["file"]: row for row in meta.drop(columns="line").to_dict("records")}
    skipped = {e.file for e in entries if e.kind == "skipped"}
    for name in sorted(set(rows) - set(names)):
        if name in skipped:
            reporter.warn(f"{name}: listed in {METADATA_FILE} but not loaded (skipped, as "
                          "said above)")
        else:
            reporter.warn(f"{name}: listed in {METADATA_FILE} but there is no such file "
                          "(metadata row not loaded)")
    for name in names:
        if name not in rows:
            reporter.warn(f"{name}: no row in {METADATA_FILE} (loaded with "
                          + ("the page's own metadata)" if webpage.is_html_name(name)
                             else "empty metadata)"))
    return rows


def _read_article(root: Path, name: str, kind: str,
                  info: dict) -> tuple[dict | None, str, list[str], str]:
    """Read, decode and clean one file: (row, error message, repairs, SHA-256 of its bytes).

    Pure: plain values in, plain values out, so that it runs in any worker.
    """
    try:
        data = (root / name).read_bytes()
    except OSError as err:
        return None, f"{name}: cannot be read ({_os_reason(err)})", [], ""
    digest = hashlib.sha256(data).hexdigest()
    try:
        if kind == "html":
            html, repairs = webpage.decode_html(data, name)
            row, notes = _html_article(name, webpage.read_page(html, name), info, repairs)
            return row, "", repairs + notes, digest
        raw, repairs = decode_text(data, name)
        return _text_article(name, raw, info, repairs), "", repairs, digest
    except CorpusError as err:
        return None, str(err), [], digest
    except RecursionError:
        return None, f"{name}: too deeply nested to be read", [], digest


def _os_reason(err: OSError) -> str:
    if isinstance(err, PermissionError):
        return "permission denied"
    if isinstance(err, FileNotFoundError):
        return "it disappeared while the folder was being read"
    if isinstance(err, IsADirectoryError):
        return "it is a folder"
    return err.strerror or type(err).__name__


def _base_row(name: str, info: dict, raw: str, text: str, repairs: list[str]) -> dict:
    """The columns every article has, from its metadata row and its texts."""
    row = {column: info.get(column, "") for column in METADATA_COLUMNS}
    row.update({k: v for k, v in info.items()
                if k not in METADATA_COLUMNS + OPTIONAL_COLUMNS})
    row.update(
        doc_id=info.get("doc_id", ""),
        file=name,
        published=info.get("published", pd.NaT),
        date_inferred=info.get("date_inferred", pd.NA),
        us_counterparts=info.get("us_counterparts", ()),
        dateline="",
        raw_text=raw,
        text=text,
        n_words_raw=count_words(raw),
        n_words=count_words(text),
        n_paragraphs=len(text.split(PARAGRAPH_SEP)) if text else 0,
        sha256=hashlib.sha256(raw.encode("utf-8")).hexdigest(),
        duplicate_of="",
        notes=tuple(m.removeprefix("warning: ") for m in repairs),
        url=info.get("url", ""),
    )
    return row


def _provenance(info: dict, found: dict[str, str]) -> dict[str, str]:
    """Where each field came from: metadata.csv wins (with the source its ``sources``
    column records, if any); else what ``found`` says; else ""."""
    out, recorded = {}, info.get("sources") or {}
    for field in PROVENANCE_FIELDS:
        value = info.get(field)
        given = bool(value) and not (field == "published" and pd.isna(value))
        if given:
            out[field] = (f"metadata.csv ({recorded[field]})" if field in recorded
                          else "metadata.csv")
        else:
            out[field] = found.get(field, "")
    return out


def _text_article(name: str, raw: str, info: dict, repairs: list[str]) -> dict:
    """One corpus row from a text file: metadata, cleaned body and counts."""
    result = clean_text(raw, headline=info.get("headline"),
                        standfirst=info.get("standfirst"), byline=info.get("byline"))
    row = _base_row(name, info, raw, result.text, repairs)
    row.update(headline=result.headline, standfirst=result.standfirst, byline=result.byline,
               dateline=result.dateline, format="text")
    found = {f: "page text" for f in ("headline", "standfirst", "byline") if row[f]}
    row["provenance"] = _provenance(info, {**found, "doc_id": "file name"})
    return row


def _html_article(name: str, page: webpage.Page, info: dict,
                  repairs: list[str]) -> tuple[dict, list[str]]:
    """One corpus row from a saved web page; notes where metadata.csv overrides the page."""
    row = _base_row(name, info, page.visible, page.text, repairs)
    row["format"] = "html"
    notes, found = [], {"doc_id": "file name"}
    for field in _PAGE_FIELDS:
        ours, theirs = info.get(field, ""), getattr(page, field)
        if ours and theirs and line_key(ours) != line_key(theirs):
            notes.append(f"{name}: {field} {ours!r} (metadata.csv) is used, not the page's "
                         f"{theirs!r}")
        if not ours and theirs:
            row[field] = theirs
            found[field] = "page"
    if pd.isna(info.get("published", pd.NaT)) and pd.notna(page.published):
        row.update(published=page.published, date_precision="day",
                   date_inferred=page.date_inferred, date_evidence=page.date_evidence)
        found["published"] = "inferred" if page.date_inferred else "page"
    elif pd.notna(page.published) and info["published"].date() != page.published.date():
        notes.append(f"{name}: published {info['published'].date()} (metadata.csv) is used, "
                     f"not the page's {page.published.date()}")
    row["provenance"] = _provenance(info, found)
    return row, notes


def _unique_doc_ids(rows: list[dict], reporter: Reporter) -> None:
    """Ids from file names for rows without one; a repeated id is renamed, with a warning."""
    given = {row["doc_id"] for row in rows if row["doc_id"]}
    missing = [row for row in rows if not row["doc_id"]]
    derived = [_path_id(row["file"]) for row in missing]
    for row, doc_id in zip(missing, unique_ids(derived, [r["file"] for r in missing],
                                               "id from its file name", reporter, given)):
        row["doc_id"] = doc_id


def _path_id(name: str) -> str:
    """``politics/two.txt`` → ``politics-two``; ``page.html.gz`` → ``page``."""
    stem = name[:-3] if name.lower().endswith(".gz") else name
    return Path(stem).with_suffix("").as_posix().replace("/", "-")


def _check_manifest(path: Path, digests: dict[str, str], reporter: Reporter) -> None:
    """Warn about articles whose bytes differ from the manifest, or that it does not list."""
    listed = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        reporter.warn(f"{path.name}: cannot be read ({err}); files not checked")
        return
    for number, line in enumerate(lines, 1):
        parts = line.strip().split(maxsplit=1)
        if not parts:
            continue
        if len(parts) != 2 or len(parts[0]) != 64:
            reporter.warn(f"{path.name}, line {number}: not a '<sha256>  <file>' line")
            continue
        listed[parts[1].removeprefix("*")] = parts[0].lower()
    for name, digest in digests.items():
        if name not in listed:
            reporter.note(f"{name}: not in {path.name} (add its checksum: sha256sum)")
        elif digest and digest != listed[name]:
            reporter.warn(f"{name}: its bytes differ from the checksum in {path.name} "
                          "(changed since it was recorded)")


def duplicate_key(text: str) -> str:
    """What two articles share when they are the same text (layout and case ignored).

    Examples
    --------
    >>> duplicate_key("The  talks\\n\\nwent well.") == duplicate_key("the talks went WELL.")
    True
    """
    return " ".join(text.split()).casefold()


def _flag_duplicates(corpus: pd.DataFrame, reporter: Reporter) -> None:
    """Mark articles whose cleaned text repeats an earlier file's; both are kept."""
    first: dict[str, str] = {}
    for i, (name, text) in enumerate(zip(corpus["file"], corpus["text"])):
        key = duplicate_key(text)
        if key and key in first:
            corpus.at[i, "duplicate_of"] = first[key]
            reporter.warn(f"{name}: same text as {first[key]} (both kept; "
                          "drop one before counting)")
        else:
            first.setdefault(key, name)


def provenance_table(corpus: pd.DataFrame) -> pd.DataFrame:
    """Where each article's metadata came from: one row per article, one column per field.

    Values: ``metadata.csv``; ``page`` (the web page's own markup); ``page text`` (found
    in the article's text by the cleaner); ``inferred`` (a date guessed from the page);
    ``file name`` (an id made from it); empty where nothing gives the field.

    Examples
    --------
    >>> table = provenance_table(load_corpus("seeds"))
    >>> table.loc["2023-01-voa-cleverly", ["headline", "url"]].tolist()
    ['metadata.csv', '']
    """
    records = [{field: prov.get(field, "") for field in PROVENANCE_FIELDS}
               for prov in corpus["provenance"]]
    table = pd.DataFrame(records, index=corpus["doc_id"], columns=list(PROVENANCE_FIELDS))
    table.index.name = "Article"
    return table


def format_date(published, precision: str = "day", inferred=None) -> str:
    """A publication date as a reader sees it: "25 Sep 2022", "Jan 2023"; "*" if inferred.

    Examples
    --------
    >>> format_date(pd.Timestamp("2023-01-01"), "month", True)
    'Jan 2023*'
    """
    if pd.isna(published):
        return "unknown"
    text = published.strftime("%b %Y" if precision == "month" else "%-d %b %Y")
    return text + ("*" if pd.notna(inferred) and bool(inferred) else "")


def corpus_overview(corpus: pd.DataFrame) -> pd.DataFrame:
    """One display row per article: outlet, date, leaders, words on the page and in the body.

    Dates marked "*" are inferred from the events reported (see ``date_evidence``).

    Examples
    --------
    >>> corpus_overview(load_corpus("seeds")).loc[3, "Published"]
    'Jan 2023*'
    """
    return pd.DataFrame({
        "Article": corpus["doc_id"],
        "Outlet": corpus["outlet"],
        "Kind": corpus["outlet_kind"],
        "Published": [format_date(p, r, i) for p, r, i in
                      zip(corpus["published"], corpus["date_precision"], corpus["date_inferred"])],
        "UK figure": corpus["uk_leader"]
        + corpus["uk_office"].map(lambda o: f" ({o})" if o else ""),
        "US figure(s)": corpus["us_counterparts"].map(", ".join),
        "Words on page": corpus["n_words_raw"],
        "Words in article": corpus["n_words"],
        "Removed": 1 - corpus["n_words"] / corpus["n_words_raw"].where(corpus["n_words_raw"] > 0),
    })

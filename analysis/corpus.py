"""Load a folder of articles and its metadata into one table.

A corpus is a folder (searched recursively) of ``.txt`` files, with an optional
``metadata.csv`` describing them. Every problem with the input is reported by
file name: as a :class:`CorpusWarning`, or as a :class:`CorpusError` with
``strict=True``. Nothing is dropped without a message.
"""

from __future__ import annotations

import hashlib
import re
import warnings
from pathlib import Path

import pandas as pd

from analysis.clean import PARAGRAPH_SEP, clean_text
from analysis.text import count_words

METADATA_FILE = "metadata.csv"
# Files that describe a folder rather than belong to it (a data set's README, its licence).
NOT_ARTICLES = frozenset({"readme", "license", "licence", "source", "sources", "changelog",
                          "copying", "notice", "authors"})
# Metadata columns the report knows; any other column is kept and warned about.
METADATA_COLUMNS = (
    "doc_id", "file", "outlet", "outlet_kind", "published", "date_precision",
    "date_inferred", "date_evidence", "byline", "headline", "standfirst",
    "uk_leader", "uk_office", "us_counterparts",
)
CORPUS_COLUMNS = (
    "doc_id", "file", "outlet", "outlet_kind", "published", "date_precision",
    "date_inferred", "date_evidence", "byline", "headline", "standfirst", "dateline",
    "uk_leader", "uk_office", "us_counterparts", "raw_text", "text",
    "n_words_raw", "n_words", "n_paragraphs", "sha256", "duplicate_of", "notes",
)
_TRUE = {"true", "yes", "1", "inferred"}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_FALSE = {"false", "no", "0", "printed"}


class CorpusWarning(UserWarning):
    """A problem with the input that may change the analysis; names the file."""


class CorpusNote(UserWarning):
    """A harmless repair of the input (byte-order mark, Windows line ends); names the file."""


class CorpusError(ValueError):
    """Raised for input that cannot be used, or for any warning when ``strict=True``."""


class _Reporter:
    """Collects messages so that strict mode can list every problem at once."""

    def __init__(self, strict: bool):
        self.strict = strict
        self.problems: list[str] = []

    def warn(self, message: str) -> None:
        if self.strict:
            self.problems.append(message)
        else:
            warnings.warn(message, CorpusWarning, stacklevel=4)

    def note(self, message: str) -> None:
        warnings.warn(message, CorpusNote, stacklevel=4)

    def finish(self) -> None:
        if self.problems:
            raise CorpusError("strict mode: " + "; ".join(self.problems))


def decode_text(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode a file's bytes to text with ``\\n`` line ends; say what was repaired.

    UTF-8 is expected. A byte-order mark is removed; text that is not UTF-8 is
    decoded as Windows-1252 (the usual culprit: a pound sign saved by an old
    editor); CRLF and CR line ends become LF. Line numbers are unchanged.

    Returns
    -------
    text : str
    repairs : list of str
        One message per repair, naming the file. Messages starting with
        ``"warning:"`` may have changed characters; the others cannot have.

    Raises
    ------
    CorpusError
        For an empty or binary file.

    Examples
    --------
    >>> decode_text("£5\\r\\n".encode("cp1252"), "a.txt")[0]
    '£5\\n'
    """
    if not data.strip():
        raise CorpusError(f"{name}: the file is empty")
    repairs = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
        repairs.append(f"{name}: decoded as UTF-16 (it starts with a UTF-16 byte-order mark)")
    elif b"\x00" in data:
        raise CorpusError(f"{name}: binary file (it contains NUL bytes), not text")
    else:
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
            repairs.append(f"{name}: removed a UTF-8 byte-order mark")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            # cp1252 leaves five bytes undefined; Latin-1 maps every byte.
            try:
                text, codec = data.decode("cp1252"), "Windows-1252 (cp1252)"
            except UnicodeDecodeError:
                text, codec = data.decode("latin-1"), "Latin-1"
            bad = data[err.start:err.start + 1]
            repairs.append(
                f"warning: {name}: not valid UTF-8 (byte {bad!r} at offset {err.start}); "
                f"decoded as {codec}: {text[max(0, err.start - 20):err.start + 20]!r}"
            )
    controls = len(_CONTROL.findall(text))
    if controls > max(3, len(text) // 100):
        raise CorpusError(f"{name}: binary file ({controls} control characters), not text")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        repairs.append(f"{name}: converted Windows (CRLF) or old Mac (CR) line ends to LF")
    return text, repairs


def read_metadata(path: str | Path, strict: bool = False) -> pd.DataFrame:
    """Read and validate a corpus metadata CSV (one row per article).

    ``published`` is ``YYYY-MM-DD`` or ``YYYY-MM`` (``date_precision`` says which);
    ``us_counterparts`` lists names separated by ``;``. Unknown columns are kept
    with a warning.

    Examples
    --------
    >>> meta = read_metadata("seeds/metadata.csv")
    >>> meta.set_index("doc_id").loc["2022-03-08-thenational-truss", "us_counterparts"]
    ('Antony Blinken', 'Jake Sullivan')
    """
    path = Path(path)
    reporter = _Reporter(strict)
    meta = _read_metadata(path, reporter)
    reporter.finish()
    return meta


def _read_metadata(path: Path, reporter: _Reporter) -> pd.DataFrame:
    meta = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    meta.columns = [c.strip() for c in meta.columns]
    if "file" not in meta.columns:
        raise CorpusError(f"{path.name}: the metadata has no 'file' column")
    for column in meta.columns:
        if column not in METADATA_COLUMNS:
            reporter.warn(f"{path.name}: unknown metadata column {column!r} (kept as it is)")
    for column in METADATA_COLUMNS:
        if column not in meta.columns:
            meta[column] = ""
    meta = meta.apply(lambda col: col.str.strip())
    duplicated = meta["file"][meta["file"].duplicated()]
    if len(duplicated):
        raise CorpusError(f"{path.name}: files listed twice: {', '.join(duplicated)}")
    meta["date_inferred"] = [_flag(v, f"{path.name}, {f}", reporter)
                             for v, f in zip(meta["date_inferred"], meta["file"])]
    meta["published"] = [_date(v, p, f"{path.name}, {f}") for v, p, f in
                         zip(meta["published"], meta["date_precision"], meta["file"])]
    meta["us_counterparts"] = [tuple(x.strip() for x in v.split(";") if x.strip())
                               for v in meta["us_counterparts"]]
    return meta


def _flag(value: str, where: str, reporter: _Reporter) -> object:
    v = value.casefold()
    if v in _TRUE:
        return True
    if v in _FALSE:
        return False
    if v:
        reporter.warn(f"{where}: date_inferred {value!r} is not true/false (left empty)")
    return pd.NA


def _date(value: str, precision: str, where: str) -> pd.Timestamp:
    if not value:
        return pd.NaT
    expected = {"day": "%Y-%m-%d", "month": "%Y-%m"}.get(precision or "day")
    if expected is None:
        raise CorpusError(f"{where}: date_precision {precision!r} must be 'day' or 'month'")
    try:
        return pd.Timestamp(pd.to_datetime(value, format=expected))
    except ValueError:
        raise CorpusError(f"{where}: published {value!r} does not match {expected}") from None


def load_corpus(path: str | Path = "seeds", strict: bool = False,
                n_jobs: int = 1) -> pd.DataFrame:
    """Load every ``.txt`` article under ``path`` with its metadata and cleaned body.

    Parameters
    ----------
    path : str or Path
        A folder of ``.txt`` files, searched recursively, with an optional
        ``metadata.csv`` (see :func:`read_metadata`). Without metadata, the
        metadata columns are empty and ``doc_id`` comes from the file's path.
    strict : bool
        Raise :class:`CorpusError` listing every problem instead of warning.
    n_jobs : int
        Processes for reading and cleaning (joblib); the result does not depend on it.

    Returns
    -------
    pandas.DataFrame
        One row per readable article, in ``doc_id`` order, with the columns in
        :data:`CORPUS_COLUMNS`. ``text`` is the cleaned body (paragraphs
        separated by a blank line); ``raw_text`` the decoded file. Articles that
        cannot be read (empty, binary, listed but missing) are named in a
        :class:`CorpusWarning` and left out; see :func:`cleaning_audit` for what
        cleaning removed.

    Examples
    --------
    >>> corpus = load_corpus("seeds")
    >>> corpus.loc[0, ["doc_id", "outlet"]].tolist()
    ['2022-02-02-independent-truss', 'The Independent']
    """
    root = Path(path)
    if not root.is_dir():
        raise CorpusError(f"{root}: no such folder")
    reporter = _Reporter(strict)
    files, skipped = [], []
    for p in sorted(root.rglob("*.txt")):
        if p.is_file():
            name = p.relative_to(root).as_posix()
            (skipped if p.stem.lower() in NOT_ARTICLES else files).append(name)
    for name in skipped:
        reporter.note(f"{name}: skipped, a {Path(name).stem} file is not an article")
    meta_path = root / METADATA_FILE
    if meta_path.exists():
        meta = _read_metadata(meta_path, reporter).set_index("file", drop=False)
        for missing in sorted(set(meta.index) - set(files)):
            reporter.warn(f"{missing}: listed in {METADATA_FILE} but there is no such file "
                          "(metadata row not loaded)")
        for extra in sorted(set(files) - set(meta.index)):
            reporter.warn(f"{extra}: no row in {METADATA_FILE} (loaded with empty metadata)")
    else:
        meta = pd.DataFrame(columns=METADATA_COLUMNS).set_index("file", drop=False)
    if not files:
        reporter.warn(f"{root}: no .txt files found")

    jobs = [(root, name, meta.loc[name].to_dict() if name in meta.index else {})
             for name in files]
    if n_jobs == 1:
        results = [_read_article(*job) for job in jobs]
    else:
        from joblib import Parallel, delayed

        results = Parallel(n_jobs=n_jobs, batch_size=32)(delayed(_read_article)(*job)
                                                          for job in jobs)
    rows = []
    for row, error, repairs in results:  # messages are reported here, in file order
        if error:
            reporter.warn(f"{error} (not loaded)")
            continue
        for message in repairs:
            if message.startswith("warning: "):
                reporter.warn(message.removeprefix("warning: "))
            else:
                reporter.note(message)
        rows.append(row)

    extra = [c for c in meta.columns if c not in METADATA_COLUMNS]  # unknown: kept, after ours
    corpus = pd.DataFrame(rows, columns=list(CORPUS_COLUMNS) + extra)
    _flag_duplicates(corpus, reporter)
    reporter.finish()
    corpus["published"] = pd.to_datetime(corpus["published"])
    corpus["date_inferred"] = corpus["date_inferred"].astype("boolean")
    return corpus.sort_values("doc_id", kind="stable").reset_index(drop=True)


def _read_article(root: Path, name: str, info: dict) -> tuple[dict | None, str, list[str]]:
    """Read, decode and clean one file: (row, error message, repairs)."""
    try:
        raw, repairs = decode_text((root / name).read_bytes(), name)
    except CorpusError as err:
        return None, str(err), []
    return _article(name, raw, info, repairs), "", repairs


def _article(name: str, raw: str, info: dict, repairs: list[str]) -> dict:
    """One corpus row: metadata, cleaned body and counts."""
    result = clean_text(raw, headline=info.get("headline"),
                        standfirst=info.get("standfirst"), byline=info.get("byline"))
    row = {column: info.get(column, "") for column in METADATA_COLUMNS}
    row.update({k: v for k, v in info.items() if k not in METADATA_COLUMNS})
    row.update(
        doc_id=info.get("doc_id") or Path(name).with_suffix("").as_posix().replace("/", "-"),
        file=name,
        published=info.get("published", pd.NaT),
        date_inferred=info.get("date_inferred", pd.NA),
        us_counterparts=info.get("us_counterparts", ()),
        headline=result.headline,
        standfirst=result.standfirst,
        byline=result.byline,
        dateline=result.dateline,
        raw_text=raw,
        text=result.text,
        n_words_raw=count_words(raw),
        n_words=count_words(result.text),
        n_paragraphs=len(result.text.split(PARAGRAPH_SEP)) if result.text else 0,
        sha256=hashlib.sha256(raw.encode("utf-8")).hexdigest(),
        duplicate_of="",
        notes=tuple(m.removeprefix("warning: ") for m in repairs),
    )
    return row


def _flag_duplicates(corpus: pd.DataFrame, reporter: _Reporter) -> None:
    """Mark articles whose cleaned text repeats an earlier file's; both are kept."""
    first: dict[str, str] = {}
    for i, (name, text) in enumerate(zip(corpus["file"], corpus["text"])):
        key = " ".join(text.split()).casefold()
        if key and key in first:
            corpus.at[i, "duplicate_of"] = first[key]
            reporter.warn(f"{name}: same text as {first[key]} (both kept; "
                          "drop one before counting)")
        else:
            first.setdefault(key, name)


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

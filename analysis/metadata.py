"""The corpus's ``metadata.csv``: read strictly, every problem named by file and line.

A malformed file (empty, not UTF-8, a quotation mark never closed, a row with more values
than columns, a folder of that name) is one :class:`~analysis.problems.CorpusError` naming
the file, the line and what is wrong, never a parser's traceback or columns that shift.
Problems that leave the rows usable are warnings: a column the report does not know, a
column it knows that is missing, a row with fewer values than columns, two rows with the
same ``doc_id`` (the second is renamed ``<id>-2`` and the warning says so).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from analysis.problems import CorpusError, Reporter

METADATA_FILE = "metadata.csv"
# Metadata columns the report knows; any other column is kept and warned about.
METADATA_COLUMNS = (
    "doc_id", "file", "outlet", "outlet_kind", "published", "date_precision",
    "date_inferred", "date_evidence", "byline", "headline", "standfirst",
    "uk_leader", "uk_office", "us_counterparts",
)
# Known columns a metadata file may leave out: a page's address, and where each value came
# from when it was not typed in ("headline: page; published: inferred"), as written by
# ``python -m analysis add`` in a new metadata file.
OPTIONAL_COLUMNS = ("url", "sources")
_TRUE = {"true", "yes", "1", "inferred"}
_FALSE = {"false", "no", "0", "printed"}


def read_metadata(path: str | Path, strict: bool = False) -> pd.DataFrame:
    """Read and validate a corpus metadata CSV (one row per article).

    ``published`` is ``YYYY-MM-DD`` or ``YYYY-MM`` (``date_precision`` says which);
    ``us_counterparts`` lists names separated by ``;``. Unknown columns are kept
    with a warning; missing ones are added empty, with a warning.

    Raises
    ------
    CorpusError
        For a file that cannot be read as a table, naming the file and the line.

    Examples
    --------
    >>> meta = read_metadata("seeds/metadata.csv")
    >>> meta.set_index("doc_id").loc["2022-03-08-thenational-truss", "us_counterparts"]
    ('Antony Blinken', 'Jake Sullivan')
    """
    path = Path(path)
    reporter = Reporter(strict)
    meta = read_metadata_with(path, reporter)
    reporter.finish()
    return meta


def read_metadata_with(path: Path, reporter: Reporter) -> pd.DataFrame:
    """:func:`read_metadata` reporting through ``reporter``; adds a ``line`` column (the row's
    first line in the file) for later messages."""
    name = path.name
    header, rows = _parse(path)
    for column in header:
        if column not in METADATA_COLUMNS + OPTIONAL_COLUMNS:
            reporter.warn(f"{name}: unknown metadata column {column!r} (kept as it is)")
    if "file" not in header:
        raise CorpusError(f"{name}: the metadata has no 'file' column (line 1 names the "
                          f"columns: {', '.join(header)})")
    missing = [c for c in METADATA_COLUMNS if c not in header]
    if missing:
        reporter.warn(f"{name}: no column{'s' if len(missing) > 1 else ''} "
                      f"{', '.join(repr(c) for c in missing)} (left empty)")
    records, lines = [], []
    for line, row in rows:
        if len(row) < len(header):
            reporter.warn(f"{name}, line {line}: {len(row)} values for {len(header)} columns "
                          "(the missing ones left empty)")
            row = row + [""] * (len(header) - len(row))
        values = dict(zip(header, (v.strip() for v in row)))
        if not values["file"]:
            reporter.warn(f"{name}, line {line}: no file named (row not used)")
            continue
        records.append(values)
        lines.append(line)
    meta = pd.DataFrame(records, columns=header, dtype=object)
    for column in METADATA_COLUMNS + OPTIONAL_COLUMNS:
        if column not in meta.columns:
            meta[column] = ""
    meta["line"] = lines
    seen: dict[str, int] = {}
    for file, line in zip(meta["file"], meta["line"]):
        if file in seen:
            raise CorpusError(f"{name}, line {line}: {file} is listed twice (also line "
                              f"{seen[file]})")
        seen[file] = line
    meta["doc_id"] = unique_ids(meta["doc_id"], meta["file"], name, reporter)
    where = [f"{name}, line {n}, {f}" for n, f in zip(meta["line"], meta["file"])]
    meta["date_inferred"] = [_flag(v, w, reporter) for v, w in zip(meta["date_inferred"], where)]
    meta["published"] = [_date(v, p, w) for v, p, w in
                         zip(meta["published"], meta["date_precision"], where)]
    meta["us_counterparts"] = [tuple(x.strip() for x in v.split(";") if x.strip())
                               for v in meta["us_counterparts"]]
    meta["sources"] = [_sources(v, w, reporter) for v, w in zip(meta["sources"], where)]
    return meta


def _sources(value: str, where: str, reporter: Reporter) -> dict[str, str]:
    """``"headline: page; published: inferred"`` → ``{"headline": "page", …}``."""
    out = {}
    for part in value.split(";"):
        name, colon, source = part.partition(":")
        if colon and name.strip() and source.strip():
            out[name.strip()] = source.strip()
        elif part.strip():
            reporter.warn(f"{where}: sources {part.strip()!r} is not '<column>: <source>' "
                          "(ignored)")
    return out


def unique_ids(ids, files, source: str, reporter: Reporter, taken=()) -> list[str]:
    """The ids with repeats renamed ``<id>-2``, ``<id>-3``… (a warning for each, naming the
    file and where its id came from, ``source``); empty ids stay empty. ``taken`` are ids
    already in use elsewhere.

    Examples
    --------
    >>> reporter = Reporter(strict=True)
    >>> unique_ids(["x", "x", ""], ["a.txt", "b.txt", "c.txt"], "metadata.csv", reporter)
    ['x', 'x-2', '']
    >>> reporter.problems
    ["b.txt: doc_id 'x' (metadata.csv) is already the id of a.txt; b.txt is loaded as 'x-2'"]
    """
    used = {t: "" for t in taken}
    out = []
    for doc_id, file in zip(ids, files):
        if doc_id and doc_id in used:
            new, k = doc_id, 1
            while new in used:
                k += 1
                new = f"{doc_id}-{k}"
            owner = used[doc_id]
            reporter.warn(f"{file}: doc_id {doc_id!r} ({source}) is already the id of "
                          f"{owner or 'another article'}; {file} is loaded as {new!r}")
            doc_id = new
        if doc_id:
            used[doc_id] = file
        out.append(doc_id)
    return out


def _parse(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and (first line, values) of each non-blank row; any malformation is an error."""
    name = path.name
    if path.is_dir():
        raise CorpusError(f"{name}: is a folder, not a CSV file")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise CorpusError(f"{name}: cannot be read ({err.strerror or err})") from None
    if not data.strip():
        raise CorpusError(f"{name}: the file is empty (its first line must name the columns, "
                          f"e.g. {','.join(METADATA_COLUMNS[:3])})")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        raise CorpusError(f"{name}, line {line}: not valid UTF-8 (byte "
                          f"{data[err.start:err.start + 1]!r}); save the file as UTF-8") from None
    if "\x00" in text:
        raise CorpusError(f"{name}: binary file (it contains NUL bytes), not a CSV file")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows, start = [], 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            raise CorpusError(f"{name}, line {start}: {_explain(err)}") from None
        if any(cell.strip() for cell in row):
            rows.append((start, row))
        start = reader.line_num + 1
    if not rows:
        raise CorpusError(f"{name}: the file has no header line")
    (_, header), rows = rows[0], rows[1:]
    header = [c.strip() for c in header]
    for k, column in enumerate(header, 1):
        if not column:
            raise CorpusError(f"{name}, line 1: column {k} has no name")
    repeated = sorted({c for c in header if header.count(c) > 1})
    if repeated:
        raise CorpusError(f"{name}, line 1: column {', '.join(map(repr, repeated))} named twice")
    for line, row in rows:
        if len(row) > len(header):
            raise CorpusError(f"{name}, line {line}: {len(row)} values but {len(header)} "
                              "columns (a value with a comma must be in double quotes)")
    return header, rows


def _explain(err: csv.Error) -> str:
    message = str(err)
    if "unexpected end of data" in message or "EOF" in message:
        return "a quotation mark opened on this line is never closed"
    if "expected after" in message:
        return ("a quotation mark inside a quoted value must be doubled (\"\"), or the value "
                "must end right after its closing quotation mark")
    return message


def _flag(value: str, where: str, reporter: Reporter) -> object:
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

"""``python -m analysis add PAGE [PAGE…]``: add articles to a corpus in one command.

Each PAGE (a saved web page, ``.html``/``.htm``, also gzipped, or a ``.txt`` file of pasted
text) is copied into the corpus folder under a readable name, a row is appended to its
``metadata.csv`` and a line to its ``SHA256SUMS``. The row is filled from the page (its
title, author, date, site name and description; for a text file from the flags and what
the cleaner finds) and from the flags, which win; a field nobody gives stays empty. A
date is marked *printed* when the page states it, *inferred* otherwise, with the evidence.

Nothing is ever overwritten: a page whose text is already in the corpus is refused, a
file name or id already taken gets a ``-2`` suffix, rows and checksums are appended.
``--dry-run`` shows what would be done and writes nothing. The command prints what it
found and what to check; the exit status is 1 if any page was refused.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import re
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.boilerplate import stoplist
from analysis.clean import clean_text
from analysis.corpus import duplicate_key, load_corpus
from analysis.decoding import decode_text
from analysis.metadata import METADATA_COLUMNS, METADATA_FILE, OPTIONAL_COLUMNS
from analysis.offices import office_holders
from analysis.problems import CorpusError
from analysis.text import count_words
from analysis.webpage import decode_html, is_html_name, read_page

MANIFEST = "SHA256SUMS"
_MONTHS = ("january february march april may june july august september october november "
           "december").split()
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass
class Found:
    """What is known of one page: each metadata field's value and where it came from."""

    values: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)

    def set(self, name: str, value, source: str) -> None:
        value = "" if value is None or (not isinstance(value, str) and pd.isna(value)) \
            else str(value).strip()
        if value:
            self.values[name], self.sources[name] = value, source


def slug(text: str, words: int = 0) -> str:
    """Lower-case letters and digits joined by ``-`` (the first ``words`` words if given).

    Examples
    --------
    >>> slug("Biden & Sunak sign the Atlantic Declaration", 3)
    'biden-sunak-sign'
    """
    parts = [p for p in _SLUG.split(text.lower()) if p]
    return "-".join(parts[:words] if words else parts)


def outlet_slug(outlet: str) -> str:
    """An outlet's name as one id word, without a leading "The".

    Examples
    --------
    >>> outlet_slug("The Sunday Post (PA Media wire copy)")
    'sundaypost'
    """
    name = re.sub(r"\(.*?\)", "", outlet)
    words = [w for w in _SLUG.split(name.lower()) if w]
    if words[:1] == ["the"] and len(words) > 1:
        words = words[1:]
    return "".join(words)


def printed_date(text: str, date: pd.Timestamp, precision: str = "day") -> tuple[int, str] | None:
    """The first line of ``text`` that prints ``date`` (in any usual English format).

    Examples
    --------
    >>> printed_date("Menu\\nThursday 8 June 2023 14:05 BST\\nBody.", pd.Timestamp("2023-06-08"))
    (2, 'Thursday 8 June 2023 14:05 BST')
    >>> printed_date("No date here.", pd.Timestamp("2023-06-08")) is None
    True
    """
    month = _MONTHS[date.month - 1]
    names = rf"(?:{month}|{month[:3]}{'t' if month == 'september' else ''}?)\.?"
    year, day = date.year, date.day
    if precision == "month":
        patterns = [rf"\b{names},?\s+{year}\b", rf"\b{year}-{date.month:02d}\b"]
    else:
        patterns = [rf"\b{year}-{date.month:02d}-{day:02d}\b",
                    rf"\b0?{day}(?:st|nd|rd|th)?\s+{names},?\s+{year}\b",
                    rf"\b{names}\s+0?{day}(?:st|nd|rd|th)?,?\s+{year}\b"]
    found = re.compile("|".join(patterns), re.IGNORECASE)
    for number, line in enumerate(text.split("\n"), 1):
        if found.search(line):
            return number, line.strip()
    return None


def _date_from_line(line: str) -> pd.Timestamp | None:
    """A date written out in a dateline ("Wed 5 Feb 2025 18.30 GMT"), if it has a year."""
    if not re.search(r"\b(?:19|20)\d{2}\b", line):
        return None
    from dateutil import parser

    try:
        return pd.Timestamp(parser.parse(line, fuzzy=True, default=pd.Timestamp("2000-01-01")
                                         .to_pydatetime()).date())
    except (ValueError, OverflowError):
        return None


def _office(leader: str, date: pd.Timestamp | None) -> str:
    """The UK office ``leader`` held on ``date`` (``analysis/data/offices.csv``), if one."""
    if not leader or date is None:
        return ""
    table = office_holders()
    rows = table[(table["country"] == "UK") & (table["holder"] == leader)
                 & (table["start"] <= date) & (table["end"].isna() | (table["end"] > date))]
    return rows["office"].iloc[0] if len(rows) == 1 else ""


@dataclass
class Existing:
    """What the corpus already holds: files, ids, texts and file checksums."""

    files: set[str]
    ids: set[str]
    texts: dict[str, str]  # normalised body -> file
    digests: dict[str, str]  # sha256 of the file's bytes -> file
    header: list[str]

    @classmethod
    def of(cls, folder: Path) -> Existing:
        new_header = list(METADATA_COLUMNS + OPTIONAL_COLUMNS)
        if not folder.is_dir():
            return cls(set(), set(), {}, {}, new_header)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the corpus's own problems are not ours here
            corpus = load_corpus(folder)
        header = new_header
        meta = folder / METADATA_FILE
        if meta.is_file():
            first = meta.read_text(encoding="utf-8-sig").split("\n", 1)[0]
            header = next(csv.reader([first])) or header
            header = [h.strip() for h in header]
        files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
        digests = {hashlib.sha256((folder / f).read_bytes()).hexdigest(): f
                   for f in corpus["file"]}
        return cls(files, set(corpus["doc_id"]),
                   {duplicate_key(t): f for t, f in zip(corpus["text"], corpus["file"]) if t},
                   digests, header)


@dataclass
class Outcome:
    page: str
    added: bool
    lines: list[str]


def add_page(page: Path, folder: Path, flags: dict[str, str], existing: Existing,
             dry_run: bool = False) -> Outcome:
    """Add one page to ``folder`` (see the module doc); ``existing`` is updated."""
    name = page.name
    if not page.is_file():
        return Outcome(str(page), False, [f"{page}: not added: no such file"])
    if not (is_html_name(name) or name.lower().endswith(".txt")):
        return Outcome(str(page), False, [f"{page}: not added: not a saved web page (.html, "
                                          ".htm, also .gz) or a text file (.txt)"])
    data = page.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest in existing.digests:
        return Outcome(str(page), False, [f"{page}: not added: the same file is already in the "
                                          f"corpus as {existing.digests[digest]}"])
    try:
        found, text, raw, notes = _read(page, data, flags)
    except CorpusError as err:
        return Outcome(str(page), False, [f"{page}: not added: {err}"])
    if not text.strip():
        return Outcome(str(page), False, [f"{page}: not added: no article text found in it"])
    key = duplicate_key(text)
    if key in existing.texts:
        return Outcome(str(page), False, [f"{page}: not added: its text is already in the "
                                          f"corpus as {existing.texts[key]}"])
    values = found.values
    doc_id = flags.get("doc_id") or _doc_id(values)
    doc_id = _free(doc_id, existing.ids)
    suffix = "".join(Path(name.lower()).suffixes[-2:]) if name.lower().endswith(".gz") \
        else Path(name.lower()).suffix
    file = _free_file(doc_id + suffix, existing.files)
    row = {c: values.get(c, "") for c in existing.header}
    row.update(doc_id=doc_id, file=file)
    found.sources.update(doc_id="flag" if flags.get("doc_id") else "made from date, outlet "
                         "and figure (or headline)", file="readable name")
    if "sources" in row:  # where each value came from, for the corpus's provenance
        row["sources"] = "; ".join(f"{c}: {found.sources[c]}" for c in METADATA_COLUMNS
                                   if c in found.sources and row.get(c)
                                   and c not in ("doc_id", "file"))

    lines = [f"{page} -> {folder / file}" + ("  (dry run: nothing written)" if dry_run else "")]
    for column in existing.header:
        value = row.get(column, "")
        source = found.sources.get(column, "")
        lines.append(f"  {column:<16} {value[:90] if value else '(empty)'}"
                     + (f"  [{source}]" if source and value else ""))
    lines.append(f"  {'body':<16} {count_words(text)} words, {len(text.split(chr(10) * 2))} "
                 f"paragraphs; first: {text.split(chr(10))[0][:70]!r}")
    lines += [f"  note: {n}" for n in notes]
    lines += _to_check(row, found, folder)
    if not dry_run:
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / file, "xb") as out:  # "x": never overwrite
            out.write(data)
        _append_row(folder / METADATA_FILE, existing.header, row)
        _append_line(folder / MANIFEST, f"{digest}  {file}")
    existing.files.add(file)
    existing.ids.add(doc_id)
    existing.texts[key] = file
    existing.digests[digest] = file
    return Outcome(str(page), True, lines)


def _read(page: Path, data: bytes, flags: dict[str, str]) -> tuple[Found, str, str, list[str]]:
    """(what is known of the page, its body, its visible text, notes) from file and flags."""
    found, notes = Found(), []
    if is_html_name(page.name):
        html, repairs = decode_html(data, page.name)
        parsed = read_page(html, page.name)
        text, raw = parsed.text, parsed.visible
        for name in ("headline", "byline", "standfirst", "outlet", "url"):
            found.set(name, getattr(parsed, name), "page")
        if pd.notna(parsed.published):
            found.set("published", parsed.published.strftime("%Y-%m-%d"),
                      "inferred" if parsed.date_inferred else "page")
            found.set("date_precision", "day", "page")
            found.set("date_inferred", "true" if parsed.date_inferred else "false", "page")
            found.set("date_evidence", parsed.date_evidence, "page")
    else:
        raw, repairs = decode_text(data, page.name)
        result = clean_text(raw, headline=flags.get("headline"),
                            standfirst=flags.get("standfirst"), byline=flags.get("byline"))
        text = result.text
        for name in ("headline", "byline", "standfirst"):
            found.set(name, getattr(result, name), "page text")
        date = _date_from_line(result.dateline) if result.dateline else None
        if date is not None:
            found.set("published", date.strftime("%Y-%m-%d"), "page text")
            found.set("date_precision", "day", "page text")
            found.set("date_inferred", "false", "page text")
            found.set("date_evidence", f"Printed: {result.dateline!r}", "page text")
    notes += [r.removeprefix("warning: ") for r in repairs]
    for name, value in flags.items():
        if name in METADATA_COLUMNS + OPTIONAL_COLUMNS and name not in (
                "doc_id", "file", "published"):
            found.set(name, value, "flag")
    if flags.get("published"):
        _date_flag(found, flags, raw)
    leader, published = found.values.get("uk_leader", ""), found.values.get("published")
    if leader and published and "uk_office" not in found.values:
        found.set("uk_office", _office(leader, pd.Timestamp(published)),
                  "inferred from analysis/data/offices.csv")
    return found, text, raw, notes


def _date_flag(found: Found, flags: dict[str, str], raw: str) -> None:
    """``--date``: printed if the page shows it, else inferred (unless the flags say)."""
    value = flags["published"]
    precision = "month" if re.fullmatch(r"\d{4}-\d{2}", value) else "day"
    try:
        date = pd.Timestamp(value)
    except ValueError:
        raise CorpusError(f"--date {value!r} is not YYYY-MM-DD or YYYY-MM") from None
    found.set("published", value, "flag")
    found.set("date_precision", precision, "flag")
    printed = printed_date(raw, date, precision)
    if "date_inferred" not in flags:
        found.set("date_inferred", "false" if printed else "true",
                  "page" if printed else "flag")
    if "date_evidence" not in flags:
        found.set("date_evidence",
                  f"Printed on the page: {printed[1]!r}" if printed else
                  "Not printed on the page; date given when the article was added",
                  "page" if printed else "flag")


def _doc_id(values: dict[str, str]) -> str:
    """``<date>-<outlet>-<UK figure's surname>``, or the headline's first words without them."""
    parts = [values.get("published", "") or "undated"]
    if values.get("outlet"):
        parts.append(outlet_slug(values["outlet"]))
    if values.get("uk_leader"):
        parts.append(slug(values["uk_leader"]).rsplit("-", 1)[-1])
    else:  # the headline's first words that carry meaning
        stops = stoplist("English")
        words = [w for w in slug(values.get("headline", "")).split("-") if w not in stops]
        parts.append("-".join(words[:4]) or "article")
    return "-".join(p for p in parts if p)


def _free(name: str, taken: set[str]) -> str:
    new, k = name, 1
    while new in taken:
        k += 1
        new = f"{name}-{k}"
    return new


def _free_file(name: str, taken: set[str]) -> str:
    stem, dot, suffix = name.partition(".")
    new, k = name, 1
    while new in taken:
        k += 1
        new = f"{stem}-{k}{dot}{suffix}"
    return new


def _to_check(row: dict[str, str], found: Found, folder: Path) -> list[str]:
    """What the user should check before building the book."""
    empty = [c for c, v in row.items() if not v and c in METADATA_COLUMNS]
    lines = []
    if empty:
        lines.append(f"  check: fill in {', '.join(empty)} in {folder / METADATA_FILE} "
                     "(the page does not say)")
    if row.get("date_inferred") == "true":
        lines.append("  check: the date is not printed on the page: confirm it and its "
                     "evidence (date_evidence)")
    inferred = [c for c, s in found.sources.items() if s.startswith("inferred") or
                s == "page text"]
    if inferred:
        lines.append(f"  check: {', '.join(inferred)} were found by rule, not stated: "
                     "confirm them")
    lines.append("  check: after `make book`, the cleaning audit in the chapter 'The corpus' "
                 "lists what was removed from the page")
    return lines


def _append_row(path: Path, header: list[str], row: dict[str, str]) -> None:
    """Append a CSV row (writing the header first for a new file); never rewrite rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if not path.exists():
        writer.writerow(header)
    writer.writerow([row.get(c, "") for c in header])
    _append_line(path, buffer.getvalue().rstrip("\n"))


def _append_line(path: Path, line: str) -> None:
    """Append a line, after a line end if the file does not end with one."""
    needs_newline = path.exists() and path.stat().st_size > 0 and \
        not path.read_bytes().endswith(b"\n")
    with open(path, "a", encoding="utf-8", newline="") as out:
        out.write(("\n" if needs_newline else "") + line + "\n")


_FLAGS = {  # option -> metadata column
    "outlet": "outlet", "outlet_kind": "outlet_kind", "date": "published",
    "date_evidence": "date_evidence", "headline": "headline", "byline": "byline",
    "standfirst": "standfirst", "uk_leader": "uk_leader", "uk_office": "uk_office",
    "us_counterparts": "us_counterparts", "doc_id": "doc_id",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis add",
                                     description=__doc__.split("\n\n")[1],
                                     epilog="Flags apply to every PAGE given.")
    parser.add_argument("pages", nargs="+", type=Path, metavar="PAGE")
    parser.add_argument("--corpus", type=Path, default=Path("seeds"),
                        help="the corpus folder (default: seeds)")
    parser.add_argument("--dry-run", action="store_true",
                        help="show what would be added; write nothing")
    for option in _FLAGS:
        parser.add_argument("--" + option.replace("_", "-"), dest=option, default=None)
    parser.add_argument("--date-inferred", dest="date_inferred", action="store_const",
                        const="true", help="the page does not print the --date given")
    args = parser.parse_args(argv)
    flags = {_FLAGS.get(k, k): v for k, v in vars(args).items()
             if (k in _FLAGS or k == "date_inferred") and v}
    if flags.get("doc_id") and len(args.pages) > 1:
        parser.error("--doc-id names one page: give one PAGE with it")
    existing = Existing.of(args.corpus)
    refused = 0
    for page in args.pages:
        outcome = add_page(page, args.corpus, flags, existing, dry_run=args.dry_run)
        print("\n".join(outcome.lines))
        refused += not outcome.added
    if refused:
        print(f"{refused} of {len(args.pages)} page(s) not added", file=sys.stderr)
    return 1 if refused else 0

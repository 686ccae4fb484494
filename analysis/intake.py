"""What went into the corpus: files read or not, warnings, where each field came from, and
how each date is known. Tables and sentences for the corpus and methods chapters.

Nothing is skipped in silence: :func:`input_report` puts the files the loader did not read
(:func:`analysis.corpus_files`) and the warnings it gave (``analysis.book.Book.warnings``)
in one table, and :func:`input_sentence` says in words what happened to the folder.
"""

from __future__ import annotations

import pandas as pd

from analysis.corpus import format_date
from analysis.wording import join, k_of_n, plural

__all__ = ["date_sentence", "date_table", "input_report", "input_sentence", "provenance_counts",
           "provenance_sentence"]


def input_report(files: pd.DataFrame, warnings: tuple[str, ...] | list[str]) -> pd.DataFrame:
    """Every file not read as an article and every warning of the loader, one row each.

    Parameters
    ----------
    files : pandas.DataFrame
        From :func:`analysis.corpus_files` (``file, kind, level, reason``).
    warnings : sequence of str
        The loader's warnings, each "``<file>: <message>``" (``Book.warnings``). A warning
        that repeats a skipped file's reason is not listed twice.

    Returns
    -------
    pandas.DataFrame
        Columns ``file, level`` ("warning" or "note"), ``what``; warnings first.

    Examples
    --------
    >>> files = pd.DataFrame({"file": ["a.txt", "README", "b.pdf"], "kind": ["text", "skipped",
    ...     "skipped"], "level": ["", "note", "warning"], "reason": ["text file",
    ...     "a README file is not an article", "a .pdf file"]})
    >>> report = input_report(files, ["b.pdf: skipped, a .pdf file",
    ...                               "a.txt: no row in metadata.csv"])
    >>> report.values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['b.pdf', 'warning', 'not read: a .pdf file'],
     ['a.txt', 'warning', 'no row in metadata.csv'],
     ['README', 'note', 'not read: a README file is not an article']]
    """
    rows = [{"file": f.file, "level": f.level, "what": f"not read: {f.reason}"}
            for f in files.itertuples() if f.level]
    skipped = set(files.loc[files["level"] != "", "file"])
    for message in warnings:
        name, _, what = str(message).partition(": ")
        if not what:
            name, what = "", str(message)
        if name in skipped and what.startswith("skipped"):
            continue
        rows.append({"file": name, "level": "warning", "what": what})
    report = pd.DataFrame(rows, columns=["file", "level", "what"])
    order = report["level"].map({"warning": 0}).fillna(1)
    return report.assign(_order=order).sort_values("_order", kind="stable").drop(
        columns="_order").reset_index(drop=True)


def input_sentence(files: pd.DataFrame, report: pd.DataFrame, n_articles: int) -> str:
    """What happened to the corpus folder, in one or two sentences.

    Examples
    --------
    >>> files = pd.DataFrame({"file": ["a.txt", "metadata.csv"], "kind": ["text", "metadata"],
    ...                       "level": ["", ""], "reason": ["", ""]})
    >>> print(input_sentence(files, input_report(files, []), 1))  # doctest: +NORMALIZE_WHITESPACE
    The folder holds 1 article file and its metadata; it was read as 1 article, with no file
    skipped and no warning.
    >>> report = pd.DataFrame({"file": ["b.pdf", "README"], "level": ["warning", "note"],
    ...                        "what": ["not read: a .pdf file", "not read: a README"]})
    >>> print(input_sentence(files, report, 1))  # doctest: +NORMALIZE_WHITESPACE
    The folder holds 1 article file and its metadata; it was read as 1 article. The loader
    reported 1 warning and 1 note, listed below: 2 files were not read.
    """
    articles = int(files["kind"].isin(["text", "html"]).sum())
    has_metadata = bool((files["kind"] == "metadata").any())
    text = (f"The folder holds {plural(articles, 'article file')}"
            f"{' and its metadata' if has_metadata else ', without a metadata file'}; "
            f"it was read as {plural(n_articles, 'article')}")
    if report.empty:
        return text + ", with no file skipped and no warning."
    levels = report["level"].value_counts()
    counted = join([plural(int(levels[lv]), lv) for lv in ("warning", "note") if lv in levels])
    not_read = int(report["what"].str.startswith("not read").sum())
    return (f"{text}. The loader reported {counted}, listed below"
            + (f": {plural(not_read, 'file')} {'was' if not_read == 1 else 'were'} not read."
               if not_read else "; every file was read."))


def provenance_counts(table: pd.DataFrame) -> pd.DataFrame:
    """How many articles took each field from each source (rows: sources, columns: fields).

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`analysis.provenance_table`; an empty cell means no source gave the field,
        counted as "(none)".

    Examples
    --------
    >>> table = pd.DataFrame({"headline": ["metadata.csv", "page", ""],
    ...                       "published": ["metadata.csv", "metadata.csv", "inferred"]})
    >>> provenance_counts(table).loc[["metadata.csv", "(none)"]].values.tolist()
    [[1, 2], [1, 0]]
    """
    long = table.replace("", "(none)").melt(var_name="field", value_name="source")
    counts = pd.crosstab(long["source"], long["field"]).reindex(columns=table.columns)
    order = ["metadata.csv", "metadata.csv (page)", "page", "page text", "inferred",
             "file name", "(none)"]
    ranked = [s for s in order if s in counts.index] + sorted(set(counts.index) - set(order))
    counts = counts.loc[ranked].fillna(0).astype(int)
    counts.index.name, counts.columns.name = "source", None
    return counts


def provenance_sentence(table: pd.DataFrame) -> str:
    """Where the metadata came from, in one sentence.

    Examples
    --------
    >>> table = pd.DataFrame({"headline": ["metadata.csv", ""], "url": ["", ""]},
    ...                      index=["a", "b"])
    >>> print(provenance_sentence(table))  # doctest: +NORMALIZE_WHITESPACE
    Every value given comes from metadata.csv (one row per article, written by hand or by
    python -m analysis add); 3 of the 4 fields across the articles are empty because no
    source gives them.
    >>> table = pd.DataFrame({"headline": ["page", "metadata.csv"]}, index=["a", "b"])
    >>> print(provenance_sentence(table))  # doctest: +NORMALIZE_WHITESPACE
    Of the 2 values given, 1 comes from metadata.csv and 1 from the page itself (page);
    nothing is empty.
    """
    counts = provenance_counts(table)
    total = int(counts.to_numpy().sum())
    empty = int(counts.loc["(none)"].sum()) if "(none)" in counts.index else 0
    given = counts.drop(index="(none)", errors="ignore").sum(axis=1)
    given = given[given > 0]
    tail = (f"; {empty:,} of the {total:,} fields across the articles "
            f"{'is' if empty == 1 else 'are'} empty because no source gives them."
            if empty else "; nothing is empty.")
    if list(given.index) == ["metadata.csv"]:
        return ("Every value given comes from metadata.csv (one row per article, written by "
                "hand or by python -m analysis add)" + tail)
    what = {"metadata.csv": "metadata.csv", "metadata.csv (page)": "metadata.csv (page)",
            "page": "the page itself (page)", "page text": "the article's text (page text)",
            "inferred": "inference (inferred)", "file name": "the file name (file name)"}
    parts = [f"{n:,} from {what.get(source, source)}" for source, n in given.items()]
    first = int(given.iloc[0])
    parts[0] = parts[0].replace(" from", " comes from" if first == 1 else " come from", 1)
    return f"Of the {int(given.sum()):,} values given, {join(parts)}" + tail


def date_table(corpus: pd.DataFrame, provenance: pd.DataFrame | None = None) -> pd.DataFrame:
    """How each article's date is known: the date, printed or inferred, and the evidence.

    Returns
    -------
    pandas.DataFrame
        Index ``doc_id``; columns ``date`` ("2 Feb 2022", "Jan 2023*"), ``known``
        ("printed", "inferred" or "none"), ``precision``, ``source`` (where the field
        came from) and ``evidence``.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "published": pd.to_datetime(
    ...     ["2022-02-02", "2023-01-01"]), "date_precision": ["day", "month"],
    ...     "date_inferred": [False, True], "date_evidence": ["Printed.", "After a visit."]})
    >>> date_table(corpus)[["date", "known"]].values.tolist()
    [['2 Feb 2022', 'printed'], ['Jan 2023*', 'inferred']]
    """
    known = [("none" if pd.isna(p) else "inferred" if bool(i) else "printed")
             for p, i in zip(corpus["published"], corpus["date_inferred"].fillna(False))]
    table = pd.DataFrame({
        "date": [format_date(p, r, i) if pd.notna(p) else "" for p, r, i in
                 zip(corpus["published"], corpus["date_precision"], corpus["date_inferred"])],
        "known": known,
        "precision": corpus["date_precision"].fillna("").to_numpy(),
        "source": (provenance["published"].to_numpy() if provenance is not None
                   else [""] * len(corpus)),
        "evidence": corpus["date_evidence"].fillna("").to_numpy(),
    }, index=pd.Index(corpus["doc_id"], name="doc_id"))
    return table


def date_sentence(dates: pd.DataFrame) -> str:
    """How the dates are known, in one sentence, from :func:`date_table`.

    Examples
    --------
    >>> dates = pd.DataFrame({"known": ["printed", "inferred", "inferred"],
    ...                       "precision": ["day", "day", "month"]})
    >>> print(date_sentence(dates))  # doctest: +NORMALIZE_WHITESPACE
    The page prints its date for 1 of the 3 articles; for the other 2 the date is inferred
    from the events the article reports (marked *, with the evidence in the metadata), and for 1
    only the month is known.
    >>> date_sentence(dates.iloc[:1])
    'The page prints its date for the one article.'
    """
    n = len(dates)
    printed = int((dates["known"] == "printed").sum())
    inferred = int((dates["known"] == "inferred").sum())
    missing = int((dates["known"] == "none").sum())
    month = int((dates["precision"] == "month").sum())
    parts = [f"The page prints its date for {k_of_n(printed, n, 'article')}"]
    if inferred:
        rest = "the other" if printed + inferred == n and printed else "for"
        what = (f"{rest} {inferred:,}" if rest == "the other"
                else k_of_n(inferred, n, "article"))
        parts.append(f"for {what} the date is inferred from the events the article reports "
                     "(marked *, with the evidence in the metadata)")
    if missing:
        parts.append(f"{k_of_n(missing, n, 'article')} {'has' if missing == 1 else 'have'} "
                     "no date at all and cannot be placed in time")
    if month:
        parts.append(f"for {month:,} only the month is known" if n > 1
                     else "only the month is known")
    if len(parts) == 1:
        return parts[0] + "."
    return "; ".join(parts[:-1]) + (", and " if len(parts) > 2 else "; ") + parts[-1] + "."

"""The committed evaluation results as the book shows them: tables with date and data named.

Each function reads a result of :func:`analysis.evaluate.read_result` (or ``None`` when the
task has not been measured yet, see :func:`result_or_none`) and returns a small table;
a missing result gives a row that says "not yet measured", never an error or a blank.

Examples
--------
>>> validation_table({"cleaning": None})["score"].tolist()
['not yet measured', 'not yet measured']
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.evaluate import read_result
from analysis.wording import measured_on

__all__ = ["PUBLISHED", "cleaning_scores", "cleaning_table", "frames_scores", "quotes_scores",
           "quotes_table", "readability_scores", "result_or_none", "score_cell",
           "validation_table"]

NOT_MEASURED = "not yet measured"
# Published reference points the book compares its own scores with (not measured here).
PUBLISHED = {
    # FrAC (Guida et al. 2025, via ../shared/external/frac-dev/README.md): people's agreement,
    # Krippendorff's alpha, and an in-domain TF-IDF + logistic regression model's macro-F1.
    "frac_alpha": 0.76,
    "frac_tfidf_macro_f1": 0.45,
    # The Gender Gap Tracker's speaker accuracy (Asr et al. 2021).
    "ggt_speaker_accuracy": 0.865,
}
# The quotation metrics, in the order and words the book uses.
QUOTE_METRICS = {
    "recall": "direct quotations found (recall)",
    "recall_exact_boundaries": "found with exact boundaries",
    "precision": "quotations extracted that people marked (precision, all extracted)",
    "precision_credited": "quotations credited to a speaker that people marked (precision, "
                          "credited)",
    "named_agreement": "named speaker agrees with people's (agreement)",
}
QUOTE_SPLITS = {"dev": "development half", "held-out": "held-out half", "all": "all"}
CLEANING_METHODS = {
    "html: this package": "saved pages: this package",
    "html: trafilatura default": "saved pages: trafilatura, default settings",
    "text: this package": "copied text: this package",
    "text: keep everything": "copied text: keep everything (baseline)",
}


def result_or_none(task: str, path: str | Path | None = None) -> dict | None:
    """:func:`~analysis.evaluate.read_result`, or ``None`` if the task has no result file yet.

    Examples
    --------
    >>> result_or_none("cleaning", "/nonexistent/cleaning.json") is None
    True
    """
    try:
        return read_result(task, path)
    except FileNotFoundError:
        return None


def score_cell(value: float, low: float | None = None, high: float | None = None,
               n: int | None = None, unit: str = "", fmt: str = "{:.3f}") -> str:
    """A score for a table: "0.972 (0.937 to 0.996; 25 pages)".

    Examples
    --------
    >>> score_cell(0.9716, 0.9366, 0.9956, 25, "pages")
    '0.972 (0.937 to 0.996; 25 pages)'
    >>> score_cell(0.5), score_cell(0.912, 0.892, 0.93, fmt="{:.1%}")
    ('0.500', '91.2% (89.2% to 93.0%)')
    """
    from analysis.prose import bounds

    inside = []
    if low is not None and high is not None:
        inside.append(bounds(low, high, fmt))
    if n is not None:
        inside.append(f"{n:,} {unit}".strip())
    return fmt.format(value) + (f" ({'; '.join(inside)})" if inside else "")


def _method(name: str) -> str | None:
    for prefix, label in CLEANING_METHODS.items():
        if name.startswith(prefix):
            return label
    return None


def cleaning_table(result: dict) -> pd.DataFrame:
    """Bag-of-words F1 of article bodies against people's, per method and half of the pages.

    Returns
    -------
    pandas.DataFrame
        One row per method the book cites (this package on saved pages and on copied text,
        and the two baselines); columns ``dev F1``, ``held-out F1`` (with its 95% interval
        and pages), ``held-out precision``, ``held-out recall``.
    """
    rows: dict[str, dict] = {}
    for record in result["metrics"]["summary"]:
        label = _method(record["method"])
        if label is None:
            continue
        row = rows.setdefault(label, {})
        if record["split"] == "dev":
            row["dev F1"] = f"{record['f1']:.3f}"
        elif record["split"] == "held-out":
            row["held-out F1"] = score_cell(record["f1"], *record.get("f1_ci95", (None, None)),
                                            record["n_pages"], "pages")
            row["held-out precision"] = f"{record['precision']:.3f}"
            row["held-out recall"] = f"{record['recall']:.3f}"
    order = [label for label in CLEANING_METHODS.values() if label in rows]
    table = pd.DataFrame.from_dict(rows, orient="index").reindex(order)
    table.index.name = "method"
    return table.fillna("")


def cleaning_scores(result: dict | None) -> dict[str, str]:
    """The held-out numbers the book's prose cites about cleaning, formatted; each is
    "not yet measured" without a result.

    Keys: ``html_f1, html_low, html_high`` (this package on saved pages, with the 95%
    interval over pages), ``html_default`` (trafilatura's default settings), ``text_f1,
    text_low, text_high`` (this package on copied text), ``text_keep`` (keeping
    everything), ``n_heldout_pages``, ``n_pages`` (both halves).

    Examples
    --------
    >>> cleaning_scores(None)["html_f1"]
    'not yet measured'
    >>> record = {"split": "held-out", "n_pages": 25, "f1": 0.9716, "f1_ci95": [0.94, 0.99]}
    >>> result = {"metrics": {"summary": [{"method": "html: this package (x)", **record}]}}
    >>> scores = cleaning_scores(result)
    >>> scores["html_f1"], scores["html_low"], scores["n_heldout_pages"], scores["text_f1"]
    ('0.972', '0.940', '25', 'not yet measured')
    """
    keys = ("html_f1", "html_low", "html_high", "html_default", "text_f1", "text_low",
            "text_high", "text_keep", "n_heldout_pages", "n_pages")
    scores = dict.fromkeys(keys, NOT_MEASURED)
    if result is None:
        return scores
    held = {r["method"]: r for r in result["metrics"]["summary"] if r["split"] == "held-out"}
    pages = [r["n_pages"] for r in result["metrics"]["summary"] if r["split"] == "all"]
    if pages:
        scores["n_pages"] = f"{max(pages):,}"

    def find(prefix: str) -> dict | None:
        return next((r for m, r in held.items() if m.startswith(prefix)), None)

    html = find("html: this package")
    if html is not None:
        low, high = html.get("f1_ci95", (float("nan"), float("nan")))
        scores.update(html_f1=f"{html['f1']:.3f}", html_low=f"{low:.3f}",
                      html_high=f"{high:.3f}", n_heldout_pages=f"{html['n_pages']:,}")
    for key, prefix in (("html_default", "html: trafilatura default"),
                        ("text_f1", "text: this package"), ("text_keep", "text: keep everything")):
        found = find(prefix)
        if found is not None:
            scores[key] = f"{found['f1']:.3f}"
    text = find("text: this package")
    if text is not None and "f1_ci95" in text:
        scores.update(text_low=f"{text['f1_ci95'][0]:.3f}", text_high=f"{text['f1_ci95'][1]:.3f}")
    if text is not None and scores["n_heldout_pages"] == NOT_MEASURED and "n_pages" in text:
        scores["n_heldout_pages"] = f"{text['n_pages']:,}"
    return scores


def _share(found: dict | None) -> tuple[str, str, str, str]:
    """value, low, high (as percentages) and n of one share of the quotation result."""
    if not found:
        return (NOT_MEASURED,) * 4
    return (f"{found['value']:.1%}", f"{found.get('low', float('nan')):.1%}",
            f"{found.get('high', float('nan')):.1%}", f"{found.get('n', 0):,}")


def quotes_scores(result: dict | None) -> dict[str, str]:
    """The numbers the book's prose cites about quotations and speakers, formatted.

    Shares are percentages. Keys ``<metric>_<half>`` and ``<metric>_<half>_low/_high/_n`` for
    the metrics recall,
    precision (of every quotation extracted), credited (precision of the quotations credited
    to a speaker), agreement (named speakers) and pronouns (agreement where people's source is
    a pronoun, a proxy) in the halves ``dev`` and ``heldout``; ``two_recall`` and
    ``two_agreement`` with ``two_agreement_n`` and ``two_articles`` (one annotator scored
    against the other, on the articles both annotated: the human ceiling);
    ``n_articles_heldout``. Each is "not yet measured" without a result.

    Examples
    --------
    >>> quotes_scores(None)["recall_heldout"]
    'not yet measured'
    >>> result = {"metrics": {"held-out": {"articles": 430, "recall": {"value": 0.9985,
    ...           "low": 0.9959, "high": 1.0, "n": 1964}}}}
    >>> scores = quotes_scores(result)
    >>> scores["recall_heldout"], scores["recall_heldout_n"], scores["agreement_heldout"]
    ('99.9%', '1,964', 'not yet measured')
    """
    metrics = (result or {}).get("metrics", {})
    keys = {"recall": "recall", "precision": "precision",
            "credited": "precision_credited", "agreement": "named_agreement",
            "pronouns": "pronoun_agreement_proxy"}
    scores: dict[str, str] = {}
    for half, name in (("dev", "dev"), ("held-out", "heldout")):
        for short, key in keys.items():
            value, low, high, n = _share(metrics.get(half, {}).get(key))
            scores.update({f"{short}_{name}": value, f"{short}_{name}_low": low,
                           f"{short}_{name}_high": high, f"{short}_{name}_n": n})
        articles = metrics.get(half, {}).get("articles")
        scores[f"n_articles_{name}"] = f"{articles:,}" if articles else NOT_MEASURED
    two = metrics.get("two_annotators", {})
    scores["two_recall"] = _share(two.get("recall"))[0]
    scores["two_agreement"], _, _, scores["two_agreement_n"] = _share(two.get("named_agreement"))
    scores["two_articles"] = f"{two['articles']:,}" if two.get("articles") else NOT_MEASURED
    return scores


def frames_scores(result: dict | None) -> dict[str, str]:
    """The numbers the book's prose cites about frame coding, formatted.

    Keys ``macro_f1_heldout`` (with ``_low``, ``_high``), ``accuracy_heldout``,
    ``n_heldout``, ``macro_f1_dev``, ``n_dev``, ``baseline_heldout`` (always the
    development half's most common frame), ``threshold``; "not yet measured" without a result.

    Examples
    --------
    >>> frames_scores(None)["macro_f1_heldout"]
    'not yet measured'
    """
    keys = ("macro_f1_heldout", "macro_f1_heldout_low", "macro_f1_heldout_high",
            "accuracy_heldout", "n_heldout", "macro_f1_dev", "n_dev", "baseline_heldout",
            "threshold")
    scores = dict.fromkeys(keys, NOT_MEASURED)
    if result is None:
        return scores
    subsets = result["metrics"]["subsets"]
    held, dev = subsets.get("held_out", {}), subsets.get("development", {})
    for key, value in (("macro_f1_heldout", held.get("macro_f1")),
                       ("macro_f1_heldout_low", held.get("macro_f1_low")),
                       ("macro_f1_heldout_high", held.get("macro_f1_high")),
                       ("accuracy_heldout", held.get("accuracy")),
                       ("macro_f1_dev", dev.get("macro_f1")),
                       ("baseline_heldout", held.get("baseline_macro_f1"))):
        if value is not None:
            scores[key] = f"{value:.2f}"
    for key, value in (("n_heldout", held.get("n")), ("n_dev", dev.get("n"))):
        if value is not None:
            scores[key] = f"{value:,}"
    if "threshold" in result["metrics"]:
        scores["threshold"] = f"{result['metrics']['threshold']:g}"
    return scores


def readability_scores(result: dict | None,
                       measure: str = "flesch_kincaid_grade") -> dict[str, str]:
    """The news benchmark for reading grades: ``median, q1, q3, p90`` of ``measure`` over the
    benchmark's articles, ``n_articles``, ``politics_median`` and ``share_hard`` (the share
    of articles at ``hard_grade`` or above); "not yet measured" without a result.

    Examples
    --------
    >>> readability_scores(None)["median"]
    'not yet measured'
    >>> result = {"metrics": {"articles": 2088, "overall": {"flesch_kincaid_grade": {
    ...     "median": 10.736, "q1": 9.652, "q3": 11.877, "p90": 12.733}}}}
    >>> readability_scores(result)["median"], readability_scores(result)["n_articles"]
    ('10.7', '2,088')
    """
    keys = ("median", "q1", "q3", "p90", "n_articles", "politics_median", "share_hard",
            "hard_grade")
    scores = dict.fromkeys(keys, NOT_MEASURED)
    if result is None:
        return scores
    metrics = result["metrics"]
    overall = metrics.get("overall", {}).get(measure, {})
    for key in ("median", "q1", "q3", "p90"):
        if key in overall:
            scores[key] = f"{overall[key]:.1f}"
    if "articles" in metrics:
        scores["n_articles"] = f"{metrics['articles']:,}"
    politics = metrics.get("by_section", {}).get("politics", {}).get(measure, {})
    if "median" in politics:
        scores["politics_median"] = f"{politics['median']:.1f}"
    if "share_college_level" in metrics:
        scores["share_hard"] = f"{metrics['share_college_level']:.1%}"
        scores["hard_grade"] = f"{metrics.get('college_grade', 13):g}"
    return scores


def quotes_table(result: dict | None) -> pd.DataFrame:
    """Quotations and speakers against people's annotation, development against held-out.

    Returns
    -------
    pandas.DataFrame
        One row per metric (:data:`QUOTE_METRICS`), one column per half present in the
        result; each cell "value (low–high; n)". With no result, one row that says so.

    Examples
    --------
    >>> quotes_table(None).iloc[0, 0]
    'not yet measured'
    >>> result = {"metrics": {"held-out": {"recall": {"value": 0.99, "low": 0.98,
    ...                                               "high": 1.0, "n": 100}}}}
    >>> quotes_table(result).loc["direct quotations found (recall)", "held-out half"]
    '99.0% (98.0% to 100.0%; 100 quotations)'
    """
    if result is None:
        return pd.DataFrame({"score": [NOT_MEASURED]},
                            index=pd.Index(["quotations and speakers"], name="metric"))
    metrics = result["metrics"]
    splits = [s for s in QUOTE_SPLITS if s in metrics]
    units = {"precision": "extracted", "precision_credited": "credited",
             "named_agreement": "named quotations"}
    table = pd.DataFrame(index=pd.Index(list(QUOTE_METRICS.values()), name="metric"))
    for split in splits:
        cells = []
        for key in QUOTE_METRICS:
            found = metrics[split].get(key)
            cells.append(score_cell(found["value"], found.get("low"), found.get("high"),
                                    found.get("n"), units.get(key, "quotations"), "{:.1%}")
                         if found else "")
        table[QUOTE_SPLITS[split]] = cells
    return table[[c for c in table.columns]].loc[(table != "").any(axis=1)]


def _held_out_score(task: str, result: dict | None) -> list[dict]:
    """The rows :func:`validation_table` shows for one task."""
    if task == "cleaning":
        rows = []
        for prefix, what in (("html: this package", "body of saved web pages"),
                             ("text: this package", "body of copied page text")):
            record = None if result is None else next(
                (r for r in result["metrics"]["summary"]
                 if r["method"].startswith(prefix) and r["split"] == "held-out"), None)
            rows.append({"method": f"cleaning: {what}", "measure": "bag-of-words F1",
                         "score": NOT_MEASURED if record is None else score_cell(
                             record["f1"], *record.get("f1_ci95", (None, None)),
                             record["n_pages"], "pages")})
        return rows
    if task == "quotes":
        held = None if result is None else result["metrics"].get("held-out", {})
        rows = []
        for key, what in (("recall", "direct quotations found (recall)"),
                          ("named_agreement", "named speaker agrees (agreement)")):
            found = (held or {}).get(key)
            rows.append({"method": f"quotations: {what}", "measure": "share",
                         "score": score_cell(found["value"], found.get("low"), found.get("high"),
                                             found.get("n"), "quotations", "{:.1%}")
                         if found else NOT_MEASURED})
        return rows
    if task == "frames":
        held = None if result is None else result["metrics"]["subsets"].get("held_out")
        return [{"method": "frames: primary frame per sentence", "measure": "macro-F1",
                 "score": NOT_MEASURED if not held else score_cell(
                     held["macro_f1"], held.get("macro_f1_low"), held.get("macro_f1_high"),
                     held.get("n"), "sentences")}]
    raise ValueError(f"no held-out score for task {task!r}")


def validation_table(results: dict[str, dict | None]) -> pd.DataFrame:
    """One row per validated method: its held-out score and where the score comes from.

    Parameters
    ----------
    results : dict
        Task name ("cleaning", "quotes", "frames") → result or ``None``.

    Returns
    -------
    pandas.DataFrame
        Columns ``method, measure, score, source`` (file, date of measurement, data).
    """
    rows = []
    for task, result in results.items():
        source = measured_on(result) if result is not None else f"evaluation/{task}.json: absent"
        rows += [{**row, "source": source} for row in _held_out_score(task, result)]
    return pd.DataFrame(rows, columns=["method", "measure", "score", "source"])


"""How far to trust the attribution: its measured scores and the check on the book's corpus.

Two sources, said apart in the book:

- the committed evaluation (``evaluation/quotes.json``, written by
  ``python -m analysis.evaluate quotes``): held-out news the rules were not written on,
  each score with its 95% interval (articles resampled) and its n, and what two human
  annotators agree on (:func:`evaluation_phrases`);
- a hand-made list of the quotations of some articles (``tests/data/quotes_gold.csv``),
  for the articles of the corpus it covers (:func:`gold_phrase`). The rules were written
  looking at those articles, so it is an upper bound, not an estimate.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.prose import bounds
from analysis.quotes import score_against


def metric_phrase(metric: dict, unit: str = "quotations", fmt: str = "{:.0%}") -> str:
    """One score of an evaluation result: value, 95% interval and n.

    Examples
    --------
    >>> metric_phrase({"value": 0.912, "low": 0.8924, "high": 0.9301, "n": 1250})
    '91% (95% interval 89% to 93%; n = 1,250 quotations)'
    >>> metric_phrase({"value": 0.9985, "low": 0.9959, "high": 1.0, "n": 1964}, fmt="{:.1%}")
    '99.9% (95% interval 99.6% to 100.0%; n = 1,964 quotations)'
    """
    value = fmt.format(metric["value"])
    low, high = metric.get("low", np.nan), metric.get("high", np.nan)
    n = f"n = {int(metric['n']):,} {unit}"
    if low is None or high is None or not (np.isfinite(low) and np.isfinite(high)):
        return f"{value} (no interval; {n})"
    return f"{value} (95% interval {bounds(low, high, fmt)}; {n})"


def evaluation_phrases(result: dict, half: str = "held-out") -> dict[str, str]:
    """Texts for the book from the committed quotation evaluation (``read_result("quotes")``).

    Returns
    -------
    dict
        ``data`` (what was measured on), ``date``, ``articles`` (of that half),
        ``recall``, ``boundaries``, ``precision`` (of quotations credited to someone),
        ``precision_all`` (of every quotation extracted, with a speaker or without:
        the lower of the two precision figures), ``named`` (speaker agreement where the
        source is named), ``pronoun`` (the rough proxy for pronoun sources),
        ``pair_articles``, ``pair_recall``, ``pair_named`` (two annotators on the same
        articles).

    Examples
    --------
    >>> m = {"value": 0.9, "low": 0.8, "high": 0.95, "n": 100}
    >>> result = {"date": "2026-01-02", "description": "Some news", "metrics": {
    ...     "held-out": {"articles": 10, "recall": m, "recall_exact_boundaries": m,
    ...                  "precision": m, "precision_credited": m, "named_agreement": m,
    ...                  "pronoun_agreement_proxy": m},
    ...     "two_annotators": {"articles": 3, "recall": m, "named_agreement": m}}}
    >>> texts = evaluation_phrases(result)
    >>> texts["named"], texts["date"]
    ('90% (95% interval 80% to 95%; n = 100 quotations with a named source)', '2 January 2026')
    """
    metrics = result["metrics"]
    part, pair = metrics[half], metrics.get("two_annotators", {})
    texts = {
        "data": result["description"],
        "date": pd.Timestamp(result["date"]).strftime("%-d %B %Y"),
        "articles": f"{int(part['articles']):,}",
        "recall": metric_phrase(part["recall"], "direct quotations", "{:.1%}"),
        "boundaries": metric_phrase(part["recall_exact_boundaries"], "direct quotations"),
        "precision": metric_phrase(part["precision_credited"], "credited quotations"),
        "precision_all": metric_phrase(part["precision"], "extracted quotations"),
        "named": metric_phrase(part["named_agreement"], "quotations with a named source"),
        "pronoun": metric_phrase(part["pronoun_agreement_proxy"],
                                 "quotations with a pronoun source"),
    }
    if pair:
        texts.update(pair_articles=f"{int(pair['articles']):,}",
                     pair_recall=metric_phrase(pair["recall"], "direct quotations"),
                     pair_named=metric_phrase(pair["named_agreement"],
                                              "quotations with a named source"))
    return texts


def gold_phrase(quotes: pd.DataFrame, gold: pd.DataFrame, doc_ids) -> str:
    """The check against a hand-made list of quotations, for the articles it covers.

    Parameters
    ----------
    quotes : pandas.DataFrame
        The extracted quotations.
    gold : pandas.DataFrame
        ``doc_id, paragraph, quote_start, kind, speaker`` (:func:`score_against`).
    doc_ids : iterable
        The articles of this corpus; gold rows of other articles are ignored.

    Examples
    --------
    >>> gold = pd.DataFrame({"doc_id": ["a", "a"], "paragraph": [1, 2],
    ...                      "quote_start": ["We", "so"], "kind": ["full", "partial"],
    ...                      "speaker": ["X", "X"]})
    >>> quotes = pd.DataFrame({"doc_id": ["a", "a"], "paragraph": [1, 2],
    ...                        "quote": ["We win", "so good"], "speaker": ["X", "Y"]})
    >>> gold_phrase(quotes, gold, ["a"])
    'On the 1 article of this corpus with a hand-made list of its quotations, it finds 1 of 1
    full quotation and names the right speaker for 1 of them; of 1 partial quotation it finds
    1, with the right speaker for 0. The rules were written looking at those articles, so this
    is an upper bound, not an estimate.'
    >>> gold_phrase(quotes, gold, ["b"])[:44]
    'No article of this corpus has a hand-made li'
    """
    gold = gold[gold["doc_id"].isin(set(doc_ids))]
    if gold.empty:
        return ("No article of this corpus has a hand-made list of its quotations: the "
                "attribution has not been checked on these articles themselves, and the "
                "held-out scores above are the guide.")
    m = gold["doc_id"].nunique()
    full, partial = score_against(quotes, gold, "full"), score_against(quotes, gold, "partial")

    def noun(n: int, word: str) -> str:
        return word if n == 1 else word + "s"

    return (f"On the {m:,} {noun(m, 'article')} of this corpus with a hand-made list of its "
            f"quotations, it finds {full['found']:,} of {full['n']:,} full "
            f"{noun(full['n'], 'quotation')} and names the right speaker for "
            f"{full['correct']:,} of them; of {partial['n']:,} partial "
            f"{noun(partial['n'], 'quotation')} it finds {partial['found']:,}, with the right "
            f"speaker for {partial['correct']:,}. The rules were written looking at those "
            "articles, so this is an upper bound, not an estimate.")

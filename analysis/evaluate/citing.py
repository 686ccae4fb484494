"""The committed evaluation results in sentences, as the book cites them: each names its
held-out score, the file, the date of measurement and the data, or says that the method
has not been measured yet.

Examples
--------
>>> cleaning_sentence(None)
'The cleaning has not been measured on held-out pages yet (no evaluation/cleaning.json).'
"""

from __future__ import annotations

from analysis.evaluate.summary import (
    cleaning_scores,
    frames_scores,
    quotes_scores,
    readability_scores,
)
from analysis.wording import measured_on

__all__ = ["cleaning_for_formats", "cleaning_sentence", "frames_sentence", "quotes_sentence",
           "readability_sentence"]


def _missing(task: str, what: str, caution: str = "") -> str:
    """The sentence for a task with no committed result."""
    return f"{what} yet (no evaluation/{task}.json){': ' + caution if caution else ''}."


def cleaning_sentence(result: dict | None) -> str:
    """The cleaning's held-out scores in one sentence (or that they are not measured yet).

    Examples
    --------
    >>> cleaning_sentence(None)
    'The cleaning has not been measured on held-out pages yet (no evaluation/cleaning.json).'
    """
    if result is None:
        return _missing("cleaning", "The cleaning has not been measured on held-out pages")
    s = cleaning_scores(result)
    return (f"On the {s['n_heldout_pages']} held-out pages, saved web pages are cleaned with an "
            f"F-score of {s['html_f1']} (95% interval {s['html_low']} to {s['html_high']}), "
            f"against {s['html_default']} for trafilatura's default settings; copied text "
            f"scores {s['text_f1']}, against {s['text_keep']} for keeping everything "
            f"({measured_on(result)}).")


def cleaning_for_formats(result: dict | None, formats) -> str:
    """How well the article bodies of *this* corpus were recovered: the held-out score of
    the path its files took (``formats``: the corpus' ``format`` column, "html" or "text"),
    so that a corpus of copied text is never credited with the score for saved pages.

    Examples
    --------
    >>> cleaning_for_formats(None, ["text"])
    'how well article bodies are recovered is not yet measured'
    >>> record = {"split": "held-out", "n_pages": 25, "f1": 0.896, "f1_ci95": [0.826, 0.948]}
    >>> result = {"metrics": {"summary": [{"method": "text: this package (x)", **record},
    ...           {"method": "text: keep everything", "split": "held-out", "f1": 0.676}]}}
    >>> print(cleaning_for_formats(result, ["text", "text"]))
    article bodies are recovered from copied text with an F-score of 0.896 (95% interval 0.826
    to 0.948, 25 held-out pages; keeping every line scores 0.676)
    """
    if result is None:
        return "how well article bodies are recovered is not yet measured"
    s = cleaning_scores(result)
    kinds = {str(f) for f in formats}
    parts = []
    if "html" in kinds:
        parts.append(f"from saved web pages with an F-score of {s['html_f1']} (95% interval "
                     f"{s['html_low']} to {s['html_high']}, {s['n_heldout_pages']} held-out "
                     f"pages; trafilatura's default settings score {s['html_default']})")
    if kinds - {"html"}:
        parts.append(f"from copied text with an F-score of {s['text_f1']} (95% interval "
                     f"{s['text_low']} to {s['text_high']}, {s['n_heldout_pages']} held-out "
                     f"pages; keeping every line scores {s['text_keep']})")
    return "article bodies are recovered " + " and ".join(parts)


def quotes_sentence(result: dict | None) -> str:
    """The attribution's held-out scores in one or two sentences (or that they are missing).

    Examples
    --------
    >>> print(quotes_sentence(None))  # doctest: +NORMALIZE_WHITESPACE
    The attribution has not been measured on held-out news yet (no evaluation/quotes.json):
    read its speakers as unvalidated.
    """
    if result is None:
        return _missing("quotes", "The attribution has not been measured on held-out news",
                        "read its speakers as unvalidated")
    s = quotes_scores(result)
    return (f"On the held-out half ({s['n_articles_heldout']} articles), it finds "
            f"{s['recall_heldout']} of the {s['recall_heldout_n']} direct quotations people "
            f"marked (95% interval {s['recall_heldout_low']} to {s['recall_heldout_high']}); "
            f"of the {s['precision_heldout_n']} quotations it extracts, people marked "
            f"{s['precision_heldout']} as attributed speech (precision), and of the "
            f"{s['credited_heldout_n']} it credits to a speaker, {s['credited_heldout']}; "
            f"and where people's source names someone, the speaker it gives is "
            f"that person for {s['agreement_heldout']} of {s['agreement_heldout_n']} quotations "
            f"({s['agreement_heldout_low']} to {s['agreement_heldout_high']}), against "
            f"{s['agreement_dev']} on the development half the rules were written on "
            f"({measured_on(result)}).")


def frames_sentence(result: dict | None) -> str:
    """The frame coding's held-out score in one sentence (or that it is missing).

    Examples
    --------
    >>> print(frames_sentence(None))  # doctest: +NORMALIZE_WHITESPACE
    The frame coding has not been measured on held-out sentences yet (no
    evaluation/frames.json): read its frames as unvalidated.
    """
    if result is None:
        return _missing("frames", "The frame coding has not been measured on held-out sentences",
                        "read its frames as unvalidated")
    s = frames_scores(result)
    return (f"On the {s['n_heldout']} held-out sentences, the primary frame reaches a "
            f"macro-averaged F-score of {s['macro_f1_heldout']} (95% interval "
            f"{s['macro_f1_heldout_low']} to {s['macro_f1_heldout_high']}) and is right for "
            f"{float(s['accuracy_heldout']):.0%} of sentences, against {s['macro_f1_dev']} on "
            f"the {s['n_dev']} development sentences it was tuned on and "
            f"{s['baseline_heldout']} for always answering the most common frame "
            f"({measured_on(result)}).")


def readability_sentence(result: dict | None) -> str:
    """The news benchmark for reading grades in one sentence (or that it is missing).

    Examples
    --------
    >>> readability_sentence(None)
    'No news benchmark for reading grades has been computed yet (no evaluation/readability.json).'
    """
    if result is None:
        return _missing("readability", "No news benchmark for reading grades has been computed")
    s = readability_scores(result)
    return (f"Across {s['n_articles']} distinct BBC news articles the median Flesch–Kincaid "
            f"grade is {s['median']} (middle half {s['q1']} to {s['q3']}; nine in ten are "
            f"below {s['p90']}; politics stories {s['politics_median']}), and "
            f"{s['share_hard']} reach grade {s['hard_grade']} or above "
            f"({measured_on(result)}).")

"""Tables and labels for the framing chapter: frames with how far to trust them, counts
first, the "special relationship" in context with links to its sentences.

Every frame the book shows carries its held-out precision and recall
(:func:`trust_labels`, from ``evaluation/frames.json``), and every count reads "k of n
sentences, in m of N articles" (:func:`coded_counts`).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from analysis import anchors
from analysis.figures import article_labels
from analysis.framing import OTHER, explain, frame_examples, frame_names, load_frames
from analysis.overview import FEW as FEW_ARTICLES
from analysis.prose import describe_difference, interval_phrase, share_cells
from analysis.stats import bootstrap_ratio, mean_difference
from analysis.voice_groups import CLEAR, COUNTED
from analysis.wording import join, plural, signed

RECALL_LOW = 0.5      # below: most sentences people code with the frame are missed
PRECISION_LOW = 0.7   # below: three in ten or more of the frame's codes are wrong
TRUSTED = 0.75        # precision and recall both at least this: mostly right, mostly found
FEW = 5               # fewer hand-coded sentences of a frame than this: too few to judge


def frame_label(name: str) -> str:
    """The frame's name in the book (``label`` in ``data/frames.yml``).

    Examples
    --------
    >>> frame_label("security_defence"), frame_label("other")
    ('Security and defence', 'Other (no frame)')
    """
    if name == OTHER:
        return "Other (no frame)"
    spec = load_frames()["frames"].get(name, {})
    return spec.get("label") or name.replace("_", " ").capitalize()


def unvalidated(lexicon: dict | None = None) -> list[dict]:
    """The lexicon's term groups that the hand-coded data cannot test (``validated: false``
    in ``data/frames.yml``): a codebook dimension with no category of its own there.

    Returns
    -------
    list of dict
        ``frame`` (label), ``dimension`` and ``terms`` (how many), in the lexicon's order.

    Examples
    --------
    >>> lexicon = {"policy_political": {"label": "Policy and politics", "groups": [
    ...     {"terms": ["vote"]}, {"terms": ["treaty", "summit"], "validated": False,
    ...                           "dimension": "14 External regulation and reputation"}]}}
    >>> [(row["frame"], row["terms"]) for row in unvalidated(lexicon)]
    [('Policy and politics', 2)]
    """
    lexicon = load_frames()["frames"] if lexicon is None else lexicon
    return [{"frame": spec.get("label") or name, "dimension": str(group.get("dimension", "")),
             "terms": len(group["terms"])}
            for name, spec in lexicon.items() for group in spec.get("groups", ())
            if group.get("validated") is False]


def unvalidated_sentence(lexicon: dict | None = None) -> str:
    """:func:`unvalidated` in words ("" when every group can be tested).

    Examples
    --------
    >>> unvalidated_sentence({"p": {"label": "Policy and politics", "groups": [
    ...     {"terms": ["treaty", "summit"], "validated": False,
    ...      "dimension": "14 External regulation and reputation"}]}})
    'The codebook’s dimension 14, external regulation and reputation, has no category of its
    own in the hand-coded sentences below: its 2 terms are coded here under Policy and
    politics, and the validation does not test them.'
    """
    parts = []
    for row in unvalidated(lexicon):
        number, _, name = row["dimension"].partition(" ")
        parts.append(f"The codebook’s dimension {number}, {name.lower()}, has no category of its "
                     f"own in the hand-coded sentences below: its {plural(row['terms'], 'term')} "
                     f"{'is' if row['terms'] == 1 else 'are'} coded here under {row['frame']}, "
                     f"and the validation does not test {'it' if row['terms'] == 1 else 'them'}.")
    return " ".join(parts)


def trust_labels(trust: pd.DataFrame) -> dict[str, str]:
    """Each frame's label with its held-out precision (P) and recall (R), for figures.

    Parameters
    ----------
    trust : pandas.DataFrame
        :func:`analysis.evaluate.frames.trust_table` (index: frame).

    Examples
    --------
    >>> trust = pd.DataFrame({"precision": [0.6667], "recall": [0.8889]},
    ...                      index=["security_defence"])
    >>> trust_labels(trust)
    {'security_defence': 'Security and defence (P 67%, R 89%)'}
    """
    return {name: f"{frame_label(name)} (P {row.precision:.0%}, R {row.recall:.0%})"
            for name, row in trust.iterrows()}


def trust_groups(trust: pd.DataFrame) -> dict[str, list[str]]:
    """Frames sorted by what their validation means for reading the chapter.

    Returns
    -------
    dict
        ``too_few`` (fewer than :data:`FEW` hand-coded sentences: its precision and
        recall are too uncertain to sort it, so it is in no other list), then, for the
        rest, ``trusted`` (precision and recall both at least :data:`TRUSTED`),
        ``under_found`` (recall below :data:`RECALL_LOW`: an absence is not evidence) and
        ``often_wrong`` (precision below :data:`PRECISION_LOW`): lists of frame labels,
        in the lexicon's order. A frame can be both under-found and often wrong.

    Examples
    --------
    >>> trust = pd.DataFrame({"n": [26, 17, 4], "precision": [0.93, 0.71, 0.57],
    ...                       "recall": [1.0, 0.29, 1.0]},
    ...                      index=["economic", "cultural_identity", "morality"])
    >>> trust_groups(trust)
    {'trusted': ['Economic'], 'under_found': ['Cultural identity'], 'often_wrong': [],
    'too_few': ['Morality']}
    """
    groups: dict[str, list[str]] = {"trusted": [], "under_found": [], "often_wrong": [],
                                    "too_few": []}
    for name, row in trust.iterrows():
        label = frame_label(name)
        if row["n"] < FEW:
            groups["too_few"].append(label)
            continue
        if row["precision"] >= TRUSTED and row["recall"] >= TRUSTED:
            groups["trusted"].append(label)
        if row["recall"] < RECALL_LOW:
            groups["under_found"].append(label)
        if row["precision"] < PRECISION_LOW:
            groups["often_wrong"].append(label)
    return groups


def validation_rows(trust: pd.DataFrame) -> pd.DataFrame:
    """Precision and recall per frame in the long form :func:`analysis.charts.intervals`
    draws (``group, measure, estimate, low, high, n_units``).

    Examples
    --------
    >>> trust = pd.DataFrame({"coded": [12], "n": [9], "precision": [0.67],
    ...                       "precision_low": [0.39], "precision_high": [0.86],
    ...                       "recall": [0.89], "recall_low": [0.57], "recall_high": [0.98]},
    ...                      index=["security_defence"])
    >>> validation_rows(trust)[["group", "measure", "estimate", "n_units"]].values.tolist()
    [['Security and defence', 'precision', 0.67, 12], ['Security and defence', 'recall', 0.89, 9]]
    """
    rows = []
    for name, row in trust.iterrows():
        for measure, n in (("precision", row["coded"]), ("recall", row["n"])):
            rows.append({"group": frame_label(name), "measure": measure,
                         "estimate": row[measure], "low": row[f"{measure}_low"],
                         "high": row[f"{measure}_high"], "n_units": int(n)})
    return pd.DataFrame(rows, columns=["group", "measure", "estimate", "low", "high",
                                       "n_units"])


def primary_indicators(sentences: pd.DataFrame, names: list[str] | None = None) -> pd.DataFrame:
    """One 0/1 column per frame (``"other"`` included): 1 where it is the sentence's
    primary frame, the coding that was validated against people's.

    Examples
    --------
    >>> s = pd.DataFrame({"primary_frame": ["economic", "other"]})
    >>> primary_indicators(s, ["economic", "other"]).values.tolist()
    [[1.0, 0.0], [0.0, 1.0]]
    """
    names = frame_names() if names is None else names
    return pd.DataFrame({name: (sentences["primary_frame"] == name).astype(float)
                         for name in names}, index=sentences.index)


def coded_counts(sentences: pd.DataFrame, columns: list[str],
                 n_articles: int | None = None) -> pd.DataFrame:
    """Counts first: for each 0/1 column, k of n sentences, in m of N articles, and the
    share with its 95% interval (articles resampled; none below the minimums).

    Parameters
    ----------
    sentences : pandas.DataFrame
        ``doc_id`` and the 0/1 ``columns``.
    n_articles : int, optional
        Articles in the corpus (N); default: those with sentences.

    Returns
    -------
    pandas.DataFrame
        Index: the columns; ``sentences`` (k), ``of`` (n), ``articles`` (m),
        ``of_articles`` (N), ``estimate, low, high, reason`` and ``counts`` ("38 of 89
        sentences, in 5 of 5 articles").

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a", "b"], "x": [1.0, 0.0, 0.0]})
    >>> row = coded_counts(s, ["x"]).loc["x"]
    >>> row["counts"], row["reason"]
    ('1 of 3 sentences, in 1 of 2 articles', '2 articles: an interval needs at least 5')
    """
    n_articles = sentences["doc_id"].nunique() if n_articles is None else n_articles
    rows = {}
    for column in columns:
        coded = sentences[column].astype(float)
        k, m = int(coded.sum()), int(sentences.loc[coded > 0, "doc_id"].nunique())
        share = bootstrap_ratio(coded, np.ones(len(coded)), sentences["doc_id"])
        rows[column] = {"sentences": k, "of": len(sentences), "articles": m,
                        "of_articles": n_articles, "estimate": share.estimate,
                        "low": share.low, "high": share.high, "n_units": len(sentences),
                        "n_articles": sentences["doc_id"].nunique(), "reason": share.reason,
                        "counts": f"{k:,} of {plural(len(sentences), 'sentence')}, in "
                                  f"{m:,} of {plural(n_articles, 'article')}"}
    return pd.DataFrame.from_dict(rows, orient="index")


def matched_terms(hits: pd.DataFrame, category: str, names: list[str]) -> pd.Series:
    """Per category (frame or topic), the words that matched with their counts, most
    frequent first ("troops (4), missiles (1)"); "none" for a category with no match.

    Parameters
    ----------
    hits : pandas.DataFrame
        :func:`analysis.framing.frame_hits` or :func:`analysis.topics.topic_hits`.
    category : str
        Its category column: ``"frame"`` or ``"topic"``.

    Examples
    --------
    >>> hits = pd.DataFrame({"frame": ["a", "a", "a"], "term": ["x", "y", "x"]})
    >>> matched_terms(hits, "frame", ["a", "b"]).tolist()
    ['x (2), y (1)', 'none']
    """
    counts = hits.groupby([category, "term"]).size().rename("n").reset_index()
    counts = counts.sort_values([category, "n", "term"], ascending=[True, False, True])
    text = {name: ", ".join(f"{t} ({n})" for t, n in zip(part["term"], part["n"]))
            for name, part in counts.groupby(category)}
    return pd.Series([text.get(name, "none") for name in names], index=names, dtype=object)


def frame_evidence(sentences: pd.DataFrame, corpus: pd.DataFrame, names: list[str],
                   k: int = 3) -> pd.DataFrame:
    """For each frame, the ``k`` sentences with most of its words, each linked to its place
    in the annotated articles and explained (every frame's score and the words behind it).

    Returns
    -------
    pandas.DataFrame
        ``frame`` (label), ``article`` (label), ``sentence`` (a link,
        :class:`~analysis.safe.Markup`), ``why`` (:func:`analysis.framing.explain`).
    """
    labels = article_labels(corpus)
    parts = []
    for name in names:
        found = frame_examples(sentences, name, k)
        parts.append(pd.DataFrame({
            "frame": frame_label(name), "article": found["doc_id"].map(labels).to_numpy(),
            "sentence": anchors.link_cells(found["text"], anchors.sentence_links(found)),
            "why": [explain(t) for t in found["text"]]}))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=["frame", "article", "sentence", "why"])


# --- the phrase "special relationship" -------------------------------------------------


def phrase_summary(phrase: pd.DataFrame, n_articles: int) -> dict:
    """Counts of the phrase's uses for prose: printed whole or with words between, distinct
    utterances, whose words, where.

    Parameters
    ----------
    phrase : pandas.DataFrame
        :func:`analysis.framing.special_relationship` (``variant`` "special relationship"
        for a use printed whole; ``voice``, when given: "narrative", "quotation" or
        "quoted word").
    n_articles : int
        Articles in the corpus.

    Returns
    -------
    dict
        ``uses`` (every printed use, variants included), ``distinct`` (utterances: a
        headline or standfirst repeating a body use counts once), ``repeats``,
        ``verbatim`` and ``verbatim_distinct`` (the same for the phrase printed whole),
        ``verbatim_body`` (printed whole in an article's body), ``articles`` (articles
        with a use), ``n_articles``, ``quoted`` and ``narrative`` (distinct uses that are
        someone's words, and the outlet's own), ``quoted_words`` (of ``quoted``, those
        where only "special" is inside the quotation marks), ``headline`` (distinct
        narrative uses in a headline or standfirst), ``variants`` (distinct uses with words
        between), ``example`` (the shortest such use, or ""), ``speakers`` (whose words,
        with counts: "Keir Starmer (3) and Liz Truss (2)").

    Examples
    --------
    >>> phrase = pd.DataFrame({"doc_id": ["a", "a", "b"], "source": ["standfirst", "body",
    ...     "body"], "speaker": ["X Y", "X Y", "narrative"], "distinct": [False, True, True],
    ...     "variant": ["special relationship"] * 3,
    ...     "match": ["special relationship"] * 3})
    >>> summary = phrase_summary(phrase, 5)
    >>> summary["uses"], summary["distinct"], summary["quoted"], summary["speakers"]
    (3, 2, 1, 'X Y (1)')
    >>> summary["verbatim"], summary["verbatim_body"], summary["variants"]
    (3, 2, 0)
    """
    distinct = phrase[phrase["distinct"].astype(bool)]
    narrative = distinct["speaker"] == "narrative"
    speakers = distinct.loc[~narrative, "speaker"].value_counts()
    speakers = speakers.sort_index().sort_values(ascending=False, kind="stable")
    whole = phrase["variant"] == "special relationship"
    gapped = distinct.loc[distinct["variant"] != "special relationship",
                          "match" if "match" in distinct else "variant"]
    voice = distinct["voice"] if "voice" in distinct else pd.Series("", index=distinct.index)
    return {"uses": len(phrase), "distinct": len(distinct),
            "repeats": len(phrase) - len(distinct),
            "verbatim": int(whole.sum()),
            "verbatim_distinct": int((distinct["variant"] == "special relationship").sum()),
            "verbatim_body": int((whole & (phrase["source"] == "body")).sum()),
            "articles": phrase["doc_id"].nunique(),
            "n_articles": n_articles, "quoted": int((~narrative).sum()),
            "quoted_words": int((voice == "quoted word").sum()),
            "narrative": int(narrative.sum()),
            "headline": int((narrative & (distinct["source"] != "body")).sum()),
            "variants": len(gapped),
            "example": (" ".join(min(gapped, key=len).split()).strip("‘’“”\"'")
                        if len(gapped) else ""),
            "speakers": join((f"{name} ({n})" for name, n in speakers.items()), empty="none")}


def who_cell(speaker: str, voice: str = "") -> str:
    """Whose words a use of the phrase is, for the keyword-in-context table.

    Examples
    --------
    >>> who_cell("narrative"), who_cell("Liz Truss", "quoted word")
    ("narrative (the outlet's words)", 'Liz Truss (her or his word “special” in quotation marks)')
    """
    if speaker == "narrative":
        return "narrative (the outlet's words)"
    if voice == "quoted word":
        return f"{speaker} (her or his word “special” in quotation marks)"
    return speaker


def kwic_table(phrase: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """The keyword-in-context table of the phrase, each use linked to its sentence in the
    annotated articles (a headline or standfirst to its article's page).

    Returns
    -------
    pandas.DataFrame
        ``article, where, who, left, phrase`` (a link: :class:`~analysis.safe.Markup`),
        ``right`` and ``counted`` ("yes", or which body sentence it repeats).

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["Sky News"]})
    >>> phrase = pd.DataFrame({"doc_id": ["a"], "source": ["body"], "sentence": [4.0],
    ...     "speaker": ["narrative"], "left": ["the"], "match": ["special relationship"],
    ...     "right": ["endures"], "distinct": [True], "repeats": [""]})
    >>> row = kwic_table(phrase, corpus).iloc[0]
    >>> row["where"], str(row["phrase"])
    ('body, sentence 4', '<a href="../annotated/a.html#a-s-4">special relationship</a>')
    """
    labels = article_labels(corpus)
    where = [source if pd.isna(n) else f"{source}, sentence {int(n)}"
             for source, n in zip(phrase["source"], phrase["sentence"])]
    counted = ["yes" if d else f"no: repeats {r.replace('body ', 'body sentence ')}"
               for d, r in zip(phrase["distinct"], phrase["repeats"])]
    return pd.DataFrame({
        "article": phrase["doc_id"].map(labels).to_numpy(), "where": where,
        "who": [who_cell(speaker, voice) for speaker, voice in
                zip(phrase["speaker"], phrase.get("voice", pd.Series("", index=phrase.index)))],
        "left": phrase["left"].to_numpy(),
        "phrase": anchors.link_cells(phrase["match"], anchors.sentence_links(phrase)),
        "right": phrase["right"].to_numpy(), "counted": counted}, index=phrase.index)


# --- sentences the chapter glues ---------------------------------------------------------

# Reported by the FrAC authors (Guida et al. 2025) for these categories, on held-out data.
FRAC_ALPHA = 0.76       # agreement between people (Krippendorff's alpha)
FRAC_TFIDF_F1 = 0.45    # macro-F1 of a TF-IDF + logistic regression model trained in domain


def trust_sentences(groups: dict[str, list[str]]) -> dict[str, str]:
    """What the validation means for the chapter's figures, one sentence per kind of frame
    (:func:`trust_groups`); a kind with no frame gets a sentence that says so.

    Examples
    --------
    >>> s = trust_sentences({"trusted": ["Economic"], "under_found": [],
    ...                      "often_wrong": ["Other (no frame)"], "too_few": []})
    >>> s["trusted"]
    'Economic codes are mostly right and mostly found: precision and recall of at least 75%
    on the held-out sentences.'
    >>> s["often_wrong"]
    '30% or more of the codes of Other (no frame) were wrong on the held-out sentences, so
    their counts include sentences of other frames; they are not upper bounds either, since
    the lexicon also misses sentences of each frame (a missed sentence falls to another
    frame or to “Other”): read them as rough.'
    >>> s["under_found"], s["too_few"]
    ('No frame is under-found: the lexicon finds at least 50% of the held-out sentences
    people coded with each.', '')
    """
    trusted, under = groups["trusted"], groups["under_found"]
    wrong, few = groups["often_wrong"], groups["too_few"]
    return {
        "trusted": (f"{join(trusted)} codes are mostly right and mostly found: "
                    f"precision and recall of at least {TRUSTED:.0%} on the held-out sentences."
                    if trusted else f"No frame reaches a precision and a recall of {TRUSTED:.0%} "
                    "on the held-out sentences."),
        "under_found": (f"{join(under)} {'is' if len(under) == 1 else 'are'} under-found: "
                        f"the lexicon finds fewer than {RECALL_LOW:.0%} of the held-out sentences "
                        f"people coded with {'it' if len(under) == 1 else 'them'}, so "
                        f"{'its' if len(under) == 1 else 'their'} absence from a figure below is "
                        "not evidence that the articles lack "
                        f"{'it' if len(under) == 1 else 'them'}." if under else
                        "No frame is under-found: the lexicon finds at least "
                        f"{RECALL_LOW:.0%} of the held-out sentences people coded with each."),
        "often_wrong": (f"{1 - PRECISION_LOW:.0%} or more of the codes of "
                        f"{join(wrong)} were wrong on the held-out sentences, so their counts "
                        "include sentences of other frames; they are not upper bounds either, "
                        "since the lexicon also misses sentences of each frame (a missed "
                        "sentence falls to another frame or to “Other”): read them as rough."
                        if wrong else
                        f"Every frame's codes were right at least {PRECISION_LOW:.0%} of the time "
                        "on the held-out sentences."),
        "too_few": (f"{join(few)} had fewer than {FEW} held-out sentences coded by "
                    "people: too few to judge how far "
                    f"{'its' if len(few) == 1 else 'their'} codes can be trusted."
                    if few else ""),
    }


def resampled_caveat(n_articles: int) -> str:
    """The caveat a comparison resting on resampled articles needs when they are few
    (fewer than :data:`analysis.overview.FEW`): "" otherwise.

    Examples
    --------
    >>> resampled_caveat(5)
    'With 5 articles, an interval from resampling them cannot reach beyond what those
    articles show, so the comparison describes these articles and no more.'
    >>> resampled_caveat(200)
    ''
    """
    if n_articles >= FEW_ARTICLES:
        return ""
    return (f"With {plural(n_articles, 'article')}, an interval from resampling them cannot "
            "reach beyond what those articles show, so the comparison describes these articles "
            "and no more.")


def intervals_note(n_intervals: int, level: float = 0.95) -> str:
    """How likely at least one of ``n_intervals`` intervals misses zero by chance alone
    (were there no difference at all, and the intervals independent).

    Examples
    --------
    >>> intervals_note(14)
    'With 14 intervals computed, at least one missing zero by chance alone is likely (51%
    if there were no difference at all): read a single one as a lead, not a finding.'
    >>> intervals_note(1)
    ''
    """
    if n_intervals < 2:
        return ""
    chance = 1 - level ** n_intervals
    likely = "likely" if chance >= 0.5 else "not unlikely" if chance >= 0.2 else "possible"
    return (f"With {n_intervals:,} intervals computed, at least one missing zero by chance "
            f"alone is {likely} ({chance:.0%} if there were no difference at all): read a "
            "single one as a lead, not a finding.")


RARE = 0.05  # a frame that is the primary frame of fewer than this share of sentences here


def weighted_f1(confusion: dict, weights: pd.Series, n_boot: int = 2000,
                seed: int = 7) -> tuple[float, float, float]:
    """The held-out F₁ per frame weighted by ``weights`` (each frame's count here), with a
    95% interval from resampling the held-out sentences, rebuilt from the confusion matrix
    (a sentence is its pair of frames, people's and the lexicon's).

    Parameters
    ----------
    confusion : dict
        ``labels`` and ``counts`` (rows: people's frame; columns: the coded one), as in
        ``evaluation/frames.json``.
    weights : pandas.Series
        Weight per label (missing labels weigh 0).

    Returns
    -------
    tuple of float
        Estimate, low, high (NaN without weights or sentences).

    Examples
    --------
    >>> confusion = {"labels": ["a", "b"], "counts": [[8, 2], [1, 9]]}
    >>> estimate, low, high = weighted_f1(confusion, pd.Series({"a": 3, "b": 1}))
    >>> round(estimate, 3), bool(low < estimate < high)
    (0.846, True)
    """
    labels = list(confusion["labels"])
    counts = np.asarray(confusion["counts"], dtype=int)
    w = weights.reindex(labels).fillna(0).to_numpy(dtype=float)
    if not w.sum() or not counts.sum():
        return float("nan"), float("nan"), float("nan")
    gold, coded = np.nonzero(counts)
    gold, coded = np.repeat(gold, counts[gold, coded]), np.repeat(coded, counts[gold, coded])

    def f1(g, c):
        k = len(labels)
        correct = np.bincount(g[g == c], minlength=k)
        total = np.bincount(g, minlength=k) + np.bincount(c, minlength=k)
        scores = np.divide(2 * correct, total, out=np.zeros(k), where=total > 0)
        return float((scores * w).sum() / w.sum())

    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(gold), size=(n_boot, len(gold)))
    boot = [f1(gold[i], coded[i]) for i in draws]
    low, high = np.quantile(boot, [0.025, 0.975])
    return f1(gold, coded), float(low), float(high)


def validation_fit(trust: pd.DataFrame, counts: pd.DataFrame, macro_f1: float,
                   confusion: dict | None = None) -> dict:
    """How far the held-out validation speaks for these articles: which frames carry the
    macro-F₁ but are rare here, the F₁ weighted by each frame's share here, and the
    held-out sentences behind the most frequent frame here.

    Parameters
    ----------
    trust : pandas.DataFrame
        :func:`analysis.evaluate.frames.trust_table` (``n, coded, correct, precision,
        recall, f1``; index: frame, "other" included).
    counts : pandas.DataFrame
        :func:`coded_counts` of :func:`primary_indicators` (``sentences``, ``of``).
    macro_f1 : float
        The held-out macro-F₁.
    confusion : dict, optional
        The held-out confusion matrix (``labels``, ``counts``): with it, the weighted F₁
        has a 95% interval (:func:`weighted_f1`).

    Returns
    -------
    dict
        ``rare`` (frames above the macro-F₁ that are the primary frame of fewer than
        :data:`RARE` of the sentences here, with their F₁ and their counts; a frame with
        fewer than :data:`FEW` held-out sentences is said to be too few to judge instead
        of its F₁), ``weighted`` (held-out F₁ weighted by the primary frames' counts here)
        with ``weighted_low, weighted_high`` (NaN without ``confusion``), ``leader`` (the
        most frequent primary frame here other than "other") with ``leader_n`` (held-out
        sentences people coded with it), ``leader_coded`` and ``leader_correct``.

    Examples
    --------
    >>> trust = pd.DataFrame({"n": [26, 4, 9], "coded": [28, 7, 12], "correct": [26, 4, 8],
    ...                       "f1": [0.96, 0.73, 0.76]},
    ...                      index=["economic", "morality", "security_defence"])
    >>> counts = pd.DataFrame({"sentences": [1, 0, 30], "of": [31] * 3}, index=trust.index)
    >>> fit = validation_fit(trust, counts, 0.7)
    >>> fit["rare"]
    ['Economic (F₁ 0.96; 1 of 31 sentences here)', 'Morality (4 held-out sentences: too few
    to judge; 0 of 31 sentences here)']
    >>> round(fit["weighted"], 3), fit["leader"], fit["leader_n"]
    (0.766, 'Security and defence', 9)
    """
    here = counts["sentences"].reindex(trust.index).fillna(0)
    total = int(counts["of"].iloc[0]) if len(counts) else 0
    share = here / total if total else here * 0.0

    def judged(name: str) -> str:
        n = int(trust.loc[name, "n"])
        return (f"{plural(n, 'held-out sentence')}: too few to judge" if n < FEW
                else f"F₁ {trust.loc[name, 'f1']:.2f}")

    rare = [f"{frame_label(name)} ({judged(name)}; {int(here[name]):,} of "
            f"{plural(total, 'sentence')} here)"
            for name in trust.index
            if name != OTHER and trust.loc[name, "f1"] > macro_f1 and share[name] < RARE]
    weighted = float((trust["f1"] * here).sum() / here.sum()) if here.sum() else float("nan")
    low = high = float("nan")
    if confusion is not None:
        weighted, low, high = weighted_f1(confusion, here)
    framed = here.drop(OTHER, errors="ignore")
    leader = framed.idxmax() if len(framed) and framed.max() > 0 else None
    return {"rare": rare, "weighted": weighted, "weighted_low": low, "weighted_high": high,
            "leader": frame_label(leader) if leader else "",
            "leader_n": int(trust.loc[leader, "n"]) if leader else 0,
            "leader_coded": int(trust.loc[leader, "coded"]) if leader else 0,
            "leader_correct": int(trust.loc[leader, "correct"]) if leader else 0}


def validation_fit_sentence(fit: dict, macro_f1: float) -> str:
    """:func:`validation_fit` in words.

    Examples
    --------
    >>> validation_fit_sentence({"rare": ["Economic (F₁ 0.96; 1 of 31 sentences here)"],
    ...     "weighted": 0.766, "weighted_low": 0.61, "weighted_high": 0.88,
    ...     "leader": "Security and defence", "leader_n": 9,
    ...     "leader_coded": 12, "leader_correct": 8}, 0.7)
    'The macro-F₁ of 0.70 is a plain mean over the categories, whatever their share here,
    and part of it comes from frames that are rare in these articles: Economic (F₁ 0.96; 1
    of 31 sentences here). Weighted by how often each category is the primary frame here,
    the held-out F₁ is 0.77 (95% interval 0.61 to 0.88, held-out sentences resampled). The
    most frequent frame here, Security and defence, was checked on 9 held-out sentences
    people coded with it and 12 the lexicon coded with it (8 of them right), none of them
    diplomatic news.'
    """
    rare = (f", and part of it comes from frames that are rare in these articles: "
            f"{join(fit['rare'])}" if fit["rare"] else "")
    low, high = fit.get("weighted_low", np.nan), fit.get("weighted_high", np.nan)
    bounds = (interval_phrase(fit["weighted"], low, high, resampled="held-out sentences")
              if np.isfinite(low) else f"{fit['weighted']:.2f} (no interval)")
    weighted = ("" if not np.isfinite(fit["weighted"]) else
                " Weighted by how often each category is the primary frame here, the held-out "
                f"F₁ is {bounds}.")
    leader = ("" if not fit["leader"] else
              f" The most frequent frame here, {fit['leader']}, was checked on "
              f"{plural(fit['leader_n'], 'held-out sentence')} people coded with it and "
              f"{fit['leader_coded']:,} the lexicon coded with it ({fit['leader_correct']:,} "
              "of them right), none of them diplomatic news.")
    return (f"The macro-F₁ of {macro_f1:.2f} is a plain mean over the categories, whatever "
            f"their share here{rare}.{weighted}{leader}")


def coding_error(trust: pd.DataFrame, names: list[str]) -> str:
    """That a ranking of frames counts sampling error only, with the held-out precision and
    recall (k of n, from :func:`analysis.evaluate.frames.trust_table`) of the frames
    ranked: the lexicon's coding error could move their counts.

    Examples
    --------
    >>> trust = pd.DataFrame({"precision (k of n)": ["8 of 12", "21 of 27"],
    ...                       "recall (k of n)": ["8 of 9", "21 of 27"]},
    ...                      index=["security_defence", "policy_political"])
    >>> coding_error(trust, ["security_defence", "policy_political"])
    'Its interval counts sampling error only: on held-out sentences the lexicon’s codes of
    these frames were not all right, nor all found (Security and defence: precision 8 of 12,
    recall 8 of 9; Policy and politics: precision 21 of 27, recall 21 of 27), and that error
    could move the counts.'
    """
    known = [n for n in names if n in trust.index]
    if not known:
        return ""
    each = "; ".join(f"{frame_label(n)}: precision {trust.loc[n, 'precision (k of n)']}, "
                     f"recall {trust.loc[n, 'recall (k of n)']}" for n in known)
    return ("Its interval counts sampling error only: on held-out sentences the lexicon’s "
            f"codes of {'these frames' if len(known) > 1 else 'this frame'} were not all right, "
            f"nor all found ({each}), and that error could move the counts.")


# A ranking of topics: their lists are not validated, so their coding error is unknown.
TOPIC_ERROR = ("Its interval counts sampling error only: the topic lists are not validated "
               "against people’s coding, so how far a miscount could move these counts is "
               "unknown.")


def leading_frame(sentences: pd.DataFrame, names: list[str],
                  trust: pd.DataFrame | None = None) -> str:
    """The most frequent primary frame against the next (see :func:`leading`); a ranking
    says, with ``trust``, how far the two frames' coding erred (:func:`coding_error`).

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": list("ab"), "primary_frame": ["economic", "other"]})
    >>> leading_frame(s, ["economic", "morality"])
    'Only Economic is coded as a primary frame (1 of 2 sentences, in 1 of 2 articles).'
    """
    flags = primary_indicators(sentences, names).assign(doc_id=sentences["doc_id"])
    error = None if trust is None else (lambda a, b: coding_error(trust, [a, b]))
    return leading(flags, names, {n: frame_label(n) for n in names}, "primary frame",
                   "is coded as a primary frame",
                   "No sentence has a primary frame other than “other”.", error)


def leading(flags: pd.DataFrame, names: list[str], labels: dict[str, str] | None = None,
            what: str = "topic", coded: str = "is mentioned",
            none: str = "No sentence mentions any of them.",
            error: Callable[[str, str], str] | str | None = None) -> str:
    """The 0/1 column coded in most sentences against the next, by the paired interval of
    their difference (articles resampled): a ranking only when that interval excludes zero.

    Parameters
    ----------
    flags : pandas.DataFrame
        ``doc_id`` and one 0/1 column per name.
    labels : dict, optional
        The name of each column in prose.
    what, coded, none : str
        The words for one column ("topic"), for being coded ("is mentioned"), and the
        sentence when no column is coded at all.
    error : callable or str, optional
        Said after a ranking, before the caveat of few articles: how far coding error could
        move the counts (a sentence, or a function of the two columns ranked that gives it).

    Examples
    --------
    >>> flags = pd.DataFrame({"doc_id": list("abcde"), "Iran": [1.0, 0, 0, 0, 0],
    ...                       "China": [0.0] * 5})
    >>> leading(flags, ["Iran", "China"])
    'Only Iran is mentioned (1 of 5 sentences, in 1 of 5 articles).'
    """
    labels = labels or {}
    counts = coded_counts(flags, names)
    found = counts[counts["sentences"] > 0].sort_values("sentences", ascending=False,
                                                       kind="stable")
    if found.empty:
        return none
    first = found.index[0]
    name = labels.get(first, first)
    if len(found) == 1:
        return f"Only {name} {coded} ({found.loc[first, 'counts']})."
    second = found.index[1]
    long = pd.concat([flags.assign(_g="a", _v=flags[first]),
                      flags.assign(_g="b", _v=flags[second])])
    d = mean_difference(long, "_g", "a", "b", "_v")
    verdict = d.verdict("is more frequent than", "", "is not clearly more frequent than",
                        "cannot be ranked against")
    ranked = d.verdict() == "higher than"
    caveat = resampled_caveat(flags["doc_id"].nunique()) if ranked else ""
    miscount = (error(first, second) if callable(error) else error or "") if ranked else ""
    tail = ("".join(f" {t}" for t in (miscount, caveat) if t) if ranked
            else " The two are not ranked.")
    return (f"The most frequent {what}, {name} ({found.loc[first, 'counts']}), {verdict} the "
            f"next, {labels.get(second, second)} ({found.loc[second, 'counts']}): "
            f"{describe_difference(d, 'points')}.{tail}")


def group_comparison_sentence(diffs: pd.DataFrame, articles: pd.Series, what: str,
                              min_articles: int) -> str:
    """What the comparisons of groups of articles (:func:`analysis.voice_groups.group_differences`)
    allow the chapter to say.

    Parameters
    ----------
    articles : pandas.Series
        Articles per group.
    what : str
        The kind of group, singular ("UK figure").

    Examples
    --------
    >>> group_comparison_sentence(pd.DataFrame(columns=["verdict"]),
    ...                           pd.Series({"A": 3, "B": 1}), "UK figure", 5)
    'No two UK figures have at least 5 articles each (here 3 and 1), so no UK figure’s
    coverage is compared with another’s: the table describes these articles only.'
    """
    if diffs.empty:
        sizes = join((str(int(n)) for n in articles.sort_values(ascending=False)), empty="none")
        return (f"No two {what}s have at least {min_articles} articles each (here {sizes}), "
                f"so no {what}’s coverage is compared with another’s: the table describes "
                "these articles only.")
    clear = diffs[diffs["verdict"].isin(CLEAR)]
    found = [f"{frame_label(r.column)}: {r.a} {r.verdict} than {r.b}" for r in clear.itertuples()]
    return (f"Of {plural(len(diffs), 'comparison')} (frames, between {what}s with at least "
            f"{min_articles} articles each), {len(clear)} "
            f"{'has' if len(clear) == 1 else 'have'} an interval of the difference that "
            f"excludes zero{': ' + '; '.join(found) if found else ''}; the rest are not ranked.")


# How the prose names each reading of analysis.voice_groups.voice_differences that is a
# sensitivity check (the primary reading is named by its own name).
SENSITIVITY = {COUNTED: ("counting the government editorial’s narrative as journalists’ "
                         "narrative, which this report does not do,")}


def _voice_counts(row) -> str:
    """"15 of 44 quoted sentences and 18 of 38 narrative ones" from a row of
    :func:`analysis.voice_groups.voice_differences` (its two means and sentence counts)."""
    quoted = int(round(row.quoted * row.n_quoted))
    narrative = int(round(row.narrative * row.n_narrative))
    return (f"{quoted:,} of {plural(row.n_quoted, 'quoted sentence')} and {narrative:,} of "
            f"{row.n_narrative:,} narrative ones")


def _points(row, why: bool = True) -> str:
    reason = (str(getattr(row, "reason", "") or "").replace("both groups", "both voices")
              if why else "")
    if not why and not np.isfinite(row.low):
        return f"{signed(100 * row.estimate, '{:.1f}')} points (no interval)"
    return interval_phrase(100 * row.estimate, 100 * row.low, 100 * row.high, "{:.1f}",
                           unit="points", sign=True, how="articles resampled",
                           reason=reason or "too few articles")


def voice_sentence(diffs: pd.DataFrame, labels: dict[str, str] | None = None,
                   trust: pd.DataFrame | None = None, n_articles: int | None = None) -> str:
    """Which frames quoted speech and narrative use differently
    (:func:`analysis.voice_groups.voice_differences`), the primary reading first.

    A direction ("a smaller share") is given only where the primary reading's interval of
    the difference excludes zero. Where the primary reading has no interval, the sentence
    says so and why; a sensitivity check (:data:`SENSITIVITY`) is reported as such and
    never ranks the voices on its own. A frame is named when either reading's interval
    excludes zero. A difference in "Other (no frame)" is reported as what it most likely
    is, a gap in the lexicon, with that code's held-out precision (from ``trust``,
    :func:`analysis.evaluate.frames.trust_table`). With ``n_articles`` below
    :data:`analysis.overview.FEW` the sentence says the comparisons describe these
    articles only (:func:`resampled_caveat`).

    Examples
    --------
    >>> from analysis.voice_groups import APART, COUNTED
    >>> diffs = pd.DataFrame({"column": ["economic"] * 2, "reading": [APART, COUNTED],
    ...     "primary": [True, False], "estimate": [-0.15, -0.1], "low": [np.nan, -0.2],
    ...     "high": [np.nan, -0.01], "quoted": [0.1, 0.1], "narrative": [0.25, 0.2],
    ...     "n_quoted": [40, 40], "n_narrative": [40, 50], "verdict": ["no interval", "lower"],
    ...     "reason": ["only 4 articles have both groups, and an interval needs at least 5",
    ...                ""]})
    >>> voice_sentence(diffs)
    'With the editorial set apart, the reading this report takes, no frame’s difference has
    an interval (only 4 articles have both voices, and an interval needs at least 5), so
    the two voices are not ranked on any frame. Economic is the primary frame of 4 of 40
    quoted sentences and 10 of 40 narrative ones (editorial set apart): quoted minus
    narrative, −15.0 points (no interval). Counting the government editorial’s narrative as
    journalists’ narrative, which this report does not do, gives −10.0 points (95% interval
    −20.0 to −1.0 points, articles resampled); a sensitivity check does not rank the voices
    on its own. For every other frame neither reading gives an interval that excludes zero.'
    >>> print(voice_sentence(diffs.iloc[[1]].assign(primary=True)))
    Economic is the primary frame of 4 of 40 quoted sentences and 10 of 50 narrative ones:
    quoted minus narrative, −10.0 points (95% interval −20.0 to −1.0 points, articles
    resampled), a smaller share in quoted speech. For every other frame the interval of the
    difference includes zero, or there is none: the two voices are not ranked.
    """
    labels = labels or {}
    if "primary" not in diffs:
        diffs = diffs.assign(primary=~diffs.duplicated("column"))
    primary = diffs[diffs["primary"].astype(bool)]
    several = len(diffs) > len(primary)
    untested = several and len(primary) and not np.isfinite(primary["low"]).any()
    intro = ""
    if untested:
        reason = str(primary["reason"].iloc[0] or "too few articles").replace("both groups",
                                                                            "both voices")
        intro = (f"With the {primary['reading'].iloc[0]}, the reading this report takes, no "
                 f"frame’s difference has an interval ({reason}), so the two voices are not "
                 "ranked on any frame.")
    parts, artefact = [], ""
    for column, rows in diffs.groupby("column", sort=False):
        if not rows["verdict"].isin(CLEAR).any():
            continue
        first = rows[rows["primary"].astype(bool)].iloc[0]
        clear = first.verdict in CLEAR
        side = "larger" if first.verdict == "higher" else "smaller"
        name = labels.get(column, frame_label(column))
        reading = f" ({first.reading})" if several else ""
        what = "is coded for" if column == OTHER else "is the primary frame of"
        text = (f"{name} {what} {_voice_counts(first)}{reading}: quoted minus "
                f"narrative, {_points(first, why=not untested)}"
                + (f", a {side} share in quoted speech." if clear else "."))
        for row in rows[~rows["primary"].astype(bool)].itertuples():
            how = SENSITIVITY.get(row.reading, f"the {row.reading} (a sensitivity check)")
            agrees = (row.verdict == first.verdict if clear else False)
            text += (f" {how[0].upper()}{how[1:]} gives {_points(row)}"
                     + ("; the check agrees." if agrees else
                        "; the check’s interval includes zero, or there is none." if clear
                        else "; a sensitivity check does not rank the voices on its own."))
        if column == OTHER:
            artefact = (f"{text} A difference here is more likely the instrument than the "
                        "articles: a sentence falls to “Other” when the lexicon finds no frame "
                        "in it, and "
                        + (f"only {trust.loc[OTHER, 'precision']:.0%} "
                           f"({trust.loc[OTHER, 'precision (k of n)']}) of the held-out "
                           "sentences it put there had no frame for people; "
                           if trust is not None and OTHER in trust.index else "")
                        + "the likelier reading is that it misses more frames in quoted "
                        "speech than in narrative. Read it as a measurement artefact, not a "
                        "finding.")
            continue
        parts.append(text)
    but = f" but {labels.get(OTHER, frame_label(OTHER))}" if artefact else ""
    rest = f"For every other frame{but}" if parts else f"For every frame{but}"
    tail = (f"{rest} neither reading gives an interval that excludes zero." if untested else
            f"{rest} the interval of the difference includes zero, or there is none: the two "
            "voices are not ranked.")
    ranked = primary["verdict"].isin(CLEAR).any() if len(primary) else False
    few = resampled_caveat(n_articles) if (ranked and n_articles is not None) else ""
    return " ".join(([intro] if intro else []) + parts + ([few] if few else []) + [tail]
                    + ([artefact] if artefact else []))


def reading_labels(diffs: pd.DataFrame) -> pd.Series:
    """Each row's reading as a figure's legend names it, short enough for a legend: the
    primary reading and the sensitivity check (:func:`voices_caption` says which reading
    each is); with one reading only, its name.

    Examples
    --------
    >>> diffs = pd.DataFrame({"reading": ["editorial set apart", "editorial counted as "
    ...                       "narrative"], "primary": [True, False]})
    >>> reading_labels(diffs).tolist()
    ['primary reading', 'sensitivity check']
    """
    if diffs["primary"].all():
        return diffs["reading"].astype(str)
    return pd.Series(np.where(diffs["primary"].astype(bool), "primary reading",
                              "sensitivity check"), index=diffs.index)


def voices_caption(diffs: pd.DataFrame, min_articles: int) -> str:
    """What the markers of the quoted-minus-narrative figure are, for its caption: the
    primary reading (drawn first: circles) and the sensitivity check (squares), and why a
    marker can lack an interval.

    Examples
    --------
    >>> diffs = pd.DataFrame({"reading": ["editorial set apart", "editorial counted as "
    ...                       "narrative"], "primary": [True, False]})
    >>> voices_caption(diffs, 5)
    'Circles: the primary reading (editorial set apart); squares: a sensitivity check
    (editorial counted as narrative), which this report does not take. A marker without a
    line has no interval: fewer than 5 articles have both voices in that reading, or every
    resample gives the same value.'
    """
    readings = list(dict.fromkeys(zip(diffs["reading"], diffs["primary"])))
    lacking = (f"A marker without a line has no interval: fewer than {min_articles} articles "
               "have both voices" + (" in that reading" if len(readings) > 1 else "")
               + ", or every resample gives the same value.")
    if len(readings) < 2:
        return lacking
    primary = next(r for r, p in readings if p)
    checks = join(r for r, p in readings if not p)
    return (f"Circles: the primary reading ({primary}); squares: a sensitivity check "
            f"({checks}), which this report does not take. {lacking}")


def mention_sentence(counts: pd.DataFrame, n_names: int, what: str = "topic",
                     max_listed: int = 6) -> str:
    """The topics (or frames) that occur, counts first, in the lexicon's order, and how
    many do not occur at all; past ``max_listed`` the sentence points to the table instead
    of listing them.

    Examples
    --------
    >>> counts = pd.DataFrame({"sentences": [3, 0], "counts": ["3 of 9 sentences, in 2 of "
    ...                        "5 articles", "0 of 9 sentences, in 0 of 5 articles"]},
    ...                       index=["Iran", "Covid-19"])
    >>> mention_sentence(counts, 2)
    'The sentences mention 1 of the 2 topics: Iran (3 of 9 sentences, in 2 of 5 articles).
    The other 1 is not mentioned at all.'
    """
    found = counts[counts["sentences"] > 0]
    if found.empty:
        return f"No sentence mentions any of the {plural(n_names, what)}."
    listed = ("; ".join(f"{name} ({row['counts']})" for name, row in found.iterrows())
              if len(found) <= max_listed else "the table below gives each one's counts")
    missing = n_names - len(found)
    tail = ("" if not missing else
            f" The other {missing} {'is' if missing == 1 else 'are'} not mentioned at all.")
    return f"The sentences mention {len(found)} of the {plural(n_names, what)}: {listed}.{tail}"


def phrase_sentences(summary: dict) -> dict[str, str]:
    """The "special relationship" counts in words (:func:`phrase_summary`): ``count`` (the
    phrase printed whole, then with its variants), ``who`` (the outlets' own wording and
    whose words the others are) and ``body`` ("6 times": printed whole in article bodies).

    Examples
    --------
    >>> s = phrase_sentences({"uses": 3, "distinct": 3, "repeats": 0, "verbatim": 2,
    ...     "verbatim_distinct": 2, "verbatim_body": 2, "articles": 2, "n_articles": 5,
    ...     "quoted": 2, "quoted_words": 1, "narrative": 1, "headline": 0, "variants": 1,
    ...     "example": "relationship is special", "speakers": "A B (2)"})
    >>> s["count"]
    'The phrase itself is printed 2 times (2 distinct utterances); with variants such as
    “relationship is special”, 3 times (3 distinct utterances), in 2 of the 5 articles.'
    >>> s["who"]
    'Of the 3 distinct uses, 1 is the outlets’ own wording; the other 2 are quotations (1)
    or quoted words (1) of A B (2).'
    """
    s = summary
    if not s["uses"]:
        where = ("the article" if s["n_articles"] == 1 else
                 f"any of the {plural(s['n_articles'], 'article')}")
        return {"count": f"The phrase does not occur in {where}.", "who": "",
                "body": plural(0, "time")}
    whole = (f"The phrase itself is printed {plural(s['verbatim'], 'time')} "
             f"({plural(s['verbatim_distinct'], 'distinct utterance')})" if s["verbatim"]
             else "The phrase itself is never printed whole")
    where = f"in {s['articles']} of the {plural(s['n_articles'], 'article')}"
    if s["variants"]:
        count = (f"{whole}; with variants such as “{s['example']}”, "
                 f"{plural(s['uses'], 'time')} ({plural(s['distinct'], 'distinct utterance')}), "
                 f"{where}.")
    else:
        count = f"{whole}, {where}; no variant has words between “relationship” and “special”."
    others = s["quoted"]
    kinds = (f"quotations ({others - s['quoted_words']}) or quoted words ({s['quoted_words']})"
             if s["quoted_words"] and s["quoted_words"] < others else
             "quoted words" if s["quoted_words"] else "quotations")
    own = (f"{s['narrative']} {'is' if s['narrative'] == 1 else 'are'} the outlets’ own "
           f"wording" + (f" ({s['headline']} in a headline or standfirst)" if s["headline"]
                         else ""))
    if not s["narrative"]:
        who = f"none is the outlets’ own wording; all are {kinds} of {s['speakers']}"
    elif not others:
        who = f"all {s['narrative']} are the outlets’ own wording" if s["narrative"] > 1 \
            else "it is the outlets’ own wording"
    else:
        who = f"{own}; the other {others} {'is' if others == 1 else 'are'} {kinds} of " \
              f"{s['speakers']}"
    return {"count": count,
            "who": f"Of the {plural(s['distinct'], 'distinct use')}, {who}.",
            "body": plural(s["verbatim_body"], "time")}


def frame_table(sentences: pd.DataFrame, trust: pd.DataFrame, n_articles: int) -> pd.DataFrame:
    """One row per frame: primary-frame counts and share, the 0/1 codes' counts, and the
    frame's held-out precision and recall beside them.

    Parameters
    ----------
    sentences : pandas.DataFrame
        The pipeline's sentences (``doc_id``, ``primary_frame`` and the 0/1 frame columns).
    trust : pandas.DataFrame
        :func:`analysis.evaluate.frames.trust_table`.
    n_articles : int
        Articles in the corpus.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "b"], "primary_frame": ["economic", "other"],
    ...                   "economic": [1.0, 1.0]})
    >>> trust = pd.DataFrame({"precision": [0.93, 0.26], "recall": [1.0, 0.67],
    ...                       "precision (k of n)": ["26 of 28", "6 of 23"],
    ...                       "recall (k of n)": ["26 of 26", "6 of 9"]},
    ...                      index=["economic", "other"])
    >>> row = frame_table(s, trust, 2).iloc[0]
    >>> row["primary frame of"], row["carries the frame"], row["held-out precision"]
    ('1 of 2 sentences, in 1 of 2 articles', '2 of 2 sentences, in 2 of 2 articles', '93%
    (26 of 28)')
    """
    names = list(trust.index)
    flags = primary_indicators(sentences, names).assign(doc_id=sentences["doc_id"])
    primary = coded_counts(flags, names, n_articles)
    columns = [n for n in names if n in sentences.columns]
    carries = coded_counts(sentences, columns, n_articles)["counts"] if columns else pd.Series()
    return pd.DataFrame({
        "frame": [frame_label(n) for n in names],
        "primary frame of": primary["counts"].to_numpy(),
        "share (95% interval)": share_cells(primary).to_numpy(),
        "carries the frame": [carries.get(n, "(no 0/1 code: no other frame reached the "
                                             "threshold)") for n in names],
        "held-out precision": [f"{p:.0%} ({k})" for p, k in
                               zip(trust["precision"], trust["precision (k of n)"])],
        "held-out recall": [f"{r:.0%} ({k})" for r, k in
                            zip(trust["recall"], trust["recall (k of n)"])]})


def absent_sentence(counts: pd.DataFrame, groups: dict[str, list[str]]) -> str:
    """The frames no sentence has as its primary frame, and which of them are under-found
    (their absence is then no evidence).

    Parameters
    ----------
    counts : pandas.DataFrame
        :func:`coded_counts` of :func:`primary_indicators` (index: frame names).
    groups : dict
        :func:`trust_groups`.

    Examples
    --------
    >>> counts = pd.DataFrame({"sentences": [0, 0, 3]},
    ...                       index=["morality", "public_opinion", "economic"])
    >>> absent_sentence(counts, {"under_found": ["Public opinion"]})
    'No sentence has Morality or Public opinion as its primary frame. Public opinion is
    under-found, so its absence is not evidence; nor is any absence evidence about the
    press, since the articles are not a sample.'
    """
    absent = [frame_label(n) for n in counts.index[counts["sentences"] == 0] if n != OTHER]
    if not absent:
        return "Every frame is the primary frame of at least one sentence."
    weak = [a for a in absent if a in groups.get("under_found", [])]
    weak_text = (f" {join(weak)} {'is' if len(weak) == 1 else 'are'} under-found, so "
                 f"{'its' if len(weak) == 1 else 'their'} absence is not evidence; nor is any "
                 "absence evidence about the press, since the articles are not a sample."
                 if weak else " An absence says nothing about the press: the articles are not "
                 "a sample.")
    return f"No sentence has {join(absent, 'or')} as its primary frame.{weak_text}"

"""Tables for the tone chapter: VADER's limits made visible.

- :func:`without_misread`: each sentence's compound score with the words VADER likely
  misreads set to zero (:func:`analysis.sentiment.misreadings`), to re-run a comparison.
- :func:`misreading_table`: the misread words, what they add to the scores, and an example
  linked to its sentence in the annotated articles.
- :func:`drivers_table`: the words that make up a difference of tone
  (:func:`analysis.sentiment.tone_drivers`), marked where the reading is lexical.
- :func:`target_groups`: sentences about the relationship, about Russia, both or neither.
- :func:`extremes`, :func:`extremes_sentence`: the highest and the lowest group and
  the gap between them, untested (a pair picked after looking).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis import anchors
from analysis.figures import article_labels
from analysis.sentiment import (
    TARGET_TERMS,
    TARGETS,
    compound_without,
    label,
    misreadings,
    summarise_misreadings,
    unscored_idioms,
)
from analysis.stats import Difference
from analysis.wording import join, k_of_n, number_word, plural, signed

RELATIONSHIP, RUSSIA = "UK–US relationship", "Russia or Putin"
if set(TARGETS) != {RELATIONSHIP, RUSSIA}:  # the names the chapter reads
    raise ImportError(f"analysis.sentiment.TARGETS changed: {sorted(TARGETS)}")


def without_misread(sentences: pd.DataFrame) -> pd.Series:
    """Each sentence's compound score with its likely misread words set to zero; the VADER
    score itself where nothing is misread.

    Examples
    --------
    >>> s = pd.DataFrame({"text": ["She tested positive.", "A good day."],
    ...                   "compound": [0.5574, 0.4404]})
    >>> without_misread(s).tolist()
    [0.0, 0.4404]
    """
    found = misreadings(sentences["text"])
    scores = sentences["compound"].to_numpy(dtype=float).copy()
    per_text = found.drop_duplicates("text_id").set_index("text_id")["compound_without"]
    scores[per_text.index.to_numpy(dtype=int)] = per_text.to_numpy(dtype=float)
    return pd.Series(scores, index=sentences.index, name="compound_without_misread")


def misreading_table(sentences: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """The words VADER likely misreads in these sentences, most influential first.

    Returns
    -------
    pandas.DataFrame
        Index ``word``; ``sentences`` (how many it occurs in), ``contribution`` (summed
        share of the compound scores it makes), ``reason``, ``article`` and ``example``
        (the shortest sentence it occurs in, linked to its place in the annotated
        articles: :class:`~analysis.safe.Markup`).

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["Sky News"]})
    >>> s = pd.DataFrame({"doc_id": ["a"], "sentence": [3], "text": ["She tested positive."]})
    >>> table = misreading_table(s, corpus)
    >>> table.index.tolist(), str(table.loc["positive", "example"])
    (['positive'], '<a href="../annotated/a.html#a-s-3">She tested positive.</a>')
    """
    found = misreadings(sentences["text"])
    table = summarise_misreadings(found)
    columns = ["sentences", "contribution", "reason", "article", "example"]
    if table.empty:
        return pd.DataFrame(columns=columns, index=pd.Index([], name="word"))
    rows = sentences.reset_index(drop=True)
    first = (found.assign(word=found["word"].str.lower(), length=found["text"].str.len())
             .sort_values(["length", "text_id"]).groupby("word")["text_id"].first())
    where = rows.loc[first.reindex(table.index).to_numpy(dtype=int)]
    table["article"] = where["doc_id"].map(article_labels(corpus)).to_numpy()
    table["example"] = anchors.link_cells(where["text"], anchors.sentence_links(where))
    return table[columns]


def idiom_table(sentences: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """The sentences that hold a figure of speech VADER cannot see
    (:func:`analysis.sentiment.unscored_idioms`), one row each, with VADER's score of them.

    Returns
    -------
    pandas.DataFrame
        ``figure of speech`` (the idioms, as written), ``its tone`` ("negative" or
        "positive"), ``VADER compound`` (the sentence's score), ``VADER label``,
        ``article`` and ``sentence`` (linked to its place in the annotated articles:
        :class:`~analysis.safe.Markup`); empty, with these columns, when none occurs.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["Sky News"]})
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "sentence": [1, 2],
    ...                   "text": ["He poured cold water on the good plan.", "A quiet day."]})
    >>> table = idiom_table(s, corpus)
    >>> table[["figure of speech", "its tone", "VADER label"]].values.tolist()
    [['poured cold water', 'negative', 'positive']]
    """
    columns = ["figure of speech", "its tone", "VADER compound", "VADER label", "article",
               "sentence"]
    found = unscored_idioms(sentences["text"])
    if found.empty:
        return pd.DataFrame(columns=columns)
    rows = sentences.reset_index(drop=True)
    per = found.groupby("text_id", sort=True).agg(
        idioms=("match", lambda m: "; ".join(dict.fromkeys(m))),
        signs=("sign", lambda v: "mixed" if v.nunique() > 1 else
               ("positive" if v.iloc[0] == "+" else "negative")),
        compound=("compound", "first"))
    where = rows.loc[per.index.to_numpy(dtype=int)]
    return pd.DataFrame({
        "figure of speech": per["idioms"].to_numpy(),
        "its tone": per["signs"].to_numpy(),
        "VADER compound": per["compound"].to_numpy(dtype=float),
        "VADER label": label(per["compound"]),
        "article": where["doc_id"].map(article_labels(corpus)).to_numpy(),
        "sentence": anchors.link_cells(where["text"], anchors.sentence_links(where))},
        columns=columns)


def negative_misread_sentence(sentences: pd.DataFrame, corpus: pd.DataFrame) -> str:
    """Misreadings that lower a score: how many sentences hold a negative lexicon word in a
    neutral sense, and the one whose score they move most, worked through: its score as
    VADER gives it, with only those negative words at zero, and with every likely misread
    word in it at zero (when that differs).

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["Sky News"]})
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "sentence": [1, 2], "text": [
    ...     "“We fought wars together,” he said.", "A quiet day."]})
    >>> print(negative_misread_sentence(s, corpus))
    Misreadings also lower scores: negative words in a neutral sense or inside a name occur
    in 1 of the 2 sentences (“wars” and “fought”). In “‘We fought wars together,’ he
    said.” (Sky News), VADER gives −0.71; with “fought” and “wars” at zero, 0.00. The
    reading is likely wrong: allies fighting on one side (we fought wars together), shared
    history, not hostility.

    A sentence that also holds a positive misread word is scored twice more: with the
    negative words at zero only, and with every misread word at zero.

    >>> s = pd.DataFrame({"doc_id": ["a"], "sentence": [1], "text": [
    ...     "Our special relationship was forged as we fought wars together."]})
    >>> print(negative_misread_sentence(s, corpus).split(". ")[1])
    In “Our special relationship was forged as we fought wars together.” (Sky News), VADER
    gives −0.49; with “fought” and “wars” at zero, +0.40 (with every likely misread word
    in it at zero, “special” too, 0.00)
    """
    every = misreadings(sentences["text"])
    lowering = every[every["valence"] < 0]  # in a neutral sense, or inside a name ("No 10")
    if lowering.empty:
        return (f"No negative word in a listed neutral sense or inside a name occurs in the "
                f"{plural(len(sentences), 'sentence')}.")
    words = list(dict.fromkeys(lowering.sort_values("contribution", kind="stable")["word"]
                               .str.lower()))
    senses = lowering[lowering["kind"] == "sense"]
    found = senses if len(senses) else lowering  # the worked example: a sense if there is one
    moved = (found["compound"] - found["compound_without"]).abs()
    example = found.loc[moved.idxmax()]
    own = list(dict.fromkeys(found.loc[found["text_id"] == example["text_id"], "word"]))
    others = [w for w in dict.fromkeys(every.loc[every["text_id"] == example["text_id"], "word"])
              if w not in own]
    only_own = float(compound_without([example["text"]], own).iloc[0])
    doc = sentences["doc_id"].iloc[int(example["text_id"])]
    quoted = str(example["text"]).strip().replace("“", "‘").replace("”", "’")  # quote in quote
    every_word = ("" if not others else
                  f" (with every likely misread word in it at zero, "
                  f"{join([f'“{w}”' for w in others])} too, "
                  f"{signed(example['compound_without'])})")
    return (f"Misreadings also lower scores: negative words in a neutral sense or inside a "
            f"name occur in {lowering['text_id'].nunique():,} of the "
            f"{plural(len(sentences), 'sentence')} "
            f"({join([f'“{w}”' for w in words], limit=6)}). In “{quoted}” "
            f"({article_labels(corpus).get(doc, doc)}), VADER gives "
            f"{signed(example['compound'])}; with {join([f'“{w}”' for w in own])} at zero, "
            f"{signed(only_own)}{every_word}. The reading is likely wrong: "
            f"{example['reason']}.")


def drivers_table(drivers: pd.DataFrame, k: int = 10) -> pd.DataFrame:
    """The ``k`` words that move a difference of tone most, for a table.

    Parameters
    ----------
    drivers : pandas.DataFrame
        :func:`analysis.sentiment.tone_drivers`.

    Returns
    -------
    pandas.DataFrame
        ``in A`` and ``in B`` (sentences that hold the word, the unit the prose counts),
        ``part of the difference`` (adds up, over all
        words, to the difference of mean compound), ``share`` of it, and ``lexical?`` (the
        reason the word is likely misread, or "").

    Examples
    --------
    >>> from analysis.sentiment import tone_drivers
    >>> d = tone_drivers(["A special relationship."], ["Russian aggression."])
    >>> table = drivers_table(d)
    >>> table.index.tolist(), (table["lexical?"] != "").tolist()
    (['special', 'aggression'], [True, False])
    """
    top = drivers.head(k)
    return pd.DataFrame({"in A": top["sentences_a"], "in B": top["sentences_b"],
                         "part of the difference": top["difference"].round(4),
                         "share": top["share"],
                         "lexical?": top["reason"].where(top["misread_difference"] != 0, "")},
                        index=top.index)


def target_groups(scored: pd.DataFrame) -> pd.Series:
    """Which target each sentence mentions: ``"relationship"``, ``"Russia"``, ``"both"``
    or ``"neither"`` (from the target columns of
    :func:`analysis.sentiment.score_sentences`).

    Examples
    --------
    >>> s = pd.DataFrame({RELATIONSHIP: [True, True, False, False],
    ...                   RUSSIA: [False, True, True, False]})
    >>> target_groups(s).tolist()
    ['relationship', 'both', 'Russia', 'neither']
    """
    rel, rus = scored[RELATIONSHIP].astype(bool), scored[RUSSIA].astype(bool)
    return pd.Series(np.select([rel & rus, rel, rus], ["both", "relationship", "Russia"],
                               "neither"), index=scored.index, name="target")


def target_design_sentence(scored: pd.DataFrame) -> str:
    """The comparison target said to be a design choice, in the words its pattern matches
    (:data:`analysis.sentiment.TARGET_TERMS`), with how many sentences and articles mention
    it: counts first, and a plain statement when none does.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a", "b"], RELATIONSHIP: [True, False, False],
    ...                   RUSSIA: [False, True, False]})
    >>> print(target_design_sentence(s))
    The second group is fixed by the project's design, not found from the corpus: sentences
    that mention Russia, Putin, the Kremlin or Moscow (the patterns of
    analysis.sentiment.TARGETS); they are 1 of the 3 sentences, in 1 of the 2 articles. On
    a corpus about other leaders another comparison may fit better.
    >>> print(target_design_sentence(s.assign(**{RUSSIA: False})).split("; ")[1])
    no sentence here mentions them, so there is nothing to compare. On a corpus about other
    leaders another comparison may fit better.
    """
    terms = join(TARGET_TERMS[RUSSIA], "or")
    hits = scored[RUSSIA].astype(bool)
    n_docs = scored["doc_id"].nunique()
    count = ("no sentence here mentions them, so there is nothing to compare" if not hits.any()
             else f"they are {k_of_n(int(hits.sum()), len(scored), 'sentence')}, in "
                  f"{k_of_n(scored.loc[hits, 'doc_id'].nunique(), n_docs, 'article')}")
    return ("The second group is fixed by the project's design, not found from the corpus: "
            f"sentences that mention {terms} (the patterns of analysis.sentiment.TARGETS); "
            f"{count}. On a corpus about other leaders another comparison may fit better.")


def extremes(table: pd.DataFrame) -> tuple[str, str, float] | None:
    """The groups with the highest and the lowest mean, and the gap between them.

    No interval and no verdict: the two are picked *after* looking at every group, as the
    highest and the lowest, so a 95% interval for their difference (made for two groups
    chosen beforehand) would be too narrow, and the gap is the largest in the set by
    construction. :func:`extremes_sentence` says so.

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`analysis.stats.grouped_mean` (index: groups; ``estimate``).

    Returns
    -------
    (str, str, float) or None
        The highest group, the lowest, and the highest mean minus the lowest; None when
        fewer than two groups have an estimate.

    Examples
    --------
    >>> table = pd.DataFrame({"estimate": [0.1, 0.45, -0.2, np.nan]}, index=list("abcd"))
    >>> high, low, gap = extremes(table)
    >>> high, low, round(gap, 2)
    ('b', 'c', 0.65)
    >>> extremes(table.loc[["a", "d"]]) is None
    True
    """
    known = table["estimate"].dropna()
    if len(known) < 2:
        return None
    high = known.sort_values(ascending=False, kind="stable").index[0]
    low = known.sort_values(kind="stable").index[0]
    return high, low, float(known[high] - known[low])


def extremes_sentence(high: str, low: str, values: tuple[float, float], n: int,
                      thing: str = "article", top: str = "highest-scoring",
                      bottom: str = "lowest-scoring", fmt: str = "{:+.2f}",
                      unit: str = "") -> str:
    """The highest and the lowest of ``n`` groups and the gap between them, said to be
    untested (:func:`extremes`).

    Parameters
    ----------
    high, low : str
        How the prose names the two (labels).
    values : (float, float)
        The highest value and the lowest.
    n : int
        How many groups were looked at.
    top, bottom : str
        The words for the highest and the lowest ("hardest", "plainest").

    Examples
    --------
    >>> print(extremes_sentence("Sky News", "The Independent", (0.41, 0.06), 5))
    The highest-scoring of the five articles (Sky News: +0.41) and the lowest-scoring (The
    Independent: +0.06) are +0.35 apart. As a pair picked after looking at all five, their
    gap is not tested: it is the largest in the set by construction, and no interval or
    verdict is given for it.
    >>> print(extremes_sentence("A", "B", (14.1, 12.0), 2, top="hardest",
    ...                         bottom="plainest", fmt="{:.1f}", unit="grades"))
    The hardest of the two articles (A: 14.1) and the plainest (B: 12.0) are 2.1 grades
    apart. As a pair picked after looking at both, their gap is not tested: it is the
    largest in the set by construction, and no interval or verdict is given for it.
    """
    unit = f" {unit}" if unit else ""

    def fmt_(value: float) -> str:
        return fmt.format(value).replace("-", "−")

    gap = fmt_(values[0] - values[1])
    everyone = "both" if n == 2 else f"all {number_word(n)}"
    return (f"The {top} of the {number_word(n)} {thing}s ({high}: {fmt_(values[0])}) "
            f"and the {bottom} ({low}: {fmt_(values[1])}) are {gap}{unit} apart. "
            f"As a pair picked after looking at {everyone}, their gap is not tested: it is "
            "the largest in the set by construction, and no interval or verdict is given "
            "for it.")


def misread_sentence(table: pd.DataFrame, n_with: int, n_sentences: int, k: int = 3) -> str:
    """How many sentences hold a likely misread word, and the ``k`` that move the scores
    most (:func:`misreading_table`).

    Examples
    --------
    >>> table = pd.DataFrame({"sentences": [8, 5], "contribution": [2.9, -0.4]},
    ...                      index=pd.Index(["united", "no"], name="word"))
    >>> misread_sentence(table, 12, 89, k=1)
    'Likely misread words occur in 12 of the 89 sentences; the most influential is
    “united” (in 8 sentences, adding +2.90 to their compound scores in all).'
    """
    if table.empty:
        return (f"No likely misread word occurs in the {plural(n_sentences, 'sentence')}: "
                "no lexicon word in a listed non-evaluative sense, none inside a name.")
    top = table.head(k)
    listed = "; ".join(f"“{word}” (in {plural(row['sentences'], 'sentence')}, adding "
                       f"{signed(row['contribution'])} to "
                       + ("its compound score)" if row["sentences"] == 1 else
                          "their compound scores in all)")
                       for word, row in top.iterrows())
    most = "the most influential is" if len(top) == 1 else "the most influential are"
    return (f"Likely misread words occur in {n_with:,} of the "
            f"{plural(n_sentences, 'sentence')}; {most} {listed}.")


def idiom_sentence(found: pd.DataFrame, n_sentences: int, k: int = 3) -> str:
    """How many sentences hold a figure of speech VADER has no rating for
    (:func:`analysis.sentiment.unscored_idioms`), quoted as the articles print them, and in
    how many its score runs against the idiom's tone.

    Examples
    --------
    >>> found = pd.DataFrame({"text_id": [3, 7], "idiom": ["at loggerheads"] * 2,
    ...                       "match": ["at loggerheads", "At loggerheads"],
    ...                       "against": [True, False]})
    >>> idiom_sentence(found, 89)
    'Figures of speech whose tone VADER cannot see occur in 2 of the 89 sentences (“at
    loggerheads” twice); in 1 of them the score has the opposite sign to the idiom.'

    One sentence is said as one:

    >>> one = pd.DataFrame({"text_id": [4, 4], "idiom": ["hit turbulence", "pour cold water on"],
    ...                     "match": ["hit a little turbulence", "pour cold water"],
    ...                     "against": [True, True]})
    >>> idiom_sentence(one, 89)
    'One of the 89 sentences holds figures of speech whose tone VADER cannot see (“hit a
    little turbulence” and “pour cold water”), and its score has the opposite sign to
    theirs.'
    """
    if found.empty:
        return (f"None of the {plural(n_sentences, 'sentence')} holds one of the listed "
                "figures of speech whose tone VADER cannot see (“poured cold water on”, "
                "“at loggerheads”).")
    n_with = found["text_id"].nunique()
    printed = found.groupby("idiom", sort=False)["match"].first()  # as the article prints it
    counts = found.groupby("idiom", sort=False)["text_id"].nunique().sort_values(
        ascending=False, kind="stable")
    against = int(found.loc[found["against"], "text_id"].nunique())
    if n_with == 1:
        listed = join([f"“{printed[idiom]}”" for idiom in counts.head(k).index])
        several = len(counts) > 1
        return (f"One of the {plural(n_sentences, 'sentence')} holds "
                + ("figures of speech" if several else "a figure of speech")
                + f" whose tone VADER cannot see ({listed}), and its score "
                + ("has the opposite sign to " if against else "does not run against ")
                + ("theirs." if several and against else "them." if several
                   else "the idiom’s." if against else "it."))
    times = {1: "once", 2: "twice"}
    listed = join([f"“{printed[idiom]}” {times.get(n, f'{n} times')}"
                   for idiom, n in counts.head(k).items()])
    return (f"Figures of speech whose tone VADER cannot see occur in {n_with:,} of the "
            f"{plural(n_sentences, 'sentence')} ({listed}); in {against:,} of them the score "
            "has the opposite sign to the idiom.")


def lexical_parts(drivers: pd.DataFrame) -> dict[str, float]:
    """How much of a difference of tone likely misread words make, gross and net
    (:func:`analysis.sentiment.tone_drivers`).

    Misread words sit on both sides of a comparison, and their parts of the difference
    have both signs, so they partly cancel: ``net`` is their summed part over the
    difference (what is left of it if they are set to zero is ``1 - net``), ``gross`` the
    sum of their parts each taken without its sign, over the size of the difference (how
    much they move it one way or the other). Both NaN without a difference.

    Examples
    --------
    >>> d = pd.DataFrame({"misread_difference": [0.03, -0.02, 0.0]})
    >>> d.attrs["difference"] = 0.2
    >>> {k: round(v, 2) for k, v in lexical_parts(d).items()}
    {'net': 0.05, 'gross': 0.25}
    """
    total = float(drivers.attrs.get("difference", float("nan")))
    if not np.isfinite(total) or total == 0:
        return {"net": float("nan"), "gross": float("nan")}
    part = drivers["misread_difference"].astype(float)
    return {"net": float(part.sum()) / total, "gross": float(part.abs().sum()) / abs(total)}


def table_marks_sentence(drivers: pd.DataFrame, shown: int) -> str:
    """Which likely misread words the first ``shown`` rows of :func:`drivers_table` mark,
    and how many more lie below them.

    Examples
    --------
    >>> from analysis.sentiment import tone_drivers
    >>> d = tone_drivers(["Our special relationship is strong.", "A good day."],
    ...                  ["The Security Council met.", "Talks."])
    >>> print(table_marks_sentence(d, 3))
    The table marks “security”; 1 more lies below it.
    >>> print(table_marks_sentence(d, 1))
    None of the likely misread words is in the table; 2 misread words lie below it.
    """
    misread = drivers.index[drivers["misread_difference"] != 0]
    in_table = [w for w in drivers.head(shown).index if w in misread]
    rest = len(misread) - len(in_table)
    if not len(misread):
        return "The table marks no likely misread word."
    more = f"{rest} more" if in_table else plural(rest, "misread word")
    return (("The table marks " + join(f"“{w}”" for w in in_table) if in_table
             else "None of the likely misread words is in the table")
            + (f"; {more} {'lies' if rest == 1 else 'lie'} below it." if rest else "."))


APPROXIMATE = ("the shares are approximate: VADER’s compound score is normalised, not a sum "
               "of its words")


def lexical_sentence(drivers: pd.DataFrame, shown: int | None = None, k: int = 3,
                     what: str = "this difference",
                     rescored: tuple[float, float] | None = None) -> str:
    """How much of a difference of tone comes from likely misread words, gross and net
    (:func:`lexical_parts`), and which words carry it.

    The parts come from splitting each sentence's compound score over its words in
    proportion to their valences; as VADER's compound is a normalised sum, not a sum, the
    shares are approximate and the sentence says so. With ``rescored`` (the difference as
    scored and re-scored with the misread words at zero, as the figures draw it), the net
    effect is given by the re-scored difference instead, so the two cannot disagree.

    Parameters
    ----------
    drivers : pandas.DataFrame
        :func:`analysis.sentiment.tone_drivers`.
    shown : int, optional
        The rows of :func:`drivers_table` the page shows: the words named are then the
        misread words among them, as the table marks them, and the others are counted.
        Without it, the first ``k`` misread words in the table's order are named.
    rescored : (float, float), optional
        The difference as scored and with every likely misread word at zero.

    Examples
    --------
    >>> from analysis.sentiment import tone_drivers
    >>> d = tone_drivers(["A special relationship."], ["Russian aggression."])
    >>> print(lexical_sentence(d))
    Likely misread words (“special”) make about 58% of this difference, all of them pushing
    the same way (the shares are approximate: VADER’s compound score is normalised, not a
    sum of its words): that part is lexical, not tone.
    >>> print(lexical_sentence(d, rescored=(0.74, 0.31)))
    Likely misread words (“special”) all push this difference the same way; re-scored with
    them at zero, it is +0.31 instead of +0.74: that part is lexical, not tone.
    >>> d = tone_drivers(["Our special relationship is strong.", "A good day."],
    ...                  ["The Security Council met.", "Talks."])
    >>> print(lexical_sentence(d, shown=3))
    Likely misread words move this difference one way or the other by about 79% of it,
    summed without their signs; net, since those on the two sides partly cancel, they work
    against it, by about 4% of it (the shares are approximate: VADER’s compound score is
    normalised, not a sum of its words). The table marks “security”; 1 more lies below it.
    >>> print(lexical_sentence(d, shown=3, rescored=(0.28, 0.30)))
    Likely misread words move this difference one way or the other by about 79% of it,
    summed without their signs (the shares are approximate: VADER’s compound score is
    normalised, not a sum of its words); re-scored with them at zero, it is +0.30 instead
    of +0.28: net, they work against it. The table marks “security”; 1 more lies below it.
    >>> print(lexical_sentence(d, rescored=(0.281, 0.279)).split("; ")[-1])
    re-scored with them at zero, it is unchanged at +0.28: net, it does not come from them.
    """
    parts = lexical_parts(drivers)
    misread = drivers[drivers["misread_difference"] != 0]
    if misread.empty or not np.isfinite(parts["net"]):
        return f"None of {what} comes from words VADER likely misreads."
    if shown is None:
        words = [f"“{w}”" for w in misread.index[:k]]  # the order of drivers_table
        if len(misread) > k:
            words.append(plural(len(misread) - k, "other"))
        named = f" ({join(words)})"
        where = ""
    else:
        where, named = " " + table_marks_sentence(drivers, shown), ""
    net, gross = parts["net"], parts["gross"]
    one_way = abs(gross - abs(net)) < 0.005  # one direction only: gross and net are one
    if rescored is not None:
        before, after = rescored
        if signed(after) == signed(before):  # the same at the precision printed
            then = (f"re-scored with them at zero, it is unchanged at {signed(before)}: "
                    f"net, it does not come from them.{where}")
        else:
            verdict = ("that part is lexical, not tone" if abs(after) < abs(before)
                       else "net, they work against it")
            then = (f"re-scored with them at zero, it is {signed(after)} instead of "
                    f"{signed(before)}: {verdict}.{where}")
        if one_way:
            return f"Likely misread words{named} all push {what} the same way; {then}"
        return (f"Likely misread words{named} move {what} one way or the other by about "
                f"{gross:.0%} of it, summed without their signs ({APPROXIMATE}); {then}")
    if one_way:
        if net < 0:
            return (f"Likely misread words{named} work against {what}, by about {-net:.0%} "
                    f"of it ({APPROXIMATE}): it does not come from them.{where}")
        return (f"Likely misread words{named} make about {net:.0%} of {what}, all of them "
                f"pushing the same way ({APPROXIMATE}): that part is lexical, not tone."
                f"{where}")
    head = (f"Likely misread words{named} move {what} one way or the other by about "
            f"{gross:.0%} of it, summed without their signs; net, since those on the two "
            "sides partly cancel, they ")
    if net < 0:
        return head + f"work against it, by about {-net:.0%} of it ({APPROXIMATE}).{where}"
    return (head + f"make about {net:.0%} of it ({APPROXIMATE}): that part is lexical, not "
            f"tone.{where}")


def counted(name: str, sentences: pd.DataFrame, extra: str = "") -> str:
    """A group of sentences named with its counts, for a comparison: "sentences about
    Russia (19, in 5 articles)"; ``extra`` is added inside the brackets.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a", "b"]})
    >>> counted("sentences about Russia", s, "the 6 mentioning both left out")
    'sentences about Russia (3, in 2 articles; the 6 mentioning both left out)'
    >>> counted("sentences about Russia", s.iloc[:1])
    'sentences about Russia (1, in 1 article)'
    """
    n, m = len(sentences), sentences["doc_id"].nunique()
    return f"{name} ({n:,}, in {plural(m, 'article')}" + (f"; {extra})" if extra else ")")


def largest_shift(sentences: pd.DataFrame, by: str, labels: dict | None = None,
                  k: int = 2) -> str:
    """The group (article) whose mean compound score moves most when its likely misread
    words are set to zero (column ``without_misread``, :func:`without_misread`), and the
    misread words that add most to its scores.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a", "b"],
    ...                   "text": ["The United States met.", "A good day.", "A quiet day."]})
    >>> s["compound"] = [0.42, 0.44, 0.0]
    >>> s["without_misread"] = without_misread(s)
    >>> print(largest_shift(s, "doc_id", {"a": "Sky News"}))
    With the likely misread words at zero, the mean of Sky News moves most: from +0.43 to
    +0.22, “united” adding most of what is misread in it.
    """
    means = sentences.groupby(by)[["compound", "without_misread"]].mean()
    shift = (means["compound"] - means["without_misread"]).abs()
    if shift.empty or not shift.max() > 0:
        return "Setting the likely misread words to zero moves no mean."
    row = shift.sort_values(ascending=False, kind="stable").index[0]
    texts = sentences.loc[sentences[by] == row, "text"]
    found = summarise_misreadings(misreadings(texts))
    top = found["contribution"].abs().sort_values(ascending=False, kind="stable").index[:k]
    words = join([f"“{w}”" for w in top])
    name = (labels or {}).get(row, row)
    return (f"With the likely misread words at zero, the mean of {name} moves most: from "
            f"{signed(means.loc[row, 'compound'])} to {signed(means.loc[row, 'without_misread'])}"
            f", {words} adding most of what is misread in it.")


def difference_table(differences: dict[str, Difference]) -> pd.DataFrame:
    """Differences as the rows :func:`analysis.charts.intervals` draws (index: the names).

    Examples
    --------
    >>> from analysis.stats import Interval
    >>> i = Interval(0.5, 0.4, 0.6, n_units=10, n_clusters=5)
    >>> table = difference_table({"VADER": Difference(i, i, 0.1, -0.1, 0.3, True, "articles")})
    >>> float(table.loc["VADER", "estimate"]), int(table.loc["VADER", "n_units"])
    (0.1, 20)
    """
    rows = {name: {"estimate": d.estimate, "low": d.low, "high": d.high,
                   "n_units": d.a.n_units + d.b.n_units,
                   "n_articles": max(d.a.n_clusters, d.b.n_clusters),
                   "verdict": d.verdict(), "reason": d.reason}
            for name, d in differences.items()}
    return pd.DataFrame.from_dict(rows, orient="index")

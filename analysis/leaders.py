"""The leaders side by side: what each says in the articles, measured four ways.

One row per person the book follows (:func:`analysis.people.followed_people`): how much of
their own words the articles quote (quotations and words, in how many articles), and, over
the sentences quoted from them, their tone (mean VADER compound), the share that mention a
topic, and their reading grade. Every estimate carries a 95% interval only where the
person's sentences reach the minimums of :mod:`analysis.stats` (five articles, or ten
sentences of one article); otherwise the interval is NaN and a reason says why.

Only the person's own words count: a spokesperson's words are never a leader's
(:func:`spokespeople` lists them apart).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.grades import benchmark_sentence
from analysis.people import is_spokesperson
from analysis.prose import interval_cells
from analysis.readability import grouped_readability
from analysis.sentiment import summarise_misreadings
from analysis.stats import grouped_mean, grouped_ratio
from analysis.whose_words import leader_lengths
from analysis.wording import count_phrase, join, number_word, plural

MEASURES = ("tone", "topic", "grade")


def quoted_words(quotes: pd.DataFrame, speakers) -> pd.DataFrame:
    """Quotations, quoted words and articles quoted in, per speaker (zeros for the silent).

    ``quotations`` counts distinct utterances: a quotation that repeats words the same
    speaker is quoted saying elsewhere in the article
    (:func:`analysis.speech_events.repeated_quotations`) is not counted again, as in the
    chapter "Who speaks" (:func:`analysis.whose_words.leader_lengths`, which this reads).
    ``words`` counts the words as printed.

    Examples
    --------
    >>> q = pd.DataFrame({"doc_id": ["a", "a", "b"], "speaker": ["X", "X", "X"],
    ...                   "quote": ["We stand firm", "We stand firm, always.", "Yes, we do."],
    ...                   "n_words": [3, 4, 3]})
    >>> quoted_words(q, ["X", "Y"]).to_dict("index")
    {'X': {'quotations': 2, 'words': 10, 'articles': 2}, 'Y': {'quotations': 0, 'words': 0, \
'articles': 0}}
    """
    lengths = leader_lengths(quotes, list(speakers)).rename(columns={"n_articles": "articles"})
    return lengths[["quotations", "words", "articles"]].astype(int).rename_axis(None)


def spokespeople(quotes: pd.DataFrame) -> pd.DataFrame:
    """Words said on a leader's or a body's behalf, per spokesperson label, kept apart.

    Returns
    -------
    pandas.DataFrame
        Index: the label ("Downing Street spokesperson"); ``quotations, words, articles``,
        most words first.

    Examples
    --------
    >>> q = pd.DataFrame({"doc_id": ["a", "a"], "n_words": [9, 4], "quote": ["x", "y"],
    ...                   "speaker": ["Downing Street spokesperson", "Liz Truss"]})
    >>> spokespeople(q).to_dict("index")
    {'Downing Street spokesperson': {'quotations': 1, 'words': 9, 'articles': 1}}
    """
    if not len(quotes):
        return quoted_words(quotes, [])
    labels = sorted(set(quotes.loc[is_spokesperson(quotes["speaker"]), "speaker"]))
    table = quoted_words(quotes, labels)
    return table.sort_values("words", ascending=False, kind="stable")


def _interval_columns(table: pd.DataFrame, prefix: str, people) -> pd.DataFrame:
    columns = {"estimate": prefix, "low": f"{prefix}_low", "high": f"{prefix}_high",
               "reason": f"{prefix}_reason"}
    out = table.reindex(list(people))[list(columns)].rename(columns=columns)
    out[f"{prefix}_reason"] = out[f"{prefix}_reason"].fillna("")
    return out


def own_sentences(sentences: pd.DataFrame, names, topic: str) -> pd.DataFrame:
    """The sentences quoted from ``names`` (their own words), with ``_topic`` (0/1 float for
    the topic column) and ``_one`` (1.0) for ratios and their differences.

    Examples
    --------
    >>> s = pd.DataFrame({"quoted": [True, True, False], "speaker": ["A", "B", ""],
    ...                   "war": [1, 0, 1]})
    >>> own_sentences(s, ["A"], "war")[["speaker", "_topic", "_one"]].values.tolist()
    [['A', 1.0, 1.0]]
    """
    own = sentences[sentences["quoted"].astype(bool) & sentences["speaker"].isin(list(names))]
    return own.assign(_topic=own[topic].astype(float), _one=1.0)


def leader_profiles(sentences: pd.DataFrame, quotes: pd.DataFrame, people: pd.DataFrame,
                    topic: str, **kwargs) -> pd.DataFrame:
    """One row per person followed: their own words, tone, a topic's share and their grade.

    Parameters
    ----------
    sentences : pandas.DataFrame
        The pipeline's sentence table: ``doc_id, quoted, speaker, compound``, the
        readability counts and one 0/1 column per topic.
    quotes : pandas.DataFrame
        The quotation table (``doc_id, speaker, n_words``).
    people : pandas.DataFrame
        :func:`analysis.people.followed_people` (index: name; ``nationality, role,
        n_articles``), in the order the rows should keep.
    topic : str
        The topic column whose share of the person's quoted sentences is reported.
    **kwargs
        Passed to the bootstrap (``n_boot``, ``seed``).

    Returns
    -------
    pandas.DataFrame
        Index: the people. ``nationality, role, n_articles`` (articles about them, from
        the metadata); ``quotations, words, quoted_in`` (quotations, quoted words, articles
        they are quoted in), ``most_in_article`` (the most quoted words in any one
        article); ``sentences, sentence_articles`` (their quoted sentences and
        the articles those are in); ``tone, tone_low, tone_high, tone_reason`` (mean
        compound); ``topic_k`` (sentences mentioning the topic), ``topic, topic_low,
        topic_high, topic_reason`` (their share); ``grade, grade_low, grade_high,
        grade_reason`` (Flesch–Kincaid). Estimates are NaN for a person never quoted.

    Examples
    --------
    >>> people = pd.DataFrame({"nationality": ["UK", "US"], "role": ["uk_leader",
    ...     "us_counterpart"], "n_articles": [1, 1]}, index=["A", "B"])
    >>> sents = pd.DataFrame({"doc_id": ["d"] * 3, "quoted": [True, True, False],
    ...     "speaker": ["A", "A", ""], "compound": [0.5, 0.1, 0.0], "war": [1, 0, 1],
    ...     "sentences": 1, "words": 10, "syllables": 14, "letters": 50,
    ...     "polysyllables": 1, "difficult_words": 2})
    >>> quotes = pd.DataFrame({"doc_id": ["d"], "speaker": ["A"], "n_words": [20], "quote": ["x"]})
    >>> table = leader_profiles(sents, quotes, people, "war")
    >>> [float(table.loc["A", c]) for c in ("words", "sentences", "topic_k", "topic")]
    [20.0, 2.0, 1.0, 0.5]
    >>> table.loc["A", "tone_reason"]
    '2 sentences in one article: an interval needs at least 10'
    >>> bool(np.isnan(table.loc["B", "tone"])), int(table.loc["B", "sentences"])
    (True, 0)
    """
    names = list(people.index)
    own = own_sentences(sentences, names, topic)
    table = people[["nationality", "role", "n_articles"]].copy()
    lengths = leader_lengths(quotes, names)
    table[["quotations", "words", "quoted_in", "most_in_article"]] = lengths[
        ["quotations", "words", "n_articles", "most_words"]].to_numpy()
    table["sentences"] = own.groupby("speaker").size().reindex(names, fill_value=0)
    table["sentence_articles"] = (own.groupby("speaker")["doc_id"].nunique()
                                  .reindex(names, fill_value=0))
    tone = grouped_mean(own, "speaker", "compound", **kwargs)
    share = grouped_ratio(own, "speaker", "_topic", "_one", **kwargs)
    grade = (grouped_readability(own, "speaker", **kwargs)
             .query("metric == 'flesch_kincaid_grade'").set_index("group"))
    table = table.join(_interval_columns(tone, "tone", names))
    table["topic_k"] = share["_topic"].reindex(names).fillna(0).astype(int)
    table = table.join(_interval_columns(share, "topic", names))
    table = table.join(_interval_columns(grade, "grade", names))
    for column in ("tone_reason", "topic_reason", "grade_reason"):
        table[column] = table[column].where(table["sentences"] > 0, "not quoted")
    return table


def quoted_phrase(row: pd.Series) -> str:
    """The counts of one person's own words for prose and labels.

    Examples
    --------
    >>> quoted_phrase(pd.Series({"words": 352, "quotations": 19, "quoted_in": 1}))
    '352 words in 19 quotations, 1 article'
    >>> quoted_phrase(pd.Series({"words": 0, "quotations": 0, "quoted_in": 0}))
    'not quoted'
    """
    if not row["quotations"]:
        return "not quoted"
    return (f"{plural(int(row['words']), 'word')} in "
            f"{plural(int(row['quotations']), 'quotation')}, "
            f"{plural(int(row['quoted_in']), 'article')}")


def most_mentioned_topic(sentences: pd.DataFrame, topics, people) -> str:
    """The topic mentioned in most of ``people``'s quoted sentences (first listed on ties;
    the first topic when none is mentioned).

    Examples
    --------
    >>> s = pd.DataFrame({"quoted": [True, True, False], "speaker": ["A", "A", ""],
    ...                   "war": [0, 1, 1], "trade": [1, 1, 0]})
    >>> most_mentioned_topic(s, ["war", "trade"], ["A"])
    'trade'
    """
    topics = list(topics)
    if not topics:
        return ""
    own = own_sentences(sentences, people, topics[0])
    counts = own[topics].astype(float).sum().reindex(topics).fillna(0)
    return topics[int(np.argmax(counts.to_numpy()))]


ROLE_LABELS = {"uk_leader": "UK figure", "us_counterpart": "US counterpart",
               "quoted": "quoted"}  # the metadata's uk_leader, us_counterparts, or neither


def profiles_title(n: int, quoted: int | None = None, noun: str = "person followed",
                   plural_noun: str = "people followed") -> str:
    """The figure's title, built from the counts: never typed, never calling everyone a
    leader.

    Examples
    --------
    >>> profiles_title(7, 4)
    'The 7 people followed: 4 quoted in their own words'
    >>> profiles_title(1, 1), profiles_title(3, 0)
    ('The person followed, in their own words', 'The 3 people followed: none quoted')
    """
    if n == 1:
        return f"The {noun}, in their own words" if quoted else f"The {noun}: not quoted"
    head = f"The {n:,} {plural_noun}"
    if quoted is None:
        return f"{head}, in their own words"
    return f"{head}: {quoted:,} quoted in their own words" if quoted else f"{head}: none quoted"


def article_words(quotes: pd.DataFrame, speakers) -> pd.Series:
    """Quoted words per (speaker, article), for the people in ``speakers``: a person
    quoted in several articles is drawn article by article, never as one total against
    another person's single article.

    Examples
    --------
    >>> q = pd.DataFrame({"doc_id": ["a", "a", "b"], "speaker": ["X", "X", "X"],
    ...                   "n_words": [3, 4, 5]})
    >>> article_words(q, ["X", "Y"]).to_dict()
    {('X', 'a'): 7, ('X', 'b'): 5}
    """
    own = quotes[quotes["speaker"].isin(list(speakers))] if len(quotes) else quotes
    if not len(own):
        return pd.Series(dtype=int, index=pd.MultiIndex.from_tuples([], names=["speaker",
                                                                              "doc_id"]))
    return own.groupby(["speaker", "doc_id"])["n_words"].sum().astype(int)


def _listed(table: pd.DataFrame, limit: int) -> str:
    """"A (352 words in 19 quotations, 1 article), B (…) and 3 others" for prose."""
    items = [f"{name} ({quoted_phrase(row)})" for name, row in table.head(limit).iterrows()]
    rest = len(table) - len(items)
    if rest:
        items.append(f"{rest:,} other{'s' if rest != 1 else ''} (see the table)")
    return join(items)


def coverage_sentence(profiles: pd.DataFrame, limit: int = 6) -> str:
    """Who is quoted in their own words, and who never is, with the counts.

    Up to ``limit`` people are named with their counts, in the table's order; past that,
    the rest are counted.

    Examples
    --------
    >>> p = pd.DataFrame({"quotations": [19, 0], "words": [352, 0], "quoted_in": [1, 0]},
    ...                  index=["Keir Starmer", "Donald Trump"])
    >>> print(coverage_sentence(p))
    One of the two people followed is quoted in their own words: Keir Starmer (352 words in
    19 quotations, 1 article). Donald Trump is never quoted in these articles.
    """
    n = len(profiles)
    if n == 0:
        return "The articles name no one to follow, and quote no British or American figure."
    quoted = profiles[profiles["quotations"] > 0]
    silent = list(profiles.index[profiles["quotations"] == 0])
    people = "person followed" if n == 1 else f"{number_word(n)} people followed"
    if quoted.empty:
        head = ("The one person followed is" if n == 1 else f"None of the {people} is")
        return f"{head} quoted in their own words in these articles."
    share = ("The one person followed is" if n == 1 else
             f"{'All' if len(quoted) == n else number_word(len(quoted), capital=True)} "
             f"{'of the ' if len(quoted) < n else ''}{people} "
             f"{'is' if len(quoted) == 1 else 'are'}")
    text = f"{share} quoted in their own words: {_listed(quoted, limit)}."
    if silent:
        shown = silent if len(silent) <= limit else silent[:limit] + [
            f"{len(silent) - limit:,} others"]
        text += (f" {join(shown)} {'is' if len(silent) == 1 else 'are'} never quoted "
                 "in these articles.")
    return text


def spokespeople_sentence(table: pd.DataFrame, limit: int = 4) -> str:
    """The spokespeople's words, kept apart from the leaders', in one sentence.

    Examples
    --------
    >>> t = pd.DataFrame({"quotations": [7], "words": [127], "articles": [1]},
    ...                  index=["Downing Street spokesperson"])
    >>> print(spokespeople_sentence(t))
    Words said on someone's behalf are not counted as theirs: Downing Street spokesperson
    (127 words in 7 quotations, 1 article).
    >>> spokespeople_sentence(t.iloc[:0])
    'No spokesperson is quoted.'
    """
    if table.empty:
        return "No spokesperson is quoted."
    listed = table.rename(columns={"articles": "quoted_in"})
    return ("Words said on someone's behalf are not counted as theirs: "
            f"{_listed(listed, limit).replace(' (see the table)', '')}.")


def profile_table(profiles: pd.DataFrame, topic_label: str = "mention the topic") -> pd.DataFrame:
    """The profiles as a table for the book: counts first, intervals or why there are none.

    Examples
    --------
    >>> people = pd.DataFrame({"nationality": ["UK"], "role": ["uk_leader"],
    ...                        "n_articles": [1]}, index=["A"])
    >>> sents = pd.DataFrame({"doc_id": ["d"] * 2, "quoted": [True, True],
    ...     "speaker": ["A", "A"], "compound": [0.5, 0.1], "war": [1, 0], "sentences": 1,
    ...     "words": 10, "syllables": 14, "letters": 50, "polysyllables": 1,
    ...     "difficult_words": 2})
    >>> quotes = pd.DataFrame({"doc_id": ["d"], "speaker": ["A"], "n_words": [20], "quote": ["x"]})
    >>> row = profile_table(leader_profiles(sents, quotes, people, "war")).loc["A"]
    >>> row["own words quoted"], row["mention the topic"], row["tone"]
    ('20 words in 1 quotation, 1 article', '1 of 2: 50% (no interval)', '+0.30 (no interval)')
    """
    def cells(prefix: str, fmt: str) -> pd.Series:
        part = profiles[[prefix, f"{prefix}_low", f"{prefix}_high"]].set_axis(
            ["estimate", "low", "high"], axis=1)
        return interval_cells(part, fmt).where(profiles["sentences"] > 0, "–")

    topic = cells("topic", "{:.0%}")
    counts = [f"{int(k)} of {int(n)}: " if n else "" for k, n in
              zip(profiles["topic_k"], profiles["sentences"])]
    reasons = profiles["tone_reason"].where(profiles["tone_reason"] != "not quoted", "")
    roles = profiles["role"].map(ROLE_LABELS).fillna(profiles["role"])
    quoted_only = profiles["role"] == "quoted"
    roles = roles.where(~quoted_only, roles + " (" + profiles["nationality"].astype(str) + ")")
    return pd.DataFrame({
        "role": roles,
        "articles about them": profiles["n_articles"],
        "own words quoted": [quoted_phrase(r) for _, r in profiles.iterrows()],
        "quoted sentences": [
            f"{int(n)} in {int(m)} article{'s' if m != 1 else ''}" if n else "none"
            for n, m in zip(profiles["sentences"], profiles["sentence_articles"])],
        "tone": cells("tone", "{:+.2f}"),
        topic_label: [c + t if c else t for c, t in zip(counts, topic)],
        "reading grade": cells("grade", "{:.1f}"),
        "why no interval": reasons,
    }, index=profiles.index)


def base_sentence(own: pd.DataFrame, n_sentences: int) -> str:
    """What the tone, topic and grade rest on: the people's quoted sentences, or none.

    Examples
    --------
    >>> own = pd.DataFrame({"doc_id": ["a", "a", "b"]})
    >>> print(base_sentence(own, 89))
    Their quoted sentences, 3 of 89 sentences in 2 articles, are the base of the three other
    measures.
    >>> base_sentence(own.iloc[:0], 29)
    'No sentence is quoted from them: there is no tone, topic or reading grade to compare.'
    """
    if own.empty:
        return "No sentence is quoted from them: there is no tone, topic or reading grade to " \
               "compare."
    counts = count_phrase(len(own), n_sentences, n_clusters=own["doc_id"].nunique())
    return f"Their quoted sentences, {counts}, are the base of the three other measures."


def topic_sentence(own: pd.DataFrame, topic: str) -> str:
    """How many of the people's quoted sentences mention ``topic`` (``own`` from
    :func:`own_sentences`, with ``_topic``).

    Examples
    --------
    >>> own = pd.DataFrame({"doc_id": ["a", "a", "b"], "_topic": [1.0, 0.0, 1.0]})
    >>> topic_sentence(own, "the war")
    'Of their quoted sentences, 2 of 3 (in 2 articles) mention the war.'
    >>> topic_sentence(own.iloc[:0], "the war")
    'No quoted sentence of theirs can mention the war.'
    """
    if own.empty:
        return f"No quoted sentence of theirs can mention {topic}."
    k = int(own["_topic"].sum())
    m = own.loc[own["_topic"] > 0, "doc_id"].nunique()
    where = f" (in {plural(m, 'article')})" if k else ""
    verb = "mentions" if k == 1 else "mention"
    return f"Of their quoted sentences, {k:,} of {len(own):,}{where} {verb} {topic}."


def misread_sentence(found: pd.DataFrame, n_own: int, top: int = 3) -> str:
    """How often VADER likely misreads a word in the people's quoted sentences
    (``found`` from :func:`analysis.sentiment.misreadings` of those sentences).

    Examples
    --------
    >>> found = pd.DataFrame({"text_id": [0, 0, 2], "word": ["United", "special", "united"],
    ...                       "contribution": [0.2, 0.3, 0.2], "text": ["a", "a", "b"],
    ...                       "reason": ["name", "sense", "name"]})
    >>> print(misread_sentence(found, 5))
    VADER scores words, not intentions: in 2 of the 5 sentences quoted from these people it
    scores a word it likely misreads, most often “united” and “special”.
    >>> misread_sentence(found.iloc[:0], 5)
    'VADER finds no word it likely misreads in their quoted sentences.'
    >>> misread_sentence(found.iloc[:0], 0)
    'No quoted sentence of theirs to score.'
    """
    if n_own == 0:
        return "No quoted sentence of theirs to score."
    if found.empty:
        return "VADER finds no word it likely misreads in their quoted sentences."
    k = found["text_id"].nunique()
    words = summarise_misreadings(found).index[:top]
    return (f"VADER scores words, not intentions: in {k:,} of the {n_own:,} sentences quoted "
            f"from these people it scores a word it likely misreads, most often "
            f"{join(f'“{w}”' for w in words)}.")


def grade_benchmark_sentence(profiles: pd.DataFrame, bench) -> str:
    """The people's reading grades against a news benchmark
    (:func:`analysis.grades.news_benchmark`), only for those whose grade has an interval:
    a grade over two or three quoted sentences is not set against thousands of stories.

    Examples
    --------
    >>> from analysis.grades import Benchmark
    >>> bench = Benchmark("BBC News stories", "g", 9, 8.5, 9.7, 10.7, 11.9, 12.7, "", "", "")
    >>> p = pd.DataFrame({"grade": [11.8, 9.1], "grade_low": [8.4, np.nan],
    ...                   "grade_high": [15.6, np.nan]}, index=["A", "B"])
    >>> print(grade_benchmark_sentence(p, bench))
    Only A’s grade has an interval: 11.8 (8.4 to 15.6) against BBC News stories, whose median
    is 10.7; its interval reaches into the middle half of those stories (9.7 to 11.9), so it
    cannot be placed against them. The others are not set against BBC News stories.
    >>> grade_benchmark_sentence(p.assign(grade_low=np.nan), bench)
    'No person’s grade has an interval, so none is set against BBC News stories.'
    """
    known = profiles[profiles["grade"].notna() & profiles["grade_low"].notna()]
    if known.empty:
        return f"No person’s grade has an interval, so none is set against {bench.name}."
    rest = len(profiles[profiles["grade"].notna()]) - len(known)
    tail = f" The others are not set against {bench.name}." if rest else ""
    if len(known) == 1:
        row = known.iloc[0]
        grade, low, high = (float(row[c]) for c in ("grade", "grade_low", "grade_high"))
        reach = ("its interval reaches into the middle half of those stories "
                 f"({bench.q1:.1f} to {bench.q3:.1f}), so it cannot be placed against them"
                 if low <= bench.q3 else
                 f"its whole interval lies above the middle half of those stories "
                 f"({bench.q1:.1f} to {bench.q3:.1f})")
        return (f"Only {known.index[0]}’s grade has an interval: {grade:.1f} ({low:.1f} to "
                f"{high:.1f}) against {bench.name}, whose median is {bench.median:.1f}; "
                f"{reach}.{tail}")
    text = benchmark_sentence(known["grade"], bench, "person", "people")
    return (f"Of the {len(known):,} people whose grade has an interval: "
            f"{text[0].lower()}{text[1:]}{tail}")

"""Word counts for the chapter "Which words?": groups, voices, and what each panel rests on.

The frequency measures are in :mod:`analysis.frequency`; this module decides what a
group of words *is* before anyone reads a panel:

- an outlet with one article is an article: panels are labelled with their number of
  articles (:func:`panel_labels`) and the prose says when a group is one article
  (:func:`single_article_sentence`);
- a rate has a 95% interval only above the minimums of :mod:`analysis.stats`: whole
  articles resampled from five articles up, one article's sentences from ten sentences
  up, nothing in between (:func:`resampling`, :func:`interval_sentence`);
- with many groups a figure shows the largest few (:func:`largest_groups`) and says how
  many it leaves to its data file (:func:`omitted_sentence`);
- the leaders' quoted speech is compared with the journalists' narrative only: the
  narrative of a government's editorial is that government's voice, and spokespeople
  and other speakers belong to neither side (:func:`voice_tokens`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import pandas as pd

from analysis.figures import EDITORIAL_MARK, outlet_name, shorten
from analysis.outlets import NARRATIVE, government_voice
from analysis.stats import MIN_CLUSTERS, MIN_UNITS
from analysis.wording import capital, join, plural

LEADERS_SPEECH = "leaders' quoted speech"
# What follows for a government's own text here (analysis.outlets.government_sentence).
LEFT_OUT = ("{its} narrative is left out, as that government’s voice, not a journalist’s "
            "narrative.")
MAX_PANELS = 9
PANEL_TITLE = 28  # characters of a panel title line (analysis.panels.bar_panels)
# A panel of fewer tokens says its rates are too few to read (one word more moves a rate
# per 1,000 tokens by 10 or more).
FEW_TOKENS = 100


def panel_labels(tokens: pd.DataFrame, by: str, names: Callable | Mapping | None = None,
                 width: int = PANEL_TITLE) -> dict:
    """A panel title per group that says how many articles it rests on, within ``width``
    characters (the name is shortened, never the count).

    Parameters
    ----------
    names : callable or mapping, optional
        The name to show for a group (e.g. :func:`analysis.figures.outlet_name`, which
        drops a description in brackets); default the group itself.

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["A", "A", "The Daily Example (wire copy)"],
    ...                   "doc_id": ["a1", "a2", "b1"]})
    >>> panel_labels(t, "outlet")
    {'A': 'A (2 articles)', 'The Daily Example (wire copy)': 'The Daily… (1 article)'}
    """
    articles = tokens.groupby(by, sort=True)["doc_id"].nunique()
    labels = {}
    for group, n in articles.items():
        name = (names(group) if callable(names) else names.get(group, group)
                if names is not None else group)
        suffix = f" ({plural(int(n), 'article')})"
        labels[group] = shorten(str(name), max(8, width - len(suffix))) + suffix
    return labels


def outlet_labels(corpus: pd.DataFrame) -> dict:
    """Each outlet as the book names it (:func:`analysis.figures.outlet_name`, the
    description in brackets dropped), marked "(editorial)" like
    :func:`analysis.figures.article_labels` when all its articles present a government's
    own views (:func:`analysis.outlets.government_voice`).

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["Sky News", "VOA (Editorials)"],
    ...     "outlet_kind": ["broadcaster", "government broadcaster, editorial presenting the "
    ...                     "views of the government"]})
    >>> outlet_labels(corpus)
    {'Sky News': 'Sky News', 'VOA (Editorials)': 'VOA (editorial)'}
    """
    own = corpus["doc_id"].map(government_voice(corpus)).fillna(False).astype(bool)
    editorial = own.groupby(corpus["outlet"].to_numpy()).all()
    return {outlet: outlet_name(outlet) + (EDITORIAL_MARK if editorial[outlet] else "")
            for outlet in dict.fromkeys(corpus["outlet"])}


def largest_groups(tokens: pd.DataFrame, by: str, k: int = MAX_PANELS) -> list:
    """The ``k`` groups with the most tokens (ties by name), in that order.

    Examples
    --------
    >>> t = pd.DataFrame({"g": list("abbccc")})
    >>> largest_groups(t, "g", k=2)
    ['c', 'b']
    """
    sizes = tokens.groupby(by, sort=True).size()
    return sorted(sizes.index, key=lambda g: (-sizes[g], str(g)))[:k]


def omitted_sentence(shown: int, total: int, noun: str, many: str | None = None) -> str:
    """What a figure of the largest groups leaves out, or "" when it shows them all.

    Examples
    --------
    >>> omitted_sentence(9, 12, "outlet")
    'The figure shows the 9 outlets with the most words; the other 3 are in its data file.'
    >>> omitted_sentence(5, 5, "outlet")
    ''
    """
    if shown >= total:
        return ""
    rest = "other one is" if total - shown == 1 else f"other {total - shown:,} are"
    return (f"The figure shows the {plural(shown, noun, many)} with the most words; the "
            f"{rest} in its data file.")


def resampling(tokens: pd.DataFrame, by: str) -> pd.DataFrame:
    """Per group: articles, sentences, and what a rate's 95% interval resamples, or why
    there is none (the rule of :func:`analysis.stats.bootstrap_ratio`).

    Returns
    -------
    pandas.DataFrame
        Index: the groups; ``n_articles, n_sentences, resampled`` ("articles",
        "sentences" or "") and ``reason``.

    Examples
    --------
    >>> t = pd.DataFrame({"g": ["a"] * 3 + ["b"] * 12, "doc_id": ["x", "y", "z"] + ["w"] * 12,
    ...                   "sentence": [1, 1, 1] + list(range(12))})
    >>> resampling(t, "g")[["resampled", "reason"]].values.tolist()
    [['', '3 articles: an interval needs at least 5'], ['sentences', '']]
    """
    rows = {}
    for group, frame in tokens.groupby(by, sort=True):
        articles = frame["doc_id"].nunique()
        sentences = len(frame[["doc_id", "sentence"]].drop_duplicates())
        if articles >= MIN_CLUSTERS:
            resampled, reason = "articles", ""
        elif articles >= 2:
            resampled = ""
            reason = f"{articles} articles: an interval needs at least {MIN_CLUSTERS}"
        elif sentences >= MIN_UNITS:
            resampled, reason = "sentences", ""
        else:
            resampled, reason = "", (f"{sentences} sentences in one article: an interval "
                                     f"needs at least {MIN_UNITS}")
        rows[group] = {"n_articles": articles, "n_sentences": sentences,
                       "resampled": resampled, "reason": reason}
    return pd.DataFrame.from_dict(rows, orient="index",
                                  columns=["n_articles", "n_sentences", "resampled", "reason"])


def interval_sentence(table: pd.DataFrame, noun: str = "panel") -> str:
    """How the panels' intervals were made, and which panels have none, in prose.

    Examples
    --------
    >>> t = pd.DataFrame({"resampled": ["sentences", "", "articles"],
    ...                   "reason": ["", "3 articles: an interval needs at least 5", ""]},
    ...                  index=["A", "B", "C"])
    >>> interval_sentence(t, "outlet")
    "Whiskers are 95% intervals. Articles are resampled for C; for A (a single article), that
    article's sentences are resampled, so the whiskers speak of that article only. B has none
    (3 articles: an interval needs at least 5)."
    """
    by_articles = [str(g) for g in table.index[table["resampled"] == "articles"]]
    by_sentences = [str(g) for g in table.index[table["resampled"] == "sentences"]]
    parts = []
    if by_articles:
        parts.append(f"Articles are resampled for {join(by_articles)}")
    if by_sentences:
        one = len(by_sentences) == 1
        parts.append(f"for {join(by_sentences)} "
                     + ("(a single article)" if one else "(a single article each)")
                     + ", that article's sentences are resampled, so the whiskers speak of "
                     "that article only")
    if parts:
        text = "Whiskers are 95% intervals. " + "; ".join([capital(parts[0]), *parts[1:]]) + "."
    else:
        text = f"No {noun} rests on enough articles or sentences for an interval."
    missing = table[table["resampled"] == ""]
    for reason, groups in missing.groupby("reason", sort=False):
        names = [str(g) for g in groups.index]
        if parts:
            verb = "has" if len(names) == 1 else "have"
            text += f" {join(names)} {verb} none ({reason})."
        else:
            text += f" {join(names)}: {reason}."
    return text


def single_article_sentence(tokens: pd.DataFrame, by: str, noun: str = "outlet",
                            whole: str | None = None) -> str:
    """Which groups are a single article, so that a reader does not take one article for
    an outlet's habits; "" when none is.

    ``whole`` names what a panel is not ("an outlet", the default from ``noun``).

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["A", "B", "C", "C"], "doc_id": ["a", "b", "c1", "c2"]})
    >>> single_article_sentence(t, "outlet")
    'A and B contribute one article each: their panels describe an article, not an outlet.'
    >>> single_article_sentence(t[t["outlet"] != "C"], "outlet")
    'Each outlet here contributes one article: each panel describes an article, not an outlet.'
    """
    whole = whole or f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"
    articles = tokens.groupby(by, sort=True)["doc_id"].nunique()
    single = [str(g) for g in articles.index[articles == 1]]
    if not single:
        return ""
    if len(single) == len(articles):
        return (f"Each {noun} here contributes one article: each panel describes an "
                f"article, not {whole}.")
    one = len(single) == 1
    return (f"{join(single)} contribute{'s' if one else ''} one article"
            f"{'' if one else ' each'}: {'its panel describes' if one else 'their panels describe'}"
            f" an article, not {whole}.")


def voice_tokens(tokens: pd.DataFrame, leaders: Iterable[str],
                 editorials: pd.Series | None = None) -> pd.DataFrame:
    """The tokens of the leaders' quoted speech and of the journalists' narrative, with
    ``voice`` set to :data:`LEADERS_SPEECH` or :data:`NARRATIVE`; everything else left out
    (other speakers' quotations, and the narrative of government editorials).

    Parameters
    ----------
    tokens : pandas.DataFrame
        :func:`analysis.frequency.token_table` of :func:`analysis.voices.split_voices`
        (``doc_id, voice, speaker, token``).
    leaders : iterable of str
        The people followed (:func:`analysis.people.leader_names`).
    editorials : pandas.Series, optional
        :func:`analysis.outlets.government_voice`.

    Examples
    --------
    >>> t = pd.DataFrame({"doc_id": ["a", "a", "a", "b"], "token": ["w", "x", "y", "z"],
    ...                   "voice": ["quoted", "quoted", "narrative", "narrative"],
    ...                   "speaker": ["X", "Press office", "", ""]})
    >>> kept = voice_tokens(t, ["X"], pd.Series({"a": False, "b": True}))
    >>> kept[["token", "voice"]].values.tolist()
    [['w', "leaders' quoted speech"], ['y', "journalists' narrative"]]
    """
    leaders = set(leaders)
    editorial = (tokens["doc_id"].map(editorials).fillna(False).astype(bool)
                 if editorials is not None else pd.Series(False, index=tokens.index))
    quoted = (tokens["voice"] == "quoted") & tokens["speaker"].isin(leaders)
    narrative = (tokens["voice"] == "narrative") & ~editorial
    kept = tokens[quoted | narrative]
    return kept.assign(voice=[LEADERS_SPEECH if q else NARRATIVE for q in quoted[kept.index]])


def one_group_sentence(tokens: pd.DataFrame, by: str, noun: str,
                       many: str | None = None) -> str:
    """"" when there are at least two groups to compare, else a sentence saying there is
    nothing to compare (a figure of one group against nothing shows z-scores of zero).

    Examples
    --------
    >>> one_group_sentence(pd.DataFrame({"outlet": ["A", "A"]}), "outlet", "outlet")
    'There is only one outlet here, so no outlet can be distinctive against the others.'
    """
    n = tokens[by].nunique()
    if n >= 2:
        return ""
    if n == 1:
        return f"There is only one {noun} here, so no {noun} can be distinctive against the others."
    return f"There are no {many or noun + 's'} here to compare."


def message_figure(title: str, message: str):
    """A small figure that says, in words, why there is nothing to draw (never a blank
    chart): for a corpus where, say, no person followed is quoted.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig = message_figure("Words of the leaders", "No person followed is quoted.")
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['No person followed is quoted.']
    >>> plt.close(fig)
    """
    import matplotlib.pyplot as plt

    from analysis.figures import set_note, style

    with style():
        fig, ax = plt.subplots(figsize=(8, 1.6))
        ax.axis("off")
        ax.set_title(title)
        ax.text(0.5, 0.45, message, ha="center", va="center", fontsize=11,
                transform=ax.transAxes)
    return set_note(fig, "n = 0")


def distinctive_sentence(table: pd.DataFrame, group: str, name: str, z: float = 1.96,
                         k: int = 3) -> str:
    """What the distinctive words of one group (:func:`analysis.frequency.distinctive_terms`)
    show: the words that pass ``z``, or, when none does, that none does and which come
    highest, so that a list of words below the line is never called distinctive.

    Examples
    --------
    >>> t = pd.DataFrame({"group": ["a"] * 3, "token": ["want", "special", "strength"],
    ...                   "z": [1.85, 1.2, 1.1]})
    >>> distinctive_sentence(t, "a", "the leaders’ quoted speech")
    'No word of the leaders’ quoted speech passes z = 1.96; the highest are “want” (z = 1.85),
    “special” (1.20) and “strength” (1.10).'
    >>> distinctive_sentence(t.assign(z=[2.5, 2.0, 1.0]), "a", "the narrative")
    '2 words of the narrative pass z = 1.96: “want” (z = 2.50) and “special” (2.00).'
    """
    rows = table[table["group"] == group].sort_values("z", ascending=False, kind="stable")
    if rows.empty:
        return f"No word of {name} is listed."

    def listed(part: pd.DataFrame) -> str:
        return join([f"“{t}” ({'z = ' if i == 0 else ''}{v:.2f})"
                     for i, (t, v) in enumerate(zip(part["token"], part["z"]))])

    over = rows[rows["z"] > z]
    if over.empty:
        return (f"No word of {name} passes z = {z:.2f}; the highest "
                f"{'are' if len(rows.head(k)) > 1 else 'is'} {listed(rows.head(k))}.")
    return (f"{plural(len(over), 'word')} of {name} "
            f"{'pass' if len(over) > 1 else 'passes'} z = {z:.2f}: {listed(over.head(k))}"
            + (f", and {len(over) - k} more" if len(over) > k else "") + ".")


def group_articles(tokens: pd.DataFrame, by: str) -> dict:
    """The articles behind each group's words: ``{group: frozenset of doc_id}``.

    Examples
    --------
    >>> t = pd.DataFrame({"doc_id": ["a", "a", "b"], "outlet": ["X", "X", "Y"]})
    >>> group_articles(t, "outlet") == {"X": frozenset({"a"}), "Y": frozenset({"b"})}
    True
    """
    return {group: frozenset(part["doc_id"]) for group, part in tokens.groupby(by)}


def passes_sentence(tables: list[tuple[pd.DataFrame, dict]], z: float = 1.96) -> str:
    """How many of the listed distinctive words pass ``z``, counting each word of one set
    of articles once: two panels that rest on the same articles (an outlet whose only
    article is the only article about a figure) compare the same words with the same
    rest, and list the same words twice.

    Parameters
    ----------
    tables : list of (DataFrame, dict)
        Each :func:`analysis.frequency.distinctive_terms` table (``group, token, z``) with
        the key of each of its groups: :func:`group_articles`, or any other key (a
        comparison of voices is keyed by its voice).

    Examples
    --------
    >>> a = pd.DataFrame({"group": ["X", "X"], "token": ["tea", "ale"], "z": [2.5, 1.0]})
    >>> b = pd.DataFrame({"group": ["Truss"], "token": ["tea"], "z": [2.5]})
    >>> passes_sentence([(a, {"X": frozenset("a")}), (b, {"Truss": frozenset("a")})])
    'Of the 3 bars drawn, 2 pass z = 1.96: 1 distinct word (1 drawn twice, in two panels
    that rest on the same articles under two names); the rest are not distinctive by this
    test.'
    >>> passes_sentence([(a, {"X": frozenset("a")})])
    'Of the 2 bars drawn, 1 passes z = 1.96; the rest are not distinctive by this test.'
    """
    listed = sum(len(t) for t, _ in tables)
    over = [(keys.get(g, g), token) for t, keys in tables
            for g, token, value in zip(t["group"], t["token"], t["z"]) if value > z]
    twice = len(over) - len(set(over))
    words = len({token for _, token in over})
    which = ""
    if twice or words < len(over):
        which = f": {plural(words, 'distinct word')}"
        if twice:
            which += (f" ({twice:,} drawn twice, in two panels that rest on the same articles "
                      "under two names)")
    verb = "passes" if len(over) == 1 else "pass"
    rest = ("; the rest are not distinctive by this test." if len(over) < listed else ".")
    return (f"Of the {plural(listed, 'bar')} drawn, {len(over):,} {verb} z = {z:.2f}"
            f"{which}{rest}")


def name_words(names: Iterable[str]) -> set[str]:
    """The words of people's names as the word counts spell them (lower case): the tokens
    that, in a narrative, attribute a quotation ("Ms Truss said").

    Examples
    --------
    >>> sorted(name_words(["Liz Truss", "Antony Blinken", ""]))
    ['antony', 'blinken', 'liz', 'truss']
    """
    return {word.lower() for name in names for word in str(name).split() if word}


def voices_sentence(table: pd.DataFrame, speech: str, narrative: str, names: Iterable[str],
                    z: float = 1.96) -> str:
    """The comparison of the leaders' quoted speech with the narrative
    (:func:`analysis.frequency.distinctive_terms` by voice) in sentences: how many of its
    words pass ``z``, which (:func:`distinctive_sentence`), and, where a word that passes is
    part of a quoted person's name (:func:`name_words`), that a narrative's over-used
    words are often the names and titles that attribute quotations.

    Examples
    --------
    >>> t = pd.DataFrame({"group": ["q", "q", "n", "n"], "token": ["want", "talks", "truss",
    ...                   "ukraine"], "z": [1.85, 1.2, 1.97, 0.5]})
    >>> voices_sentence(t, "q", "n", ["Liz Truss"])
    'In the comparison of the leaders’ quoted speech with the journalists’ narrative, 1 of
    the 4 words drawn passes z = 1.96. No word of the leaders’ quoted speech passes z =
    1.96; the highest are “want” (z = 1.85) and “talks” (1.20). 1 word of the journalists’
    narrative passes z = 1.96: “truss” (z = 1.97). “truss” is part of the name of a person
    quoted: a narrative’s over-used words are often the names and titles that attribute
    quotations (“the minister said”), which is how news narrative is written, not a theme
    of it.'
    """
    over = table[table["z"] > z]
    head = (f"In the comparison of the leaders’ quoted speech with the journalists’ narrative, "
            f"{len(over):,} of the {plural(len(table), 'word')} drawn "
            f"{'passes' if len(over) == 1 else 'pass'} z = {z:.2f}.")
    said = [distinctive_sentence(table, speech, "the leaders’ quoted speech", z),
            distinctive_sentence(table, narrative, "the journalists’ narrative", z)]
    named = [t for t in over.loc[over["group"] == narrative, "token"]
             if str(t).lower() in name_words(names)]
    attribution = ""
    if named:
        words = join(f"“{t}”" for t in named)
        attribution = (f"{words} {'is' if len(named) == 1 else 'are'} part of the name of a "
                       "person quoted: a narrative’s over-used words are often the names and "
                       "titles that attribute quotations (“the minister said”), which is how "
                       "news narrative is written, not a theme of it.")
    return " ".join([head, *said] + ([attribution] if attribution else []))

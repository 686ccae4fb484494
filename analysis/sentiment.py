"""Sentiment of sentences with VADER, and a second, independent lexicon (AFINN).

VADER (Hutto & Gilbert 2014) reads capitals, "!", "but", negation and
punctuation, so :func:`score_sentiment` hands it each text as written, with one change:
typographic quotation marks and apostrophes become their ASCII forms (:func:`for_vader`).
VADER strips only ASCII punctuation from a word and knows negations only with an ASCII
apostrophe, so as printed, “great” is not in its lexicon (a word at the edge of a
quotation scores nothing) and don’t is not a negation.
Scores are per sentence: on a whole article the compound score saturates
towards ±1. Labels use VADER's own thresholds: compound ≥ 0.05 positive,
≤ −0.05 negative, neutral between.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from analysis.relationship import about_relationship

POSITIVE, NEGATIVE = 0.05, -0.05

# Sentences about a target, for the sentence-level proxy of targeted sentiment. The
# relationship is the book's one definition (analysis.relationship, as in the framing
# chapter); the adversary it is compared with is a design choice, not found from the
# corpus, and the chapter says so in these words (TARGET_TERMS: what the pattern matches,
# for the prose; the tests check every term matches its own pattern).
TARGET_TERMS = {
    "Russia or Putin": ("Russia", "Putin", "the Kremlin", "Moscow"),
}
TARGETS = {
    "Russia or Putin": r"\bRussia(?:n|ns|'s|’s)?\b|\bPutin\b|\bKremlin\b|\bMoscow\b",
    "UK–US relationship": about_relationship,
}


# Typographic quotation marks and apostrophes, one character each, and their ASCII forms.
_TYPOGRAPHIC = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"',
                              "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "″": '"'})


def for_vader(text: str) -> str:
    """``text`` with typographic quotation marks and apostrophes in ASCII, character for
    character (positions do not move), as VADER's rules expect.

    Examples
    --------
    >>> print(for_vader("“It’s great,” she said."))
    "It's great," she said.
    >>> score_sentiment(["“It is great.”"])["compound"].tolist()  # not 0.0
    [0.6249]
    """
    return str(text).translate(_TYPOGRAPHIC)


@functools.cache
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    class Analyzer(SentimentIntensityAnalyzer):
        """VADER reading each text through :func:`for_vader`."""

        def polarity_scores(self, text):
            return super().polarity_scores(for_vader(text))

    return Analyzer()


@functools.cache
def _afinn():
    from afinn import Afinn

    return Afinn(language="en")


def score_sentiment(texts: Iterable[str]) -> pd.DataFrame:
    """VADER scores for each text, fed to VADER untouched.

    Parameters
    ----------
    texts : iterable of str
        Typically sentences (see module note).

    Returns
    -------
    pandas.DataFrame
        One row per text: ``neg, neu, pos, compound``.

    Examples
    --------
    >>> scores = score_sentiment(["It is GREAT!", "It is great."])
    >>> bool(scores.loc[0, "compound"] > scores.loc[1, "compound"])  # capitals and "!" count
    True
    """
    analyzer = _vader()
    rows = [analyzer.polarity_scores(text) for text in texts]
    return pd.DataFrame(rows, columns=["neg", "neu", "pos", "compound"], dtype=float)


def label(compound) -> np.ndarray:
    """``positive`` / ``neutral`` / ``negative`` by VADER's ±0.05 thresholds.

    Examples
    --------
    >>> label([0.5, 0.0, -0.05]).tolist()
    ['positive', 'neutral', 'negative']
    """
    compound = np.asarray(compound, dtype=float)
    return np.select([compound >= POSITIVE, compound <= NEGATIVE], ["positive", "negative"],
                     "neutral")


def score_afinn(texts: Iterable[str]) -> pd.Series:
    """AFINN score per text, per word (sum of word valences / words), for comparison.

    Examples
    --------
    >>> score_afinn(["good good", "bad"]).tolist()  # "good" is +3, "bad" -3
    [3.0, -3.0]
    """
    afinn = _afinn()
    scores = []
    for text in texts:
        n_words = max(1, len(re.findall(r"[^\W_]+", text)))
        scores.append(afinn.score(text) / n_words)
    return pd.Series(scores, dtype=float, name="afinn")


def score_sentences(sentences: pd.DataFrame) -> pd.DataFrame:
    """Add VADER scores, the label, indicator columns and AFINN to a sentences table.

    Adds ``neg, neu, pos, compound, label, is_positive, is_neutral, is_negative,
    afinn`` and one boolean column per target in :data:`TARGETS`.
    """
    if {"neg", "neu", "pos", "compound"} <= set(sentences.columns):
        out = sentences.copy()  # already scored (analysis.analyse): not scored twice
    else:
        scores = score_sentiment(sentences["text"]).set_index(sentences.index)
        out = pd.concat([sentences, scores], axis=1)
    out["label"] = label(out["compound"])
    for name in ("positive", "neutral", "negative"):
        out[f"is_{name}"] = (out["label"] == name).astype(float)
    out["afinn"] = score_afinn(sentences["text"]).to_numpy()
    for target, pattern in TARGETS.items():
        texts = sentences["text"].astype(str)
        out[target] = (pattern(texts) if callable(pattern)
                       else texts.str.contains(pattern, regex=True).tolist())
    return out


def lexicon_agreement(scored: pd.DataFrame) -> dict:
    """Pearson and Spearman correlation of VADER compound and AFINN over sentences.

    Examples
    --------
    >>> scored = score_sentences(pd.DataFrame({"text": ["Good.", "Bad.", "A table."]}))
    >>> round(lexicon_agreement(scored)["pearson"], 2)
    1.0
    """
    pearson = scored["compound"].corr(scored["afinn"])
    spearman = scored["compound"].rank().corr(scored["afinn"].rank())
    same = (np.sign(scored["compound"].where(scored["compound"].abs() >= POSITIVE, 0))
            == np.sign(scored["afinn"])).mean()
    return {"pearson": float(pearson), "spearman": float(spearman), "sign_agreement": float(same),
            "n": len(scored)}


# Reported by Hutto & Gilbert (2014) for the New York Times editorial snippets.
PAPER_R_NYT = 0.492  # VADER compound vs the mean of 20 human raters
PAPER_R_HUMAN = 0.745  # an individual human rater vs that mean


def read_ground_truth(path) -> pd.DataFrame:
    """The VADER paper's human-rated snippets: ``id, rating, text`` (tab-separated file).

    Lines that do not have three fields are skipped; the text is kept exactly.
    """
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        for line in f:
            parts = line.rstrip("\r\n").split("\t")
            if len(parts) >= 3:
                rows.append((parts[0], float(parts[1]), "\t".join(parts[2:])))
    return pd.DataFrame(rows, columns=["id", "rating", "text"])


def vader_fidelity(path) -> dict:
    """Pearson r of :func:`score_sentiment`'s compound score with the human mean rating.

    Returns
    -------
    dict
        ``r`` and ``n`` (snippets).
    """
    truth = read_ground_truth(path)
    compound = score_sentiment(truth["text"])["compound"]
    return {"r": float(np.corrcoef(compound, truth["rating"])[0, 1]), "n": len(truth)}


# --- VADER's limits: which words drive a score, and which are likely misread ---------------


def _valences(text: str) -> tuple[str, list[str], list[float]]:
    """VADER's own steps for one text: the text it scores, its tokens and each token's
    valence after VADER's rules (negation, boosters, capitals, "but"), so that
    ``normalize(sum + punctuation emphasis)`` is exactly its compound score."""
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentiText

    analyzer = _vader()
    plain, space = [], True
    for char in text:  # emojis become their descriptions, as in polarity_scores
        if char in analyzer.emojis:
            plain.append(("" if space else " ") + analyzer.emojis[char])
            space = False
        else:
            plain.append(char)
            space = char == " "
    text = for_vader("".join(plain).strip())
    senti = SentiText(text)
    words = senti.words_and_emoticons
    valences: list[float] = []
    for i, item in enumerate(words):
        if item.lower() in BOOSTER_DICT or (
                i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of"):
            valences.append(0.0)
            continue
        valences = analyzer.sentiment_valence(0, senti, item, i, valences)
    return text, words, [float(v) for v in analyzer._but_check(words, valences)]


def _compound(text: str, valences: Iterable[float]) -> float:
    """VADER's compound score from token valences (unrounded)."""
    from vaderSentiment.vaderSentiment import normalize

    total = float(sum(valences))
    emphasis = _vader()._punctuation_emphasis(text)
    total += emphasis if total > 0 else -emphasis if total < 0 else 0.0
    return normalize(total) if total else 0.0


def word_contributions(texts: Iterable[str], drop: Iterable[str] = ()) -> pd.DataFrame:
    """Each scored word's share of its text's compound score, and whether it is misread.

    VADER's compound is a squashed sum of word valences; each word's contribution is its
    valence's share of that sum times the compound, so a text's contributions add up to
    its compound score exactly. ``kind`` and ``reason`` say when the word is likely
    misread (see :func:`misreadings`). Words in ``drop`` (any case) are scored as if VADER
    did not know them, as in :func:`compound_without`: they have no row, and the others'
    contributions add up to that score.

    Returns
    -------
    pandas.DataFrame
        One row per word with a valence: ``text_id`` (position in ``texts``),
        ``position`` (VADER's token number), ``word`` (as written), ``valence`` (after
        VADER's rules), ``contribution``, ``kind`` ("sense", "name" or "") and ``reason``.

    Examples
    --------
    >>> table = word_contributions(["She tested positive for coronavirus."])
    >>> table[["word", "valence", "kind"]].values.tolist()
    [['positive', 2.6, 'sense']]
    >>> round(float(table["contribution"].sum()), 4)
    0.5574
    >>> word_contributions(["A special and good day."], drop=["special"])["word"].tolist()
    ['good']
    """
    rows = []
    dropped = {w.lower() for w in drop}
    for text_id, text in enumerate(texts):
        scored, words, valences = _valences(str(text))
        valences = [0.0 if w.lower() in dropped else v for w, v in zip(words, valences)]
        compound, total = _compound(scored, valences), sum(valences)
        found = _misread(scored, words, valences)
        for position, (word, valence) in enumerate(zip(words, valences)):
            if valence:
                kind, reason = found.get(position, ("", ""))
                rows.append((text_id, position, word, valence,
                             compound * valence / total if total else 0.0, kind, reason))
    return pd.DataFrame(rows, columns=["text_id", "position", "word", "valence", "contribution",
                                       "kind", "reason"])


@functools.cache
def load_senses() -> tuple[dict, ...]:
    """The non-evaluative senses of lexicon words (``analysis/data/vader_senses.yml``)."""
    from importlib import resources

    import yaml

    with resources.files("analysis").joinpath("data/vader_senses.yml").open(
            encoding="utf-8") as f:
        senses = yaml.safe_load(f)["senses"]
    return tuple({**s, "compiled": [re.compile(p, re.IGNORECASE) for p in s["patterns"]]}
                 for s in senses)


@functools.cache
def load_idioms() -> tuple[dict, ...]:
    """Figures of speech VADER has no rating for (``idioms`` in
    ``analysis/data/vader_senses.yml``): ``idiom, sign, patterns, reason``."""
    from importlib import resources

    import yaml

    with resources.files("analysis").joinpath("data/vader_senses.yml").open(
            encoding="utf-8") as f:
        idioms = yaml.safe_load(f).get("idioms") or []
    return tuple({**i, "compiled": [re.compile(p, re.IGNORECASE) for p in i["patterns"]]}
                 for i in idioms)


def unscored_idioms(texts: Iterable[str]) -> pd.DataFrame:
    """Figures of speech in ``texts`` whose tone VADER cannot see: it has no rating for
    their words ("pour cold water on"), so the text is scored by its other words. Their
    effect cannot be set to zero; they are shown instead.

    Returns
    -------
    pandas.DataFrame
        One row per (text, idiom): ``text_id, text, compound`` (VADER's score of the
        text), ``idiom``, ``match`` (as written), ``sign`` ("+" or "-": the tone the
        idiom carries) and ``reason``; ``against`` is True where VADER's label has the
        opposite sign (a positive score on a text with a negative idiom).

    Examples
    --------
    >>> found = unscored_idioms(["He poured cold water on the peace plan.", "A quiet day."])
    >>> found[["text_id", "idiom", "sign"]].values.tolist()
    [[0, 'pour cold water on', '-']]
    >>> round(float(found.loc[0, "compound"]), 2), bool(found.loc[0, "against"])
    (0.54, True)
    """
    texts = [str(t) for t in texts]
    rows = []
    for text_id, text in enumerate(texts):
        for idiom in load_idioms():
            match = next((m for p in idiom["compiled"] for m in p.finditer(text)), None)
            if match is not None:
                rows.append((text_id, text, idiom["idiom"], match.group(0), idiom["sign"],
                             idiom["reason"]))
    found = pd.DataFrame(rows, columns=["text_id", "text", "idiom", "match", "sign", "reason"])
    found.insert(2, "compound", score_sentiment(found["text"])["compound"].to_numpy()
                 if len(found) else np.array([], dtype=float))
    signs = np.where(found["sign"] == "+", 1.0, -1.0)
    found["against"] = (found["compound"] * signs <= NEGATIVE) if len(found) else []
    return found.astype({"against": bool})


def _token_spans(text: str) -> list[tuple[int, int]]:
    """Character span of each VADER token (VADER splits on white space)."""
    return [m.span() for m in re.finditer(r"\S+", text)]


def _misread(text: str, words: list[str], valences: list[float]) -> dict[int, tuple[str, str]]:
    """Token positions VADER likely misreads: ``{position: (kind, reason)}``."""
    senses = {s["word"]: s for s in load_senses()}
    spans = _token_spans(text)
    # A headline in title case capitalises nearly every longer word; prose full of names
    # still leaves its verbs and adjectives in lower case.
    longer = [w for w in words if w[:1].isalpha() and len(w) > 3]
    title_case = len(longer) >= 4 and sum(w[:1].isupper() for w in longer) >= 0.8 * len(longer)
    found = {}
    for i, (word, valence) in enumerate(zip(words, valences)):
        if not valence:
            continue
        sense = senses.get(word.lower())
        start, end = spans[i]
        if sense and any(m.start() < end and m.end() > start
                         for p in sense["compiled"] for m in p.finditer(text)):
            found[i] = ("sense", sense["reason"])
        elif (i > 0 and not title_case and word[:1].isupper() and not word.isupper()
              and not re.search(r"[.!?:;\"“‘(]$", text[:start].rstrip())
              and not re.match(r"[\"'“‘(\[]", text[start:end])):  # opens a quotation
            found[i] = ("name", "part of a name or title (capitalised inside the sentence)")
    return found


def misreadings(texts: Iterable[str]) -> pd.DataFrame:
    """Words VADER likely misreads in ``texts``, with what they do to the score.

    Two kinds: a lexicon word in a non-evaluative sense listed in
    ``analysis/data/vader_senses.yml`` ("tested positive", "national security", "free
    trade"), and a lexicon word capitalised inside a sentence, i.e. part of a name ("the
    United States", "Great Britain"); sentences in title case are not read for names.

    Returns
    -------
    pandas.DataFrame
        One row per misread word: ``text_id, text, compound, word, valence, contribution,
        kind`` ("sense" or "name"), ``reason`` and ``compound_without`` (the text's score
        with all its misread words set to zero).

    Examples
    --------
    >>> found = misreadings(["She tested positive for coronavirus.",
    ...                      "The United States and Great Britain met.", "A good day."])
    >>> found[["text_id", "word", "kind"]].values.tolist()
    [[0, 'positive', 'sense'], [1, 'United', 'sense'], [1, 'Great', 'sense']]
    >>> found["compound"].round(2).tolist()[:1], found["compound_without"].tolist()[:1]
    ([0.56], [0.0])
    """
    texts = [str(t) for t in texts]
    words = word_contributions(texts)
    found = words[words["kind"] != ""]
    compound = words.groupby("text_id")["contribution"].sum()
    misread = found.groupby("text_id")["position"].agg(set)
    without = {i: _compound(*_without(texts[i], positions)) for i, positions in misread.items()}
    return found.assign(text=[texts[i] for i in found["text_id"]],
                        compound=found["text_id"].map(compound).to_numpy(),
                        compound_without=found["text_id"].map(without).to_numpy())[
        ["text_id", "text", "compound", "word", "valence", "contribution", "kind", "reason",
         "compound_without"]].reset_index(drop=True)


def _without(text: str, positions) -> tuple[str, list[float]]:
    """A text's scored form and its valences with the tokens at ``positions`` set to zero."""
    scored, _, valences = _valences(text)
    return scored, [0.0 if i in positions else v for i, v in enumerate(valences)]


def summarise_misreadings(found: pd.DataFrame) -> pd.DataFrame:
    """Per misread word (lower case): sentences, summed contribution, reason, an example.

    Examples
    --------
    >>> table = summarise_misreadings(misreadings(["She tested positive.", "He tested positive."]))
    >>> row = table.loc["positive"]
    >>> int(row["sentences"]), round(float(row["contribution"]), 2), row["example"]
    (2, 1.11, 'He tested positive.')
    """
    if found.empty:
        return pd.DataFrame(columns=["sentences", "contribution", "reason", "example"],
                            index=pd.Index([], name="word"))
    found = found.assign(word=found["word"].str.lower())
    table = found.groupby("word").agg(sentences=("text_id", "nunique"),
                                      contribution=("contribution", "sum"),
                                      reason=("reason", "first"))
    table["example"] = (found.assign(length=found["text"].str.len())
                        .sort_values(["length", "text_id"]).groupby("word")["text"].first())
    order = table["contribution"].abs().sort_values(ascending=False, kind="stable").index
    return table.loc[order].round({"contribution": 4})


def compound_without(texts: Iterable[str], words: Iterable[str]) -> pd.Series:
    """Each text's compound score with the valence of ``words`` (any case) set to zero:
    what the tone would be if VADER did not score them.

    Examples
    --------
    >>> compound_without(["A special relationship.", "A good and special day."],
    ...                  ["special"]).round(2).tolist()
    [0.0, 0.44]
    """
    drop = {w.lower() for w in words}
    scores = []
    for original in texts:
        text, tokens, valences = _valences(str(original))
        scores.append(_compound(text, [0.0 if t.lower() in drop else v
                                       for t, v in zip(tokens, valences)]))
    return pd.Series(scores, dtype=float, name="compound_without")


def rescore(texts: Iterable[str], drop: Iterable[str] = ()) -> pd.Series:
    """Each text's compound score with its likely misread words (:func:`misreadings`) and
    the words in ``drop`` (any case) set to zero: the scores a comparison is re-run on.

    Examples
    --------
    >>> rescore(["She tested positive.", "A special and good day.", "A good day."],
    ...         drop=["special"]).round(2).tolist()
    [0.0, 0.44, 0.44]
    """
    dropped = {w.lower() for w in drop}
    scores = []
    for original in texts:
        text, words, valences = _valences(str(original))
        misread = _misread(text, words, valences)
        scores.append(_compound(text, [0.0 if i in misread or w.lower() in dropped else v
                                       for i, (w, v) in enumerate(zip(words, valences))]))
    return pd.Series(scores, dtype=float, name="compound_rescored")


def tone_drivers(texts_a: Iterable[str], texts_b: Iterable[str],
                 drop: Iterable[str] = ()) -> pd.DataFrame:
    """Which lexicon words make up the difference in mean compound between two groups.

    The difference of the groups' mean compound scores is split exactly over words: a
    word's part is its summed contribution per sentence of group A minus that of group
    B. The part of it that comes from misread occurrences (:func:`misreadings`: "special
    relationship", "national security", "the United States") is lexical, not tonal;
    ``attrs["misread_share"]`` is that part of the whole difference. With ``drop``, the
    difference is that of the scores without those words (:func:`compound_without`).

    Returns
    -------
    pandas.DataFrame
        Index ``word`` (lower case); ``n_a, n_b`` (occurrences), ``sentences_a,
        sentences_b`` (sentences that hold the word), ``per_sentence_a,
        per_sentence_b``, ``difference`` (adds up to the difference of means), ``share``
        of it, ``misread_difference`` (the part from misread occurrences) and ``reason``;
        sorted by the size of ``difference``. ``attrs["difference"]`` holds the total.

    Examples
    --------
    >>> drivers = tone_drivers(["A special relationship.", "Talks went well."],
    ...                        ["Russian aggression.", "The talks."])
    >>> drivers.index.tolist(), round(drivers.attrs["difference"], 4)
    (['special', 'aggression', 'well'], 0.4855)
    >>> round(drivers.attrs["misread_share"], 2)  # 1.7 / √(1.7² + 15) / 2 / 0.4855
    0.41
    >>> without = tone_drivers(["A special relationship.", "Talks went well."],
    ...                        ["Russian aggression.", "The talks."], drop=["special"])
    >>> "special" in without.index, round(without.attrs["misread_share"], 2)
    (False, 0.0)
    """
    texts_a, texts_b, drop = list(texts_a), list(texts_b), tuple(drop)
    columns = {}
    for name, texts, sign in (("a", texts_a, 1), ("b", texts_b, -1)):
        words = word_contributions(texts, drop).assign(word=lambda t: t["word"].str.lower())
        per = words["contribution"] / max(1, len(texts))
        columns[f"n_{name}"] = words.groupby("word").size()
        columns[f"sentences_{name}"] = words.groupby("word")["text_id"].nunique()
        columns[f"per_sentence_{name}"] = per.groupby(words["word"]).sum()
        columns[f"misread_{name}"] = (sign * per.where(words["kind"] != "", 0.0)).groupby(
            words["word"]).sum()
        columns[f"reason_{name}"] = words[words["kind"] != ""].groupby("word")["reason"].first()
    table = pd.DataFrame(columns)
    result = table[["n_a", "n_b", "sentences_a", "sentences_b"]].fillna(0).astype(int)
    result["per_sentence_a"] = table["per_sentence_a"].fillna(0.0)
    result["per_sentence_b"] = table["per_sentence_b"].fillna(0.0)
    result["difference"] = result["per_sentence_a"] - result["per_sentence_b"]
    total = float(result["difference"].sum())
    result["share"] = result["difference"] / total if total else np.nan
    result["misread_difference"] = (table["misread_a"].fillna(0.0)
                                    + table["misread_b"].fillna(0.0))
    result["reason"] = table["reason_a"].fillna(table["reason_b"]).fillna("")
    order = result["difference"].abs().sort_values(ascending=False, kind="stable").index
    result = result.loc[order]
    result.index.name = "word"
    result.attrs["difference"] = total
    result.attrs["misread_share"] = (float(result["misread_difference"].sum()) / total
                                     if total else float("nan"))
    return result

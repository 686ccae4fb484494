"""Word frequencies, collocations and distinctive terms.

Tokens come from a regular-expression tokenizer in the manner of NLTK's
``RegexpTokenizer`` (no downloaded data); the pattern is run by Python's ``re``,
several times faster than NLTK's ReDoS-guarded ``regex`` wrapper, with the same
tokens (a test checks they agree). Case
is folded except for acronyms written in capitals, so "US" (the country) stays
apart from "us"; "U.S." and "U.K." become "US" and "UK"; possessive "'s" is
dropped ("Russia’s" counts as "russia"). Stopwords are the English list of the
`stopwords` package (version 1.0.2, 175 words) plus :data:`EXTRA_STOPWORDS`.

Distinctive terms use the weighted log-odds ratio with an informative Dirichlet
prior of Monroe, Colaresi & Quinn (2008), "Fightin' Words", reported as z-scores.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable

import pandas as pd
from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
from nltk.tokenize import RegexpTokenizer

from analysis.memo import remember

# Honorifics and reporting verbs: in news they top every list and say nothing about framing.
EXTRA_STOPWORDS = frozenset({"mr", "ms", "mrs", "said", "says", "told"})
TOKEN_PATTERN = r"(?:[A-Za-z]\.){2,}|[^\W\d_]+(?:[’'\-][^\W\d_]+)*"
NLTK_TOKENIZER = RegexpTokenizer(TOKEN_PATTERN)  # the reference the fast path must match
_TOKENS = re.compile(TOKEN_PATTERN)
_POSSESSIVE = re.compile(r"[’']s$")


@functools.cache
def stopwords() -> frozenset[str]:
    """The stopword list: the `stopwords` package's English list plus the extras."""
    import stopwords as package

    return frozenset(package.get_stopwords("english")) | EXTRA_STOPWORDS


@functools.lru_cache(maxsize=200_000)  # news vocabularies repeat: normalise each form once
def normalise(token: str) -> str:
    """Fold case but keep acronyms; drop possessives; "U.S." becomes "US".

    Examples
    --------
    >>> [normalise(t) for t in ["US", "us", "Us", "U.S.", "Russia’s", "NATO", "Nato", "we’re"]]
    ['US', 'us', 'us', 'US', 'russia', 'NATO', 'nato', "we're"]
    """
    token = _POSSESSIVE.sub("", token).replace("’", "'")
    if re.fullmatch(r"(?:[A-Za-z]\.){2,}", token):
        return token.replace(".", "").upper()
    letters = [c for c in token if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return token
    return token.lower()


def tokenize(text: str, drop_stopwords: bool = True) -> list[str]:
    """Normalised word tokens of ``text`` (no punctuation, no numbers).

    Examples
    --------
    >>> tokenize("The US told us that Russia’s threats are real.")
    ['US', 'us', 'russia', 'threats', 'real']
    """
    tokens = [normalise(t) for t in _TOKENS.findall(text)]
    if drop_stopwords:
        # Acronyms stay ("US" is the country, not the pronoun "us").
        tokens = [t for t in tokens if _keep(t)]
    return tokens


@functools.lru_cache(maxsize=200_000)
def _keep(token: str) -> bool:
    return (len(token) > 1 and token.isupper()) or token.lower() not in stopwords()


def count_tokens(text: str) -> Counter:
    """``Counter(tokenize(text))``, computed by normalising each distinct form once.

    Examples
    --------
    >>> count_tokens("War, war and the US war.") == Counter(tokenize("War, war and the US war."))
    True
    """
    counts: Counter = Counter()
    for form, n in Counter(_TOKENS.findall(text)).items():
        token = _FORMS.get(form)
        if token is None:  # a plain dict: cheaper per call than lru_cache on hot paths
            normal = normalise(form)
            token = remember(_FORMS, form, normal if _keep(normal) else "")
        if token:
            counts[token] += n
    return counts


_FORMS: dict[str, str] = {}  # raw form -> kept token, or "" for a stopword (see memo)


def token_table(sentences: pd.DataFrame, drop_stopwords: bool = True) -> pd.DataFrame:
    """One row per token, carrying its sentence's columns (doc_id, speaker, quoted …)."""
    keep = [c for c in sentences.columns if c not in ("text", "start", "end")]
    rows = []
    for record, text in zip(sentences[keep].to_dict("records"), sentences["text"]):
        for position, token in enumerate(tokenize(text, drop_stopwords)):
            rows.append({**record, "position": position, "token": token})
    return pd.DataFrame(rows, columns=keep + ["position", "token"])


def top_terms(tokens: pd.DataFrame, by: str, n: int = 10) -> pd.DataFrame:
    """The ``n`` most frequent tokens per group, as counts and rates per 1,000 tokens.

    Returns
    -------
    pandas.DataFrame
        Columns ``group, token, count, per_1000, n_tokens`` (the group's size).

    Examples
    --------
    >>> t = pd.DataFrame({"g": ["a"] * 4, "token": ["x", "x", "y", "z"]})
    >>> top_terms(t, "g", n=1)[["token", "count", "per_1000"]].values.tolist()
    [['x', 2, 500.0]]
    """
    rows = []
    for group, frame in tokens.groupby(by, sort=True):
        counts = Counter(frame["token"])
        total = sum(counts.values())
        # Ties broken alphabetically so the table is the same every run.
        for token, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]:
            rows.append({"group": group, "token": token, "count": count,
                         "per_1000": 1000 * count / total, "n_tokens": total})
    return pd.DataFrame(rows, columns=["group", "token", "count", "per_1000", "n_tokens"])


def collocations(token_lists: Iterable[list[str]], min_count: int = 2, n: int = 15,
                 measure: str = "likelihood_ratio") -> pd.DataFrame:
    """Bigram collocations within sentences, ranked by an NLTK association measure.

    Parameters
    ----------
    token_lists : iterable of list of str
        One token list per sentence (bigrams never cross a sentence).
    min_count : int
        Frequency floor: a pair seen fewer times is ignored, so one-off pairs
        cannot top the list (PMI especially favours them).
    measure : {"likelihood_ratio", "pmi"}

    Examples
    --------
    >>> sents = [["special", "relationship", "long"], ["special", "relationship"]]
    >>> collocations(sents, min_count=2)["bigram"].tolist()
    ['special relationship']
    """
    finder = BigramCollocationFinder.from_documents(list(token_lists))
    finder.apply_freq_filter(min_count)
    scorer = getattr(BigramAssocMeasures, measure)
    scored = sorted(finder.score_ngrams(scorer), key=lambda x: (-x[1], x[0]))[:n]
    return pd.DataFrame([{"bigram": " ".join(pair), "score": score,
                          "count": finder.ngram_fd[pair]} for pair, score in scored],
                        columns=["bigram", "score", "count"])


def log_odds(counts_a: Counter, counts_b: Counter, prior: Counter | None = None) -> pd.DataFrame:
    """Weighted log-odds ratio with an informative Dirichlet prior (Monroe et al. 2008).

    For word w with counts y_a, y_b in the two texts (sizes n_a, n_b) and prior
    pseudo-counts a_w summing to a_0 (default: the two texts pooled):

        delta = log((y_a + a_w) / (n_a + a_0 - y_a - a_w))
              - log((y_b + a_w) / (n_b + a_0 - y_b - a_w))
        var   = 1 / (y_a + a_w) + 1 / (y_b + a_w)
        z     = delta / sqrt(var)

    Positive z: the word is distinctive of text a.

    Returns
    -------
    pandas.DataFrame
        Index: word; columns ``delta, var, z, count_a, count_b``, sorted by z.

    Examples
    --------
    >>> table = log_odds(Counter(a=3, b=1), Counter(a=1, b=3))
    >>> bool(table.loc["a", "z"] > 0 > table.loc["b", "z"])
    True
    """
    prior = prior if prior is not None else counts_a + counts_b
    n_a, n_b, a0 = sum(counts_a.values()), sum(counts_b.values()), sum(prior.values())
    rows = {}
    for word, a_w in prior.items():
        if a_w <= 0:
            continue
        y_a, y_b = counts_a.get(word, 0), counts_b.get(word, 0)
        delta = (math.log((y_a + a_w) / (n_a + a0 - y_a - a_w))
                 - math.log((y_b + a_w) / (n_b + a0 - y_b - a_w)))
        var = 1 / (y_a + a_w) + 1 / (y_b + a_w)
        rows[word] = {"delta": delta, "var": var, "z": delta / math.sqrt(var),
                      "count_a": y_a, "count_b": y_b}
    table = pd.DataFrame.from_dict(rows, orient="index")
    return table.sort_values(["z"], ascending=False, kind="stable") if len(table) else table


def distinctive_terms(tokens: pd.DataFrame, by: str, n: int = 8,
                      min_count: int = 2) -> pd.DataFrame:
    """Each group's most distinctive tokens against all other groups (log-odds z-scores).

    Words seen fewer than ``min_count`` times in the group are left out.

    Returns
    -------
    pandas.DataFrame
        Columns ``group, token, z, count, n_tokens, n_rest``.
    """
    everything = Counter(tokens["token"])
    rows = []
    for group, frame in tokens.groupby(by, sort=True):
        mine = Counter(frame["token"])
        rest = everything - mine
        table = log_odds(mine, rest, prior=everything)
        table = table[table["count_a"] >= min_count].head(n)
        for word, row in table.iterrows():
            rows.append({"group": group, "token": word, "z": row["z"],
                         "count": int(row["count_a"]), "n_tokens": sum(mine.values()),
                         "n_rest": sum(rest.values())})
    return pd.DataFrame(rows, columns=["group", "token", "z", "count", "n_tokens", "n_rest"])


def rate_intervals(tokens: pd.DataFrame, terms: pd.DataFrame, by: str,
                   **kwargs) -> pd.DataFrame:
    """95% bootstrap intervals for rates per 1,000 tokens (sentences resampled in articles).

    Parameters
    ----------
    tokens : pandas.DataFrame
        From :func:`token_table` (``doc_id, sentence, token`` and the ``by`` column).
    terms : pandas.DataFrame
        ``group, token`` pairs to measure, e.g. the output of :func:`top_terms`.

    Returns
    -------
    pandas.DataFrame
        ``terms`` with ``low`` and ``high`` added (per 1,000 tokens).
    """
    from analysis.stats import bootstrap_ratio

    lows, highs = [], []
    for group, token in zip(terms["group"], terms["token"]):
        frame = tokens[tokens[by] == group]
        per_sentence = (frame.assign(hit=(frame["token"] == token).astype(float), one=1.0)
                        .groupby(["doc_id", "sentence"])[["hit", "one"]].sum().reset_index())
        _, low, high = bootstrap_ratio(per_sentence["hit"], per_sentence["one"],
                                       per_sentence["doc_id"], **kwargs)
        lows.append(1000 * low)
        highs.append(1000 * high)
    return terms.assign(low=lows, high=highs)

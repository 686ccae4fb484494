"""Frame coding against people's coding: ``python -m analysis.evaluate frames CSV``.

The CSV holds one hand-coded sentence per row, columns ``sentence`` (or ``text``) and
``frame`` (one of :func:`analysis.framing.frame_names`), as in
``../shared/external/frac-dev/sentences.csv`` (262 FrAC sentences, Guida et al. 2025).
Each sentence's primary frame (:func:`analysis.framing.primary_frame`) is scored against
the person's frame: per frame precision, recall and F1 with the counts behind them and
Wilson 95% intervals, macro-F1 with a bootstrap 95% interval (sentences resampled), the
confusion matrix, and a majority-class baseline.

The sentences are split into two fixed halves by the parity of each sentence's SHA-256
(so the split does not depend on row order): the lexicon's threshold was chosen on the
*development* half, so the *held-out* half is the honest estimate; all sentences are
reported too. ``--tune`` prints the development half's macro-F1 for a range of thresholds
(the procedure behind the ``scoring.threshold`` in ``analysis/data/frames.yml``); it never
looks at the held-out half.
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.framing import decide, frame_matcher, frame_names, load_frames, primary_frame
from analysis.stats import N_BOOT, SEED, wilson_interval
from analysis.terms import tokens

HALVES = ("development", "held_out")
THRESHOLDS = (0.5, 1.0, 1.5, 2.0, 2.5, 3.0)


def read_gold(path: str | Path) -> pd.DataFrame:
    """Hand-coded sentences: ``text, frame`` (a clear error on any other frame name)."""
    table = pd.read_csv(path)
    if "text" not in table and "sentence" in table:
        table = table.rename(columns={"sentence": "text"})
    missing = {"text", "frame"} - set(table.columns)
    if missing:
        raise ValueError(f"{path}: no column {', '.join(sorted(missing))} "
                         "(expected 'sentence' or 'text', and 'frame')")
    unknown = sorted(set(table["frame"]) - set(frame_names()))
    if unknown:
        raise ValueError(f"{path}: frames not in the ten categories: "
                         f"{', '.join(map(str, unknown))}")
    return table[["text", "frame"]].reset_index(drop=True)


def half(text: str) -> str:
    """The fixed half a sentence belongs to: "development" or "held_out".

    Examples
    --------
    >>> half("A sentence."), half("Another sentence.")
    ('held_out', 'development')
    """
    return HALVES[int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16) % 2]


def _f1(correct: int, coded: int, n: int) -> float:
    return 2 * correct / (coded + n) if coded + n else 0.0


def macro_f1(gold, predicted, labels: list[str]) -> float:
    """Unweighted mean of the per-label F1 over ``labels`` (a label never used counts 0).

    Examples
    --------
    >>> macro_f1(["a", "b", "b"], ["a", "b", "a"], ["a", "b"])
    0.6666666666666666
    """
    gold, predicted = np.asarray(gold), np.asarray(predicted)
    return float(np.mean([_f1(int(((gold == x) & (predicted == x)).sum()),
                              int((predicted == x).sum()), int((gold == x).sum()))
                          for x in labels]))


def score(gold, predicted, labels: list[str], n_boot: int = N_BOOT, seed: int = SEED) -> dict:
    """Precision, recall and F1 per label, macro-F1 (with interval), accuracy, confusion."""
    gold, predicted = np.asarray(gold, dtype=object), np.asarray(predicted, dtype=object)
    per_frame = []
    for x in labels:
        correct = int(((gold == x) & (predicted == x)).sum())
        coded, n = int((predicted == x).sum()), int((gold == x).sum())
        p, p_low, p_high = wilson_interval(correct, coded)
        r, r_low, r_high = wilson_interval(correct, n)
        per_frame.append({"frame": x, "n": n, "coded": coded, "correct": correct,
                          "precision": _round(p), "precision_low": _round(p_low),
                          "precision_high": _round(p_high), "recall": _round(r),
                          "recall_low": _round(r_low), "recall_high": _round(r_high),
                          "f1": _round(_f1(correct, coded, n))})
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(gold), size=(n_boot, len(gold))) if len(gold) else []
    boot = [macro_f1(gold[i], predicted[i], labels) for i in draws]
    low, high = np.quantile(boot, [0.025, 0.975]) if len(boot) else (np.nan, np.nan)
    confusion = pd.crosstab(pd.Categorical(gold, categories=labels),
                            pd.Categorical(predicted, categories=labels), dropna=False)
    return {
        "n": int(len(gold)),
        "macro_f1": _round(macro_f1(gold, predicted, labels)),
        "macro_f1_low": _round(low), "macro_f1_high": _round(high),
        "accuracy": _round(float((gold == predicted).mean()) if len(gold) else np.nan),
        "per_frame": per_frame,
        "confusion": {"rows": "people's frame", "columns": "coded primary frame",
                      "labels": labels, "counts": confusion.to_numpy().tolist()},
    }


def _round(x: float) -> float | None:
    return None if x is None or np.isnan(x) else round(float(x), 4)


def evaluate(gold: pd.DataFrame) -> dict:
    """The scores of :func:`primary_frame` on each half and on all of ``gold``."""
    labels = frame_names()
    gold = gold.assign(half=[half(t) for t in gold["text"]],
                       coded=primary_frame(gold["text"]))
    development = gold[gold["half"] == "development"]
    majority = development["frame"].value_counts().sort_index().idxmax()
    present = _gold_among_coded(gold)
    subsets = {}
    for name, part in (("development", development),
                       ("held_out", gold[gold["half"] == "held_out"]), ("all", gold)):
        result = score(part["frame"], part["coded"], labels)
        result["baseline_macro_f1"] = _round(
            macro_f1(part["frame"], [majority] * len(part), labels))
        framed = part["frame"] != "other"
        result["gold_frame_coded"] = {"k": int(present[part.index][framed].sum()),
                                      "n": int(framed.sum())}
        subsets[name] = result
    threshold = load_frames()["scoring"]["threshold"]
    return {
        "method": "analysis.framing.primary_frame: weighted lexicon (analysis/data/frames.yml), "
                  f"primary frame = highest score if at least {threshold:g}, else 'other'",
        "threshold": threshold,
        "tuned_on": "development (threshold and one revision of the lexicon)",
        "split": "halves by the parity of each sentence's SHA-256 (analysis.evaluate.frames.half)",
        "baseline": f"always '{majority}' (the development half's most common frame)",
        "subsets": subsets,
    }


def _gold_among_coded(gold: pd.DataFrame) -> pd.Series:
    """Whether the person's frame is among the frames coded (the 0/1 columns)."""
    m = frame_matcher()
    hit = []
    for text, frame in zip(gold["text"], gold["frame"]):
        present, _ = decide(m.scores(tokens(text))[1], m.categories)
        hit.append(frame in m.categories and bool(present[m.categories.index(frame)]))
    return pd.Series(hit, index=gold.index)


def tune(gold: pd.DataFrame, thresholds=THRESHOLDS) -> pd.DataFrame:
    """Development-half macro-F1 for each threshold (the held-out half is not read)."""
    dev = gold[[half(t) == "development" for t in gold["text"]]]
    m = frame_matcher()
    weights = [m.scores(tokens(t))[1] for t in dev["text"]]
    rows = []
    for threshold in thresholds:
        coded = [decide(w, m.categories, threshold=threshold)[1] for w in weights]
        rows.append({"threshold": threshold, "n": len(dev),
                     "macro_f1": round(macro_f1(dev["frame"], coded, frame_names()), 4),
                     "coded_other": sum(c == "other" for c in coded)})
    return pd.DataFrame(rows)


def trust_table(result: dict, subset: str = "held_out") -> pd.DataFrame:
    """How far to trust each frame: a table a chapter or a figure can show.

    Parameters
    ----------
    result : dict
        :func:`analysis.evaluate.read_result` ``("frames")``.
    subset : {"held_out", "development", "all"}

    Returns
    -------
    pandas.DataFrame
        One row per frame: ``n`` (sentences people coded so), ``coded`` (coded so here),
        ``precision`` and ``recall`` with their Wilson 95% intervals, ``f1``, and
        ``precision (k of n)`` and ``recall (k of n)`` as text.
    """
    table = pd.DataFrame(result["metrics"]["subsets"][subset]["per_frame"]).set_index("frame")
    table["precision (k of n)"] = [f"{c} of {k}" for c, k in zip(table["correct"], table["coded"])]
    table["recall (k of n)"] = [f"{c} of {n}" for c, n in zip(table["correct"], table["n"])]
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluate frames",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("data", help="CSV of hand-coded sentences: sentence (or text), frame")
    parser.add_argument("--out", help="result file (default evaluation/frames.json)")
    parser.add_argument("--tune", action="store_true",
                        help="print the development half's macro-F1 per threshold, write nothing")
    args = parser.parse_args(argv)
    gold = read_gold(args.data)
    if args.tune:
        print(tune(gold).to_string(index=False))
        return 0
    from analysis.evaluate import write_result

    metrics = evaluate(gold)
    n_half = {k: v["n"] for k, v in metrics["subsets"].items()}
    description = (f"{len(gold)} hand-coded news and comment sentences ({Path(args.data).name}), "
                   f"split into a development half ({n_half['development']}) and a held-out "
                   f"half ({n_half['held_out']})")
    path = write_result("frames", args.data, description, metrics, out=args.out)
    for name, part in metrics["subsets"].items():
        print(f"{name:12s} n={part['n']:3d}  macro-F1 {part['macro_f1']:.2f} "
              f"({part['macro_f1_low']:.2f}-{part['macro_f1_high']:.2f})  "
              f"accuracy {part['accuracy']:.2f}  baseline {part['baseline_macro_f1']:.2f}")
    print(f"written to {path}")
    return 0

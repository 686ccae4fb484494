"""Article bodies against gold bodies: the HTML path and the text path.

``python -m analysis.evaluate cleaning DIR`` reads a folder laid out like
``../shared/external/pages-dev`` (``html/<id>.html``: saved pages; ``raw/<id>.txt``: their
whole visible text; ``gold/<id>.txt``: the article body as annotated by people) and scores

- the **HTML path**: :func:`analysis.webpage.read_page` on each page (the corpus loader's
  route for ``.html`` files), with trafilatura alone as baselines: its default settings,
  ``favor_precision``, and ``favor_precision`` without comments (the setting the package
  uses, before its furniture rules and headline removal);
- the **text path**: :func:`analysis.clean.clean_text` on each visible text (the route for
  pasted ``.txt`` pages), with "keep everything" as the baseline.

Scores are the Article Extraction Benchmark's: bag-of-words precision, recall and F1 of
the extracted body against the gold body (words: lower-cased runs of letters and digits,
counted with repeats), per page, averaged over pages, with a 95% bootstrap interval.

The settings of both paths were chosen on a fixed half of the pages (every other page in
sorted order, ``dev``); the other half (``held-out``) was not looked at while choosing
them. Both halves and the whole set are reported.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from analysis.clean import clean_text
from analysis.decoding import decode_text
from analysis.evaluate import write_result
from analysis.stats import bootstrap_mean
from analysis.webpage import decode_html, read_page

_WORD = re.compile(r"\w+")


def bag_of_words_scores(predicted: str, gold: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of the words of ``predicted`` against those of ``gold``.

    Examples
    --------
    >>> [round(x, 2) for x in bag_of_words_scores("the talks went well", "the talks went")]
    [0.75, 1.0, 0.86]
    >>> bag_of_words_scores("", "")
    (1.0, 1.0, 1.0)
    """
    p, g = Counter(_WORD.findall(predicted.lower())), Counter(_WORD.findall(gold.lower()))
    overlap = sum((p & g).values())
    n_p, n_g = sum(p.values()), sum(g.values())
    precision = overlap / n_p if n_p else float(not n_g)
    recall = overlap / n_g if n_g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def split_pages(ids: list[str]) -> dict[str, list[str]]:
    """The fixed split: every other page (sorted) to tune on, the rest held out.

    Examples
    --------
    >>> split_pages(["c", "a", "b"])
    {'dev': ['a', 'c'], 'held-out': ['b'], 'all': ['a', 'b', 'c']}
    """
    ids = sorted(ids)
    return {"dev": ids[0::2], "held-out": ids[1::2], "all": ids}


def _html_body(html_bytes: bytes, name: str) -> tuple[str, str]:
    html, _ = decode_html(html_bytes, name)
    page = read_page(html, name)
    return page.text, page.headline


def _trafilatura(html_bytes: bytes, name: str, **settings) -> str:
    import trafilatura

    html, _ = decode_html(html_bytes, name)
    return trafilatura.extract(html, **settings) or ""


def _methods() -> dict[str, tuple[str, Callable]]:
    """Method name → (input folder, function of the input's bytes and name → body)."""
    return {
        "html: this package (trafilatura favor_precision, no comments, furniture rules)":
            ("html", lambda data, name: _html_body(data, name)[0]),
        "html: trafilatura default": ("html", lambda data, name: _trafilatura(data, name)),
        "html: trafilatura favor_precision":
            ("html", lambda data, name: _trafilatura(data, name, favor_precision=True)),
        "html: trafilatura favor_precision, no comments":
            ("html", lambda data, name: _trafilatura(data, name, favor_precision=True,
                                                     include_comments=False)),
        "text: this package (clean_text)":
            ("raw", lambda data, name: clean_text(decode_text(data, name)[0]).text),
        "text: keep everything": ("raw", lambda data, name: decode_text(data, name)[0]),
    }


def evaluate(folder: str | Path, methods: tuple[str, ...] | None = None) -> dict:
    """Scores of every method (or of those whose names start with one of ``methods``) on
    every split of ``folder`` (see the module doc)."""
    folder = Path(folder)
    ids = sorted(p.stem for p in (folder / "gold").glob("*.txt"))
    if not ids:
        raise SystemExit(f"{folder}: no gold/*.txt files")
    gold = {i: (folder / "gold" / f"{i}.txt").read_text(encoding="utf-8") for i in ids}
    splits = split_pages(ids)
    per_page: dict[str, dict[str, tuple]] = {}
    seconds = {}
    for method, (sub, extract) in _methods().items():
        if methods and not method.startswith(methods):
            continue
        suffix = ".html" if sub == "html" else ".txt"
        start = time.perf_counter()
        per_page[method] = {
            i: bag_of_words_scores(extract((folder / sub / f"{i}{suffix}").read_bytes(),
                                           f"{i}{suffix}"), gold[i])
            for i in ids}
        seconds[method] = round(time.perf_counter() - start, 1)
    headlines = {i: _html_body((folder / "html" / f"{i}.html").read_bytes(), i)[1] for i in ids}
    summary = []
    for method, scores in per_page.items():
        for split, members in splits.items():
            f1, low, high = bootstrap_mean([scores[i][2] for i in members])
            summary.append({
                "method": method, "split": split, "n_pages": len(members),
                "precision": round(sum(scores[i][0] for i in members) / len(members), 4),
                "recall": round(sum(scores[i][1] for i in members) / len(members), 4),
                "f1": round(f1, 4), "f1_ci95": [round(low, 4), round(high, 4)],
            })
    return {
        "summary": summary,
        "html_headline_found": {split: f"{sum(bool(headlines[i]) for i in m)}/{len(m)}"
                                for split, m in splits.items()},
        "seconds": seconds,
        "pages": [{"id": i, "split": "dev" if i in splits["dev"] else "held-out",
                   **{m: round(s[i][2], 4) for m, s in per_page.items()}} for i in ids],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluate cleaning",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="folder with html/, raw/ and gold/")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    metrics = evaluate(args.data)
    n = len(metrics["pages"])
    path = write_result(
        "cleaning", args.data,
        f"{n} real web pages with human-annotated article bodies (Article Extraction "
        "Benchmark, Scrapinghub); settings chosen on the dev half, the held-out half not "
        "looked at; bag-of-words F1 per page, averaged",
        metrics, out=args.out)
    print(f"{'method':<82} {'split':<9} {'n':>3} {'P':>6} {'R':>6} {'F1':>6}  95% CI")
    for row in metrics["summary"]:
        low, high = row["f1_ci95"]
        print(f"{row['method']:<82} {row['split']:<9} {row['n_pages']:>3} "
              f"{row['precision']:>6.3f} {row['recall']:>6.3f} {row['f1']:>6.3f}  "
              f"{low:.3f}-{high:.3f}")
    print(f"headline found (HTML path): {metrics['html_headline_found']}")
    print(f"written to {path}")
    return 0

"""Quotations and speakers against PolNeAR's annotated attributions.

``python -m analysis.evaluate quotes DIR [--out FILE] [--show N] [--half dev|held-out]``

``DIR`` is a copy of the PolNeAR training split (``text/``, ``attributions/``,
``metadata.tsv``). Each article is read as it is (headline first, one paragraph a
line) and :func:`analysis.quotes.extract_quotes` runs on it with its publication date.

- **Recall**: a *direct quotation* is an annotated Content that starts and ends with a
  quotation mark; it is found when extracted quotations cover at least half of its
  characters (``recall_exact_boundaries``: each piece of it, between attributions, has
  an extracted quotation with the same words, 90% of their union in common).
- **Precision**: an extracted quotation is right when at least half of its characters lie
  inside some annotated Content (the annotators mark attributed material only, so a
  title or scare quote in marks counts against it). Reported for every quotation and for
  those credited to a speaker.
- **Speaker agreement**, for found direct quotations, by the kind of annotated Source:
  ``named`` (it ends with a name: "Sen. Lindsey Graham (R-S.C.)", "Sanders campaign
  manager Jeff Weaver", "The New York Times"): the predicted speaker has the same surname
  and, where both give one, the same first name (:func:`same_speaker`); ``pronoun``
  ("he"): scored against the nearest earlier named Source of the same article, a proxy
  for the name it stands for; ``description`` ("officials", "the campaign"): the kinds of
  speaker predicted, counted.

Every share comes with a 95% interval from a bootstrap over articles (quotations of one
article are not independent), and its ``n``.

The articles are split in two halves by a hash of their file name: rules were developed
looking at ``dev`` only; ``held-out`` is the honest estimate.
"""

from __future__ import annotations

import argparse
import hashlib
import re
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.evaluate import write_result
from analysis.lexicons import determiners, titles
from analysis.stats import bootstrap_ratio

OPENING = "“\"‘'`"
CLOSING = "”\"’'"
PRONOUNS = frozenset("he she they i we you it him her them his hers their theirs its our "
                     "us my me who whom which that this these those".split())
DETERMINERS = frozenset("the a an".split())
SUFFIXES = frozenset("Jr. Jr Sr. Sr II III IV".split())
_WORD = re.compile(r"[\w’'.-]+")


def half(stem: str) -> str:
    """``dev`` or ``held-out``: a fixed split by a hash of the file name.

    Examples
    --------
    >>> half("nyt_2016-01-01_example"), half("nyt_2016-01-02_example")
    ('dev', 'held-out')
    """
    return "dev" if int(hashlib.sha256(stem.encode()).hexdigest()[:8], 16) % 2 == 0 \
        else "held-out"


def _spans(field: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (piece.split() for piece in field.split(";"))]


def read_annotations(path: Path) -> pd.DataFrame:
    """One row per attribution relation of a brat ``.ann`` file: content spans and
    text, source spans and text (empty when the relation names no source)."""
    spans, texts, rows, relations = {}, {}, [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 3:
            label, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = (label, _spans(offsets))
            texts[parts[0]] = parts[2]
        elif parts[0].startswith("E") and len(parts) >= 2:
            relations.append(parts[1])
    for relation in relations:  # a relation may come before the spans it joins
        roles = dict(item.split(":", 1) for item in relation.split() if ":" in item)
        if roles.get("Content") in spans:
            source = roles.get("Source")
            rows.append({"content": spans[roles["Content"]][1],
                         "content_text": texts[roles["Content"]],
                         "source": spans[source][1] if source in spans else [],
                         "source_text": texts.get(source, "")})
    return pd.DataFrame(rows, columns=["content", "content_text", "source", "source_text"])


def read_polnear(folder: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The articles (``doc_id, text, published, half``) and their attributions.

    Where an article has two annotators' files, the first in name order is used.
    """
    folder = Path(folder)
    meta = pd.read_csv(folder / "metadata.tsv", sep="\t", dtype=str, keep_default_na=False)
    dates = dict(zip(meta["filename"], meta["publication_date"]))
    articles, gold = [], []
    for path in sorted((folder / "text").glob("*.txt")):
        stem = path.stem
        text = path.read_text(encoding="utf-8")
        articles.append({"doc_id": stem, "text": text, "half": half(stem),
                         "published": pd.to_datetime(dates.get(stem), errors="coerce")})
        annotations = sorted((folder / "attributions").glob(f"{stem}_*.ann"))
        if annotations:
            gold.append(read_annotations(annotations[0]).assign(doc_id=stem))
    return pd.DataFrame(articles), pd.concat(gold, ignore_index=True)


def is_direct(content: str) -> bool:
    """A direct quotation: the content starts and ends with a quotation mark."""
    content = content.strip()
    return len(content) > 2 and content[0] in OPENING and content[-1] in CLOSING


def _head(source: str) -> list[str]:
    """The words that name a source: before any appositive or bracket, the leading name
    if an "of" phrase follows it ("Jeffrey Lewis of the … Center"), else the words after
    any possessive ("the Washington Post’s Ishaan Tharoor")."""
    head = re.split(r"\s*[,(]", source.strip(), maxsplit=1)[0]
    before_of = head.split(" of ")[0]
    if before_of != head and sum(w[:1].isupper() and w not in titles()
                                 for w in _WORD.findall(before_of)) >= 2:
        head = before_of
    head = re.split(r"[’']s?\s+(?=[A-Z])", head)[-1]
    return _WORD.findall(re.sub(r"[’']s?$", "", head))


def source_kind(source: str) -> str:
    """``named``, ``pronoun``, ``description`` or ``none`` for an annotated Source: named
    when it ends with a name ("Sanders campaign manager Jeff Weaver", "Sen. Lindsey Graham
    (R-S.C.)", "The New York Times"), a description otherwise ("the Trump campaign").

    Examples
    --------
    >>> [source_kind(s) for s in ["Sen. Lindsey Graham (R-S.C.)", "he", "the campaign",
    ...                           "The New York Times", "Kenneth Baer, a former official",
    ...                           "Sanders campaign manager Jeff Weaver", "the 46-year-old"]]
    ['named', 'pronoun', 'description', 'named', 'named', 'named', 'description']
    """
    words = _head(source)
    if not words:
        return "none"
    if all(w.lower() in PRONOUNS for w in words):
        return "pronoun"
    last = words[-1]
    named = last[:1].isupper() and last not in titles() and len(last) > 1 and \
        last.lower() not in determiners()
    return "named" if named else "description"


def name_words(name: str) -> list[str]:
    """The words of the name a source ends with, without titles, initials or suffixes,
    lower-cased.

    Examples
    --------
    >>> name_words("Senate Majority Leader Mitch McConnell, R-Ky.,")
    ['senate', 'majority', 'mitch', 'mcconnell']
    >>> name_words("Sanders campaign manager Jeff Weaver")
    ['jeff', 'weaver']
    """
    words = _head(name)
    run = []
    for w in reversed(words):  # the final run of capitalised words
        if not w[:1].isupper():
            break
        run.insert(0, w)
    return [w.lower().strip(".") for w in run
            if w not in titles() and w.lower() not in DETERMINERS and w not in SUFFIXES
            and not re.fullmatch(r"[A-Z]\.?", w)]


def same_speaker(predicted: str, source: str) -> bool:
    """The predicted speaker is the annotated source: the same surname (last word), and
    where both give a first name, the prediction's appears in the source ("Donald Trump"
    agrees with "Trump" and "Mr. Trump", not with "Eric Trump"; "John Kasich" with "Ohio
    Gov. John Kasich").

    Examples
    --------
    >>> same_speaker("Lindsey Graham", "Sen. Lindsey Graham (R-S.C.)")
    True
    >>> same_speaker("Donald Trump", "Eric Trump")
    False
    """
    want, got = name_words(source), name_words(predicted)
    if not want or not got or want[-1] != got[-1]:
        return False
    return len(got) == 1 or len(want) == 1 or got[0] in want


def _covered(spans: list[tuple[int, int]], by: list[tuple[int, int]]) -> float:
    """Share of the characters of ``spans`` inside ``by`` (both lists of half-open spans)."""
    total = sum(b - a for a, b in spans)
    inside = sum(max(0, min(b, y) - max(a, x)) for a, b in spans for x, y in by)
    return inside / total if total else 0.0


def _jaccard(spans: list[tuple[int, int]], span: tuple[int, int]) -> float:
    inside = sum(max(0, min(b, span[1]) - max(a, span[0])) for a, b in spans)
    union = sum(b - a for a, b in spans) + span[1] - span[0] - inside
    return inside / union if union else 0.0


def _inner(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Content spans without their outer marks and white space."""
    out = []
    for a, b in spans:
        while a < b and (text[a] in OPENING or text[a].isspace()):
            a += 1
        while b > a and (text[b - 1] in CLOSING or text[b - 1].isspace()):
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def match(articles: pd.DataFrame, gold: pd.DataFrame, quotes: pd.DataFrame) -> tuple[
        pd.DataFrame, pd.DataFrame]:
    """Gold direct quotations with the extracted quotation that covers most of each, and
    every extracted quotation with whether annotated content covers it."""
    texts = dict(zip(articles["doc_id"], articles["text"]))
    by_doc = {d: g for d, g in quotes.groupby("doc_id")}
    gold_by_doc = {d: g for d, g in gold.groupby("doc_id")}
    direct_rows, extracted_rows = [], []
    for doc_id, text in texts.items():
        found = by_doc.get(doc_id, quotes.iloc[:0])
        annotated = gold_by_doc.get(doc_id, gold.iloc[:0])
        spans = list(zip(found["start"], found["end"]))
        contents = [s for c in annotated["content"] for s in c]
        for row in found.itertuples():
            extracted_rows.append({"doc_id": doc_id, "quote": row.quote, "speaker": row.speaker,
                                   "speaker_kind": getattr(row, "speaker_kind", ""),
                                   "annotated": _covered([(row.start, row.end)], contents) >= .5})
        named = [(min(a for a, _ in r.source), r.source_text) for r in annotated.itertuples()
                 if r.source and source_kind(r.source_text) == "named"]
        for r in annotated.itertuples():
            if not is_direct(r.content_text):
                continue
            inner = _inner(r.content, text)
            overlaps = [_covered(inner, [s]) for s in spans]
            best = max(range(len(spans)), key=overlaps.__getitem__) if spans else None
            kind = source_kind(r.source_text)
            proxy = ""
            if kind == "pronoun" and r.source:
                at = min(a for a, _ in r.source)
                earlier = [s for pos, s in named if pos < at]
                proxy = earlier[-1] if earlier else ""
            at = min(a for a, _ in r.content)
            direct_rows.append({
                "doc_id": doc_id, "content": r.content_text, "source": r.source_text,
                "context": " ".join(text[max(0, at - 150):at + len(r.content_text) + 100].split()),
                "cue": found["cue"].iloc[best] if best is not None else "",
                "source_kind": kind, "proxy": proxy,
                "found": _covered(inner, spans) >= .5,
                # the same words: each piece of the annotation ("“A,” he said. “B.”" is one
                # annotation in two pieces) has an extracted quotation overlapping it by 90%
                # of their union (boundaries right, not only most of the words)
                "exact": bool(inner) and all(any(_jaccard([piece], span) >= .9 for span in spans)
                                             for piece in inner),
                "speaker": found["speaker"].iloc[best] if best is not None else "",
                "speaker_kind": (found["speaker_kind"].iloc[best]
                                 if best is not None and "speaker_kind" in found else ""),
            })
    return pd.DataFrame(direct_rows), pd.DataFrame(extracted_rows)


def estimate(hits, doc_ids) -> dict:
    """A share with its 95% interval from a bootstrap over articles (quotations of one
    article are not independent): ``{"value", "low", "high", "n"}``.

    Examples
    --------
    >>> estimate([1, 1, 0, 1], ["a", "a", "b", "c"])["value"]
    0.75
    """
    table = pd.DataFrame({"hit": np.asarray(hits, dtype=float), "doc": list(doc_ids)})
    if table.empty:
        return {"value": None, "low": None, "high": None, "n": 0}
    per_article = table.groupby("doc", sort=True)["hit"].agg(["sum", "count"])
    value, low, high = bootstrap_ratio(per_article["sum"], per_article["count"])
    return {"value": round(value, 4), "low": round(low, 4), "high": round(high, 4),
            "n": len(table)}


def scores(direct: pd.DataFrame, extracted: pd.DataFrame) -> dict:
    """Recall, precision and speaker agreement from :func:`match`'s tables."""
    found = direct[direct["found"]]
    named = found[found["source_kind"] == "named"]
    pronoun = found[(found["source_kind"] == "pronoun") & (found["proxy"] != "")]
    described = found[found["source_kind"] == "description"]
    credited = extracted[extracted["speaker"] != ""]
    return {
        "direct_quotations": len(direct),
        "recall": estimate(direct["found"], direct["doc_id"]),
        "recall_exact_boundaries": estimate(direct["exact"], direct["doc_id"]),
        "precision": estimate(extracted["annotated"], extracted["doc_id"]),
        "precision_credited": estimate(credited["annotated"], credited["doc_id"]),
        "named_agreement": estimate(
            [same_speaker(p, s) for p, s in zip(named["speaker"], named["source"])],
            named["doc_id"]),
        "named_with_a_speaker": estimate(named["speaker"] != "", named["doc_id"]),
        "pronoun_agreement_proxy": estimate(
            [same_speaker(p, s) for p, s in zip(pronoun["speaker"], pronoun["proxy"])],
            pronoun["doc_id"]),
        "description_speaker_kinds": {k: int(v) for k, v in
                                      described["speaker_kind"].value_counts().items()},
    }


def human_agreement(folder: str | Path) -> dict:
    """How far two annotators agree, where an article has two: the second annotator's
    direct quotations and sources scored as if they were predictions against the first's
    (a ceiling for any extractor)."""
    folder = Path(folder)
    articles, first, second = [], [], []
    for path in sorted((folder / "text").glob("*.txt")):
        files = sorted((folder / "attributions").glob(f"{path.stem}_*.ann"))
        if len(files) < 2:
            continue
        articles.append({"doc_id": path.stem, "text": path.read_text(encoding="utf-8")})
        first.append(read_annotations(files[0]).assign(doc_id=path.stem))
        other = read_annotations(files[1])
        other = other[[is_direct(c) for c in other["content_text"]]]
        second += [{"doc_id": path.stem, "start": min(a for a, _ in c),
                    "end": max(b for _, b in c), "speaker": name, "speaker_kind": "", "cue": "",
                    "quote": text}
                   for c, name, text in zip(other["content"], other["source_text"],
                                            other["content_text"])]
    if not articles:
        return {"articles": 0}
    direct, _ = match(pd.DataFrame(articles), pd.concat(first, ignore_index=True),
                      pd.DataFrame(second, columns=["doc_id", "start", "end", "speaker",
                                                    "speaker_kind", "cue", "quote"]))
    found = direct[direct["found"]]
    named = found[found["source_kind"] == "named"]
    return {"articles": len(articles),
            "recall": estimate(direct["found"], direct["doc_id"]),
            "named_agreement": estimate(
                [same_speaker(p, s) for p, s in zip(named["speaker"], named["source"])],
                named["doc_id"])}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluate quotes")
    parser.add_argument("data", type=Path, help="the PolNeAR training split")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--show", type=int, default=0,
                        help="print this many failures (from --half) instead of writing")
    parser.add_argument("--half", choices=["dev", "held-out"], default="dev")
    args = parser.parse_args(argv)

    from analysis.quotes import extract_quotes

    articles, gold = read_polnear(args.data)
    quotes = extract_quotes(articles)
    direct, extracted = match(articles, gold, quotes)
    halves = dict(zip(articles["doc_id"], articles["half"]))
    if args.show:
        show_failures(direct, extracted, halves, args.half, args.show)
        return 0
    metrics = {}
    for name in ("dev", "held-out"):
        keep_d = direct["doc_id"].map(halves) == name
        keep_e = extracted["doc_id"].map(halves) == name
        metrics[name] = {"articles": int((articles["half"] == name).sum()),
                         **scores(direct[keep_d], extracted[keep_e])}
    metrics["all"] = {"articles": len(articles), **scores(direct, extracted)}
    metrics["two_annotators"] = human_agreement(args.data)
    path = write_result(
        "quotes", args.data,
        f"{len(articles)} articles of the PolNeAR 1.0.0 training split (US political news, "
        "2015-2016), split in two halves by a hash of the file name: the rules were developed "
        "looking at 'dev' only, 'held-out' is the honest estimate", metrics, out=args.out)
    for name in ("dev", "held-out"):
        print(name, {k: v["value"] if isinstance(v, dict) and "value" in v else v
                     for k, v in metrics[name].items()})
    print(f"written: {path}")
    return 0


def show_failures(direct, extracted, halves, which, n) -> None:
    """Print missed quotations, wrong named speakers and unannotated extractions."""
    direct = direct[direct["doc_id"].map(halves) == which]
    extracted = extracted[extracted["doc_id"].map(halves) == which]
    missed = direct[~direct["found"]]
    named = direct[direct["found"] & (direct["source_kind"] == "named")]
    wrong = named[[not same_speaker(p, s) for p, s in zip(named["speaker"], named["source"])]]
    spurious = extracted[(extracted["speaker"] != "") & ~extracted["annotated"]]
    for title, table, cols in (("MISSED", missed, ["doc_id", "content"]),
                               ("WRONG SPEAKER", wrong, ["doc_id", "source", "speaker",
                                                         "speaker_kind", "cue", "context"]),
                               ("CREDITED, NOT ANNOTATED", spurious, ["doc_id", "speaker",
                                                                      "quote"])):
        print(f"=== {title}: {len(table)}")
        for row in table.sample(min(n, len(table)), random_state=0)[cols].itertuples(
                index=False):
            print(" | ".join(str(x)[:400] for x in row))

"""Speaker attribution: who said each quotation, and who is reported as speaking.

:func:`attribute` reads an article once, sentence by sentence. Mentions
(:mod:`analysis.mentions`) are merged into the article's entity table
(:mod:`analysis.entities`) as they come, pronouns resolved as they come; each quotation
(:mod:`analysis.quotemarks`) is attributed at the end of the sentence that closes it (or
of the next, when a cue the sentence splitter cut off opens it: "“…?” Pence said.") by
the sieves of :mod:`analysis.sieves`, from the most precise to the loosest.

A transcript line (``PENCE: Well, look, …``) is a quotation whose label names its speaker.
Each speaker has a kind (:data:`analysis.entities.KINDS`): a described speaker ("a senior
official said") is ``unnamed``, never the last person named; spokespeople and bodies are
``spokesperson``, never their leader. Every step is a lookup or reads a window of
bounded size, so the cost grows linearly with the text.
"""

from __future__ import annotations

import bisect
from collections import Counter

from analysis.actors import Registry
from analysis.cues import passive, speech_verbs_in
from analysis.lexicons import speech_verbs
from analysis.mentions import find_mentions
from analysis.quotemarks import Quote, find_quotes, paragraph_spans, transcript_lines
from analysis.sieves import Article, attribute_one, rstrip_at
from analysis.subjects import coordinated, inverted, subject_before
from analysis.text import split_sentences


def attribute(text: str, date, registry: Registry,
              sentences: list[tuple[int, int]] | None = None
              ) -> tuple[list[Quote], list[tuple]]:
    """Quotations with speakers, and reported speech.

    Returns
    -------
    (quotes, reports)
        ``quotes``: :class:`analysis.quotemarks.Quote` objects with ``speaker``,
        ``speaker_kind``, ``cue`` and ``kind`` set; ``reports``: ``(paragraph, start,
        end, speaker, cue, speaker_kind)`` for sentences that report speech.

    ``sentences``: the body's sentence spans (in order, not overlapping), if the caller
    has them already.

    Examples
    --------
    >>> from analysis.actors import load_registry
    >>> quotes, _ = attribute("Sen. Lindsey Graham spoke. “No,” Graham said.", None,
    ...                       load_registry())
    >>> [(q.speaker, q.speaker_kind, q.cue) for q in quotes]
    [('Lindsey Graham', 'other person', 'said')]
    """
    paragraphs = paragraph_spans(text)
    if sentences is None:
        sentences = [(p0 + a, p0 + b) for p0, p1 in paragraphs
                     for a, b in split_sentences(text[p0:p1])]
    transcripts = transcript_lines(text)
    quotes = find_quotes(text, skip=frozenset(line[0] for line in transcripts))
    inside = [(q.open_at, q.close_end if q.close_end is not None else q.end) for q in quotes]
    inside += [(line[2], line[4]) for line in transcripts]
    inside.sort()
    mentions = find_mentions(text, date, registry, inside)
    quotes = _merge_transcripts(quotes, transcripts)
    article = Article(text, mentions, quotes)
    verbs = speech_verbs_in(text, 0, len(text))
    # A capitalised word right before a speech verb anywhere in the article is a person
    # there ("Sanders said"), even where it stands alone ("Sanders compared himself …").
    for v_start, _, _ in verbs:
        m = article.index.by_end.get(rstrip_at(text, v_start, max(0, v_start - 3)))
        if m is not None and m.kind == "name":
            article.entities.speakers.add(m.name)

    starts = [a for a, _ in sentences]

    def sentence_at(pos: int) -> int | None:
        i = bisect.bisect_right(starts, pos) - 1
        return i if i >= 0 and pos < sentences[i][1] else None

    due: dict[int | None, list[Quote]] = {}
    opens = sorted(q.open_at for q in quotes)
    for q in quotes:
        i = sentence_at(q.last_char)
        if i is not None and i + 1 < len(sentences) and q.close_end is not None and \
                sentences[i][1] - q.close_end < 4 and \
                not text[q.close_end:sentences[i][1]].strip(" .,;:!?") and \
                "\n" not in text[sentences[i][1]:sentences[i + 1][0]] and \
                bisect.bisect_left(opens, sentences[i + 1][0]) == \
                bisect.bisect_left(opens, sentences[i + 1][1]) and \
                _attribution_only(text, *sentences[i + 1]):
            # "“…?” Pence said.": the cue is in what the splitter took for a new sentence
            # (unless that sentence has a quotation of its own, which the cue introduces).
            i += 1
        due.setdefault(i, []).append(q)
    verb_starts = [v[0] for v in verbs]
    inside_starts = [a for a, _ in inside]
    labels = _label_counts(transcripts)
    paragraph_starts = [p0 for p0, _ in paragraphs]
    reports = []
    m_i = 0
    for i, (s0, s1) in enumerate(sentences):
        article.salience.new_sentence()
        while m_i < len(mentions) and mentions[m_i].start < s1:
            article.read(mentions[m_i])
            m_i += 1
        for q in due.get(i, ()):
            attribute_one(q, article, sentences, i, starts, labels)
        here = verbs[bisect.bisect_left(verb_starts, s0):bisect.bisect_left(verb_starts, s1)]
        if here:
            paragraph = bisect.bisect_right(paragraph_starts, s0)
            reports += _reported(article, s0, s1, paragraph, here, inside, inside_starts)
    while m_i < len(mentions):
        article.read(mentions[m_i])
        m_i += 1
    for q in due.get(None, ()):  # anything left (a quotation outside every sentence)
        attribute_one(q, article, sentences, None, starts, labels)
    _close_chains(quotes)
    names, kinds = article.entities.names, article.entities.kinds
    for q in quotes:
        if q.entity is not None:
            q.speaker, q.speaker_kind = names[q.entity], kinds[q.entity]
    reports = [(p, a, b, names[e], cue, kinds[e]) for p, a, b, e, cue in reports]
    return quotes, reports


_CLAUSE = frozenset("that the a an he she it they we i his her their this there if".split())


def _attribution_only(text: str, start: int, end: int) -> bool:
    """A sentence that opens with an attribution ("Pence said in response."), not one that
    reports speech of its own ("Kasich said the party …")."""
    verbs = speech_verbs_in(text, start, min(end, start + 80))
    if not verbs:
        return False
    following = text[verbs[0][1]:min(end, verbs[0][1] + 20)].split()
    return not following or following[0].lower().strip(",.") not in _CLAUSE


def _merge_transcripts(quotes: list[Quote], transcripts) -> list[Quote]:
    lines = [Quote(number, label_at, None, start, end, mark="transcript", cue=label)
             for number, label, label_at, start, end in transcripts]
    for q in lines:
        q.kind = "full"
    return sorted(quotes + lines, key=lambda q: q.open_at)


def _label_counts(transcripts) -> Counter:
    return Counter(label for _, label, *_ in transcripts)


def _reported(article: Article, s0, s1, paragraph, verbs, inside, inside_starts
              ) -> list[tuple]:
    """Speech verbs in the narrative whose subject is not quoted in the same sentence:
    "Mr Putin has said he does not intend to order an invasion" (reported speech)."""
    text, index = article.text, article.index
    lo = max(0, bisect.bisect_left(inside_starts, s0) - 1)
    hi = bisect.bisect_left(inside_starts, s1)
    # Quotations do not overlap, so those touching this sentence open inside it, or are the
    # last one opened before it.
    first = max(0, bisect.bisect_left(article.opens, s0) - 1)
    last = bisect.bisect_left(article.opens, s1)
    quoted_here = {q.entity for q in article.quotes[first:last] if q.last_char >= s0}
    rows, seen = [], set()
    for verb in verbs:
        v_start, v_end, cue = verb
        k = bisect.bisect_right(inside_starts, v_start, lo, hi) - 1
        if (k >= 0 and v_start < inside[k][1]) or cue == "speaking":
            continue
        if passive(text, s0, verb, s1):
            continue
        slot = inverted(text, v_end, s1, index) if speech_verbs().inverts(cue) else None
        slot = slot or subject_before(text, v_start, s0, index)
        if slot is None or slot.mention is None:
            continue
        # "A and B reaffirmed …": a joint statement reports both.
        for subject in [*coordinated(text, slot, s0, index), slot]:
            entity, _ = article.speaker(subject)
            if entity is not None and entity not in quoted_here and entity not in seen:
                seen.add(entity)
                rows.append((paragraph, s0, s1, entity, cue))
                # "Bystrom agreed. “Mainstream Republicans …”": who was last reported
                # speaking says a quotation paragraph that follows.
                article.salience.spoke(entity)
    return rows


def _close_chains(quotes: list[Quote]) -> None:
    """A quotation running over paragraphs has one speaker: the first one found."""
    chain: list[Quote] = []
    for q in quotes + [None]:
        if q is not None and q.continued and chain:
            chain.append(q)
            continue
        explicit = next((x for x in chain if x.explicit), None)
        if explicit:
            for x in chain:
                x.entity, x.speaker_kind, x.kind = explicit.entity, explicit.speaker_kind, \
                    chain[0].kind
        chain = [q] if q is not None else []


"""Speaker attribution: who said each quotation, and who is reported as speaking.

:func:`attribute` reads an article once, sentence by sentence. Mentions
(:mod:`analysis.mentions`) are merged into the article's entity table
(:mod:`analysis.entities`) as they come, pronouns resolved as they come; each quotation
(:mod:`analysis.quotemarks`) is attributed at the end of the sentence that closes it, by
the first of these sieves that fires, from the most precise to the loosest:

1. a cue right after the closing mark (:func:`analysis.cues.cue_after`);
2. a cue before the opening mark, in the same sentence (:func:`analysis.cues.cue_before`);
3. the speaker of an earlier quotation in the same sentence;
4. a quotation continued from the previous paragraph: its speaker;
5. a cue in the sentence before, when it ends with a colon (``Trump said:`` ¶ ``“…``);
6. a participle later in the sentence (``… “…”, saying …``);
7. a full quotation with no cue of its own: the last speaker.

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
from analysis.cues import (
    MentionIndex,
    Slot,
    cue_after,
    cue_before,
    inverted,
    participle_after,
    passive,
    speech_verbs_in,
    subject_before,
)
from analysis.entities import Entities, Salience
from analysis.lexicons import speech_verbs
from analysis.mentions import PREPOSITIONS, Mention, find_mentions
from analysis.quotemarks import Quote, find_quotes, paragraph_spans, transcript_lines
from analysis.text import split_sentences

_VERB_CLOSE = 30  # characters before a quotation in which "said," makes it a full one


class _Article:
    """The state of one article's attribution: entities, salience, resolved mentions."""

    def __init__(self, text: str, mentions: list[Mention], quotes: list[Quote]):
        self.text = text
        self.quotes = quotes
        self.opens = [q.open_at for q in quotes]
        self.position = {id(q): k for k, q in enumerate(quotes)}
        self.index = MentionIndex(mentions)
        self.entities = Entities()
        self.salience = Salience(self.entities)
        self.resolved: dict[int, int | None] = {}  # mention start -> entity

    def read(self, m: Mention) -> None:
        """Take in one mention, in text order."""
        if m.kind == "pronoun":
            entity = self.salience.resolve(m.gender)
        else:
            entity = self.entities.add(m)
        self.resolved[m.start] = entity
        if entity is None or entity in self.entities.weak:
            return
        self.index.known.add(m.start)
        self.salience.seen(entity, m.kind == "pronoun" or m.can_be_subject)

    def speaker(self, slot: Slot) -> tuple[int | None, str]:
        """The entity a slot names and its kind ("unnamed" for a description)."""
        if slot.mention is None:
            return None, "unnamed"
        m = slot.mention
        if m.start in self.resolved and self.resolved[m.start] is not None:
            entity = self.resolved[m.start]
            self.entities.weak.discard(entity)  # a cue names it: a speaker from now on
        elif m.kind == "pronoun":
            return None, "unknown"
        else:
            entity = self.entities.add(m, create=True)
            self.resolved[m.start] = entity
        if entity is None:
            return None, "unnamed"
        return entity, self.entities.kinds[entity]


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
    article = _Article(text, mentions, quotes)
    verbs = speech_verbs_in(text, 0, len(text))
    # A capitalised word right before a speech verb anywhere in the article is a person
    # there ("Sanders said"), even where it stands alone ("Sanders compared himself …").
    for v_start, _, _ in verbs:
        m = article.index.by_end.get(_rstrip(text, v_start, max(0, v_start - 3)))
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
            _attribute_one(q, article, sentences, i, starts, labels)
        here = verbs[bisect.bisect_left(verb_starts, s0):bisect.bisect_left(verb_starts, s1)]
        if here:
            paragraph = bisect.bisect_right(paragraph_starts, s0)
            reports += _reported(article, s0, s1, paragraph, here, inside, inside_starts)
    while m_i < len(mentions):
        article.read(mentions[m_i])
        m_i += 1
    for q in due.get(None, ()):  # anything left (a quotation outside every sentence)
        _attribute_one(q, article, sentences, None, starts, labels)
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


def _attribute_one(q: Quote, article: _Article, sentences, i, starts, labels) -> None:
    text, index = article.text, article.index
    if q.mark == "transcript":
        _attribute_transcript(q, article, labels)
        return
    s0, s1 = sentences[i] if i is not None else (q.open_at, q.end)
    open_i = bisect.bisect_right(starts, q.open_at) - 1
    s_open = sentences[open_i][0] if open_i >= 0 else s0
    k = article.position[id(q)]
    if k + 1 < len(article.quotes):  # what follows a quotation ends at the next one
        s1 = min(s1, max(article.quotes[k + 1].open_at, q.close_end or q.last_char + 1))
    earlier = _earlier_quotes(q, article, s_open)
    before_start = max(s_open, earlier[-1].close_end) if earlier and \
        earlier[-1].close_end is not None else s_open
    q.kind = _kind(q, text, text[before_start:q.open_at])
    if q.kind == "partial" and _title(text, before_start, q):
        return  # "appeared on “Fox and Friends”": a title, nobody's words

    found = None
    if q.close_end is not None:  # 1. a cue after the closing mark
        found = cue_after(text, q.close_end, s1, index, clause_end=q.kind == "partial")
    if not found:  # 2. a cue before the opening mark
        found = cue_before(text, before_start, q.open_at, index)
    if found:
        entity, kind = article.speaker(found[1])
        _set(q, entity, kind, found[0], article)
        return
    spoken = [x for x in earlier if x.speaker_kind != "unknown"]
    if spoken:  # 3. an earlier quotation of the same sentence
        _copy(q, spoken[-1], article)
        return
    if q.continued:  # 4. continued from the previous paragraph
        if k:
            _copy(q, article.quotes[k - 1], article, keep_kind=False)
            return
    if open_i > 0 and not earlier and q.open_at - s_open < 8 and \
            not text[s_open:q.open_at].strip():  # 5. "… said:" ¶ "“…"
        p0, p1 = sentences[open_i - 1]
        end = _rstrip(text, p1, p0)
        if end > p0 and text[end - 1] == ":":
            found = cue_before(text, p0, end, index)
            if found:
                entity, kind = article.speaker(found[1])
                _set(q, entity, kind, found[0], article)
                return
    if q.close_end is not None:  # 6. a participle later in the sentence
        later = participle_after(text, q.close_end, s1)
        if later:
            slot = subject_before(text, later[0], s_open, index)
            if slot:
                entity, kind = article.speaker(slot)
                _set(q, entity, kind, later[1], article)
                return
    last = article.salience.last_speaker
    if q.kind == "full" and last is not None:  # 7. a quotation paragraph: the last speaker
        q.entity, q.speaker_kind, q.cue = last, article.entities.kinds[last], ""


def _rstrip(text: str, end: int, start: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _earlier_quotes(q: Quote, article: _Article, s_open: int) -> list[Quote]:
    """Quotations of the same sentence before ``q`` (at most a few, nearest last)."""
    k = article.position[id(q)]
    found = []
    for x in reversed(article.quotes[max(0, k - 4):k]):
        if x.open_at < s_open or x.mark == "transcript":
            break
        found.append(x)
    return found[::-1]


def _set(q: Quote, entity: int | None, kind: str, cue: str, article: _Article) -> None:
    q.entity, q.speaker_kind, q.cue, q.explicit = entity, kind, cue, True
    if entity is not None:
        article.salience.spoke(entity)


def _copy(q: Quote, source: Quote, article: _Article, keep_kind: bool = True) -> None:
    q.entity, q.speaker_kind, q.cue = source.entity, source.speaker_kind, source.cue
    if not keep_kind:
        q.kind = source.kind
    if q.entity is not None:
        article.salience.spoke(q.entity)


def _attribute_transcript(q: Quote, article: _Article, labels: Counter) -> None:
    """``PENCE:`` names a speaker when the article names them, or when the article is a
    dialogue (labels used more than once, by at least two speakers)."""
    label = q.cue
    entities = article.entities
    found = entities.lookup(label.title())
    if found is None and len(labels) > 1 and labels[label] > 1:
        found = entities.person(label.title())
    if found is None:
        q.kind, q.speaker_kind, q.cue = "full", "unknown", ""
        return
    q.cue = ":"
    q.entity, q.speaker_kind, q.explicit = found, entities.kinds[found], True
    article.salience.spoke(found)


def _reported(article: _Article, s0, s1, paragraph, verbs, inside, inside_starts
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
        entity, _ = article.speaker(slot)
        if entity is not None and entity not in quoted_here and entity not in seen:
            seen.add(entity)
            rows.append((paragraph, s0, s1, entity, cue))
            # "Bystrom agreed. “Mainstream Republicans …”": who was last reported speaking
            # says a quotation paragraph that follows.
            article.salience.spoke(entity)
    return rows


_SMALL_WORDS = frozenset("a an the and or of in on at to for with from by as is".split())


def _title(text: str, start: int, q: Quote) -> bool:
    """A quoted title: a few words in title case, right after a preposition or a verb
    that takes an object ("on “This Week”", "told “Fox and Friends”", "in “The Revenant”")."""
    words = text[q.start:q.end].split()
    if not words or len(words) > 8:
        return False
    capitalised = [w[:1].isupper() for w in words if w.lower() not in _SMALL_WORDS]
    if not capitalised or sum(capitalised) < 0.6 * len(capitalised):
        return False
    before = text[max(start, q.open_at - 20):q.open_at].split()
    word = before[-1].lower() if before else ""
    verbs = speech_verbs()
    return word in PREPOSITIONS or (word in verbs.lemma and verbs.lemma[word] in
                                    verbs.takes_object)


def _kind(q: Quote, text: str, before: str) -> str:
    """``full`` when the quotation opens a sentence (or follows ``said:``), else ``partial``."""
    if q.continued:
        return "full"
    inner = text[q.start:q.end].lstrip("….' ")
    lead = before.rstrip()
    opens = not lead or lead.endswith((":", ".", "!", "?")) or (
        lead.endswith(",") and speech_verbs_in(lead, max(0, len(lead) - _VERB_CLOSE), len(lead)))
    return "full" if opens and (inner[:1].isupper() or not inner[:1].isalpha()) else "partial"


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


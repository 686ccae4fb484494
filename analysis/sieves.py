"""The sieve for one quotation: the first of these rules that names a speaker decides.

From the most precise to the loosest:

1. a cue right after the closing mark (:func:`analysis.cues.cue_after`);
2. a cue before the opening mark, in the same sentence (:func:`analysis.cues.cue_before`);
3. the speaker of an earlier quotation in the same sentence;
4. a quotation continued from the previous paragraph: its speaker;
5. a cue in the sentence before, when it ends with a colon (``Trump said:`` ¶ ``“…``);
6. a participle later in the sentence (``… “…”, saying …``);
7. a full quotation with no cue of its own: the last speaker.

A quoted title ("appeared on “Fox and Friends”") is nobody's words. :class:`Article`
holds what the rules share: the article's mentions, entities and salience.
"""

from __future__ import annotations

import bisect
from collections import Counter

from analysis.cues import cue_after, cue_before, participle_after, speech_verbs_in
from analysis.entities import Entities, Salience
from analysis.lexicons import speech_verbs
from analysis.mentions import PREPOSITIONS, Mention
from analysis.quotemarks import Quote
from analysis.subjects import MentionIndex, Slot, subject_before

_VERB_CLOSE = 30  # characters before a quotation in which "said," makes it a full one


class Article:
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
        elif m.kind == "name" and " " not in m.name and not self.entities.knows(m.name):
            return  # a capitalised word that names no one yet ("Iowa"): the commonest case
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


def attribute_one(q: Quote, article: Article, sentences, i, starts, labels) -> None:
    text, index = article.text, article.index
    if q.mark == "transcript":
        attribute_transcript(q, article, labels)
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
        end = rstrip_at(text, p1, p0)
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


def rstrip_at(text: str, end: int, start: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _earlier_quotes(q: Quote, article: Article, s_open: int) -> list[Quote]:
    """Quotations of the same sentence before ``q`` (at most a few, nearest last)."""
    k = article.position[id(q)]
    found = []
    for x in reversed(article.quotes[max(0, k - 4):k]):
        if x.open_at < s_open or x.mark == "transcript":
            break
        found.append(x)
    return found[::-1]


def _set(q: Quote, entity: int | None, kind: str, cue: str, article: Article) -> None:
    q.entity, q.speaker_kind, q.cue, q.explicit = entity, kind, cue, True
    if entity is not None:
        article.salience.spoke(entity)


def _copy(q: Quote, source: Quote, article: Article, keep_kind: bool = True) -> None:
    q.entity, q.speaker_kind, q.cue = source.entity, source.speaker_kind, source.cue
    if not keep_kind:
        q.kind = source.kind
    if q.entity is not None:
        article.salience.spoke(q.entity)


def attribute_transcript(q: Quote, article: Article, labels: Counter) -> None:
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

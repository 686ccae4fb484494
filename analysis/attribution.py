"""Speaker attribution: who said each quotation, and who is reported as speaking.

A leader's own words are what they said inside quotation marks; the rest of an
article is the outlet's voice. :func:`attribute` takes every quotation of an article
(found by :mod:`analysis.quotemarks`) and names its speaker, in this order of evidence:

1. an attribution right after the closing mark: ``“…,” she said.``,
   ``“…,” said Secretary Blinken.``, ``“…”, a Foreign Office spokesperson said.``
2. a speech verb before the opening mark: ``Ms Truss said: “…``,
   ``He added: “…``, ``Sir Keir insisted that the UK was working “in lockstep”``,
   ``said Secretary Blinken, are “…`` (inverted), or a name right before the mark;
3. a quotation continued from the previous paragraph (an opening mark with no
   closing mark, and the next paragraph opening with a new mark): same speaker;
4. a participle later in the sentence: ``… a “message of reassurance” …, saying …``;
5. a quotation paragraph with no attribution of its own: the last speaker.

Pronouns ("she said", "They said:") resolve to the nearest compatible mention
earlier in the same sentence (outside quotation marks), else to the last
speaker if compatible, else to the subject of an earlier sentence. Offices
resolve by the article's date; bodies and spokespeople are labelled as such
("Downing Street spokesperson"), so a leader is never credited with words
their spokesperson said.

Unbalanced marks never raise: a quotation with no closing mark ends at its
paragraph's end and is flagged ``unclosed``.
"""

from __future__ import annotations

import bisect
import re

from analysis.actors import Mention, Registry, find_mentions
from analysis.quotemarks import Quote, find_quotes, paragraph_spans
from analysis.text import split_sentences

SPEECH_VERBS = (
    "said|says|say|told|tells|tell|added|adds|insisted|insists|stressed|stresses|warned|warns"
    "|urged|urges|described|describes|replied|replies|asked|asks|argued|argues|claimed|claims"
    "|confirmed|confirms|agreed|agrees|declared|declares|announced|vowed|vows|pledged|pledges"
    "|promised|explained|explains|noted|notes|wrote|writes|tweeted|posted|affirmed|affirms"
    "|applauded|welcomed|welcomes|reiterated|acknowledged|admitted|suggested|branded"
    "|dismissed|praised|condemned|hailed|called|calls|insisting|saying|adding|telling"
    "|warning|arguing|claiming|noting|describing|urging|stressing|declaring|speaking"
)
_PARTICIPLE = re.compile(r"\b(saying|adding|telling|insisting|warning|arguing|claiming|noting"
                         r"|describing|urging|stressing|declaring)\b")
_VERB = re.compile(rf"\b({SPEECH_VERBS})\b", re.IGNORECASE)
_VERB_SET = frozenset(SPEECH_VERBS.split("|"))
_LETTERS = re.compile(r"[A-Za-z]+")


def _speech_verbs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, verb) of the speech verbs in ``text``: a set lookup per word, several
    times faster than the equivalent case-insensitive alternation."""
    return [(m.start(), m.end(), w) for m in _LETTERS.finditer(text)
            if (w := m.group(0).lower()) in _VERB_SET]


_PASSIVE_ASK = re.compile(r"(?:\b(?:was|were|is|are|be|been|being|when|if)\s+|^\W*)asked\s*$",
                          re.IGNORECASE)
_PASSIVE_BY = re.compile(r"(?:\s+[\w’']+){0,3}?\s+by\b")


class _Index:
    """Mentions sorted by position, for lookups by start, end and range (bisect, not scans)."""

    def __init__(self, mentions: list[Mention]):
        self.items = mentions
        self.starts = [m.start for m in mentions]
        self.by_start = {m.start: m for m in mentions}
        self.by_end = {m.end: m for m in mentions}

    def at(self, pos: int) -> Mention | None:
        return self.by_start.get(pos)

    def ending_at(self, pos: int) -> Mention | None:
        return self.by_end.get(pos)

    def between(self, a: int, b: int) -> list[Mention]:
        return self.items[bisect.bisect_left(self.starts, a):bisect.bisect_left(self.starts, b)]


class _Quotes:
    """The article's quotations with lookups by position (bisect, not scans), so that the
    cost of a long text grows with its length, not with its length squared."""

    def __init__(self, quotes: list[Quote]):
        self.items = quotes
        self.position = {id(q): k for k, q in enumerate(quotes)}
        self.closes = sorted(q.close_at for q in quotes if q.close_at is not None)
        self.by_open = sorted(range(len(quotes)), key=lambda k: quotes[k].open_at)
        self.opens = [quotes[k].open_at for k in self.by_open]

    def previous(self, q: Quote) -> Quote:
        return self.items[self.position[id(q)] - 1]

    def opened_between(self, a: int, b: int) -> list[Quote]:
        """Quotations opening in ``[a, b)``, in text order."""
        found = self.by_open[bisect.bisect_left(self.opens, a):bisect.bisect_left(self.opens, b)]
        return [self.items[k] for k in sorted(found)]

    def last_close_before(self, pos: int) -> int | None:
        i = bisect.bisect_left(self.closes, pos) - 1
        return self.closes[i] if i >= 0 else None


def attribute(text: str, date, registry: Registry,
               sentences: list[tuple[int, int]] | None = None
               ) -> tuple[list[Quote], list[tuple]]:
    """Quotations with speakers, and reported speech: (paragraph, start, end, speaker, cue).

    ``sentences``: the body's sentence spans (in order, not overlapping), if the caller
    has them already.
    """
    quotes = find_quotes(text)
    reports: list[tuple] = []
    paragraph_starts = [p0 for p0, _ in paragraph_spans(text)]
    inside = [(q.open_at, (q.close_at if q.close_at is not None else q.end) + 1) for q in quotes]

    inside_starts = [a for a, _ in inside]

    def outside(m: Mention) -> bool:
        k = bisect.bisect_right(inside_starts, m.start) - 1
        return not (k >= 0 and m.start < inside[k][1])

    mentions = _Index([m for m in find_mentions(text, date, registry) if outside(m)])
    if sentences is None:
        sentences = [(p0 + a, p0 + b) for p0, p1 in paragraph_spans(text)
                     for a, b in split_sentences(text[p0:p1])]
    resolved: dict[int, tuple[str, str, str]] = {}  # mention start -> (name, gender, kind)
    state = {"last": None, "subjects": []}

    sentence_starts = [a for a, _ in sentences]

    def sentence_of(pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(sentence_starts, pos) - 1
        if i >= 0 and pos < max(sentences[i][1], sentences[i][0] + 1):
            return sentences[i]
        return (pos, pos)

    def resolve(m: Mention, sentence_start: int) -> tuple[str, str, str] | None:
        if m.start in resolved:
            return resolved[m.start]
        if m.kind != "pronoun":
            value = (m.name, m.gender, m.kind) if m.name else None
        else:
            value = _resolve_pronoun(m, state, [resolved.get(x.start) for x in
                                                mentions.between(sentence_start, m.start)])
        if value:
            resolved[m.start] = value
        return value

    index = _Quotes(quotes)

    def sentence_at(pos: int) -> int | None:
        i = bisect.bisect_right(sentence_starts, pos) - 1
        return i if i >= 0 and pos < sentences[i][1] else None

    # Each quotation is attributed at the sentence holding its last character (the rest at
    # the end); "starting" lists the quotations that start in each sentence.
    due: dict[int | None, list[Quote]] = {}
    starting: dict[int | None, list[Quote]] = {}
    for q in quotes:
        due.setdefault(sentence_at(q.last_char), []).append(q)
        starting.setdefault(sentence_at(q.start), []).append(q)
    opens = [q.open_at for q in quotes]
    # Speech verbs found once for the whole text, then taken sentence by sentence.
    verbs = _speech_verbs(text)
    verb_starts = [v[0] for v in verbs]
    for i, (s0, s1) in enumerate(sentences):
        sentence_mentions = mentions.between(s0, s1)
        for m in sentence_mentions:
            resolve(m, s0)
        for q in due.get(i, ()):
            _attribute_one(q, text, index, mentions, sentence_of, resolve, state)
        paragraph = bisect.bisect_right(paragraph_starts, s0)
        here = verbs[bisect.bisect_left(verb_starts, s0):bisect.bisect_left(verb_starts, s1)]
        reports += _reported(text, s0, s1, paragraph, [v for v in here if v[1] <= s1], quotes,
                             mentions, resolve, inside, opens, inside_starts)
        subject = next((resolved.get(m.start) for m in sentence_mentions
                        if m.can_be_subject and resolved.get(m.start)), None)
        if subject is None:
            spoken = [q for q in starting.get(i, ()) if q.speaker]
            subject = spoken[-1].speaker_value if spoken else None
        if subject:
            state["subjects"].append(subject)
    for q in due.get(None, ()):  # anything left (a quotation outside every sentence)
        _attribute_one(q, text, index, mentions, sentence_of, resolve, state)
    _close_chains(quotes)
    return quotes, reports


def _reported(text, s0, s1, paragraph, verbs, quotes, mentions, resolve, inside,
              opens, inside_starts) -> list[tuple]:
    """Speech verbs in the narrative whose subject is not quoted in the same sentence:
    "Mr Putin has said he does not intend to order an invasion" (reported speech).

    ``verbs``: the sentence's speech verbs, from :func:`_speech_verbs`."""
    if not verbs:
        return []
    # Quotations do not overlap each other, so the ones touching this sentence are those
    # opening inside it and the last one opened before it.
    lo, hi = max(0, bisect.bisect_left(opens, s0) - 1), bisect.bisect_left(opens, s1)
    quoted_here = {q.speaker for q in quotes[lo:hi] if q.last_char >= s0}
    rows, seen = [], set()
    for v_start, v_end, cue in verbs:
        k = bisect.bisect_right(inside_starts, v_start) - 1
        if (k >= 0 and v_start < inside[k][1]) or cue == "speaking":
            continue
        if cue in ("asked", "asks") and _PASSIVE_ASK.search(text[s0:v_end]):
            continue
        if _PASSIVE_BY.match(text, v_end, s1):
            continue  # passive: "a framework agreed this week by both sides"
        after = mentions.at(v_end + 1)
        found = (resolve(after, s0), cue) if after and not cue.endswith("ing") else None
        found = found if found and found[0] else _subject_before(
            text, s0, v_start, mentions, resolve, cue)
        if found and found[0][0] not in quoted_here and found[0][0] not in seen:
            seen.add(found[0][0])
            rows.append((paragraph, s0, s1, found[0][0], cue))
    return rows


def _resolve_pronoun(m: Mention, state, earlier_in_sentence) -> tuple[str, str, str] | None:
    def fits(value) -> bool:
        if not value:
            return False
        _, gender, kind = value
        if m.gender == "plural":
            return kind in ("body", "spokesperson") or gender == "plural"
        return gender == m.gender

    for value in reversed(earlier_in_sentence):
        if fits(value):
            return value
    if fits(state["last"]):
        return state["last"]
    for value in reversed(state["subjects"]):
        if fits(value):
            return value
    return None


def _attribute_one(q: Quote, text, quotes: _Quotes, mentions, sentence_of, resolve,
                   state) -> None:
    s_open = sentence_of(q.open_at)
    s_close = sentence_of(q.last_char)
    # The before-text starts after any earlier quotation in the same sentence.
    close = quotes.last_close_before(q.open_at)
    before_start = close + 1 if close is not None and close >= s_open[0] else s_open[0]
    before = text[before_start:q.open_at]
    q.kind = _kind(q, text, before)

    found = None
    if q.close_at is not None:  # 1. attribution right after the closing mark
        found = _after(text, q.close_at + 1, s_close[1], mentions, resolve,
                       clause_end=q.kind == "partial")
    if not found:  # 2. speech verb (or a name) before the opening mark
        found = _before(text, before_start, q.open_at, mentions, resolve)
    if not found:  # ... or the speaker of an earlier quotation in the same sentence
        earlier = [x for x in quotes.opened_between(s_open[0], q.open_at) if x.speaker_value]
        if earlier:
            found = earlier[-1].speaker_value, earlier[-1].cue
    if not found and q.continued:  # 3. continued quotation
        prev = quotes.previous(q)
        q.speaker, q.cue, q.kind, q.speaker_value = prev.speaker, prev.cue, prev.kind, \
            prev.speaker_value
        return
    if not found and q.close_at is not None:  # 4. a participle later in the sentence
        later = _PARTICIPLE.search(text, q.close_at + 1, s_close[1])
        if later:
            found = _subject_before(text, s_open[0], later.start(), mentions, resolve,
                                    later.group(1))
    if found:
        value, cue = found
        q.explicit = True
    elif q.kind == "full" and state["last"] and not _unnamed_source(text, q, before, s_close):
        value, cue = state["last"], ""  # 5. a quotation paragraph: the last speaker
    else:
        value, cue = None, ""
    q.speaker_value = value
    q.speaker = value[0] if value else ""
    q.cue = cue
    if value:
        state["last"] = value


_UNNAMED = r"(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother|[Tt]wo|[Ss]ome)\s+(?:[\w’'-]+\s+){0,4}?"
_UNNAMED_AFTER = re.compile(rf"[\s,]*(?:{_UNNAMED}(?:{SPEECH_VERBS})\b|(?:{SPEECH_VERBS})\s+"
                            rf"{_UNNAMED}[\w’'-]+\s*[.,;:!?]?\s*$)")
_UNNAMED_BEFORE = re.compile(rf"(?:^|[.,;]\s*){_UNNAMED}(?:{SPEECH_VERBS})\b[^“”\"]*$")


def _unnamed_source(text: str, q: Quote, before: str, s_close: tuple[int, int]) -> bool:
    """The quotation's own sentence credits someone the rules cannot name ("…,” a senior
    official said", "said the artists", "The minister told reporters: “…"): its speaker is
    unknown, not the last speaker named."""
    after = text[q.close_at + 1:s_close[1]] if q.close_at is not None else ""
    return bool(_UNNAMED_AFTER.match(after) or _UNNAMED_BEFORE.search(before))


def _kind(q: Quote, text: str, before: str) -> str:
    """``full`` when the quotation opens a sentence (or follows ``said:``), else ``partial``."""
    if q.continued:
        return "full"
    inner = text[q.start:q.end].lstrip("….' ")
    lead = before.rstrip()
    opens = not lead or lead.endswith(":") or (lead.endswith(",") and _VERB.search(lead[-30:]))
    return "full" if opens and (inner[:1].isupper() or not inner[:1].isalpha()) else "partial"


def _after(text, start, stop, mentions, resolve, clause_end=False):
    """``“…,” she said`` / ``“…,” said Secretary Blinken`` / ``“…”, a spokesperson said``.

    With ``clause_end`` (for a phrase quoted inside a sentence) the verb must end
    the clause: in ``a “friend”, Ms Truss told CNN she had …`` the name after the
    phrase begins a new clause and is not its attribution.
    """
    end = r"(?=\s*(?:[.,;:!?]|$))" if clause_end else r"\b"
    window = text[start:stop]
    lead = len(window) - len(window.lstrip(" ,.;:!?—–-"))
    pos = start + lead
    m = mentions.at(pos)
    if m:
        rest = text[m.end:stop]
        verb = re.match(rf"\s+(?:(?:also|later|then|has|had|have|previously)\s+)*"
                        rf"({SPEECH_VERBS}){end}", rest)
        if verb:
            value = resolve(m, pos)
            return (value, verb.group(1)) if value else None
    verb = re.match(rf"({SPEECH_VERBS})\s+", text[pos:stop])
    if verb:
        m = mentions.at(pos + verb.end())
        if m:
            value = resolve(m, pos)
            return (value, verb.group(1)) if value else None
    return None


def _before(text, start, stop, mentions, resolve):
    """``Ms Truss said: “`` / ``No 10 insisted “`` / ``said Secretary Blinken, are “``."""
    before = text[start:stop]
    # A name right before the mark: ``Secretary Blinken “welcome(ed)…``.
    name_end = start + len(before.rstrip())
    m = mentions.ending_at(name_end)
    m = m if m is not None and m.start >= start else None
    if m and m.can_be_subject and m.kind != "pronoun":
        value = resolve(m, start)
        if value:
            return value, ""
    verbs = list(_VERB.finditer(before))
    if not verbs:
        return None
    verb = verbs[-1]
    if verb.group(1).lower() in ("asked", "asks") and _PASSIVE_ASK.search(
            before[:verb.end()]):
        return None  # the quote is the question put to the subject, not their words
    inverted = mentions.at(start + verb.end() + 1)
    if inverted and not verb.group(1).endswith("ing"):
        value = resolve(inverted, start)
        if value:
            return value, verb.group(1)
    return _subject_before(text, start, start + verb.start(), mentions, resolve, verb.group(1))


def _subject_before(text, start, verb_at, mentions, resolve, cue):
    """The nearest mention before a speech verb that can be its subject."""
    for m in reversed(mentions.between(start, verb_at)):
        if m.can_be_subject:
            value = resolve(m, start)
            if value:
                return value, cue
    return None


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
                x.speaker, x.kind = explicit.speaker, chain[0].kind
                x.speaker_value = explicit.speaker_value
        chain = [q] if q is not None else []

"""In-article coreference: the people and organisations of one article, merged as it is read.

:class:`Entities` is the article's entity table: the first full name seen ("Sen. Lindsey
Graham"), later surnames ("Graham"), honorifics ("Mr. Graham") and titles ("the senator")
resolve to it, and it keeps the fullest form. Registry people keep their canonical names.
:class:`Salience` resolves he, she and they to the most recent compatible entity. Every
step is a dictionary lookup, so an article's cost grows with its length only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from analysis.mentions import Mention
from analysis.names import first_name_gender

KINDS = ("registry person", "other person", "organisation", "spokesperson", "unnamed",
         "unknown")
_SUFFIXES = frozenset("Jr. Jr Sr. Sr II III IV".split())
_ABBREVIATIONS = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
                  "pres": "president", "sec": "secretary", "lt": "lieutenant", "col": "colonel",
                  "adm": "admiral", "capt": "captain", "atty": "attorney", "det": "detective"}
_CANDIDATES = 8  # entities sharing a surname that a bare surname is compared with


def title_key(title: str) -> str:
    """A title as a lookup key: its last word, lower-cased, abbreviations spelt out.

    Examples
    --------
    >>> title_key("Sen."), title_key("Former Secretary of State")
    ('senator', 'state')
    """
    word = title.split()[-1].strip(".").lower() if title.split() else ""
    return _ABBREVIATIONS.get(word, word)


@dataclass
class Entities:
    """The entity table of one article."""

    names: list[str] = field(default_factory=list)  # fullest form
    kinds: list[str] = field(default_factory=list)  # one of KINDS
    genders: list[str] = field(default_factory=list)  # male, female, plural, ""
    words: list[tuple[str, ...]] = field(default_factory=list)  # the name's words
    _keys: dict[tuple[str, str], int] = field(default_factory=dict)
    _surnames: dict[str, list[int]] = field(default_factory=dict)
    _titles: dict[str, int] = field(default_factory=dict)
    speakers: set[str] = field(default_factory=set)  # capitalised words seen before a speech verb
    # Capitalised names with no sign of a person ("El Paso", "Megyn Kelly" before she
    # speaks): kept for their surnames, not taken for pronouns until a cue names them.
    weak: set[int] = field(default_factory=set)

    def new(self, name: str, kind: str, gender: str, key: tuple[str, str]) -> int:
        self.names.append(name)
        self.kinds.append(kind)
        self.genders.append(gender)
        words = tuple(w for w in name.split() if w not in _SUFFIXES)
        self.words.append(words)
        self._keys[key] = len(self.names) - 1
        if kind in ("registry person", "other person", "spokesperson") and words:
            self._surnames.setdefault(words[-1], []).append(len(self.names) - 1)
        return len(self.names) - 1

    def _get(self, key, name, kind, gender) -> int:
        found = self._keys.get(key)
        return self.new(name, kind, gender, key) if found is None else found

    def add(self, m: Mention, create: bool = False) -> int | None:
        """The entity a (non-pronoun) mention refers to, created if need be; None for a
        capitalised word that names no one known ("Iowa") unless ``create``."""
        if m.kind == "spokesperson":
            return self._get(("spokesperson", m.name), m.name, "spokesperson", m.gender)
        if m.kind == "organisation":
            if m.registry:  # a body speaks through its spokespeople
                label = f"{m.name} spokesperson"
                return self._get(("spokesperson", label), label, "spokesperson", "plural")
            return self._get(("organisation", m.name), m.name, "organisation", "plural")
        if m.kind == "role":
            if m.name:
                found = self._person(m.name, "registry person", m.gender)
            else:
                found = self._titles.get(title_key(m.title))
            return found
        if m.kind not in ("person", "name"):
            return None
        found = self._named(m, create)
        if found is not None and create:
            self.weak.discard(found)
        if found is not None:
            if m.title and title_key(m.title):
                self._titles[title_key(m.title)] = found
            if m.title == "spokesperson":
                self.kinds[found] = "spokesperson"
            if m.gender and not self.genders[found]:
                self.genders[found] = m.gender
        return found

    def knows(self, word: str) -> bool:
        """Whether a single capitalised word may name an entity: a surname the article gave,
        or a word it used before a speech verb."""
        return word in self._surnames or word in self.speakers

    def lookup(self, name: str) -> int | None:
        """The person a name (or a surname alone) refers to, if the article named them."""
        words = name.split()
        found = self._keys.get(("person", name))
        return found if found is not None or not words else self._surname(words[-1], "")

    def person(self, name: str) -> int:
        """The entity of a person known only by this name, created if need be."""
        return self._person(name, "other person", "")

    def _person(self, name: str, kind: str, gender: str) -> int:
        found = self._keys.get(("person", name))
        return self.new(name, kind, gender, ("person", name)) if found is None else found

    def _named(self, m: Mention, create: bool) -> int | None:
        words = tuple(w for w in m.name.split() if w not in _SUFFIXES)
        if not words:
            return None
        if m.registry:
            # A registry person named by surname alone may be someone else of that name whom
            # the article introduced in full ("Gary Johnson" ... "Johnson"), unless the
            # registry person is in the article too.
            if len(m.written.split()) == 1 and self._by_key(m.name) is None:
                same = self._surname(m.written, m.gender)
                if same is not None and self.kinds[same] == "other person":
                    return same
            return self._person(m.name, "registry person", m.gender)
        found = self._keys.get(("person", m.name))
        if found is not None:
            return found
        same = self._surname(words[-1], m.gender, words)
        if len(words) > 1:
            if same is not None and self._compatible(self.words[same], words):
                if len(words) > len(self.words[same]) and self.kinds[same] != "registry person":
                    self.names[same], self.words[same] = m.name, words  # the fullest form
                self._keys[("person", m.name)] = same
                return same
            if m.kind == "name" and same is not None and first_name_gender(words[0]) is None:
                return same  # "Now Graham": a capitalised word before a known surname
            found = self.new(m.name, "other person", m.gender, ("person", m.name))
            if m.kind == "name" and not create and m.name not in self.speakers:
                self.weak.add(found)
            return found
        if same is not None:
            return same
        if m.kind == "person" or create or m.name in self.speakers:
            return self.new(m.name, "other person", m.gender, ("person", m.name))
        return None

    def _by_key(self, name: str) -> int | None:
        return self._keys.get(("person", name))

    def _surname(self, surname: str, gender: str, words=()) -> int | None:
        """The entity a surname most likely means: of those sharing it (the last few), one
        whose gender fits, a registry person first, else the first introduced (the article's
        main bearer of the name: "Clinton" after "Hillary Clinton" and "Bill Clinton")."""
        fitting = [e for e in self._surnames.get(surname, ())[-_CANDIDATES:]
                   if not gender or not self.genders[e] or self.genders[e] == gender]
        if words and len(words) > 1:
            fitting = [e for e in fitting if self._compatible(self.words[e], words)]
        if not fitting:
            return None
        registered = [e for e in fitting if self.kinds[e] == "registry person"]
        return (registered or fitting)[0]

    @staticmethod
    def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        """Two names of one person: same surname and first names that agree ("Hillary
        Clinton" and "Hillary Rodham Clinton", "Graham" and "Lindsey Graham")."""
        if a[-1] != b[-1]:
            return False
        if len(a) == 1 or len(b) == 1:
            return True
        x, y = a[0].rstrip("."), b[0].rstrip(".")
        return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))

    def fits(self, entity: int, pronoun: str) -> bool:
        """Whether a pronoun's gender (male, female, plural) can refer to the entity."""
        kind, gender = self.kinds[entity], self.genders[entity]
        if pronoun == "plural":
            return kind == "organisation" or gender == "plural"
        return kind != "organisation" and gender in (pronoun, "")


@dataclass
class Salience:
    """The most recent entity each pronoun could mean: in the current sentence, among
    sentence subjects, and the last speaker, each found in one lookup."""

    entities: Entities
    sentence: dict[str, int] = field(default_factory=dict)
    subjects: dict[str, int] = field(default_factory=dict)
    last_speaker: int | None = None

    def new_sentence(self) -> None:
        self.sentence = {}

    def seen(self, entity: int, subject: bool) -> None:
        for pronoun in ("male", "female", "plural"):
            if self.entities.fits(entity, pronoun):
                self.sentence[pronoun] = entity
                if subject:
                    self.subjects[pronoun] = entity

    def spoke(self, entity: int) -> None:
        self.last_speaker = entity
        for pronoun in ("male", "female", "plural"):
            if self.entities.fits(entity, pronoun):
                self.subjects[pronoun] = entity

    def resolve(self, pronoun: str) -> int | None:
        """Earlier in the same sentence, else the last speaker, else the last subject."""
        if pronoun in self.sentence:
            return self.sentence[pronoun]
        if self.last_speaker is not None and self.entities.fits(self.last_speaker, pronoun):
            return self.last_speaker
        return self.subjects.get(pronoun)

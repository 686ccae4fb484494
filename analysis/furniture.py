"""Line-level patterns of web-page furniture.

Each rule recognises one kind of page furniture by its shape alone (wording,
punctuation, length), never by file or line number, so an article from an
outlet the report has not seen yet is cleaned by the same rules. The rules are
deliberately phrase-based: a word such as "support" or "video" on its own is
common in news prose, so a rule needs a phrase that only furniture uses.

The context rules (what follows a video player, a "Read more" label, a caption
credit) live in :mod:`analysis.clean`, which applies these rules first.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Rule(NamedTuple):
    """A furniture pattern: the category it marks and a reason a reader can audit.

    ``needles``: lower-case strings of which a line must contain one before the
    (slower) pattern is tried; empty means always try.
    """

    category: str
    reason: str
    pattern: re.Pattern[str]
    needles: tuple[str, ...] = ()


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
_TIME = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}|UTC[+-]?\d*))?"
# A line made only of date and time tokens, e.g. "Mar 08, 2022" or
# "Wednesday 02 February 2022 10:16 EST" or "date 2022-03-08".
DATE_ONLY = re.compile(
    rf"^(?:date|published|posted|updated)?\s*:?\s*(?:{_WEEKDAY},?\s+)?"
    rf"(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
    rf"(?:,?\s*(?:at\s+)?{_TIME})?\s*$",
    re.IGNORECASE,
)
# An ISO date glued in front of a headline by some page templates ("date 2022-03-08 UK ...").
DATE_PREFIX = re.compile(r"^\s*(?:date\s*:?\s*)?\d{4}-\d{2}-\d{2}\b\s*", re.IGNORECASE)

# Photo credits: "(Toby Melville/PA)", "(PA Wire)", "... Odessa, Ukraine. Reuters", "Getty Images".
_AGENCY = (
    r"(?:PA(?: Wire| Media)?|AP|AFP|Reuters|Getty(?: Images)?|EPA(?:-EFE)?|Shutterstock"
    r"|Alamy|Bloomberg|Handout|Xinhua|Anadolu|SOPA|WireImage|NurPhoto|dpa|Sipa)"
)
CREDIT_END = re.compile(
    rf"(?:\((?:[^()]*/\s*)?{_AGENCY}\)|\([A-Z][\w.'’ -]+/[A-Z][\w.'’ -]+\)"
    rf"|[.,;]\s+{_AGENCY}\.?|\s(?:Photo|Image|Picture|Credit)s?:\s.+)(?:\s*\([^()]*\))?\s*$",
)
# Getty's caption opening: "LONDON, ENGLAND - MARCH 08: ..."
GETTY_CAPTION = re.compile(r"^[A-Z][A-Z .'’-]+,\s+[A-Z][A-Z .'’-]+\s+[-–—]\s+[A-Z]+\s+\d{1,2}:\s")
CAPTION_PREFIX = re.compile(r"^(?:photo|image|picture|photograph|credit|caption)\s*:\s", re.I)

# A label above a list of links to other articles ("READ MORE", "Read more:").
RELATED_LABEL = _rx(
    r"^(?:read more|see also|related(?: articles| stories| content)?|more on this story"
    r"|editor'?’?s picks|newsletters|recommended|more from (?:the )?[\w' ]+|also read"
    r"|you may also like|most read|most viewed|explore more on these topics|more on this topic"
    r"|related topics|topics)\W*$"
)
VIDEO_DURATION = re.compile(r"^(?:(?:\d{1,2}:)?\d{1,2}:\d{2}\s*)+$")

RULES: tuple[Rule, ...] = (
    Rule("icons", "icon glossary (screen-reader labels of the site's icons)",
         _rx(r"(?:\ban icon\b.*){3}"), ("an icon",)),
    Rule("navigation", "navigation or accessibility link",
         _rx(r"^(?:accessibility links|skip to (?:main )?(?:content|navigation|footer)|skip links"
             r"|breaking news|menu|search"
             r"|home|sign in|log in|share|share this (?:article|story)|advertisement"
             r"|advertising|sponsored|close|back to top|show comments|comments"
             r"|most read|trending|top stories|topics|tags|reuse this content|print subscriptions"
             r"|newsletters|go to the homepage|advertisement feature)$")),
    Rule("video", "video player residue",
         _rx(r"^(?:please use chrome browser for a more accessible video player"
             r"|please wait|loading(?: video)?\W*|no media source currently available"
             r"|this video (?:can ?not|cannot) be played.*|video unavailable"
             r"|(?:watch|play) video\W*|embed|share video|download file)$")),
    Rule("video", "video duration or player clock", VIDEO_DURATION),
    Rule("related", "related-article label", RELATED_LABEL),
    Rule("related", "related-article link",
         _rx(r"^(?:read more|read|see also|related|also read|live updates|live|watch|listen"
             r"|[a-z]+(?: [a-z]+)? latest)\s*:\s*\S")),
    Rule("related", "related-article teaser",
         _rx(r"^an image that illustrates this article\b|story gallery icon$"),
         ("image that illustrates", "story gallery")),
    Rule("cookies", "cookie or consent notice",
         _rx(r"\b(?:us(?:e|es|ing)|accept|allow|enable|block|manage)\b.{0,40}\bcookies\b"
             r"|\bcookies\b.{0,40}\b(?:technolog|settings|preferences|policy|session|just once)"
             r"|\bconsented to\b|privacy (?:options|settings|preferences)"
             r"|this content is provided by|to (?:view|show you) this content"
             r"|manage (?:your )?(?:consent|preferences)"),
         ("cookie", "consent", "privacy", "this content", "preferences")),
    Rule("appeal", "donation appeal",
         _rx(r"\byour (?:support|donation|contribution)s?\b(?! for)|\bdonate (?:now|today)\b"
             r"|\bpaywalls?\b|\bsupport (?:our|independent|quality) journalism\b"
             r"|\bbecome a (?:subscriber|supporter)\b"),
         ("your ", "donate", "paywall", "journalism", "become a")),
    Rule("appeal", "registration or sign-in prompt",
         _rx(r"thank you for registering|refresh (?:the|your) (?:page|browser)"
             r"|\bto be (?:automatically )?logged in|already (?:a subscriber|have an account)"
             r"|create an? (?:free )?account|sign up (?:to|for) our\b"
             r"|\bsubscribe (?:now|today)\b"),
         ("registering", "refresh", "logged in", "already", "account", "sign up", "subscribe")),
    Rule("notification", "notification prompt",
         _rx(r"\bnotifications? (?:from|can be|are)\b"
             r"|\b(?:allow|enable|turn on) (?:push )?notifications"), ("notification",)),
    Rule("podcast", "podcast promotion",
         _rx(r"\bon your podcast app\b|^\W*listen (?:now|here)\W*$"
             r"|^(?:spreaker|acast|megaphone|omny|apple podcasts)$"),
         ("podcast", "listen", "spreaker", "acast", "megaphone", "omny")),
    Rule("timestamp", "'Updated' or 'Published' stamp",
         _rx(r"^(?:last )?(?:updated|published|first published|posted)\b\s*:?\s*.*\d")),
    Rule("dateline", "dateline (moved to metadata)", DATE_ONLY),
    Rule("caption", "photo caption or credit", CREDIT_END),
    Rule("caption", "photo caption (agency caption opening)", GETTY_CAPTION),
    Rule("caption", "photo caption or credit", CAPTION_PREFIX),
)

# Furniture that only makes sense at the top of a page: its presence tells
# where the page header ends.
HEADER_MARKERS = frozenset({"byline", "dateline", "headline"})
# Categories that come in blocks: a plain sentence sandwiched between two lines
# of the same block (an appeal's middle paragraph) belongs to the block.
BLOCK_CATEGORIES = frozenset({"appeal", "cookies", "notification", "podcast"})

# "Soraya Ebrahimi", "By Geraldine Scott", "Mary-Jane O’Neil", "J. R. Smith".
_NAME_WORD = (r"(?:[A-Z][a-z’']*[a-z](?:-[A-Z]?[a-z’']*[a-z])*|[A-Z]\."
              r"|(?:de|van|von|der|da|al|bin|le|la|du))")
BYLINE = re.compile(
    rf"^(?:(?i:by|written by|words by|reporting by)\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}$"
)
BYLINE_PREFIX = re.compile(r"^(?:by|written by|words by|reporting by)\s+\S", re.IGNORECASE)

# Sentence shape: ends with terminal punctuation, optionally inside closing quotes
# or brackets ("… special.”", "… Agreement…").
TERMINAL = re.compile(r"[.!?…:;]['\"”’)\]]*$|[.!?…]['\"”’)\]]*\s*\(.*\)$")


# Reader-facing furniture never quotes anyone; news prose often does. Block-type
# rules therefore skip lines that contain a double quotation mark.
_QUOTED = re.compile(r"[“”\"]")


def match_rule(line: str) -> Rule | None:
    """Return the first furniture rule the line matches, or ``None``.

    Examples
    --------
    >>> match_rule("Please use Chrome browser for a more accessible video player").category
    'video'
    >>> match_rule("Ms Truss said the crisis was a wake-up call.") is None
    True
    """
    quoted = bool(_QUOTED.search(line))
    lowered = line.lower()
    for rule in RULES:
        if quoted and rule.category in BLOCK_CATEGORIES:
            continue
        if rule.needles and not any(n in lowered for n in rule.needles):
            continue
        if rule.pattern.search(line):
            return rule
    return None


def is_sentence_like(line: str) -> bool:
    """True for a line shaped like prose: terminal punctuation, or long.

    Examples
    --------
    >>> is_sentence_like("“I’m looking forward to it,” she said.")
    True
    >>> is_sentence_like("Putin isn't alone in rethinking the past – so is the West")
    False
    """
    n_words = len(line.split())
    return n_words >= 25 or (n_words >= 3 and bool(TERMINAL.search(line)))


def is_name_line(line: str) -> bool:
    """True for a line that is only a person's name, optionally after "By"."""
    return bool(BYLINE.match(line)) and not line.isupper()



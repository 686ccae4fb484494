"""Problems with the input: warnings, notes and errors, each naming the file.

Every reader of the corpus reports through a :class:`Reporter`: a problem that may change
the analysis is a :class:`CorpusWarning` (an error with ``strict=True``), a harmless repair
or a deliberate skip is a :class:`CorpusNote`, input that cannot be used at all is a
:class:`CorpusError`.
"""

from __future__ import annotations

import warnings


class CorpusWarning(UserWarning):
    """A problem with the input that may change the analysis; names the file."""


class CorpusNote(UserWarning):
    """A harmless repair of the input (byte-order mark, Windows line ends); names the file."""


class CorpusError(ValueError):
    """Raised for input that cannot be used, or for any warning when ``strict=True``."""


class Reporter:
    """Collects messages so that strict mode can list every problem at once.

    Examples
    --------
    >>> reporter = Reporter(strict=True)
    >>> reporter.warn("a.txt: the file is empty")
    >>> reporter.finish()
    Traceback (most recent call last):
    ...
    analysis.problems.CorpusError: strict mode: a.txt: the file is empty
    """

    def __init__(self, strict: bool):
        self.strict = strict
        self.problems: list[str] = []

    def warn(self, message: str) -> None:
        if self.strict:
            self.problems.append(message)
        else:
            warnings.warn(message, CorpusWarning, stacklevel=4)

    def note(self, message: str) -> None:
        warnings.warn(message, CorpusNote, stacklevel=4)

    def report(self, message: str) -> None:
        """A message from a reader: ``"warning: …"`` is a warning, anything else a note."""
        if message.startswith("warning: "):
            self.warn(message.removeprefix("warning: "))
        else:
            self.note(message)

    def finish(self) -> None:
        if self.problems:
            raise CorpusError("strict mode: " + "; ".join(self.problems))

"""Bytes to text, saying what was repaired: encodings, byte-order marks, line ends.

UTF-8 is expected. A file that is not valid UTF-8 throughout is decoded byte by byte
where it breaks: the bytes that are not UTF-8 are read as Windows-1252 (the usual culprit:
a pound sign or a dash saved by an old editor), the rest of the file stays UTF-8, so one
bad byte cannot turn every curly quotation mark of the file into mojibake. The warning
names the lines affected.
"""

from __future__ import annotations

import codecs
import re

from analysis.problems import CorpusError

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
# How many affected lines a warning lists before "and N more".
_MAX_LINES_LISTED = 8
_FALLBACK = "analysis-cp1252-bytes"


def _cp1252_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    """Codec error handler: each byte that is not UTF-8 is read as Windows-1252 (Latin-1
    for the five bytes Windows-1252 leaves undefined)."""
    bad = error.object[error.start:error.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), error.end


try:  # registered once; a pure function of its arguments
    codecs.lookup_error(_FALLBACK)
except LookupError:
    codecs.register_error(_FALLBACK, _cp1252_bytes)


def _bad_lines(data: bytes) -> list[tuple[int, str]]:
    """1-based numbers and decoded text of the lines that are not valid UTF-8."""
    found = []
    for number, line in enumerate(data.split(b"\n"), 1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as err:
            # The text around the first bad byte, decoded as it now reads.
            before = line[:err.start].decode("utf-8", errors=_FALLBACK)[-30:]
            after = line[err.start:].decode("utf-8", errors=_FALLBACK)[:30]
            found.append((number, (before + after).strip()))
    return found


def _line_list(lines: list[tuple[int, str]]) -> str:
    numbers = ", ".join(str(n) for n, _ in lines[:_MAX_LINES_LISTED])
    more = len(lines) - _MAX_LINES_LISTED
    return numbers + (f" and {more} more" if more > 0 else "")


def decode_text(data: bytes, name: str, encoding: str | None = None) -> tuple[str, list[str]]:
    """Decode a file's bytes to text with ``\\n`` line ends; say what was repaired.

    Parameters
    ----------
    data : bytes
    name : str
        The file's name, for the messages.
    encoding : str, optional
        The encoding the file declares (an HTML page's ``charset``); UTF-8 if absent.

    Returns
    -------
    text : str
    repairs : list of str
        One message per repair, naming the file. Messages starting with
        ``"warning:"`` may have changed characters; the others cannot have.

    Raises
    ------
    CorpusError
        For an empty or binary file.

    Examples
    --------
    >>> decode_text("£5\\r\\n".encode("cp1252"), "a.txt")[0]
    '£5\\n'
    >>> text, repairs = decode_text("“Yes,” she said.\\n".encode() + b"It cost \\xa35.", "b.txt")
    >>> text
    '“Yes,” she said.\\nIt cost £5.'
    >>> repairs[0][:60]
    'warning: b.txt: not valid UTF-8 on line 2: its bytes that ar'
    """
    if not data.strip():
        raise CorpusError(f"{name}: the file is empty")
    repairs = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
        repairs.append(f"{name}: decoded as UTF-16 (it starts with a UTF-16 byte-order mark)")
    elif b"\x00" in data:
        raise CorpusError(f"{name}: binary file (it contains NUL bytes), not text")
    else:
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
            repairs.append(f"{name}: removed a UTF-8 byte-order mark")
        codec = _codec(encoding)
        if encoding and codec is None:
            repairs.append(f"warning: {name}: declares the unknown encoding {encoding!r}; "
                           "read as UTF-8")
        if codec not in (None, "utf-8"):
            text = data.decode(codec, errors="replace")
            if "\ufffd" in text:
                repairs.append(f"warning: {name}: some bytes are not valid {encoding} "
                               "(replaced by �)")
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("utf-8", errors=_FALLBACK)
                bad = _bad_lines(data)
                repairs.append(
                    f"warning: {name}: not valid UTF-8 on line{'s' if len(bad) > 1 else ''} "
                    f"{_line_list(bad)}: its bytes that are not UTF-8 were read as "
                    f"Windows-1252 (cp1252), the rest as UTF-8; check line {bad[0][0]}: "
                    f"{bad[0][1]!r}"
                )
    controls = len(_CONTROL.findall(text))
    if controls > max(3, len(text) // 100):
        raise CorpusError(f"{name}: binary file ({controls} control characters), not text")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        repairs.append(f"{name}: converted Windows (CRLF) or old Mac (CR) line ends to LF")
    return text, repairs


def _codec(encoding: str | None) -> str | None:
    """Python's name for a declared encoding; Latin-1 and ASCII as browsers read them."""
    if not encoding:
        return None
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return None
    # Browsers read pages labelled Latin-1 or ASCII as Windows-1252 (WHATWG Encoding).
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name

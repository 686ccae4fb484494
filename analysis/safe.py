"""Corpus text made safe for each place the report shows or publishes it.

Corpus text is untrusted: a page saved from the web may hold ``<script>``, a
metadata cell ``=HYPERLINK(…)``, a headline ``$…$`` or a MyST role. Text is
escaped where it meets an output format, once, by the function for that format:

- :func:`html_text` for HTML (table cells and labels, captions, attributes);
- :func:`markdown_text` for Markdown (MyST) outputs: no raw HTML, role,
  directive, ``{glue}``, substitution, ``$`` math, link or block syntax survives;
- :func:`csv_cell` / :func:`csv_frame` for CSV files a spreadsheet may open.

:func:`format_html` and :func:`format_markdown` fill a template with escaped
values (the template is trusted, the values are not); :func:`figure_markdown`
writes a MyST figure whose caption and alt text come from the corpus.
:func:`escape_styler` is what the book's notebooks display for every pandas
``Styler`` (:func:`analysis.book.load` installs it), so no chapter can forget it.

Text that is already HTML, made by these functions, is a :class:`markupsafe.Markup`
and is never escaped twice.
"""

from __future__ import annotations

import copy
import re
import string
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import pandas as pd
from markupsafe import Markup, escape

__all__ = ["Markup", "csv_cell", "csv_frame", "escape_styler", "figure_markdown",
           "format_html", "format_markdown", "html_text", "markdown_text", "raw_block_text",
           "Prose"]

# Every ASCII punctuation character can be backslash-escaped in CommonMark (and MyST).
_MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")
# Line breaks would start new Markdown blocks (headings, lists, fences, directives).
_LINE_BREAKS = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# What a spreadsheet evaluates when a cell starts with it (OWASP, "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def html_text(value: Any) -> Markup:
    """``value`` as HTML text: ``& < > " '`` escaped, so it is shown, never run.

    Safe in element content and in quoted attribute values. ``None`` gives ``""``;
    a :class:`~markupsafe.Markup` (HTML made by this module) is kept as it is.

    Examples
    --------
    >>> html_text('<img src=x onerror="alert(1)">')
    Markup('&lt;img src=x onerror=&#34;alert(1)&#34;&gt;')
    >>> html_text(html_text("a & b"))  # never escaped twice
    Markup('a &amp; b')
    """
    return Markup("") if value is None else escape(value)


def raw_block_text(value: Any) -> Markup:
    """``value`` as HTML text inside a raw HTML block of a MyST page.

    As :func:`html_text`, on one line, with braces and backticks written as
    entities too, so that no MyST role or substitution can be read in it.

    Examples
    --------
    >>> raw_block_text('<script>alert("x")</script> {{ x }}')
    Markup('&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &#123;&#123; x &#125;&#125;')
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return Markup("")
    text = str(escape(" ".join(str(value).split("\n"))))
    return Markup(text.replace("{", "&#123;").replace("}", "&#125;").replace("`", "&#96;"))


class Prose:
    """A sentence built from corpus data, to glue: escaped Markdown and plain text at once.

    A notebook shows it (and ``{glue:md}`` pastes it) as Markdown in which nothing of the
    corpus is markup (:func:`markdown_text`); another page pastes it with ``{glue:text}``
    (myst-nb pastes only plain text across pages), where it is a text node.

    Examples
    --------
    >>> p = Prose("The <b>bold</b> claim, 1,092 words")
    >>> "<b>" in p._repr_markdown_()  # escaped: shown, never markup
    False
    >>> repr(p)  # a Python literal: myst-nb evaluates it back to the sentence
    "'The <b>bold</b> claim, 1,092 words'"
    """

    def __init__(self, text: Any):
        self.text = "" if text is None else str(text)

    def _repr_markdown_(self) -> str:
        return markdown_text(self.text)

    def __repr__(self) -> str:
        return repr(self.text)

    def __str__(self) -> str:
        return self.text


def markdown_text(value: Any) -> str:
    """``value`` as literal text inside Markdown (MyST): shown as it is, never parsed.

    Every ASCII punctuation character is backslash-escaped, so raw HTML, roles
    (``{glue:text}``), directives, substitutions, ``$`` math, links, images,
    emphasis and entities stay text; line breaks become spaces, so the value
    cannot start a heading, list, fence or directive of its own. For several
    paragraphs, escape each one and join them with blank lines.

    Examples
    --------
    >>> markdown_text("<b>{glue:text}`n` $x$")
    '\\\\<b\\\\>\\\\{glue\\\\:text\\\\}\\\\`n\\\\` \\\\$x\\\\$'
    >>> markdown_text("# Not a heading\\n- nor a list")
    '\\\\# Not a heading \\\\- nor a list'
    """
    if value is None:
        return ""
    text = _CONTROL.sub("", _LINE_BREAKS.sub(" ", str(value)))
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


class _EscapingFormatter(string.Formatter):
    """str.format that escapes each formatted value with ``escape_value``."""

    def __init__(self, escape_value: Callable[[Any], str]):
        self.escape_value = escape_value

    def format_field(self, value: Any, format_spec: str) -> str:
        return self.escape_value(format(value, format_spec))


def format_html(template: str, /, *args: Any, **kwargs: Any) -> Markup:
    """Fill a trusted HTML ``template`` (``str.format`` syntax) with escaped values.

    Examples
    --------
    >>> format_html('<p title="{0}">{n:,} words by {1}</p>', "a\\"b", "<i>x</i>", n=1234)
    Markup('<p title="a&#34;b">1,234 words by &lt;i&gt;x&lt;/i&gt;</p>')
    """
    return Markup(_EscapingFormatter(html_text).format(template, *args, **kwargs))


def format_markdown(template: str, /, *args: Any, **kwargs: Any) -> str:
    """Fill a trusted Markdown ``template`` (``str.format`` syntax) with escaped values.

    Format specs apply before escaping (``{share:.0%}``).

    Examples
    --------
    >>> format_markdown("**{who}** said: {quote} ({share:.0%})", who="A *B*",
    ...                 quote="[x](javascript:y)", share=0.5)
    '**A \\\\*B\\\\*** said: \\\\[x\\\\]\\\\(javascript\\\\:y\\\\) (50\\\\%)'
    """
    return _EscapingFormatter(markdown_text).format(template, *args, **kwargs)


def _option_value(value: Any) -> str:
    """A directive option value: one double-quoted line, read back exactly as given."""
    text = _CONTROL.sub("", _LINE_BREAKS.sub(" ", str(value))).strip()
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def figure_markdown(path: str, alt: Any, caption: Any = "", name: str | None = None,
                    width: str = "100%") -> str:
    """A MyST ``{figure}`` directive whose alt text and caption may hold corpus text.

    The alt text is one quoted option line (no option, directive or role can be
    slipped in); the caption is :func:`markdown_text`. ``path`` and ``name`` are
    the project's own (a figure file and a label), not corpus text.

    Examples
    --------
    >>> print(figure_markdown("../figures/x.png", 'Bars for "A"\\n:class: y', "By <b>",
    ...                       name="fig-x"))
    ```{figure} ../figures/x.png
    :alt: "Bars for \\"A\\" :class: y"
    :width: 100%
    :name: fig-x
    <BLANKLINE>
    By \\<b\\>
    ```
    """
    for trusted in (path, name or "", width):
        if not re.fullmatch(r"[\w./%-]*", trusted):
            raise ValueError(f"figure path, name and width take no markup: {trusted!r}")
    lines = [f"```{{figure}} {path}", f":alt: {_option_value(alt)}", f":width: {width}"]
    if name:
        lines.append(f":name: {name}")
    return "\n".join([*lines, "", markdown_text(caption), "```"])


def csv_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows instead of evaluating.

    Text starting with ``= + - @``, a tab or a carriage return gets a leading
    ``'`` (OWASP's advice against "CSV injection"); numbers, and text that is just a
    number such as ``-0.5``, are left as they are.

    Examples
    --------
    >>> [csv_cell(v) for v in ['=HYPERLINK("http://x","y")', "@SUM(A1)", "-0.5", -0.5, "Sky"]]
    ['\\'=HYPERLINK("http://x","y")', "'@SUM(A1)", '-0.5', -0.5, 'Sky']
    """
    if isinstance(value, str) and value.startswith(FORMULA_START) \
            and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def _csv_values(values: pd.Series | pd.Index) -> pd.Series | pd.Index:
    """``values`` with its formula cells neutralised; the very same object if it has none,
    so a table without formulas writes exactly the bytes it always wrote."""
    if isinstance(values, pd.MultiIndex):
        return values.set_levels([_csv_values(level) for level in values.levels]) \
            .set_names([csv_cell(n) for n in values.names])
    name = csv_cell(values.name)
    mask = [csv_cell(v) is not v for v in values]
    if not any(mask):
        return values if name is values.name else values.rename(name)
    cells = [csv_cell(v) if changed else v for v, changed in zip(values, mask)]
    if isinstance(values, pd.Index):
        return pd.Index(cells, dtype=object, name=name)
    return pd.Series(cells, index=values.index, dtype=object, name=name)


def csv_frame(data: pd.DataFrame | pd.Series) -> pd.DataFrame | pd.Series:
    """A copy of ``data`` whose text cells, labels and names pass :func:`csv_cell`.

    Write every published CSV from it: ``csv_frame(table).to_csv(path)``. A column or
    set of labels without such a cell is left as it was (same dtype, so the same bytes).

    Examples
    --------
    >>> table = pd.DataFrame({"outlet": ["=1+1", "Sky"], "tone": [-0.5, 0.25]},
    ...                      index=pd.Index(["@a", "b"], name="doc_id"))
    >>> print(csv_frame(table).to_csv(lineterminator="\\n"), end="")
    doc_id,outlet,tone
    '@a,'=1+1,-0.5
    b,Sky,0.25
    """
    if isinstance(data, pd.Series):
        return _csv_values(data.set_axis(_csv_values(data.index)))
    out = data.copy()
    for position in range(out.shape[1]):
        out.isetitem(position, _csv_values(out.iloc[:, position]))
    out.index = _csv_values(out.index)
    out.columns = _csv_values(out.columns)
    return out


def _escaping(display: Callable[[Any], Any]) -> Callable[[Any], Markup]:
    def escaped(value: Any) -> Markup:
        return escape(display(value))  # Markup (pandas' own escape="html") is kept
    return escaped


_DISPLAY_FUNCS = ("_display_funcs", "_display_funcs_index", "_display_funcs_columns",
                  "_display_funcs_index_names", "_display_funcs_column_names")


def escape_styler(styler):
    """A copy of a pandas ``Styler`` whose every piece of text is escaped HTML.

    Cells, index and column labels, their names, the caption and tooltips are
    escaped after the chapter's own formatting (``.format("{:.0%}")`` still applies),
    whatever formatter made them; text a formatter returns as
    :class:`~markupsafe.Markup` (for example from :func:`format_html`) is kept.
    Concatenated stylers are escaped too.

    Examples
    --------
    >>> table = pd.DataFrame({"<b>col</b>": ["<script>x</script>"]})
    >>> html = escape_styler(table.style.set_caption("<i>c</i>")).to_html()
    >>> "<script>" in html or "<b>" in html or "<i>" in html
    False
    >>> "&lt;script&gt;x&lt;/script&gt;" in html
    True
    """
    out = copy.deepcopy(styler)
    for name in _DISPLAY_FUNCS:
        funcs = getattr(out, name)
        factory = funcs.default_factory
        escaped = defaultdict(lambda factory=factory: _escaping(factory()))
        escaped.update({key: _escaping(func) for key, func in funcs.items()})
        setattr(out, name, escaped)
    if isinstance(out.caption, tuple):
        out.caption = tuple(html_text(c) for c in out.caption)
    elif out.caption is not None:
        out.caption = html_text(out.caption)
    if out.tooltips is not None:
        out.tooltips.tt_data = out.tooltips.tt_data.map(
            lambda v: html_text(v) if isinstance(v, str) else v)
    out.concatenated = [escape_styler(part) for part in out.concatenated]
    return out

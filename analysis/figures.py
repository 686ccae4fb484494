"""The house style of the report's figures, their colours, labels and footers, and :func:`save`.

Every chapter draws with :func:`style` and :func:`colours`, so one outlet or one leader has
one colour throughout the book. A colour means one thing:

- a **person** (Okabe & Ito's eight colours) or an **outlet** (Paul Tol's "bright"
  scheme), and nothing else; both palettes are colour-blind safe. No figure colours both
  people and outlets (the time line of office holders draws the holders in greys, named);
- a **category** (quoted speech and narrative, positive and negative, precision and
  recall) is drawn in greys, told apart by lightness and marker shape
  (:func:`category_colours`, :func:`category_markers`), never in a person's or an
  outlet's colour.

Names already printed in published figures keep their house colour
(``analysis/data/colours.yml``); past the palette's size the rest share one "others" grey,
and the charts name every row or series in text, so colour is never the only cue.

Figures are drawn for the book's page: at most about :data:`PAGE_WIDTH` inches wide, so
that at the HTML page's content width (:data:`CONTENT_PX` pixels) labels stay at or above
:data:`MIN_LABEL_PX` pixels and the counts line under the figure at or above
:data:`MIN_NOTE_PX` (:func:`legibility` measures a figure).

Every saved figure carries a footer on the image itself: its counts and the corpus caveat
("n = 89 sentences in 5 articles; hand-picked articles, not a sample") and the source line,
so a figure pasted into a briefing keeps them. Corpus text is drawn literally: mathtext is
off, so a headline with "$5bn and $3bn" renders as written.
"""

from __future__ import annotations

import contextlib
import functools
import re
import textwrap
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path

import matplotlib as mpl
import pandas as pd
import yaml
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure

from analysis.safe import csv_frame
from analysis.settings import corpus_path, figures_dir

REPORT_TITLE = "Special or not? How the news frames the UK–US relationship"
CAVEAT = "hand-picked articles, not a sample"

OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
             "#000000")
TOL_BRIGHT = ("#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#BBBBBB")
NEUTRAL = "#8C8C8C"
OTHERS = NEUTRAL  # the one colour of every name past the palette
DARK = "#4D4D4D"  # a row or series without a colour of its own
# Categories (quoted/narrative/editorial, positive/negative, precision/recall): greys from
# dark to light (each at least 3:1 against white, as WCAG asks of graphics), with a marker
# shape each, so that a category is never read as a person or an outlet.
CATEGORY_GREYS = ("#1F1F1F", "#7A7A7A", "#4D4D4D", "#949494", "#333333", "#666666")
CATEGORY_MARKERS = ("o", "s", "D", "^", "v", "P")
# The page: the HTML book's content column is about 672 px wide on a desktop screen
# (measured in Chromium at 1,280 px); a figure is scaled to it.
CONTENT_PX = 672
PAGE_WIDTH = 7.5  # inches: the width the book's figures are drawn at
MIN_LABEL_PX = 9.0
MIN_NOTE_PX = 8.0
# Tol's grey is left out of the outlet palette: grey reads as "others".
PALETTES = {"leader": OKABE_ITO, "outlet": TOL_BRIGHT[:6]}
MAX_LABEL = 40  # characters of a tick label, per line


@functools.cache
def _house() -> dict[str, dict[str, str]]:
    with resources.files("analysis").joinpath("data/colours.yml").open(encoding="utf-8") as f:
        return yaml.safe_load(f)


LEADER_COLOURS: Mapping[str, str] = _house()["leader"]
OUTLET_COLOURS: Mapping[str, str] = _house()["outlet"]

STYLE = {
    "font.family": "DejaVu Sans",  # ships with matplotlib: same glyphs on every machine
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#E5E5E5",
    "grid.linewidth": 0.8,
    "axes.axisbelow": True,
    "figure.dpi": 100,
    "savefig.bbox": "tight",
    "svg.fonttype": "path",
    "svg.hashsalt": "special-relationship",
    "text.parse_math": False,  # corpus text is never mathtext: "$5bn and $3bn" as written
}
_LABEL = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@contextlib.contextmanager
def style() -> Iterator[None]:
    """Draw inside this context to use the house style (no global state is changed).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> with style():
    ...     fig, ax = plt.subplots()
    >>> plt.close(fig)
    """
    with mpl.rc_context(STYLE):
        yield


def colours(names: Iterable[str], kind: str = "outlet", counts: Mapping[str, float] | None = None,
            k: int | None = None) -> dict[str, str]:
    """A colour for every name, by one deterministic rule.

    1. Names are ranked by count (``counts``, else how often they occur in ``names``:
       pass ``corpus["outlet"]`` to rank outlets by articles), then by name.
    2. The first ``k`` (default: the palette's size, 8 for leaders, 6 for outlets) get a
       colour: their house colour if they have one, else the first free colour of the
       palette; a house colour is lent to another name only when its owner is not among
       them and the other colours are taken.
    3. Every other name gets :data:`OTHERS`; charts label rows and series in text, so the
       grey never has to tell names apart.

    Compute the mapping once per corpus and pass it to every chart, so a name keeps its
    colour from figure to figure.

    Examples
    --------
    >>> colours(["Sky News", "A New Outlet"])
    {'Sky News': '#AA3377', 'A New Outlet': '#66CCEE'}
    >>> mapping = colours([f"Outlet {i:02d}" for i in range(8)])
    >>> mapping["Outlet 00"], mapping["Outlet 05"], mapping["Outlet 06"]
    ('#66CCEE', '#AA3377', '#8C8C8C')
    """
    names = list(names)
    tally = Counter(names) if counts is None else {n: counts.get(n, 0) for n in names}
    ranked = sorted(dict.fromkeys(names), key=lambda n: (-tally[n], str(n)))
    house, palette = {"outlet": OUTLET_COLOURS, "leader": LEADER_COLOURS}[kind], PALETTES[kind]
    k = len(palette) if k is None else min(k, len(palette))
    coloured = ranked[:k]
    taken = {house[n] for n in coloured if n in house}
    spare = [c for c in palette if c not in house.values()] + [
        c for c in palette if c in house.values() and c not in taken]
    result, free = {}, iter(spare)
    for name in coloured:
        result[name] = house[name] if name in house else next(free)
    result.update({name: OTHERS for name in ranked[k:]})
    return {name: result[name] for name in dict.fromkeys(names)}


def house_colours(names: Iterable[str], kind: str = "leader") -> dict[str, str]:
    """The house colours of those ``names`` that have one (the charts' default: everyone
    else is drawn in :data:`DARK` or greys).

    Examples
    --------
    >>> house_colours(["Keir Starmer", "Someone Else"])
    {'Keir Starmer': '#CC79A7'}
    """
    house = {"outlet": OUTLET_COLOURS, "leader": LEADER_COLOURS}[kind]
    return {n: house[n] for n in names if n in house}


def category_colours(names: Iterable[str]) -> dict[str, str]:
    """Greys for the categories of a figure, in the order given (darkest first): never a
    person's or an outlet's colour.

    Examples
    --------
    >>> category_colours(["quoted speech", "journalists' narrative"])
    {'quoted speech': '#1F1F1F', "journalists' narrative": '#7A7A7A'}
    """
    names = list(dict.fromkeys(names))
    return {n: CATEGORY_GREYS[i % len(CATEGORY_GREYS)] for i, n in enumerate(names)}


def category_markers(names: Iterable[str]) -> dict[str, str]:
    """A marker shape per category (circle, square, diamond …), in the order given, so that
    categories differ by more than their grey.

    Examples
    --------
    >>> category_markers(["a", "b", "c"])
    {'a': 'o', 'b': 's', 'c': 'D'}
    """
    names = list(dict.fromkeys(names))
    return {n: CATEGORY_MARKERS[i % len(CATEGORY_MARKERS)] for i, n in enumerate(names)}


def text_colour_on(colour: str) -> str:
    """White or black text for a label on ``colour`` (white below relative luminance 0.35).

    Examples
    --------
    >>> text_colour_on("#0072B2"), text_colour_on("#E69F00")
    ('white', 'black')
    """
    channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
                for c in to_rgb(colour)]
    luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    return "white" if luminance < 0.35 else "black"


def shorten(text: str, width: int = MAX_LABEL) -> str:
    """``text`` cut to ``width`` characters with an ellipsis, on a word boundary if possible.

    Examples
    --------
    >>> shorten("The Sunday Post (PA Media wire copy)", 20)
    'The Sunday Post…'
    """
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    cut = text[:width - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space >= width // 2 else cut).rstrip(" ,;:") + "…"


def outlet_name(outlet: str) -> str:
    """The outlet's name without the description in brackets.

    Examples
    --------
    >>> outlet_name("The Sunday Post (PA Media wire copy)")
    'The Sunday Post'
    """
    short = re.sub(r"\s*\([^)]*\)\s*$", "", str(outlet)).strip()
    return short or str(outlet)


EDITORIAL_MARK = " (editorial)"


def article_labels(corpus: pd.DataFrame, width: int = MAX_LABEL,
                   mark: str = EDITORIAL_MARK) -> pd.Series:
    """A readable label per article, "outlet, date", unique (``#2`` … for repeats); an
    article that presents a government's own views (read from ``outlet_kind``,
    :func:`analysis.outlets.government_voice`) is marked "(editorial)", so that no figure
    or table shows it as journalism.

    Parameters
    ----------
    corpus : pandas.DataFrame
        ``doc_id``, and ``outlet``, ``outlet_kind``, ``published``, ``date_precision``
        when known.
    mark : str
        Appended to the label of a government's editorial ("" for none: a sentence that
        already says what the article is).

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["Sky News"] * 2 + [""],
    ...                        "published": pd.to_datetime(["2025-02-26"] * 2 + ["2023-01-01"]),
    ...                        "date_precision": ["day", "day", "month"],
    ...                        "outlet_kind": ["", "", "government editorial"]})
    >>> article_labels(corpus).tolist()
    ['Sky News, 26 Feb 2025', 'Sky News, 26 Feb 2025 #2', 'c, Jan 2023 (editorial)']
    >>> article_labels(corpus, mark="").tolist()[-1]
    'c, Jan 2023'
    """
    from analysis.outlets import government_voice

    editorial = government_voice(corpus).to_numpy() if mark else [False] * len(corpus)
    labels = []
    for row, flagged in zip(corpus.itertuples(), editorial):
        outlet = getattr(row, "outlet", "")
        name = outlet_name(outlet) if isinstance(outlet, str) and outlet.strip() else row.doc_id
        date = getattr(row, "published", None)
        if date is not None and pd.notna(date):
            fmt = "%b %Y" if getattr(row, "date_precision", "") == "month" else "%-d %b %Y"
            name = f"{name}, {pd.Timestamp(date).strftime(fmt)}"
        labels.append((name, mark if flagged else ""))
    # Room for " #2" is kept only where labels would repeat, so that a label stays whole
    # where it can ("Voice of America, 26 Jan 2023 (editorial)").
    short = [shorten(name, width - len(suffix)) for name, suffix in labels]
    repeated = {k for k, n in Counter(short).items() if n > 1}
    seen: Counter = Counter()
    unique = []
    for (name, suffix), label in zip(labels, short):
        if label in repeated:
            label = shorten(name, width - 3 - len(suffix))
        seen[label] += 1
        unique.append((label if seen[label] == 1 else f"{label} #{seen[label]}") + suffix)
    return pd.Series(unique, index=corpus["doc_id"].to_numpy(), name="article")


def article_names(corpus: pd.DataFrame) -> pd.Series:
    """Each article's label for prose: :func:`article_labels` whole (no shortening) and
    unmarked, since the sentence that names an editorial says what it is.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "outlet": ["Voice of America (Editorials)"],
    ...                        "published": pd.to_datetime(["2023-01-15"]),
    ...                        "date_precision": ["month"],
    ...                        "outlet_kind": ["government broadcaster, editorial presenting "
    ...                                        "the views of the government"]})
    >>> article_names(corpus).tolist(), article_labels(corpus).tolist()
    (['Voice of America, Jan 2023'], ['Voice of America, Jan 2023 (editorial)'])
    """
    return article_labels(corpus, width=10_000, mark="")


def rows_height(n_rows: int, per_row: float = 0.55, extra: float = 1.5,
                minimum: float = 0.24) -> float:
    """Figure height in inches for ``n_rows`` labelled rows: grows with every row, the
    space per row shrinking (never under ``minimum``) once there are more than a dozen.

    Examples
    --------
    >>> rows_height(5), rows_height(30) > rows_height(12) > rows_height(5)
    (4.25, True)
    """
    per = per_row if n_rows <= 12 else max(minimum, per_row * (12 / n_rows) ** 0.5)
    return per * n_rows + extra


def count_note(frame: pd.DataFrame, unit: str = "sentences", cluster: str | None = "doc_id",
               clusters: str = "articles") -> str:
    """The counts a figure rests on, computed from its data: "n = 89 sentences in 5 articles".

    Examples
    --------
    >>> count_note(pd.DataFrame({"doc_id": ["a", "a", "b"]}))
    'n = 3 sentences in 2 articles'
    """
    n = len(frame)
    text = f"n = {n:,} {unit[:-1] if n == 1 and unit.endswith('s') else unit}"
    if cluster is not None and cluster in frame:
        m = frame[cluster].nunique()
        text += f" in {m:,} {clusters[:-1] if m == 1 and clusters.endswith('s') else clusters}"
    return text


def _texts(fig: Figure) -> list:
    """Every visible, non-empty text of ``fig`` that is not its footer."""
    import matplotlib.text

    return [t for t in fig.findobj(matplotlib.text.Text)
            if t.get_visible() and t.get_text().strip() and not getattr(t, "_is_footer", False)
            and (t.axes is None or t.axes.get_visible())]


def legibility(fig: Figure, content_px: int = CONTENT_PX) -> dict[str, float]:
    """How large ``fig``'s text is on the book's page: the figure (its tight bounding box)
    is scaled to ``content_px`` pixels, so a point is ``content_px / (72 × width)`` pixels.

    Returns
    -------
    dict
        ``width`` (inches, tight), ``smallest`` (points, of any label, title or value
        drawn; the footer aside), ``label_px`` (that size in pixels on the page),
        ``note_px`` (the footer's counts line in pixels, NaN before :func:`save`).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> with style():
    ...     fig, ax = plt.subplots(figsize=(7, 3))
    ...     _ = ax.set_title("A title", fontsize=10)
    ...     _ = ax.set_xticks([0, 1], ["a", "b"], fontsize=8)
    >>> report = legibility(fig)
    >>> report["smallest"], report["label_px"] >= MIN_LABEL_PX
    (8.0, True)
    >>> plt.close(fig)
    """
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    width = fig.get_tightbbox(renderer).width
    scale = content_px / (72 * width)
    smallest = min((t.get_fontsize() for t in _texts(fig)), default=float("nan"))
    notes = [t.get_fontsize() for t in fig.texts if getattr(t, "_is_footer", False)
             and not getattr(t, "_is_source_line", False)]
    return {"width": float(width), "smallest": float(smallest),
            "label_px": float(smallest * scale),
            "note_px": float(min(notes) * scale) if notes else float("nan")}


def set_note(fig: Figure, note: str) -> Figure:
    """Attach the counts line :func:`save` prints under ``fig`` (charts call this)."""
    fig._report_note = note
    return fig


def note_of(fig: Figure) -> str:
    """The counts line attached to ``fig`` by :func:`set_note` ("" if none)."""
    return getattr(fig, "_report_note", "")


def source_line(label: str) -> str:
    """The citation printed under every figure."""
    from analysis import __version__

    return f"{REPORT_TITLE} (v{__version__}), figure '{label}'. Corpus: {corpus_path().name}/."


def _footer(fig: Figure, lines: list[tuple[str, float, str]]) -> None:
    """Print ``(text, size, colour)`` lines under everything drawn, left-aligned, wrapped
    to the figure's width; an earlier footer is replaced."""
    for text in [t for t in fig.texts if getattr(t, "_is_footer", False)]:
        text.remove()
    renderer = fig.canvas.get_renderer()
    box = fig.get_tightbbox(renderer)  # inches
    y = box.y0 - 0.06
    for content, size, colour in lines:
        chars = max(40, int(box.width * 72 / (size * 0.6)))
        # Figure fractions, not inches: a tight bounding box shifts only the former.
        width, height = fig.get_size_inches()
        text = fig.text(box.x0 / width, y / height, textwrap.fill(content, chars), ha="left",
                        va="top", fontsize=size, color=colour, family="DejaVu Sans",
                        parse_math=False)
        text._is_footer = True
        text._is_source_line = colour == "#555555"
        y -= text.get_window_extent(renderer).height / fig.dpi + 0.03


def save(fig: Figure, label: str, data: pd.DataFrame | None = None,
         directory: str | Path | None = None, source: bool = True, note: str | None = None,
         caveat: str = CAVEAT) -> tuple[Path, Path]:
    """Write ``fig`` as ``<label>.png`` (200 dpi) and ``<label>.svg``, and the data plotted as
    ``<label>.csv``; the same inputs give byte-identical files.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    label : str
        Stable name: lower-case letters, digits and hyphens (``corpus-timeline``).
    data : pandas.DataFrame, optional
        The numbers the figure shows, written as CSV (UTF-8, ``\\n`` line ends, six
        significant digits) so a reader can re-plot or check them.
    directory : str or Path, optional
        Defaults to this build's figures folder (:func:`analysis.settings.figures_dir`).
    source : bool
        Print the report's source line at the bottom of the figure.
    note : str, optional
        The counts the figure rests on; defaults to the note the chart computed from its
        data (:func:`note_of`).
    caveat : str
        How the articles were chosen, printed after the counts ("" for none).

    Returns
    -------
    (Path, Path)
        The PNG and SVG paths.

    Examples
    --------
    >>> import tempfile
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> png, svg = save(fig, "example", pd.DataFrame({"x": [1]}), directory=tempfile.mkdtemp(),
    ...                 note="n = 1 article")
    >>> png.name, svg.name
    ('example.png', 'example.svg')
    """
    if not _LABEL.match(label):
        raise ValueError(f"figure label {label!r}: use lower-case letters, digits and hyphens")
    folder = Path(directory) if directory is not None else figures_dir()
    folder.mkdir(parents=True, exist_ok=True)
    counts = note_of(fig) if note is None else note
    png, svg = folder / f"{label}.png", folder / f"{label}.svg"
    with mpl.rc_context({"svg.hashsalt": STYLE["svg.hashsalt"], "svg.fonttype": "path",
                         "text.parse_math": False}):
        # The counts line is never under MIN_NOTE_PX on the page, however wide the figure.
        for text in [t for t in fig.texts if getattr(t, "_is_footer", False)]:
            text.remove()
        fig.canvas.draw()
        width = fig.get_tightbbox(fig.canvas.get_renderer()).width
        size = max(7.5, round(MIN_NOTE_PX * 72 * width / CONTENT_PX + 0.05, 1))
        lines = [("; ".join(part for part in (counts, caveat) if part), size, "#333333")]
        if source:
            lines.append((source_line(label), max(7.0, size - 0.5), "#555555"))
        _footer(fig, [line for line in lines if line[0]])
        # Metadata off: no software version or date, so reruns give the same bytes.
        fig.savefig(png, dpi=200, bbox_inches="tight", metadata={"Software": None})
        fig.savefig(svg, bbox_inches="tight", metadata={"Date": None, "Creator": None})
    if data is not None:
        csv_frame(data).to_csv(folder / f"{label}.csv", float_format="%.6g",
                               lineterminator="\n", encoding="utf-8")  # no live formulas
    return png, svg

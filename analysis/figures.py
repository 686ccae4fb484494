"""The house style of the report's figures, and :func:`save`.

Every chapter draws with :func:`style` and the colour maps below, so one outlet
or one leader has one colour throughout the book. Both palettes are
colour-blind safe: leaders use Okabe & Ito's eight colours, outlets Paul Tol's
"bright" scheme, so a leader is never mistaken for an outlet.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import matplotlib as mpl
import pandas as pd
from matplotlib.figure import Figure

from analysis.safe import csv_frame
from analysis.settings import corpus_path, figures_dir

REPORT_TITLE = "Special or not? How the news frames the UK–US relationship"

OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
             "#000000")
TOL_BRIGHT = ("#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#BBBBBB")
NEUTRAL = "#8C8C8C"

LEADER_COLOURS = {
    "Liz Truss": "#D55E00", "James Cleverly": "#E69F00", "Keir Starmer": "#CC79A7",
    "Joe Biden": "#0072B2", "Antony Blinken": "#56B4E9", "Donald Trump": "#009E73",
}
OUTLET_COLOURS = {
    "The Sunday Post (PA Media wire copy)": "#4477AA",
    "The National (Abu Dhabi)": "#228833",
    "Voice of America (Editorials)": "#CCBB44",
    "Sky News": "#AA3377",
    "The Independent": "#EE6677",
}

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
    "text.parse_math": False,  # corpus text ("$5bn", "$x$") is drawn as written, not as math
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


def colours(names: Iterable[str], kind: str = "outlet") -> dict[str, str]:
    """A colour for each name: the house colour if it has one, else the next free one.

    Parameters
    ----------
    names : iterable of str
        Outlet or leader names.
    kind : {"outlet", "leader"}

    Examples
    --------
    >>> colours(["Sky News", "A New Outlet"])
    {'Sky News': '#AA3377', 'A New Outlet': '#66CCEE'}
    """
    fixed, palette = {"outlet": (OUTLET_COLOURS, TOL_BRIGHT),
                      "leader": (LEADER_COLOURS, OKABE_ITO)}[kind]
    free = [c for c in palette if c not in fixed.values()]
    result = {}
    for name in dict.fromkeys(names):  # unique, in order
        if name in fixed:
            result[name] = fixed[name]
        else:
            result[name] = free[len([n for n in result if n not in fixed]) % len(free)] \
                if free else NEUTRAL
    return result


def source_line(label: str) -> str:
    """The citation printed under every figure."""
    from analysis import __version__

    return f"{REPORT_TITLE} (v{__version__}), figure '{label}'. Corpus: {corpus_path().name}/."


def save(fig: Figure, label: str, data: pd.DataFrame | None = None,
         directory: str | Path | None = None, source: bool = True) -> tuple[Path, Path]:
    """Write ``fig`` as ``<label>.png`` (200 dpi) and ``<label>.svg``, and the data plotted as
    ``<label>.csv``; the same inputs give byte-identical files.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    label : str
        Stable name: lower-case letters, digits and hyphens (``corpus-timeline``).
    data : pandas.DataFrame, optional
        The numbers the figure shows, written as CSV (UTF-8, ``\n`` line ends, six
        significant digits) so a reader can re-plot or check them.
    directory : str or Path, optional
        Defaults to this build's figures folder (:func:`analysis.settings.figures_dir`).
    source : bool
        Print the report's source line at the bottom of the figure.

    Returns
    -------
    (Path, Path)
        The PNG and SVG paths.

    Examples
    --------
    >>> import tempfile
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> png, svg = save(fig, "example", pd.DataFrame({"x": [1]}), directory=tempfile.mkdtemp())
    >>> png.name, svg.name
    ('example.png', 'example.svg')
    """
    if not _LABEL.match(label):
        raise ValueError(f"figure label {label!r}: use lower-case letters, digits and hyphens")
    folder = Path(directory) if directory is not None else figures_dir()
    folder.mkdir(parents=True, exist_ok=True)
    if source and not any(getattr(t, "_is_source_line", False) for t in fig.texts):
        text = fig.text(0.0, -0.02, source_line(label), ha="left", va="top",
                        fontsize=7, color="#555555", family="DejaVu Sans", parse_math=False)
        text._is_source_line = True
    png, svg = folder / f"{label}.png", folder / f"{label}.svg"
    with mpl.rc_context({"svg.hashsalt": STYLE["svg.hashsalt"], "svg.fonttype": "path"}):
        # Metadata off: no software version or date, so reruns give the same bytes.
        fig.savefig(png, dpi=200, bbox_inches="tight", metadata={"Software": None})
        fig.savefig(svg, bbox_inches="tight", metadata={"Date": None, "Creator": None})
    if data is not None:
        csv_frame(data).to_csv(folder / f"{label}.csv", float_format="%.6g",
                               lineterminator="\n", encoding="utf-8")  # no live formulas
    return png, svg

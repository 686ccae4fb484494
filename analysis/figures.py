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
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

REPORT_TITLE = "Special or not? How the news frames the UK–US relationship"
FIGURES_DIR = Path(__file__).resolve().parent.parent / "figures"

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
}
_LABEL = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@contextlib.contextmanager
def style() -> Iterator[None]:
    """Draw inside this context to use the house style (no global state is changed).

    Examples
    --------
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

    return f"{REPORT_TITLE} (v{__version__}), figure '{label}'. Corpus: seeds/."


def save(fig: Figure, label: str, directory: str | Path | None = None,
         source: bool = True) -> tuple[Path, Path]:
    """Write ``fig`` as ``<label>.png`` (200 dpi) and ``<label>.svg``, byte-identical per run.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    label : str
        Stable name: lower-case letters, digits and hyphens (``corpus-timeline``).
    directory : str or Path, optional
        Defaults to the project's ``figures/`` folder.
    source : bool
        Print the report's source line at the bottom of the figure.

    Returns
    -------
    (Path, Path)
        The PNG and SVG paths.

    Examples
    --------
    >>> import tempfile
    >>> fig, ax = plt.subplots()
    >>> png, svg = save(fig, "example", directory=tempfile.mkdtemp())
    >>> png.name, svg.name
    ('example.png', 'example.svg')
    """
    if not _LABEL.match(label):
        raise ValueError(f"figure label {label!r}: use lower-case letters, digits and hyphens")
    folder = Path(directory) if directory is not None else FIGURES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    if source and not any(getattr(t, "_is_source_line", False) for t in fig.texts):
        text = fig.text(0.0, -0.02, source_line(label), ha="left", va="top",
                        fontsize=7, color="#555555", family="DejaVu Sans")
        text._is_source_line = True
    png, svg = folder / f"{label}.png", folder / f"{label}.svg"
    with mpl.rc_context({"svg.hashsalt": STYLE["svg.hashsalt"], "svg.fonttype": "path"}):
        # Metadata off: no software version or date, so reruns give the same bytes.
        fig.savefig(png, dpi=200, bbox_inches="tight", metadata={"Software": None})
        fig.savefig(svg, bbox_inches="tight", metadata={"Date": None, "Creator": None})
    return png, svg


def timeline(corpus: pd.DataFrame, offices: pd.DataFrame, start: str = "2022-01-01",
             end: str = "2025-06-30") -> Figure:
    """The articles on a time line of the UK and US office holders.

    Printed dates are filled markers, inferred dates hollow; a date known only to
    the month is drawn as a bar across that month.

    Parameters
    ----------
    corpus : pandas.DataFrame
        From :func:`analysis.load_corpus` (``doc_id, published, date_precision,
        date_inferred, outlet``).
    offices : pandas.DataFrame
        From :func:`analysis.offices.office_holders`.
    """
    lo, hi = pd.Timestamp(start), pd.Timestamp(end)
    rows = [("UK", "Prime Minister"), ("UK", "Foreign Secretary"),
            ("US", "President"), ("US", "Secretary of State")]
    with style():
        fig, ax = plt.subplots(figsize=(9, 4.2))
        for y, (country, office) in enumerate(rows):
            terms = offices[(offices["country"] == country) & (offices["office"] == office)]
            for term in terms.itertuples():
                a = max(term.start, lo)
                b = min(term.end if pd.notna(term.end) else hi, hi)
                if a >= b:
                    continue
                colour = LEADER_COLOURS.get(term.holder, "#D9D9D9")
                ax.barh(y, b - a, left=a, height=0.62, color=colour, edgecolor="white")
                dark = colour in ("#0072B2", "#D55E00", "#009E73", "#CC79A7")
                surname = term.holder.split()[-1]
                if (b - a).days > 75:
                    ax.text(a + (b - a) / 2, y, surname, ha="center", va="center", fontsize=8,
                            color="white" if dark else "black")
                else:  # too short a term for a label inside: put it above
                    ax.text(a + (b - a) / 2, y - 0.36, surname, ha="center", va="bottom",
                            fontsize=7)
        y_art = len(rows) + 0.3
        outlet_colour = colours(corpus["outlet"].fillna("(no outlet)"), "outlet")
        for art in corpus.dropna(subset=["published"]).itertuples():
            colour = outlet_colour[art.outlet if isinstance(art.outlet, str) else "(no outlet)"]
            inferred = bool(art.date_inferred) if pd.notna(art.date_inferred) else False
            if art.date_precision == "month":
                month_end = art.published + pd.offsets.MonthEnd(0)
                ax.barh(y_art, month_end - art.published, left=art.published, height=0.3,
                        color=colour, alpha=0.5)
                when = art.published + (month_end - art.published) / 2
            else:
                when = art.published
            ax.plot([when], [y_art], marker="o", markersize=9, linestyle="none",
                    markerfacecolor="white" if inferred else colour, markeredgecolor=colour,
                    markeredgewidth=2, zorder=3)
            ax.vlines(when, -0.4, y_art - 0.2, color=colour, linewidth=0.8, linestyle=":")
        labels = [f"{c} {o}" for c, o in rows] + ["Articles"]
        ax.set_yticks(list(range(len(rows))) + [y_art], labels)
        ax.set_ylim(-0.6, y_art + 0.6)
        ax.invert_yaxis()
        ax.set_xlim(lo, hi)
        ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 7)))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
        ax.grid(axis="y", visible=False)
        ax.set_title(f"The {len(corpus)} articles against the UK and US office holders")
        handles = [plt.Line2D([], [], marker="o", linestyle="none", markersize=8,
                              markerfacecolor=c, markeredgecolor=c, label=o)
                   for o, c in outlet_colour.items()]
        handles += [plt.Line2D([], [], marker="o", linestyle="none", markersize=8,
                               markerfacecolor="white", markeredgecolor="#333333",
                               label="hollow: date inferred")]
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=3,
                  frameon=False, fontsize=8)
        fig.tight_layout()
    return fig

"""The book's charts. Each takes analysis tables and returns a matplotlib figure drawn in
the house style (:mod:`analysis.figures`); notebooks save them with
:func:`analysis.figures.save`, which prints the counts each chart computed from its data.
This module draws rows (one per article, outlet, person or group); the small multiples and
heat maps are in :mod:`analysis.panels` (and importable from here too).

Every chart stays legible from 5 rows to 200: heights grow with the rows, labels are
shortened, and past the palette's size the rows or series beyond the first few share one
"others" colour while text names every one of them. A chart never pools: it draws one row
per row of the table it is given, so a chart "per article" is given a table per
``doc_id`` (and ``labels``, e.g. :func:`analysis.figures.article_labels`).
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.figures import (
    DARK,
    MAX_LABEL,
    OTHERS,
    PAGE_WIDTH,
    PALETTES,
    category_colours,
    category_markers,
    colours,
    house_colours,
    rows_height,
    set_note,
    shorten,
    style,
    text_colour_on,
)
from analysis.panels import bar_panels, heatmap, leader_panels
from analysis.people import followed_people

__all__ = ["bar_panels", "distributions", "heatmap", "intervals", "label_shares",
           "leader_panels", "own_words", "speaker_shares", "stacked", "timeline"]

OFFICE_ROWS = (("UK", "Prime Minister"), ("UK", "Foreign Secretary"), ("US", "President"),
               ("US", "Secretary of State"))
GREYS = ("#7F7F7F", "#B0B0B0", "#4D4D4D", "#D0D0D0", "#999999", "#666666")
UNLISTED = "#D9D9D9"  # an office holder the corpus does not follow
FOLLOWED = "#6E6E6E"  # an office holder the corpus follows (named on the bar)
SMALL = 8.0  # points: the smallest text of a chart (9 px or more on the book's page)

def _labels(index, labels: Mapping | None = None, width: int = MAX_LABEL) -> list[str]:
    """Row labels: ``labels[row]`` if given, else the row itself; shortened to ``width``."""
    return [shorten(labels.get(i, i) if labels is not None else i, width) for i in index]


def _per_row_note(n_units, unit: str, n_articles=None) -> str:
    """"n = 7–27 sentences per row (in 1 article each)": the range of a chart's row counts."""
    n_units = pd.Series(n_units, dtype=float).dropna()
    if n_units.empty:
        return f"n = 0 {unit}"
    lo, hi = int(n_units.min()), int(n_units.max())
    text = f"n = {lo:,} {unit} per row" if lo == hi else f"n = {lo:,}–{hi:,} {unit} per row"
    if n_articles is not None and len(pd.Series(n_articles).dropna()):
        a = pd.Series(n_articles).dropna().astype(int)
        text += (f", {a.min()} article{'s' if a.min() != 1 else ''} each" if a.min() == a.max()
                 else f", {a.min()}–{a.max()} articles")
    return text


def _legend_below(fig: Figure, ax, ncol: int = 3, fontsize: float = 8, **kwargs) -> None:
    """A legend just under the axes' tick labels and x label, whatever the figure's height."""
    renderer = fig.canvas.get_renderer()
    outer, inner = ax.get_tightbbox(renderer), ax.get_window_extent(renderer)
    y = (outer.y0 - inner.y0 - 4 * fig.dpi / 72) / inner.height
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, y), ncol=ncol, frameon=False,
              fontsize=fontsize, **kwargs)


def _span(corpus: pd.DataFrame, offices: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The half-years around the articles' dates (or the offices' if no article is dated)."""
    dates = pd.to_datetime(corpus["published"]).dropna()
    if dates.empty:
        dates = pd.concat([offices["start"], offices["end"]]).dropna()
    if dates.empty:
        return pd.Timestamp("2000-01-01"), pd.Timestamp("2000-12-31")
    lo, hi = dates.min(), dates.max()
    start = pd.Timestamp(lo.year, 1 if lo.month <= 6 else 7, 1)
    end = pd.Timestamp(hi.year, 6, 30) if hi.month <= 6 else pd.Timestamp(hi.year, 12, 31)
    return start, end


def timeline(corpus: pd.DataFrame, offices: pd.DataFrame, start: str | None = None,
             end: str | None = None, colour_of: Mapping[str, str] | None = None,
             outlet_colours: Mapping[str, str] | None = None, rows=OFFICE_ROWS,
             note: str | None = None) -> Figure:
    """The articles on a time line of the UK and US office holders.

    Printed dates are filled markers, inferred dates hollow; a date known only to the month
    is drawn as a bar across that month. With up to six outlets and forty articles the
    articles share one row and a legend names the outlets; beyond that each outlet gets
    its own labelled row.

    Parameters
    ----------
    corpus : pandas.DataFrame
        From :func:`analysis.load_corpus` (``doc_id, published, date_precision,
        date_inferred, outlet``, and ``uk_leader``, ``us_counterparts``).
    offices : pandas.DataFrame
        From :func:`analysis.offices.office_holders`.
    start, end : str, optional
        The axis; default: the half-years around the articles.
    colour_of : mapping, optional
        Colour per office holder. By default the holders the corpus follows
        (:func:`analysis.people.followed_people`) are a darker grey and the others a light
        one, each named on their bar: the articles carry the outlets' colours, and a figure
        never colours people and outlets at once.
    outlet_colours : mapping, optional
        Colour per outlet; default ``colours(corpus["outlet"])``.
    """
    lo, hi = (pd.Timestamp(start), pd.Timestamp(end)) if start and end else _span(corpus, offices)
    if colour_of is None:
        colour_of = dict.fromkeys(followed_people(corpus).index, FOLLOWED)
    outlets = corpus["outlet"].fillna("").replace("", "(no outlet)")
    outlet_colour = dict(outlet_colours or colours(outlets, "outlet"))
    outlet_colour.update({o: outlet_colour.get(o, OTHERS) for o in outlets})
    by_count = outlets.value_counts()
    ranked = sorted(by_count.index, key=lambda o: (-by_count[o], o))
    one_row = len(ranked) <= len(PALETTES["outlet"]) and len(corpus) <= 40
    article_rows = ["Articles"] if one_row else ranked
    n_rows = len(rows) + len(article_rows)
    height = 4.2 if one_row else rows_height(n_rows, per_row=0.5, extra=2.4)
    with style():
        fig, ax = plt.subplots(figsize=(PAGE_WIDTH, height))
        span_days = (hi - lo).days
        for y, (country, office) in enumerate(rows):
            terms = offices[(offices["country"] == country) & (offices["office"] == office)]
            for term in terms.itertuples():
                a = max(term.start, lo)
                b = min(term.end if pd.notna(term.end) else hi, hi)
                if a >= b:
                    continue
                colour = colour_of.get(term.holder, UNLISTED)
                ax.barh(y, b - a, left=a, height=0.62, color=colour, edgecolor="white")
                surname = term.holder.split()[-1]
                # Inside the bar if the name fits: ~0.067 in per character at 8 pt, on an
                # axis about 5.6 in wide.
                if len(surname) * 0.067 < (b - a).days / span_days * 5.6:
                    ax.text(a + (b - a) / 2, y, surname, ha="center", va="center",
                            fontsize=SMALL, color=text_colour_on(colour))
                else:  # too short a term for a label inside: put it above
                    ax.text(a + (b - a) / 2, y - 0.36, surname, ha="center", va="bottom",
                            fontsize=SMALL)
        first = len(rows) + 0.3
        y_of = {o: first + (0 if one_row else i) for i, o in enumerate(ranked)}
        for art, outlet in zip(corpus.itertuples(), outlets):
            if pd.isna(art.published):
                continue
            y, colour = y_of[outlet], outlet_colour[outlet]
            inferred = bool(art.date_inferred) if pd.notna(art.date_inferred) else False
            when = art.published
            if art.date_precision == "month":
                month_end = art.published + pd.offsets.MonthEnd(0)
                ax.barh(y, month_end - art.published, left=art.published, height=0.3,
                        color=colour, alpha=0.5)
                when = art.published + (month_end - art.published) / 2
            ax.plot([when], [y], marker="o", markersize=9 if one_row else 6, linestyle="none",
                    markerfacecolor="white" if inferred else colour, markeredgecolor=colour,
                    markeredgewidth=2, zorder=3)
            if len(corpus) <= 20:
                ax.vlines(when, -0.4, y - 0.2, color=colour, linewidth=0.8, linestyle=":")
        labels = [f"{c} {o}" for c, o in rows] + (
            ["Articles"] if one_row else [f"{shorten(o, 30)} ({by_count[o]})" for o in ranked])
        ax.set_yticks(list(range(len(rows))) + [first + i for i in range(len(article_rows))],
                      labels, fontsize=None if one_row else SMALL)
        ax.set_ylim(-0.6, first + len(article_rows) - 1 + 0.6)
        ax.invert_yaxis()
        ax.set_xlim(lo, hi)
        months = 12 * (hi.year - lo.year) + hi.month - lo.month
        ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 7)) if months <= 60 else
                                   mdates.YearLocator(max(1, months // 60)))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y" if months <= 60 else "%Y"))
        ax.grid(axis="y", visible=False)
        ax.set_title(f"The {len(corpus)} articles against the UK and US office holders")
        marker = {"marker": "o", "linestyle": "none", "markersize": 8}
        handles = [plt.Line2D([], [], markerfacecolor=outlet_colour[o],
                              markeredgecolor=outlet_colour[o], label=shorten(o), **marker)
                   for o in dict.fromkeys(outlets)] if one_row else []
        handles += [plt.Line2D([], [], markerfacecolor="white", markeredgecolor="#333333",
                               label="hollow: date inferred", **marker)]
        handles += [plt.Rectangle((0, 0), 1, 1, color=FOLLOWED,
                                  label="office holder the articles follow"),
                    plt.Rectangle((0, 0), 1, 1, color=UNLISTED, label="other office holder")]
        ax.legend(handles=handles, loc="upper center",
                  bbox_to_anchor=(0.5, -0.1 if one_row else -0.5 / height), ncol=2,
                  frameon=False, fontsize=SMALL)
        fig.tight_layout()
    dated = int(corpus["published"].notna().sum())
    return set_note(fig, note if note is not None else (
        f"n = {len(corpus):,} articles from {len(ranked):,} outlets"
        + (f"; {len(corpus) - dated} without a date, not drawn" if dated < len(corpus)
           else "")))


def _share_rows(ax, labels, xlabel: str, title: str) -> None:
    """Finish a horizontal chart of shares: one row per label, top to bottom, on 0–100%."""
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)
    ax.set_title(title)


def _speaker_palette(words: pd.DataFrame, colour_of: Mapping[str, str],
                     max_greys: int = len(GREYS)) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Colours of the speakers' segments, and which speakers each segment holds.

    Speakers with a colour come first (by name); up to ``max_greys`` others get a grey
    each; past that the others with fewest words are merged into one "others" segment.
    """
    coloured = sorted(s for s in words.columns if colour_of.get(s, OTHERS) != OTHERS)
    rest = sorted(s for s in words.columns if s not in coloured)
    if len(rest) > max_greys:
        totals = words[rest].sum()
        keep = sorted(sorted(rest, key=lambda s: (-totals[s], s))[:max_greys - 1])
        merged = [s for s in rest if s not in keep]
        rest = keep + [f"others ({len(merged)} speakers)"]
    else:
        merged = []
    palette = {s: colour_of[s] for s in coloured}
    palette.update(zip(rest, GREYS))
    members = {s: [s] for s in coloured + rest[:len(rest) - bool(merged)]}
    if merged:
        members[rest[-1]] = merged
    return palette, members


def speaker_shares(words: pd.DataFrame, totals: pd.Series, title: str,
                   colour_of: Mapping[str, str] | None = None, labels: Mapping | None = None,
                   note: str | None = None) -> Figure:
    """Per article (rows), the share of its words quoted from each speaker.

    Parameters
    ----------
    words : pandas.DataFrame
        Quoted words, articles by speakers (:func:`analysis.voices.speaker_words`).
    totals : pandas.Series
        Words per article (the denominator), same index.
    colour_of : mapping, optional
        Colour per speaker (leaders); default: their house colours. Other speakers are in
        greys, past six merged into one "others" segment; the legend names every segment.
    labels : mapping, optional
        Row label per article (:func:`analysis.figures.article_labels`).
    """
    colour_of = house_colours(words.columns) if colour_of is None else colour_of
    palette, members = _speaker_palette(words, colour_of)
    shares = words.div(totals, axis=0).reindex(totals.index).fillna(0)
    with style():
        fig, ax = plt.subplots(figsize=(PAGE_WIDTH, rows_height(len(shares), per_row=0.7,
                                                                extra=1.8)))
        left = np.zeros(len(shares))
        y = np.arange(len(shares))
        for segment, colour in palette.items():
            share = shares[members[segment]].sum(axis=1).to_numpy()
            ax.barh(y, share, left=left, color=colour, label=shorten(segment), edgecolor="white",
                    height=0.6, hatch="///" if segment not in words.columns else None)
            left += share
        size = SMALL if len(shares) <= 30 else 6.5
        for i, total in enumerate(totals):
            ax.text(left[i] + 0.01, i, f"{left[i]:.0%} of {total:,} words", va="center",
                    fontsize=size)
        _share_rows(ax, _labels(totals.index, labels), "Share of the article's words inside "
                    "quotation marks, by speaker", title)
        fig.tight_layout()
        _legend_below(fig, ax, ncol=3, fontsize=SMALL)
    return set_note(fig, note if note is not None else (
        f"n = {int(words.to_numpy().sum()):,} quoted words of {int(totals.sum()):,} words "
        f"in {len(totals):,} article{'s' if len(totals) != 1 else ''}"))


def own_words(summary: pd.DataFrame, title: str, colour_of: Mapping[str, str] | None = None,
              note: str | None = None) -> Figure:
    """Per person, the share of their speech events quoted directly (dot) with its 95%
    interval (line), and the counts behind it.

    Parameters
    ----------
    summary : pandas.DataFrame
        From :func:`analysis.voices.voice_summary` (index: person).
    colour_of : mapping, optional
        Colour per person; default: house colours of leaders, dark grey for the rest.
    """
    summary = summary[summary["events"] > 0]
    colour_of = house_colours(summary.index) if colour_of is None else colour_of
    palette = {p: colour_of.get(p, DARK) if colour_of.get(p) != OTHERS else DARK
               for p in summary.index}
    with style():
        fig, ax = plt.subplots(figsize=(PAGE_WIDTH, rows_height(len(summary), extra=1.4)))
        for i, (person, row) in enumerate(summary.iterrows()):
            if np.isfinite(row["low"]) and np.isfinite(row["high"]):
                ax.plot([row["low"], row["high"]], [i, i], color=palette[person], linewidth=2.5,
                        alpha=0.6, solid_capstyle="round")
            ax.plot(row["own_words"], i, "o", color=palette[person], markersize=8)
            quoted, reported = int(row["full"] + row["partial"]), int(row["reported"])
            ax.text(1.03, i, f"{quoted} quoted, {reported} reported",
                    va="center", fontsize=SMALL, transform=ax.get_yaxis_transform())
        _share_rows(ax, _labels(summary.index), "Share of speech events in the person's own "
                    "(quoted) words, 95% interval", title)
        fig.tight_layout()
    quoted = int((summary["full"] + summary["partial"]).sum())
    return set_note(fig, note if note is not None else (
        f"n = {int(summary['events'].sum()):,} speech events ({quoted:,} quoted, "
        f"{int(summary['reported'].sum()):,} reported) of {len(summary):,} people"))


def _value_text(row, fmt: str) -> str:
    """What is printed at the right of an interval row: value and n, or why not."""
    if not np.isfinite(row["estimate"]):
        return "no data"
    n_articles = row.get("n_articles", np.nan)
    n = f"n={int(row['n_units'])}" + (f", {int(n_articles)} art." if pd.notna(n_articles)
                                       else "")
    missing = "" if np.isfinite(row["low"]) and np.isfinite(row["high"]) else "; no interval"
    return f"{fmt.format(row['estimate'])}  ({n}{missing})"


def intervals(table: pd.DataFrame, xlabel: str, title: str, colour_of=None,
              reference: float | None = None, fmt: str = "{:.2f}",
              series: str | None = None, labels: Mapping | None = None,
              unit: str = "sentences", note: str | None = None,
              band: tuple[float, float] | None = None, band_label: str = "",
              marks: Mapping[str, float] | None = None) -> Figure:
    """Estimates with 95% intervals, one row per group, labelled with n.

    A row whose interval is NaN (too few articles or sentences, see
    :mod:`analysis.stats`) shows its dot and says "no interval".

    Parameters
    ----------
    table : pandas.DataFrame
        Index: group labels; columns ``estimate, low, high, n_units`` (and
        ``n_articles``); with ``series``, one row per (group, series) in long form
        with a ``group`` column, drawn as offset dots.
    colour_of : mapping, optional
        Colour per group (or per series); groups without one are dark grey.
    reference : float, optional
        A vertical line (0 for sentiment; a benchmark's median).
    labels : mapping, optional
        Row label per group (for a table per ``doc_id``: article labels).
    band, band_label : optional
        A shaded reference range and its legend label, e.g. the middle half of BBC news
        stories' grades (``evaluation/readability.json``).
    marks : mapping, optional
        Further reference values, each a dotted vertical line with its legend label
        (``{"nine in ten BBC politics stories stay under": 13.0}``).

    Examples
    --------
    >>> t = pd.DataFrame({"estimate": [12.0], "low": [11.0], "high": [13.5], "n_units": [20]},
    ...                  index=["a"])
    >>> fig = intervals(t, "grade", "Grades", marks={"nine in ten stay under": 13.0})
    >>> [line.get_linestyle() for line in fig.axes[0].lines if line.get_label().startswith("nine")]
    [':']
    >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    ['nine in ten stay under']
    """
    groups = list(dict.fromkeys(table["group"] if series else table.index))
    kinds = list(dict.fromkeys(table[series])) if series else [None]
    with style():
        fig, ax = plt.subplots(figsize=(PAGE_WIDTH, rows_height(
            len(groups), per_row=0.6 * (1 + 0.25 * (len(kinds) - 1)), extra=1.5)))
        offsets = np.linspace(-0.18, 0.18, len(kinds)) if len(kinds) > 1 else [0.0]
        # Series are categories (quoted speech, narrative …): greys and marker shapes
        # unless the caller gives colours; a person's or an outlet's colour is never lent.
        greys, shapes = category_colours(kinds), category_markers(kinds)
        kind_colour = {k: (colour_of or {}).get(k) or greys[k] for k in kinds}
        size = SMALL if len(groups) <= 30 else 6.5
        for k, offset in zip(kinds, offsets):
            rows = table[table[series] == k].set_index("group") if series else table
            named = False  # a series is named once, at its first row (not every group has it)
            marker = shapes[k] if series else "o"
            for i, g in enumerate(groups):
                if g not in rows.index:
                    continue
                row = rows.loc[g]
                colour = kind_colour[k] if series else (colour_of or {}).get(g, DARK)
                y = i + offset
                if np.isfinite(row["low"]) and np.isfinite(row["high"]):
                    ax.plot([row["low"], row["high"]], [y, y], color=colour, linewidth=2.5,
                            alpha=0.55, solid_capstyle="round")
                ax.plot(row["estimate"], y, marker, color=colour, markersize=7,
                        linestyle="none", label=shorten(k) if (series and not named) else None)
                named = True
                ax.text(1.01, y, _value_text(row, fmt), va="center", fontsize=size,
                        transform=ax.get_yaxis_transform())
        if reference is not None:
            ax.axvline(reference, color="#999999", linewidth=1, linestyle="--")
        if band is not None:
            ax.axvspan(*band, color="#E3E3E3", zorder=0, label=shorten(band_label) or None)
        for mark_label, value in (marks or {}).items():
            ax.axvline(value, color="#555555", linewidth=1.2, linestyle=":",
                       label=shorten(mark_label))
        ax.set_yticks(range(len(groups)), _labels(groups, labels))
        ax.invert_yaxis()
        ax.set_xlabel(xlabel)
        ax.grid(axis="y", visible=False)
        ax.set_title(title)
        fig.tight_layout()
        if series or (band is not None and band_label) or marks:
            _legend_below(fig, ax, ncol=min(3, (len(kinds) if series else 0)
                                            + bool(band_label) + len(marks or {})),
                          fontsize=SMALL)
    return set_note(fig, note if note is not None else _per_row_note(
        table["n_units"], unit, table["n_articles"] if "n_articles" in table else None))


def label_shares(table: pd.DataFrame, title: str, labels: Mapping | None = None,
                 note: str | None = None) -> Figure:
    """Stacked shares of negative / neutral / positive sentences per group, with n.

    The labels are categories, drawn in greys (dark negative, light neutral, mid positive)
    and named in the legend and on each segment: never a person's or an outlet's colour.
    """
    colours_ = {"negative": "#3A3A3A", "neutral": "#E3E3E3", "positive": "#9A9A9A"}
    with style():
        fig, ax = plt.subplots(figsize=(PAGE_WIDTH, rows_height(len(table), extra=1.6)))
        left = np.zeros(len(table))
        y = np.arange(len(table))
        for name, colour in colours_.items():
            ax.barh(y, table[name], left=left, color=colour, label=name, height=0.6,
                    edgecolor="white")
            for i, v in enumerate(table[name]):
                if v >= 0.08:
                    ax.text(left[i] + v / 2, i, f"{v:.0%}", ha="center", va="center",
                            fontsize=SMALL if len(table) <= 30 else 6,
                            color=text_colour_on(colour))
            left += table[name].to_numpy()
        for i, n in enumerate(table["n_units"]):
            ax.text(1.01, i, f"n={int(n)} sentences", va="center", fontsize=SMALL,
                    transform=ax.get_yaxis_transform())
        _share_rows(ax, _labels(table.index, labels), "Share of sentences (VADER compound ≥ "
                    "0.05 positive, ≤ −0.05 negative)", title)
        fig.tight_layout()
        _legend_below(fig, ax, ncol=3, fontsize=SMALL)
    return set_note(fig, note if note is not None else _per_row_note(table["n_units"],
                                                                     "sentences"))


def distributions(values: pd.DataFrame, by: str, value: str, xlabel: str, title: str,
                  colour_of=None, labels: Mapping | None = None,
                  note: str | None = None) -> Figure:
    """One box plot per group with every value drawn as a dot (jittered deterministically)."""
    groups = list(dict.fromkeys(values[by]))
    with style():
        fig, ax = plt.subplots(figsize=(PAGE_WIDTH, rows_height(len(groups), per_row=0.6,
                                                                extra=1.4)))
        data = [values.loc[values[by] == g, value].to_numpy() for g in groups]
        ax.boxplot(data, positions=range(len(groups)), orientation="horizontal", widths=0.5,
                   showfliers=False, medianprops={"color": "black"})
        rng = np.random.default_rng(0)  # fixed jitter: same figure every run
        for i, (g, d) in enumerate(zip(groups, data)):
            colour = (colour_of or {}).get(g, DARK)
            ax.plot(d, i + rng.uniform(-0.18, 0.18, len(d)), "o", color=colour, alpha=0.6,
                    markersize=4)
            ax.text(1.01, i, f"n={len(d)}, median {np.median(d):.0f}", va="center",
                    fontsize=SMALL, transform=ax.get_yaxis_transform())
        ax.set_yticks(range(len(groups)), _labels(groups, labels))
        ax.invert_yaxis()
        ax.set_xlabel(xlabel)
        ax.grid(axis="y", visible=False)
        ax.set_title(title)
        fig.tight_layout()
    if note is None:
        note = f"n = {len(values):,} sentences" + (
            f" in {values['doc_id'].nunique():,} articles" if "doc_id" in values else "")
    return set_note(fig, note)


def _top_columns(table: pd.DataFrame, k: int) -> pd.DataFrame:
    """At most ``k`` columns: the largest by total, the rest summed into "others"."""
    if table.shape[1] <= k:
        return table
    keep = table.sum().sort_values(ascending=False, kind="stable").index[:k - 1]
    kept = [c for c in table.columns if c in keep]
    rest = [c for c in table.columns if c not in keep]
    return table[kept].assign(**{f"others ({len(rest)})": table[rest].sum(axis=1)})


# The segments of a stacked bar are categories: greys from dark to light, hatched past
# the greys, never a person's or an outlet's colour.
STACK_PALETTE = ("#3A3A3A", "#BDBDBD", "#7A7A7A", "#E3E3E3", "#5C5C5C", "#A3A3A3")
STACK_HATCHES = ("", "///", "...", "xx")


def stacked(table: pd.DataFrame, title: str, xlabel: str, n: pd.Series | None = None,
            labels: Mapping | None = None, note: str | None = None,
            faint: pd.Series | None = None, faint_label: str = "") -> Figure:
    """Stacked horizontal bars of each row's shares (rows sum to 1), in category greys.

    Past the greys, segments are hatched; past 24 the smallest columns are summed into one
    "others" segment, so no two segments look alike; the legend names every segment.

    Parameters
    ----------
    n : pandas.Series, optional
        The count behind each row, printed at its right ("n=3").
    faint : pandas.Series of bool, optional
        Rows drawn lighter (a share of one or two events is not a share of many), with
        ``faint_label`` in the legend.
    """
    k = len(STACK_PALETTE) * len(STACK_HATCHES)
    table = _top_columns(table, k)
    dim = (faint.reindex(table.index).fillna(False).astype(bool).to_numpy()
           if faint is not None else np.zeros(len(table), dtype=bool))
    with style():
        fig, ax = plt.subplots(figsize=(PAGE_WIDTH, rows_height(len(table), per_row=0.6,
                                                                extra=2.6)))
        left = np.zeros(len(table))
        y = np.arange(len(table))
        for j, column in enumerate(table.columns):
            colour = STACK_PALETTE[j % len(STACK_PALETTE)]
            hatch = STACK_HATCHES[j // len(STACK_PALETTE)] or None
            values = table[column].to_numpy()
            for rows, alpha, label in ((~dim, 1.0, shorten(column)), (dim, 0.35, None)):
                if rows.any():
                    ax.barh(y[rows], values[rows], left=left[rows], label=label, height=0.6,
                            color=colour, edgecolor="white", hatch=hatch, alpha=alpha)
                elif label:  # the legend names every segment, even if every row is faint
                    ax.barh([], [], label=label, color=colour, hatch=hatch)
            left += values
        if dim.any() and faint_label:
            ax.barh([], [], color="#D6D6D6", label=shorten(faint_label))
        if n is not None:
            for i, v in enumerate(n.reindex(table.index)):
                ax.text(1.01, i, f"n={int(v)}", va="center", fontsize=SMALL,
                        transform=ax.get_yaxis_transform())
        _share_rows(ax, _labels(table.index, labels), xlabel, title)
        fig.tight_layout()
        _legend_below(fig, ax, ncol=3, fontsize=SMALL)
    if note is None:
        note = "" if n is None else _per_row_note(n.reindex(table.index), "sentences")
    return set_note(fig, note)

"""The book's charts. Each takes analysis tables and returns a matplotlib figure drawn in
the house style (:mod:`analysis.figures`); notebooks save them with
:func:`analysis.figures.save`.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.figures import LEADER_COLOURS, NEUTRAL, colours, style


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


def _share_rows(ax, labels, xlabel: str, title: str, legend_y: float | None = None,
                legend_size: float = 8) -> None:
    """Finish a horizontal chart of shares: one row per label, top to bottom, on 0–100%."""
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)
    ax.set_title(title)
    if legend_y is not None:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, legend_y), ncol=3, frameon=False,
                  fontsize=legend_size)


def speaker_shares(words: pd.DataFrame, totals: pd.Series, title: str) -> Figure:
    """Per article (rows), the share of its words quoted from each speaker.

    Parameters
    ----------
    words : pandas.DataFrame
        Quoted words, articles by speakers (:func:`analysis.voices.speaker_words`).
    totals : pandas.Series
        Words per article (the denominator), same index.
    """
    speakers = sorted(words.columns, key=lambda s: (s not in LEADER_COLOURS, s))
    palette = {s: LEADER_COLOURS.get(s) for s in speakers}
    greys = iter(["#7F7F7F", "#B0B0B0", "#4D4D4D", "#D0D0D0", "#999999", "#666666"])
    for s in speakers:
        palette[s] = palette[s] or next(greys, NEUTRAL)
    shares = words.div(totals, axis=0).reindex(totals.index).fillna(0)
    with style():
        fig, ax = plt.subplots(figsize=(9, 0.7 * len(shares) + 1.8))
        left = np.zeros(len(shares))
        y = np.arange(len(shares))
        for s in speakers:
            ax.barh(y, shares[s], left=left, color=palette[s], label=s, edgecolor="white",
                    height=0.6)
            left += shares[s].to_numpy()
        for i, total in enumerate(totals):
            ax.text(left[i] + 0.01, i, f"{left[i]:.0%} of {total:,} words", va="center",
                    fontsize=8)
        _share_rows(ax, totals.index, "Share of the article's words inside quotation marks, "
                    "by speaker", title, legend_y=-0.18)
        fig.tight_layout()
    return fig


def own_words(summary: pd.DataFrame, title: str) -> Figure:
    """Per person, the share of their speech events quoted directly (dot) with its 95%
    interval (line), and the counts behind it.

    Parameters
    ----------
    summary : pandas.DataFrame
        From :func:`analysis.voices.voice_summary` (index: person).
    """
    summary = summary[summary["events"] > 0]
    palette = {p: LEADER_COLOURS.get(p, "#4D4D4D") for p in summary.index}
    with style():
        fig, ax = plt.subplots(figsize=(8, 0.55 * len(summary) + 1.4))
        for i, (person, row) in enumerate(summary.iterrows()):
            ax.plot([row["low"], row["high"]], [i, i], color=palette[person], linewidth=2.5,
                    alpha=0.6, solid_capstyle="round")
            ax.plot(row["own_words"], i, "o", color=palette[person], markersize=8)
            quoted, reported = int(row["full"] + row["partial"]), int(row["reported"])
            ax.text(1.03, i, f"{quoted} quoted, {reported} reported",
                    va="center", fontsize=8, transform=ax.get_yaxis_transform())
        _share_rows(ax, summary.index, "Share of speech events in the person's own (quoted) "
                    "words, 95% interval", title)
        fig.tight_layout()
    return fig


def intervals(table: pd.DataFrame, xlabel: str, title: str, colour_of=None,
              reference: float | None = None, fmt: str = "{:.2f}",
              series: str | None = None) -> Figure:
    """Estimates with 95% intervals, one row per group, labelled with n.

    Parameters
    ----------
    table : pandas.DataFrame
        Index: group labels; columns ``estimate, low, high, n_units`` (and
        ``n_articles``); with ``series``, one row per (group, series) in long form
        with a ``group`` column, drawn as offset dots.
    colour_of : mapping, optional
        Colour per group (or per series).
    reference : float, optional
        A vertical line (0 for sentiment).
    """
    with style():
        groups = list(dict.fromkeys(table["group"] if series else table.index))
        kinds = list(dict.fromkeys(table[series])) if series else [None]
        fig, ax = plt.subplots(figsize=(8.5, 0.6 * len(groups) * (1 + 0.25 * (len(kinds) - 1))
                                        + 1.5))
        offsets = np.linspace(-0.18, 0.18, len(kinds)) if len(kinds) > 1 else [0.0]
        default = iter(["#4D4D4D", "#D55E00", "#0072B2", "#009E73"])
        kind_colour = {k: (colour_of or {}).get(k) or next(default) for k in kinds}
        for k, offset in zip(kinds, offsets):
            rows = table[table[series] == k].set_index("group") if series else table
            for i, g in enumerate(groups):
                if g not in rows.index:
                    continue
                row = rows.loc[g]
                colour = kind_colour[k] if series else (colour_of or {}).get(g, "#4D4D4D")
                y = i + offset
                if np.isfinite(row["low"]) and np.isfinite(row["high"]):
                    ax.plot([row["low"], row["high"]], [y, y], color=colour, linewidth=2.5,
                            alpha=0.55, solid_capstyle="round")
                ax.plot(row["estimate"], y, "o", color=colour, markersize=7,
                        label=k if (series and i == 0) else None)
                n_articles = row.get("n_articles", np.nan)
                note = f"n={int(row['n_units'])}" + (
                    f", {int(n_articles)} art." if pd.notna(n_articles) else "")
                ax.text(1.01, y, f"{fmt.format(row['estimate'])}  ({note})", va="center",
                        fontsize=7.5, transform=ax.get_yaxis_transform())
        if reference is not None:
            ax.axvline(reference, color="#999999", linewidth=1, linestyle="--")
        ax.set_yticks(range(len(groups)), groups)
        ax.invert_yaxis()
        ax.set_xlabel(xlabel)
        ax.grid(axis="y", visible=False)
        ax.set_title(title)
        if series:
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=len(kinds),
                      frameon=False, fontsize=8)
        fig.tight_layout()
    return fig


def label_shares(table: pd.DataFrame, title: str) -> Figure:
    """Stacked shares of negative / neutral / positive sentences per group, with n."""
    colours_ = {"negative": "#D55E00", "neutral": "#BBBBBB", "positive": "#0072B2"}
    with style():
        fig, ax = plt.subplots(figsize=(8.5, 0.55 * len(table) + 1.6))
        left = np.zeros(len(table))
        y = np.arange(len(table))
        for name, colour in colours_.items():
            ax.barh(y, table[name], left=left, color=colour, label=name, height=0.6,
                    edgecolor="white")
            for i, v in enumerate(table[name]):
                if v >= 0.08:
                    ax.text(left[i] + v / 2, i, f"{v:.0%}", ha="center", va="center",
                            fontsize=7.5, color="white" if name != "neutral" else "black")
            left += table[name].to_numpy()
        for i, n in enumerate(table["n_units"]):
            ax.text(1.01, i, f"n={int(n)} sentences", va="center", fontsize=7.5,
                    transform=ax.get_yaxis_transform())
        _share_rows(ax, table.index, "Share of sentences (VADER compound ≥ 0.05 positive, "
                    "≤ −0.05 negative)", title, legend_y=-0.22)
        fig.tight_layout()
    return fig


def distributions(values: pd.DataFrame, by: str, value: str, xlabel: str, title: str,
                  colour_of=None) -> Figure:
    """One box plot per group with every value drawn as a dot (jittered deterministically)."""
    groups = list(dict.fromkeys(values[by]))
    with style():
        fig, ax = plt.subplots(figsize=(8.5, 0.6 * len(groups) + 1.4))
        data = [values.loc[values[by] == g, value].to_numpy() for g in groups]
        ax.boxplot(data, positions=range(len(groups)), vert=False, widths=0.5,
                   showfliers=False, medianprops={"color": "black"})
        rng = np.random.default_rng(0)  # fixed jitter: same figure every run
        for i, (g, d) in enumerate(zip(groups, data)):
            colour = (colour_of or {}).get(g, "#4D4D4D")
            ax.plot(d, i + rng.uniform(-0.18, 0.18, len(d)), "o", color=colour, alpha=0.6,
                    markersize=4)
            ax.text(1.01, i, f"n={len(d)}, median {np.median(d):.0f}", va="center",
                    fontsize=7.5, transform=ax.get_yaxis_transform())
        ax.set_yticks(range(len(groups)), groups)
        ax.invert_yaxis()
        ax.set_xlabel(xlabel)
        ax.grid(axis="y", visible=False)
        ax.set_title(title)
        fig.tight_layout()
    return fig


def bar_panels(table: pd.DataFrame, value: str, title: str, xlabel: str,
               colour_of=None, reference: float | None = None, ncols: int = 3) -> Figure:
    """Small multiples: one panel per group of horizontal bars (token → value), with n.

    Parameters
    ----------
    table : pandas.DataFrame
        Long form with ``group, token, <value>, n_tokens``.
    """
    groups = list(dict.fromkeys(table["group"]))
    nrows = -(-len(groups) // ncols)
    per_panel = table.groupby("group").size().max()
    with style():
        fig, axes = plt.subplots(nrows, ncols, figsize=(3.4 * ncols, 0.28 * per_panel * nrows
                                                        + 1.2 * nrows), squeeze=False)
        lo = min(0.0, table[value].min())
        for ax, group in zip(axes.flat, groups):
            rows = table[table["group"] == group]
            colour = (colour_of or {}).get(group, "#4D4D4D")
            ax.barh(range(len(rows)), rows[value], color=colour, height=0.7, alpha=0.85)
            if {"low", "high"} <= set(rows.columns):  # 95% interval as a whisker
                ax.errorbar(rows[value], range(len(rows)),
                            xerr=[rows[value] - rows["low"], rows["high"] - rows[value]],
                            fmt="none", ecolor="black", elinewidth=0.8, capsize=2)
            ax.set_yticks(range(len(rows)), rows["token"], fontsize=8)
            ax.invert_yaxis()
            # Each panel its own scale: groups differ in size by orders of magnitude.
            top_here = rows["high"].max() if "high" in rows else rows[value].max()
            ax.set_xlim(min(lo, 0.0), max(top_here, reference or 0) * 1.12)
            if reference is not None:
                ax.axvline(reference, color="#999999", linestyle="--", linewidth=1)
            ax.grid(axis="y", visible=False)
            n = int(rows["n_tokens"].iloc[0])
            label = group if len(str(group)) <= 28 else str(group)[:26] + "…"
            ax.set_title(f"{label}\n(n = {n:,} tokens)", fontsize=9)
            ax.tick_params(axis="x", labelsize=8)
            ax.set_xlabel(xlabel, fontsize=8)
        for ax in list(axes.flat)[len(groups):]:
            ax.set_visible(False)
        fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=11)
        fig.tight_layout()
    return fig


def heatmap(matrix: pd.DataFrame, title: str, fmt: str = "{:.0%}", cmap: str = "Blues",
            xlabel: str = "", note: str = "") -> Figure:
    """A labelled heat map with each cell's value printed (colour-blind-safe sequential map)."""
    with style():
        fig, ax = plt.subplots(figsize=(min(1.3 * matrix.shape[1] + 3.5, 10),
                                        0.42 * matrix.shape[0] + 2.4))
        values = matrix.to_numpy(dtype=float)
        image = ax.imshow(values, cmap=cmap, aspect="auto", vmin=0,
                          vmax=np.nanmax(values) if np.isfinite(values).any() else 1)
        ax.set_xticks(range(matrix.shape[1]), matrix.columns, rotation=30, ha="right",
                      fontsize=8)
        ax.set_yticks(range(matrix.shape[0]), matrix.index, fontsize=8)
        top = np.nanmax(values) if np.isfinite(values).any() else 1
        for i in range(matrix.shape[0]):
            for j in range(matrix.shape[1]):
                v = values[i, j]
                ax.text(j, i, "" if np.isnan(v) else fmt.format(v), ha="center", va="center",
                        fontsize=7.5, color="white" if v > 0.6 * top else "black")
        ax.grid(False)
        ax.set_xlabel(xlabel)
        ax.set_title(title)
        fig.colorbar(image, ax=ax, fraction=0.03, pad=0.02)
        fig.tight_layout()
        if note:
            fig.text(0.0, 0.0, note, fontsize=7, va="top", color="#444444")
    return fig


def stacked(table: pd.DataFrame, title: str, xlabel: str, n: pd.Series | None = None) -> Figure:
    """Stacked horizontal bars of each row's shares (rows sum to 1), categorical colours."""
    palette = ["#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#BBBBBB",
               "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9"]
    with style():
        fig, ax = plt.subplots(figsize=(9, 0.6 * len(table) + 2.6))
        left = np.zeros(len(table))
        for k, column in enumerate(table.columns):
            ax.barh(range(len(table)), table[column], left=left, label=column, height=0.6,
                    color=palette[k % len(palette)], edgecolor="white")
            left += table[column].to_numpy()
        if n is not None:
            for i, v in enumerate(n.reindex(table.index)):
                ax.text(1.01, i, f"n={int(v)}", va="center", fontsize=7.5,
                        transform=ax.get_yaxis_transform())
        _share_rows(ax, table.index, xlabel, title, legend_y=-0.15, legend_size=7.5)
        fig.tight_layout()
    return fig


def leader_panels(frame_shares: pd.DataFrame, tone: pd.DataFrame, grade: pd.DataFrame,
                  n: pd.Series, title: str) -> Figure:
    """Small multiples, one row per leader: frames (heat map), tone and reading grade.

    Parameters
    ----------
    frame_shares : pandas.DataFrame
        Leaders by frames: share of the leader's quoted sentences carrying each frame.
    tone, grade : pandas.DataFrame
        Index: leaders; ``estimate, low, high``.
    n : pandas.Series
        Quoted sentences per leader (0 for a leader never quoted).
    """
    leaders = list(frame_shares.index)
    with style():
        fig = plt.figure(figsize=(12, 0.55 * len(leaders) + 3.2))
        grid = fig.add_gridspec(1, 3, width_ratios=[3.2, 1.2, 1.2], wspace=0.08)
        heat, ax_tone, ax_grade = (fig.add_subplot(grid[0, i]) for i in range(3))
        values = frame_shares.to_numpy(dtype=float)
        heat.imshow(np.nan_to_num(values), cmap="Blues", aspect="auto", vmin=0, vmax=1)
        for i in range(values.shape[0]):
            for j in range(values.shape[1]):
                if not np.isnan(values[i, j]):
                    heat.text(j, i, f"{values[i, j]:.0%}", ha="center", va="center",
                              fontsize=6.5, color="white" if values[i, j] > 0.6 else "black")
        heat.set_xticks(range(values.shape[1]), frame_shares.columns, rotation=40, ha="right",
                        fontsize=7.5)
        labels = [f"{who} (n={int(n.get(who, 0))})" for who in leaders]
        heat.set_yticks(range(len(leaders)), labels, fontsize=8.5)
        heat.grid(False)
        heat.set_title("Frames in their quoted sentences", fontsize=9.5)
        for ax, table, xlabel in ((ax_tone, tone, "mean VADER compound"),
                                  (ax_grade, grade, "Flesch–Kincaid grade")):
            for i, who in enumerate(leaders):
                if who not in table.index or not np.isfinite(table.loc[who, "estimate"]):
                    ax.text(0.5, i, "no quoted sentences", ha="center", va="center",
                            fontsize=7, color="#777777", transform=ax.get_yaxis_transform())
                    continue
                row = table.loc[who]
                colour = LEADER_COLOURS.get(who, "#4D4D4D")
                if np.isfinite(row["low"]):
                    ax.plot([row["low"], row["high"]], [i, i], color=colour, linewidth=2.5,
                            alpha=0.55)
                ax.plot(row["estimate"], i, "o", color=colour, markersize=7)
            ax.set_ylim(len(leaders) - 0.5, -0.5)
            ax.set_yticks(range(len(leaders)), [""] * len(leaders))
            ax.set_xlabel(xlabel, fontsize=8)
            ax.grid(axis="y", visible=False)
        ax_tone.axvline(0, color="#999999", linestyle="--", linewidth=1)
        ax_tone.set_title("Tone (95% interval)", fontsize=9.5)
        ax_grade.set_title("Reading grade (95% interval)", fontsize=9.5)
        fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=11)
        fig.subplots_adjust(left=0.17, right=0.98, bottom=0.3, top=0.85)
    return fig

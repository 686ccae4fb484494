"""Small multiples and heat maps: one panel per group, one cell per pair.

Like :mod:`analysis.charts`, each function takes analysis tables, returns a figure in the
house style and attaches the counts :func:`analysis.figures.save` prints under it. Panels
are added, never squeezed: the figure grows by a row of panels, a heat map with many
columns turns so that the long side runs down the page.
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.figures import (
    DARK,
    MAX_LABEL,
    OTHERS,
    PAGE_WIDTH,
    house_colours,
    rows_height,
    set_note,
    shorten,
    style,
)

BELOW = "#BBBBBB"  # a bar that does not reach the test's line (bar_panels' grey_below)


def bar_panels(table: pd.DataFrame, value: str, title: str, xlabel: str,
               colour_of=None, reference: float | None = None, ncols: int = 2,
               note: str | None = None, reference_label: str = "",
               few_tokens: int = 0, grey_below: float | None = None) -> Figure:
    """Small multiples: one panel per group of horizontal bars (token → value), with n.

    Two panels a row by default, so that the figure fits the book's page
    (:data:`analysis.figures.PAGE_WIDTH`) with labels that stay legible; more groups add
    rows. A panel's x label says "95% interval" only when that panel draws one.

    Parameters
    ----------
    table : pandas.DataFrame
        Long form with ``group, token, <value>, n_tokens`` (and ``low, high``: a 95%
        interval drawn as a whisker where it is finite; ``count``: how often the word
        occurs in the group, printed at the end of its bar).
    reference, reference_label : optional
        A dashed vertical line (z = 1.96) and the words printed beside it on each panel.
    few_tokens : int, optional
        A panel resting on fewer tokens says so in its title ("too few for a rate"): a
        rate per 1,000 tokens of a dozen tokens moves by a hundred with one word.
    grey_below : float, optional
        Bars whose value does not reach it are drawn in grey (:data:`BELOW`), not in the
        group's colour: words below z = 1.96 are drawn, but not as distinctive.

    Examples
    --------
    >>> t = pd.DataFrame({"group": ["A", "B"], "token": ["tea", "ale"], "per_1000": [5.0, 90.9],
    ...                   "n_tokens": [800, 11]})
    >>> fig = bar_panels(t, "per_1000", "Words", "per 1,000 tokens", few_tokens=100)
    >>> [ax.get_title("left").splitlines()[1] for ax in fig.axes]
    ['(n = 800 tokens)', '(n = 11 tokens: too few for a rate)']
    >>> plt.close(fig)
    >>> z = pd.DataFrame({"group": ["A", "A"], "token": ["tea", "ale"], "z": [2.5, 1.2],
    ...                   "n_tokens": [800, 800]})
    >>> fig = bar_panels(z, "z", "Words", "z", colour_of={"A": "#D55E00"}, grey_below=1.96)
    >>> from matplotlib.colors import to_hex
    >>> [to_hex(bar.get_facecolor()) for bar in fig.axes[0].patches]
    ['#d55e00', '#bbbbbb']
    >>> plt.close(fig)
    """
    groups = list(dict.fromkeys(table["group"]))
    ncols = max(1, min(ncols, len(groups)))
    nrows = -(-len(groups) // ncols)
    per_panel = table.groupby("group").size().max()
    with style():
        fig, axes = plt.subplots(nrows, ncols, figsize=(PAGE_WIDTH / 2 * ncols,
                                                        0.3 * per_panel * nrows + 1.45 * nrows),
                                 squeeze=False)
        lo = min(0.0, table[value].min())
        for ax, group in zip(axes.flat, groups):
            rows = table[table["group"] == group]
            colour = (colour_of or {}).get(group, DARK)
            fill = [colour if grey_below is None or v >= grey_below else BELOW
                    for v in rows[value]]
            ax.barh(range(len(rows)), rows[value], color=fill, height=0.7, alpha=0.85)
            known = pd.Series(False, index=rows.index)
            if {"low", "high"} <= set(rows.columns):  # 95% interval as a whisker
                known = np.isfinite(rows["low"]) & np.isfinite(rows["high"])
                if known.any():
                    ax.errorbar(rows.loc[known, value], np.flatnonzero(known.to_numpy()),
                                xerr=[rows.loc[known, value] - rows.loc[known, "low"],
                                      rows.loc[known, "high"] - rows.loc[known, value]],
                                fmt="none", ecolor="black", elinewidth=0.8, capsize=2)
            ax.set_yticks(range(len(rows)), [shorten(t, 24) for t in rows["token"]], fontsize=8)
            ax.invert_yaxis()
            # Each panel its own scale: groups differ in size by orders of magnitude.
            top_here = np.nanmax(rows["high"]) if "high" in rows and np.isfinite(
                rows["high"]).any() else rows[value].max()
            right = max(top_here, rows[value].max(), reference or 0) * 1.22
            ax.set_xlim(min(lo, 0.0), right)
            if "count" in rows:  # the raw count beside each bar: a rate of 2 in 11 is 2
                for i, (v, count) in enumerate(zip(rows[value], rows["count"])):
                    ax.text(max(v, 0) + right * 0.015, i, f"{int(count)}×", va="center",
                            fontsize=8, color="#333333")
            if reference is not None:
                ax.axvline(reference, color="#999999", linestyle="--", linewidth=1)
                if reference_label:
                    ax.text(reference, 1.0, f" {reference_label}", ha="left", va="bottom",
                            fontsize=8, color="#555555", transform=ax.get_xaxis_transform())
            ax.grid(axis="y", visible=False)
            n = int(rows["n_tokens"].iloc[0])
            few = ": too few for a rate" if n < few_tokens else ""
            ax.set_title(f"{shorten(group, 28)}\n(n = {n:,} tokens{few})", fontsize=9)
            ax.tick_params(axis="x", labelsize=8)
            ax.set_xlabel(f"{xlabel}, 95% interval" if known.any() else xlabel, fontsize=8)
        for ax in list(axes.flat)[len(groups):]:
            ax.set_visible(False)
        fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=11)
        fig.tight_layout()
    tokens = int(table.drop_duplicates("group")["n_tokens"].sum())
    return set_note(fig, note if note is not None else
                    f"n = {tokens:,} tokens in {len(groups):,} panels")


def heatmap(matrix: pd.DataFrame, title: str, fmt: str = "{:.0%}", cmap: str = "Blues",
            xlabel: str = "", note: str = "", max_columns: int = 12) -> Figure:
    """A labelled heat map with each cell's value printed (colour-blind-safe sequential map).

    With more than ``max_columns`` columns and fewer rows than columns the matrix is drawn
    transposed (the long side down the page, where the figure can grow); cells too small
    for their value leave it out (the CSV has it). ``note`` is printed under the figure by
    :func:`analysis.figures.save` (give the counts, e.g.
    :func:`analysis.figures.count_note`).
    """
    if matrix.shape[1] > max_columns and matrix.shape[0] < matrix.shape[1]:
        matrix = matrix.T
    n_rows, n_cols = matrix.shape
    wide = n_cols > max_columns
    with style():
        width = (min(0.9 * n_cols + 3.5, PAGE_WIDTH) if not wide
                 else min(0.32 * n_cols + 4.5, 18))
        fig, ax = plt.subplots(figsize=(width, 0.42 * n_rows + 2.4))
        values = matrix.to_numpy(dtype=float)
        top = np.nanmax(values) if np.isfinite(values).any() else 1
        image = ax.imshow(values, cmap=cmap, aspect="auto", vmin=0, vmax=top)
        upright = n_cols > 6  # more columns than slanted labels have room for
        # Each line of a label cut on its own: a count on a second line stays whole.
        ax.set_xticks(range(n_cols), ["\n".join(shorten(line, 30 if upright else MAX_LABEL)
                                                for line in str(c).split("\n"))
                                      for c in matrix.columns],
                      rotation=90 if upright else 30, ha="center" if upright else "right",
                      fontsize=7 if wide else 8.5)
        ax.set_yticks(range(n_rows), [shorten(i) for i in matrix.index], fontsize=8.5)
        if not wide:
            for i in range(n_rows):
                for j in range(n_cols):
                    v = values[i, j]
                    ax.text(j, i, "" if np.isnan(v) else fmt.format(v), ha="center",
                            va="center", fontsize=8, color="white" if v > 0.6 * top else "black")
        ax.grid(False)
        ax.set_xlabel(xlabel)
        ax.set_title(title)
        bar = fig.colorbar(image, ax=ax, fraction=0.03, pad=0.02)
        bar.ax.yaxis.set_major_formatter(lambda v, _: fmt.format(v))  # as the cells read
        fig.tight_layout()
    return set_note(fig, note)


def leader_panels(frame_shares: pd.DataFrame, tone: pd.DataFrame, grade: pd.DataFrame,
                  n: pd.Series, title: str, colour_of: Mapping[str, str] | None = None,
                  note: str | None = None) -> Figure:
    """Small multiples, one row per leader: frames (heat map), tone and reading grade.

    Parameters
    ----------
    frame_shares : pandas.DataFrame
        Leaders by frames: share of the leader's quoted sentences carrying each frame.
    tone, grade : pandas.DataFrame
        Index: leaders; ``estimate, low, high``.
    n : pandas.Series
        Quoted sentences per leader (0 for a leader never quoted).
    colour_of : mapping, optional
        Colour per leader; default their house colours, dark grey for the rest.
    """
    leaders = list(frame_shares.index)
    colour_of = house_colours(leaders) if colour_of is None else colour_of
    height = rows_height(len(leaders), extra=3.2)
    with style():
        fig = plt.figure(figsize=(12, height))
        grid = fig.add_gridspec(1, 3, width_ratios=[3.2, 1.2, 1.2], wspace=0.08)
        heat, ax_tone, ax_grade = (fig.add_subplot(grid[0, i]) for i in range(3))
        values = frame_shares.to_numpy(dtype=float)
        heat.imshow(np.nan_to_num(values), cmap="Blues", aspect="auto", vmin=0, vmax=1)
        for i in range(values.shape[0]):
            for j in range(values.shape[1]):
                if not np.isnan(values[i, j]):
                    heat.text(j, i, f"{values[i, j]:.0%}", ha="center", va="center",
                              fontsize=6.5, color="white" if values[i, j] > 0.6 else "black")
        heat.set_xticks(range(values.shape[1]), [shorten(c, 30) for c in frame_shares.columns],
                        rotation=40, ha="right", fontsize=7.5)
        labels = [f"{shorten(who, 28)} (n={int(n.get(who, 0))})" for who in leaders]
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
                colour = colour_of.get(who, DARK)
                colour = DARK if colour == OTHERS else colour
                if np.isfinite(row["low"]) and np.isfinite(row["high"]):
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
        # Margins in inches (those of six rows), so a taller figure does not waste them.
        fig.subplots_adjust(left=0.17, right=0.98, bottom=1.95 / height,
                            top=1 - 0.975 / height)
    return set_note(fig, note if note is not None else (
        f"n = {int(n.sum()):,} quoted sentences of {len(leaders):,} people "
        f"({int((n > 0).sum())} quoted)"))

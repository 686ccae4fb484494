"""The leaders' small multiples: one row per person, one panel per measure.

Draws what :func:`analysis.leaders.leader_profiles` computed, and nothing else: their own
words quoted (one dot per article, never a total over articles), and three dot-and-interval panels
(tone, a topic's share, reading grade). A dot without an interval is hollow: the person's
sentences are below the minimums of :mod:`analysis.stats`. Rows are labelled with the
person's name, nationality and counts, so colour is never the only cue, and the figure
grows by a row per person (legible from one person to twenty and more).
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from analysis.figures import DARK, OTHERS, rows_height, set_note, shorten, style

GREY_TEXT = "#6B6B6B"


def _row_label(name: str, row: pd.Series) -> str:
    """"Liz Truss (UK)" over "12 quoted sentences, 3 articles" (each line within the limit)."""
    who = shorten(f"{name} ({row['nationality']})" if row.get("nationality") else name, 40)
    n, m = int(row["sentences"]), int(row["sentence_articles"])
    counts = ("no quoted sentence" if n == 0 else
              f"{n} quoted sentence{'s' if n != 1 else ''}, {m} article{'s' if m != 1 else ''}")
    return f"{who}\n{counts}"


def _dots(ax, profiles: pd.DataFrame, prefix: str, colour_of: Mapping[str, str],
          fmt) -> None:
    """One dot per row with its interval line; hollow without an interval; value above."""
    for i, (name, row) in enumerate(profiles.iterrows()):
        estimate, low, high = row[prefix], row[f"{prefix}_low"], row[f"{prefix}_high"]
        if not np.isfinite(estimate):
            ax.text(0.5, i, "no quoted sentence", ha="center", va="center", fontsize=7.5,
                    color=GREY_TEXT, transform=ax.get_yaxis_transform())
            continue
        colour = colour_of.get(name, DARK)
        colour = DARK if colour == OTHERS else colour
        known = np.isfinite(low) and np.isfinite(high)
        if known:
            ax.plot([low, high], [i, i], color=colour, linewidth=2.5, alpha=0.55,
                    solid_capstyle="round")
        ax.plot([estimate], [i], "o", markersize=6.5, markeredgewidth=1.6, color=colour,
                markerfacecolor=colour if known else "white", linestyle="none")
        ax.annotate(fmt(row), (estimate, i), xytext=(0, 5.5), textcoords="offset points",
                    ha="center", va="bottom", fontsize=8, color="#333333")


def _finish(ax, n_rows: int, title: str, xlabel: str) -> None:
    ax.set_ylim(n_rows - 0.5, -0.68)
    ax.set_yticks(range(n_rows), [""] * n_rows)
    ax.tick_params(axis="y", length=0)
    ax.tick_params(axis="x", labelsize=8.5)
    ax.grid(axis="y", visible=False)
    ax.set_title(title, fontsize=10, loc="left")
    ax.set_xlabel(xlabel, fontsize=9)


def profile_panels(profiles: pd.DataFrame, title: str, topic: str,
                   colour_of: Mapping[str, str] | None = None,
                   band: tuple[float, float] | None = None, reference: float | None = None,
                   band_label: str = "", note: str | None = None,
                   per_article: pd.Series | None = None) -> Figure:
    """Small multiples of :func:`analysis.leaders.leader_profiles`, one row per person.

    Parameters
    ----------
    profiles : pandas.DataFrame
        From :func:`analysis.leaders.leader_profiles` (rows in the order to draw).
    title : str
        The figure's title (build it from the data: the number of people).
    topic : str
        The topic whose share the third panel shows (its name, for the panel title).
    colour_of : mapping, optional
        Colour per person (:func:`analysis.figures.colours`); others dark grey.
    band, reference, band_label : optional
        A benchmark for the reading grade: its middle half (shaded) and median (dashed),
        e.g. from :func:`analysis.grades.news_benchmark`.
    note : str, optional
        The counts line printed under the figure; by default computed from ``profiles``.
    per_article : pandas.Series, optional
        Quoted words per (person, article) (:func:`analysis.leaders.article_words`): the
        first panel then draws one dot per article, so that a person quoted in three
        articles is not set as one total against another's single article. Without it,
        one dot per person at their largest article (``most_in_article``) where known.
    """
    colour_of = colour_of or {}
    n_rows = len(profiles)
    if n_rows == 0:  # a statement, not four empty panels
        with style():
            fig, ax = plt.subplots(figsize=(8, 1.6))
            ax.set_axis_off()
            ax.text(0, 0.5, "No person to show: the metadata names no one, and no British or "
                    "American figure of the registry is quoted.", fontsize=10, wrap=True,
                    transform=ax.transAxes)
            fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=11)
        return set_note(fig, note if note is not None else "n = 0 people followed")
    rows_in = rows_height(max(n_rows, 1), per_row=0.55, extra=0.0)  # one panel's plot height
    top, gap, bottom = 1.0, 1.3, 1.25  # inches: title, between the two rows, legend
    height = top + 2 * rows_in + gap + bottom
    labels = [_row_label(n, r) for n, r in profiles.iterrows()]
    with style():
        fig = plt.figure(figsize=(8, height))
        grid = fig.add_gridspec(2, 2, wspace=0.06, hspace=gap / rows_in)
        axes = [fig.add_subplot(grid[i, j]) for i in range(2) for j in range(2)]
        words, tone, share, grade = axes
        for i, (name, row) in enumerate(profiles.iterrows()):
            colour = colour_of.get(name, DARK)
            colour = DARK if colour == OTHERS else colour
            if row["quotations"]:
                if per_article is not None and name in per_article.index.get_level_values(0):
                    values = per_article.xs(name, level=0).sort_values().to_numpy()
                else:
                    values = np.array([row.get("most_in_article", row["words"])])
                words.scatter(values, np.full(len(values), i), color=colour, s=30, zorder=3,
                              alpha=0.9)
                articles = int(row["quoted_in"])
                words.text(values.max(), i, f"  {int(values.max()):,}" + (
                    f" (largest of {articles} articles)" if articles > 1 else ""),
                    va="center", fontsize=8)
            else:
                words.text(0, i, " not quoted", va="center", fontsize=8, color=GREY_TEXT)
        most = (float(per_article.max()) if per_article is not None and len(per_article)
                else float(profiles.get("most_in_article", profiles["words"]).max()))
        most = most if most > 0 else 1.0
        words.set_xlim(-0.04 * most, most * 1.9)  # a dot at zero words stays whole
        _finish(words, n_rows, "Their words quoted,\none dot per article",
                "quoted words in the article")

        _dots(tone, profiles, "tone", colour_of, lambda r: f"{r['tone']:+.2f}")
        tone.axvline(0, color="#999999", linestyle="--", linewidth=1)
        tone.set_xlim(-1.05, 1.05)
        tone.set_xticks([-1, -0.5, 0, 0.5, 1])
        _finish(tone, n_rows, "Tone of their\nquoted sentences", "mean VADER compound")

        _dots(share, profiles, "topic", colour_of,
              lambda r: f"{int(r['topic_k'])} of {int(r['sentences'])}")
        share.set_xlim(-0.12, 1.08)
        share.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
        _finish(share, n_rows, "Their sentences that mention\n" + shorten(topic, 40),
                "share of their quoted sentences")

        _dots(grade, profiles, "grade", colour_of, lambda r: f"{r['grade']:.1f}")
        if band is not None:
            grade.axvspan(*band, color="#E3E3E3", zorder=0)
        if reference is not None:
            grade.axvline(reference, color="#999999", linestyle="--", linewidth=1)
        values = pd.concat([profiles[c] for c in ("grade", "grade_low", "grade_high")])
        values = [*values[np.isfinite(values.astype(float))], *(band or ()),
                  *([reference] if reference is not None else [])]
        grade.set_xlim(min(values, default=8.0) - 1.0, max(values, default=16.0) + 1.0)
        _finish(grade, n_rows, "Reading grade of their\nquoted sentences",
                "Flesch–Kincaid grade")
        for ax in (words, share):  # the left column names the rows; the right shares them
            ax.set_yticks(range(n_rows), labels, fontsize=8.5)

        fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=11)
        # Margins in inches, so a taller figure does not waste them.
        fig.subplots_adjust(left=0.3, right=0.98, bottom=bottom / height,
                            top=1 - top / height)
        handles = [Line2D([], [], marker="o", linestyle="none", color=DARK, markersize=6,
                          label="dot, line: estimate, 95% interval"),
                   Line2D([], [], marker="o", linestyle="none", color=DARK, markersize=6,
                          markerfacecolor="white", markeredgewidth=1.6,
                          label="hollow: too few for an interval")]
        if band is not None and band_label:
            handles.append(Patch(color="#E3E3E3", label=shorten(band_label)))
        fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.01, 0.05 / height),
                   ncol=2, frameon=False, fontsize=8.5)
    if note is None:
        quoted = int((profiles["quotations"] > 0).sum())
        note = (f"n = {int(profiles['words'].sum()):,} quoted words and "
                f"{int(profiles['sentences'].sum()):,} quoted sentences of {quoted} of "
                f"{n_rows} {'person' if n_rows == 1 else 'people'} followed")
    return set_note(fig, note)

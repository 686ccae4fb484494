"""The list of the book's figures, read from the chapters themselves.

Every figure is a ``{figure}`` directive in a chapter's markdown, pointing at
``../figures/<label>.png`` with a ``:name:``, an ``:alt:`` text and a caption;
:func:`figure_catalogue` collects them in book order, so the Figures page and the
tests never drift from the chapters.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import yaml

_FIGURE = re.compile(r"```\{figure\}\s+\.\./figures/([\w-]+)\.png\s*\n(.*?)```", re.S)


def chapter_order(root: str | Path = ".") -> list[Path]:
    """Notebook chapters in the order of ``_toc.yml``."""
    root = Path(root)
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    files = [c["file"] for part in toc.get("parts", []) for c in part.get("chapters", [])]
    return [root / f"{f}.ipynb" for f in files if (root / f"{f}.ipynb").exists()]


def figure_catalogue(root: str | Path = ".") -> pd.DataFrame:
    """One row per figure: ``label, name, chapter, title, caption, alt``, in book order.

    Examples
    --------
    >>> catalogue = figure_catalogue(".")
    >>> catalogue.loc[0, ["label", "name"]].tolist()  # doctest: +ELLIPSIS
    ['...', 'fig-...']
    """
    rows = []
    for notebook in chapter_order(root):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        markdown = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        heading = re.search(r"^# (.+)$", markdown, re.M)
        for label, body in _FIGURE.findall(markdown):
            options = dict(re.findall(r"^:(\w+):\s*(.*)$", body, re.M))
            caption = " ".join(line for line in body.splitlines()
                               if line.strip() and not line.startswith(":")).strip()
            title = re.split(r"(?<=[.:])\s", caption, maxsplit=1)[0].rstrip(".:")
            # Numbers glued in a caption come from its own chapter: say which.
            # (A cross-page glue role needs an explicit format: ":s" when there is none.)
            source = notebook.relative_to(root).as_posix()
            caption = re.sub(
                r"\{glue:(\w+)\}`([^`:]+)(:[^`]*)?`",
                lambda m, source=source: f"{{glue:{m.group(1)}}}`{source}::{m.group(2)}"
                                         f"{m.group(3) or ':s'}`", caption)
            rows.append({"label": label, "name": options.get("name", ""),
                         "chapter": heading.group(1) if heading else notebook.stem,
                         "title": title, "caption": caption, "alt": options.get("alt", "")})
    return pd.DataFrame(rows, columns=["label", "name", "chapter", "title", "caption", "alt"])


def catalogue_markdown(catalogue: pd.DataFrame, report: str, version: str, year: str,
                       folder: str = "figures") -> str:
    """The Figures page body, in MyST: each figure's number, caption, files and citation.

    ``folder`` is the figures folder relative to the page (the page sits at the book's
    root, after the chapters in Sphinx's reading order, so the files exist when it is read).
    """
    parts = []
    for row in catalogue.itertuples():
        files = " · ".join(f"[{kind}]({folder}/{row.label}.{ext})"
                           for kind, ext in (("PNG", "png"), ("SVG", "svg"),
                                             ("data (CSV)", "csv")))
        parts.append(
            f"**{{numref}}`{row.name}`** ({row.chapter}) — {row.caption}\n\n"
            f"Files: {files}\n\n"
            f"*Suggested citation:* The report team ({year}). *{report}*, version {version}, "
            f"{{numref}}`{row.name}`: {row.title}. File `figures/{row.label}.png`.\n"
        )
    return "\n---\n\n".join(parts)

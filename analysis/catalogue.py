"""The list of the book's figures, read from the chapters themselves, and how to cite them.

Every figure is a ``{figure}`` directive in a chapter's markdown, pointing at
``../figures/<label>.png`` with a ``:name:``, an ``:alt:`` text and a caption;
:func:`figure_catalogue` collects them in book order, so the Figures page, the figure
pack and the tests never drift from the chapters. :func:`report_citation` reads how to
cite the report from ``CITATION.cff``; :func:`write_figure_pack` puts every figure (PNG,
SVG, CSV) and a suggested citation for each into one reproducible zip.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import tomllib
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
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
    """One row per figure: ``label, name, document, chapter, title, caption, alt``, in book
    order (``document`` is the chapter's path without suffix, as Sphinx names it).

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
                         "document": notebook.relative_to(root).with_suffix("").as_posix(),
                         "chapter": heading.group(1) if heading else notebook.stem,
                         "title": title, "caption": caption, "alt": options.get("alt", "")})
    return pd.DataFrame(rows, columns=["label", "name", "document", "chapter", "title",
                                       "caption", "alt"])


@dataclass(frozen=True)
class Citation:
    """How to cite the report, as ``CITATION.cff`` says (the version is the package's)."""

    title: str
    authors: str
    year: str
    version: str
    kind: str = "Report"
    url: str = ""
    keywords: tuple[str, ...] = ()
    abstract: str = ""

    def text(self, emphasis: str = "", part: str = "") -> str:
        """The reference in author-year style; ``emphasis="*"`` italicises the title (MyST),
        ``part`` names a part of the report (a figure).

        Examples
        --------
        >>> Citation("A report", "The team", "2026", "1.0").text()
        'The team (2026). A report (version 1.0) [Report].'
        >>> Citation("A report", "The team", "2026", "1.0").text(part="Figure 2.1: Tone")
        'The team (2026). A report (version 1.0) [Report], Figure 2.1: Tone.'
        """
        part = f", {part}" if part else ""
        url = f" {self.url}" if self.url else ""
        return (f"{self.authors} ({self.year}). {emphasis}{self.title}{emphasis} "
                f"(version {self.version}) [{self.kind}]{part}.{url}")


def _authors(people: list[dict]) -> str:
    """CFF authors as 'Family, G.' for persons and their name for organisations."""
    names = []
    for person in people:
        if "family-names" in person:
            initials = " ".join(f"{g[0]}." for g in str(person.get("given-names", "")).split())
            names.append(f"{person['family-names']}, {initials}".rstrip(", "))
        else:
            names.append(str(person.get("name", "")))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " & " + names[-1]


def report_citation(root: str | Path = ".", version: str | None = None) -> Citation:
    """Read ``CITATION.cff`` (its ``preferred-citation`` first) into a :class:`Citation`.

    Examples
    --------
    >>> citation = report_citation(".")
    >>> citation.text().startswith(citation.authors)
    True
    """
    if version is None:
        from analysis import __version__ as version
    cff = yaml.safe_load((Path(root) / "CITATION.cff").read_text(encoding="utf-8"))
    preferred = cff.get("preferred-citation", {})
    year = preferred.get("year") or str(cff.get("date-released", ""))[:4]
    return Citation(title=preferred.get("title", cff["title"]),
                    authors=_authors(preferred.get("authors", cff["authors"])),
                    year=str(year), version=version,
                    kind=str(preferred.get("type", "report")).capitalize(),
                    url=str(preferred.get("url", cff.get("url", ""))),
                    keywords=tuple(cff.get("keywords", ())),
                    abstract=" ".join(str(cff.get("abstract", "")).split()))


def project_slug(root: str | Path = ".") -> str:
    """The report's short name, for file names: the Python project's name without its
    ``-analysis`` suffix (``special-relationship``)."""
    project = tomllib.loads((Path(root) / "pyproject.toml").read_text(encoding="utf-8"))
    return project["project"]["name"].removesuffix("-analysis")


def pack_path(root: str | Path = ".") -> Path:
    """Where the build writes the figure pack: ``_build/figure-pack/<slug>-figures.zip``
    (the Figures page links it from there, and Sphinx copies it into the book)."""
    return Path(root) / "_build" / "figure-pack" / f"{project_slug(root)}-figures.zip"


def figure_link(row, base_url: str = "") -> str:
    """Where a figure is in the built book: ``<base_url><document>.html#<name>``."""
    return f"{base_url}{row.document}.html#{row.name}"


def figure_citations(catalogue: pd.DataFrame, citation: Citation,
                     numbers: Mapping[str, str], base_url: str = "") -> str:
    r"""The pack's ``citations.txt``: one suggested citation per figure, in book order.

    ``numbers`` maps a figure's name (``fig-...``) to its number in the book (``"2.1"``);
    ``base_url`` is the book's public address, or empty when it has none (links are then
    relative to the book's root folder, and each figure is also named by its label).

    Examples
    --------
    >>> row = {"label": "a", "name": "fig-a", "document": "chapters/x", "chapter": "X",
    ...        "title": "Words", "caption": "Words.", "alt": ""}
    >>> text = figure_citations(pd.DataFrame([row]), Citation("R", "T", "2026", "1.0"),
    ...                         {"fig-a": "3.1"}, "https://example.org/book/")
    >>> print("\n".join(text.splitlines()[-4:]))
    Figure 3.1: Words
      T (2026). R (version 1.0) [Report], Figure 3.1: Words.
      https://example.org/book/chapters/x.html#fig-a
      Files: a.png, a.svg, a.csv
    """
    where = (f"Links point at the book at {base_url}." if base_url else
             "The book has no public web address yet (html.baseurl in _config.yml is "
             "empty), so links are relative to the built book's folder (_build/html/); "
             "each figure is also named by its label (fig-...), which does not change "
             "between versions.")
    lines = [f"Suggested citations for the figures of: {citation.title}",
             f"Version {citation.version}. Cite the report as:", "",
             f"  {citation.text()}", "", where]
    for row in catalogue.itertuples():
        figure = f"Figure {numbers[row.name]}" if row.name in numbers else row.name
        lines += ["", f"{figure}: {row.title}",
                  f"  {citation.text(part=f'{figure}: {row.title}')}",
                  f"  {figure_link(row, base_url)}",
                  f"  Files: {row.label}.png, {row.label}.svg, {row.label}.csv"]
    return "\n".join(lines) + "\n"


_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the zip format's epoch: no build date in the pack
_KINDS = ("png", "svg", "csv")


def _zip(entries: Mapping[str, bytes]) -> bytes:
    """Entries sorted by name, with a fixed date and permissions: same entries, same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as pack:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            # PNG is compressed already: stored, it costs no time to pack or unpack.
            info.compress_type = (zipfile.ZIP_STORED if name.endswith(".png")
                                  else zipfile.ZIP_DEFLATED)
            info.create_system = 3  # Unix, so the permissions below are read as such
            info.external_attr = 0o644 << 16
            pack.writestr(info, entries[name])
    return buffer.getvalue()


def figure_pack(catalogue: pd.DataFrame, citation: Citation, numbers: Mapping[str, str],
                figures: str | Path, stem: str, base_url: str = "",
                strict: bool = True) -> bytes:
    """Every figure of ``catalogue`` as PNG, SVG and CSV, with ``citations.txt``, in one zip.

    Entries sit in the folder ``stem``, sorted by name, with a fixed date and permissions,
    so the same figures give the same bytes. A figure whose file is missing is an error
    that names it (``strict=False`` leaves it out instead).

    Examples
    --------
    >>> import tempfile, zipfile, io
    >>> folder = Path(tempfile.mkdtemp())
    >>> for ext in ("png", "svg", "csv"):
    ...     _ = (folder / f"a.{ext}").write_bytes(b"x")
    >>> row = {"label": "a", "name": "fig-a", "document": "c", "chapter": "C",
    ...        "title": "T", "caption": "T.", "alt": ""}
    >>> pack = figure_pack(pd.DataFrame([row]), Citation("R", "A", "2026", "1"), {}, folder, "r")
    >>> zipfile.ZipFile(io.BytesIO(pack)).namelist()
    ['r/a.csv', 'r/a.png', 'r/a.svg', 'r/citations.txt']
    """
    figures = Path(figures)
    entries = {f"{stem}/citations.txt":
               figure_citations(catalogue, citation, numbers, base_url).encode("utf-8")}
    for row in catalogue.itertuples():
        for kind in _KINDS:
            path = figures / f"{row.label}.{kind}"
            if not path.is_file():
                if not strict:
                    continue
                raise FileNotFoundError(f"figure {row.name} ({row.chapter}): {path} is missing;"
                                        " build the book to draw it")
            entries[f"{stem}/{path.name}"] = path.read_bytes()
    return _zip(entries)


def write_figure_pack(path: str | Path, catalogue: pd.DataFrame, citation: Citation,
                      numbers: Mapping[str, str], figures: str | Path, stem: str,
                      base_url: str = "", strict: bool = True) -> bool:
    """Write :func:`figure_pack` to ``path`` unless it already holds those bytes, and its
    hash beside it (``<path>.sha256``, which the build's extension dates its check by).
    Returns whether the pack changed."""
    path = Path(path)
    content = figure_pack(catalogue, citation, numbers, figures, stem, base_url, strict)
    changed = write_if_changed(path, content)
    path.with_name(path.name + ".sha256").write_text(hashlib.sha256(content).hexdigest() + "\n")
    return changed


def write_if_changed(path: str | Path, content: bytes) -> bool:
    """Write ``content`` unless ``path`` already holds it (an unchanged file keeps its
    modification time, so Sphinx does not re-read the pages that link to it)."""
    path = Path(path)
    if path.is_file() and path.read_bytes() == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return True


def catalogue_markdown(catalogue: pd.DataFrame, citation: Citation,
                       pack: str | None = None, folder: str = "figures") -> str:
    """The Figures page body, in MyST: the figure pack, then each figure's number, caption,
    files and suggested citation.

    ``pack`` is the figure pack's path relative to the page (a download link); ``folder``
    is the figures folder relative to the page (the page sits at the book's root, after
    the chapters in Sphinx's reading order, so the files exist when it is read).
    """
    parts = []
    if pack:
        parts.append(f"**Every figure in one file:** {{download}}`{Path(pack).name} <{pack}>` "
                     "holds each figure as PNG, SVG and CSV, and `citations.txt`, a suggested "
                     "citation for each with a link to it in the book.\n")
    for row in catalogue.itertuples():
        files = " · ".join(f"[{kind}]({folder}/{row.label}.{ext})"
                           for kind, ext in (("PNG", "png"), ("SVG", "svg"),
                                             ("data (CSV)", "csv")))
        part = f"{{numref}}`{row.name}`: {row.title}"
        parts.append(
            f"**{{numref}}`{row.name}`** ({row.chapter}) — {row.caption}\n\n"
            f"Files: {files}\n\n"
            f"*Suggested citation:* {citation.text(emphasis='*', part=part)}\n"
        )
    return "\n---\n\n".join(parts)

"""The figure pack (a local Sphinx extension): one zip with every figure and its citation.

The Figures page links ``_build/figure-pack/<slug>-figures.zip``
(:func:`analysis.catalogue.pack_path`). It is written here, not by a notebook, because a
notebook's cached outputs would go stale when another chapter redraws its figures: before
reading (so the link resolves on a fresh build, and a pack changed since the last build
makes Sphinx re-read the Figures page and copy the pack again), and once every chapter has
run and Sphinx has numbered the figures, just before it copies the downloads into the book
(so the pack holds this build's files and numbers).

An unchanged build stays as fast as without the pack: when nothing the pack is made of is
newer than the hash written beside it, the ``analysis`` package (pandas and all) is not
even imported. Otherwise the pack is zipped again, and the file rewritten only if its
bytes changed (Sphinx re-reads the Figures page when it is).
"""

import importlib.util
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)
PACKS = Path("_build", "figure-pack")  # the folder of analysis.catalogue.pack_path (tested)
# The project itself: a build on another corpus reads its sources through links
# (tools/build.py), so the source folder has no analysis/ of its own.
PROJECT = Path(__file__).resolve().parent.parent


def figure_numbers(env) -> dict[str, str]:
    """Each figure's number as the book prints it (``fig-x`` -> ``"2.1"``)."""
    return {name: ".".join(map(str, number))
            for kinds in env.toc_fignumbers.values()
            for name, number in kinds.get("figure", {}).items()}


def _figures_dir(root: Path) -> Path:
    """This build's figures folder, from ``analysis/settings.py`` run on its own (importing
    it through the package would load the whole analysis stack)."""
    spec = importlib.util.spec_from_file_location("_report_settings",
                                                  PROJECT / "analysis" / "settings.py")
    settings = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(settings)
    return settings.figures_dir()


def _unchanged(root: Path, stamp: Path) -> bool:
    """True when no input of the pack is newer than its hash file."""
    if not stamp.is_file():
        return False
    inputs = [*_figures_dir(root).glob("*"), *(root / "chapters").glob("*.ipynb"),
              *(PROJECT / "analysis").glob("*.py"), *root.glob("*.ipynb"), root / "_toc.yml",
              root / "_config.yml", root / "CITATION.cff", root / "pyproject.toml",
              Path(__file__)]
    newest = max((p.stat().st_mtime_ns for p in inputs if p.is_file()), default=0)
    return newest <= stamp.stat().st_mtime_ns


def _write(app, final: bool) -> None:
    """Refresh the pack; ``final``: every figure must be there by now."""
    root = Path(app.srcdir)
    if app.builder.format != "html":
        return
    stamps = list((root / PACKS).glob("*.zip.sha256"))  # written with each pack
    if stamps and all(_unchanged(root, stamp) for stamp in stamps):
        return
    from analysis.catalogue import (  # noqa: PLC0415 (only when the pack may change)
        figure_catalogue,
        pack_path,
        project_slug,
        report_citation,
        write_figure_pack,
    )
    from analysis.settings import figures_dir  # noqa: PLC0415

    pack = pack_path(root)
    base_url = app.config.html_baseurl or ""
    if base_url and not base_url.endswith("/"):
        base_url += "/"
    try:
        # Before reading, a new figure may not be drawn yet: pack what exists.
        write_figure_pack(pack, figure_catalogue(root), report_citation(root),
                          figure_numbers(app.env), figures_dir(),
                          f"{project_slug(root)}-figures", base_url, strict=final)
    except FileNotFoundError as error:
        logger.warning(f"figure pack: {error}")


def setup(app):
    app.connect("builder-inited", lambda app: _write(app, final=False))
    # By then the figures are numbered, and the downloads not yet copied.
    app.connect("write-started", lambda app, builder: _write(app, final=True))
    return {"parallel_read_safe": True, "parallel_write_safe": True}

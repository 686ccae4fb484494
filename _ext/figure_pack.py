"""The figure pack (a local Sphinx extension): one zip with every figure and its citation.

The Figures page links ``_build/figure-pack/<slug>-figures.zip``
(:func:`analysis.catalogue.pack_path`). It is written here, not by a notebook, because a
notebook's cached outputs would go stale when another chapter redraws its figures: before
reading (so the link resolves on a fresh build) and again once every chapter has run and
Sphinx has numbered the figures (so the pack holds this build's files and numbers). Sphinx
copies it into the book when it writes the pages. An unchanged pack is not rewritten, so
an unchanged book is not re-read.
"""

from pathlib import Path

from sphinx.util import logging

from analysis.catalogue import (
    figure_catalogue,
    figure_pack,
    pack_path,
    project_slug,
    report_citation,
    write_if_changed,
)
from analysis.settings import figures_dir

logger = logging.getLogger(__name__)


def figure_numbers(env) -> dict[str, str]:
    """Each figure's number as the book prints it (``fig-x`` -> ``"2.1"``)."""
    return {name: ".".join(map(str, number))
            for kinds in env.toc_fignumbers.values()
            for name, number in kinds.get("figure", {}).items()}


def _write(app, final: bool) -> None:
    if app.builder.format != "html":
        return
    root = Path(app.srcdir)
    base_url = app.config.html_baseurl or ""
    if base_url and not base_url.endswith("/"):
        base_url += "/"
    try:
        # Before reading, a new figure may not be drawn yet: pack what exists.
        pack = figure_pack(figure_catalogue(root), report_citation(root),
                           figure_numbers(app.env), figures_dir(),
                           f"{project_slug(root)}-figures", base_url, strict=final)
    except FileNotFoundError as error:
        logger.warning(f"figure pack: {error}")
        return
    write_if_changed(pack_path(root), pack)


def setup(app):
    app.connect("builder-inited", lambda app: _write(app, final=False))
    app.connect("env-updated", lambda app, env: _write(app, final=True))
    return {"parallel_read_safe": True, "parallel_write_safe": True}

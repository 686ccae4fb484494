"""Accessibility fix-ups of the built HTML (a local Sphinx extension).

Sphinx writes bibliographies as ``<div role="list" class="citation-list">`` whose
children include plain links, which breaks the ARIA "list" contract (axe-core rule
``aria-required-children``, serious). The list is already visually a list of
entries, so the role is dropped from the written pages.
"""

from pathlib import Path

_BROKEN = '<div role="list" class="citation-list">'


def _fix(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if _BROKEN in text:
            page.write_text(text.replace(_BROKEN, '<div class="citation-list">'),
                            encoding="utf-8")


def setup(app):
    app.connect("build-finished", _fix)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

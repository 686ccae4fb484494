"""The appendix "The articles, annotated": one generated page per article (a Sphinx extension).

Before Sphinx looks for sources (``config-inited``), the pages are written to
``annotated/`` (git-ignored) from this build's corpus and its cached analysis
(:func:`analysis.book.load`), by :func:`analysis.appendix.article_pages`. A file is
rewritten only when its text changes, so an unchanged article is not re-read, and
pages of articles that left the corpus are deleted. ``_toc.yml`` lists the folder
with a glob.

Sphinx resolves the whole table of contents for every page's sidebar, so hundreds of
articles in it make the build grow with the square of the corpus. Beyond
:data:`NAV_LIMIT` articles the HTML build therefore takes them out of the table of
contents (the pages are orphans, reached from the index and from each other's
previous/next links); the single-page build keeps them, so that it holds every article.

The pages are raw HTML with two kinds of placeholder links, resolved here for the
builder at hand (``doctree-resolved``): ``#ref:<label>`` (a chapter's label, so a
renamed chapter is a build warning, not a dead link) and ``#doc:<docname>``. In the
single-page build (the PDF route) links into the annotated pages, from chapters
too, become links within the page.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging

logger = logging.getLogger(__name__)

FOLDER = "annotated"  # analysis.anchors.FOLDER
INDEX = f"{FOLDER}/index"
NAV_LIMIT = 40  # articles listed in the sidebar at most
_PLACEHOLDER = re.compile(r'href="#(ref|doc):([^"#]+)"')
_PAGE_LINK = re.compile(r'href="(?:\.\./)*' + FOLDER + r'/([a-z0-9-]+)\.html(#[^"]*)?"')
_INTRO = """\
Each article of the corpus as the analysis read it: the cleaned text, paragraph by
paragraph, with every quotation highlighted and credited to its speaker (the method is in
{{ref}}`chapter-who-speaks`), reported speech underlined, and beside each paragraph its
sentences' tone ({{ref}}`chapter-tone`) and frames and topics ({{ref}}`chapter-framing`).
What the cleaner removed from the saved page (navigation, captions, video players, notices)
is kept in grey boxes where it stood, each line with its reason, so nothing removed is hidden
({{ref}}`chapter-corpus` summarises the cleaning).

The pages are generated from the corpus at every build: {n} article{s}.
"""


def labels_for(sentences) -> dict[str, str]:
    """Which sentence columns the notes show, and as what: the frame lexicon's frames (0/1
    columns, as "frame"), the topics (0/1 columns named by their label, as "topic") and a
    ``primary_frame`` column (its value) when the sentences have one. Frames are shown by
    their names in the book (:func:`display_sentences`)."""
    from analysis.framing import load_frames
    from analysis.topics import topic_names

    labels = {"primary_frame": "primary frame"} if "primary_frame" in sentences else {}
    for name, spec in load_frames()["frames"].items():
        shown = spec.get("label") or name
        if shown in sentences.columns or name in sentences.columns:
            labels[shown if shown in sentences.columns else name] = "frame"
    labels.update({name: "topic" for name in topic_names() if name in sentences.columns})
    return labels


def display_sentences(sentences):
    """The sentence table with frames under their names in the book ("Security and
    defence", not ``security_defence``): frame columns renamed, primary frames mapped."""
    from analysis.framing import load_frames
    from analysis.framing_report import frame_label

    names = {name: frame_label(name) for name in load_frames()["frames"]
             if name in sentences.columns}
    shown = sentences.rename(columns=names)
    if "primary_frame" in shown:
        shown["primary_frame"] = shown["primary_frame"].map(
            lambda v: frame_label(v) if isinstance(v, str) and v else v)
    return shown


LINKS = {"quotation": "#ref:chapter-who-speaks", "reported speech": "#ref:chapter-who-speaks",
         "tone": "#ref:chapter-tone", "frame": "#ref:chapter-framing",
         "topic": "#ref:chapter-framing", "primary frame": "#ref:chapter-framing"}


def generate(srcdir: str | Path) -> dict[str, int]:
    """Write the pages under ``srcdir/annotated``; return the number of articles and of
    pages written, unchanged and deleted."""
    from analysis import appendix, book
    from analysis.audit import cleaning_audit

    data = book.load()
    audit = cleaning_audit(data.corpus)
    n = len(data.corpus)
    shown = display_sentences(data.result.sentences)
    pages = appendix.article_pages(data.corpus, shown, data.result.quotes,
                                   data.result.reports, audit, labels_for(shown), LINKS,
                                   orphan=n > NAV_LIMIT)
    pages["index"] = appendix.page_source(
        "The articles, annotated",
        appendix.index_html(data.corpus, data.result.quotes, audit),
        intro=_INTRO.format(n=n, s="s" * (n != 1)))
    folder = Path(srcdir) / FOLDER
    folder.mkdir(exist_ok=True)
    counts = {"articles": n, "written": 0, "unchanged": 0, "deleted": 0}
    for name, text in pages.items():
        path = folder / f"{name}.md"
        if path.exists() and path.read_text(encoding="utf-8") == text:
            counts["unchanged"] += 1
            continue
        path.write_text(text, encoding="utf-8")
        counts["written"] += 1
    for path in folder.glob("*.md"):
        if path.stem not in pages:
            path.unlink()
            counts["deleted"] += 1
    return counts


def _generate(app, config):
    counts = generate(app.srcdir)
    app.annotated_articles = counts["articles"]
    logger.info("[annotated] %(articles)d articles: %(written)d pages written, "
                "%(unchanged)d unchanged, %(deleted)d deleted", counts)


def _listed(app) -> bool:
    """Whether the articles are in the table of contents in this build (see the module)."""
    return app.builder.name == "singlehtml" or app.annotated_articles <= NAV_LIMIT


def _outdated(app, env, added, changed, removed):
    # The index is read again when the last reading listed the articles and this one must
    # not, or the reverse (an HTML build after a single-page one shares the environment).
    return [INDEX] if getattr(env, "annotated_listed", None) not in (None, _listed(app)) \
        else []


def _unlist(app, doctree):
    """Take the articles out of the index's table of contents, if they must not be listed."""
    if app.env.docname != INDEX:
        return
    app.env.annotated_listed = _listed(app)
    if app.env.annotated_listed:
        return
    for toctree in list(doctree.findall(addnodes.toctree)):
        wrapper = toctree.parent
        if isinstance(wrapper, nodes.compound) and len(wrapper.children) == 1:
            wrapper.parent.remove(wrapper)
        else:
            wrapper.remove(toctree)


def _url(app, fromdoc: str, kind: str, target: str) -> str | None:
    single = app.builder.name == "singlehtml"
    if kind == "doc":
        if target not in app.env.all_docs:
            return None
        return f"#document-{target}" if single else app.builder.get_relative_uri(fromdoc,
                                                                                 target)
    found = app.env.domains["std"].anonlabels.get(target)
    if found is None:
        return None
    docname, labelid = found
    if single:
        return f"#{labelid}"
    return app.builder.get_relative_uri(fromdoc, docname) + f"#{labelid}"


def _resolve(app, doctree, docname):
    if app.builder.format != "html":
        return
    single = app.builder.name == "singlehtml"
    for node in doctree.findall(nodes.raw):
        if "html" not in node.get("format", "").split():
            continue
        text = node.astext()
        if "#ref:" not in text and "#doc:" not in text and not (single and FOLDER in text):
            continue

        def placeholder(match, node=node):
            url = _url(app, docname, match.group(1), match.group(2))
            if url is None:
                logger.warning("annotated pages: no %s %r to link to", match.group(1),
                               match.group(2), location=node)
                return match.group(0)
            return f'href="{url}"'

        new = _PLACEHOLDER.sub(placeholder, text)
        if single:
            new = _PAGE_LINK.sub(lambda m: f'href="{m.group(2) or "#document-" + FOLDER + "/"}'
                                 f'{"" if m.group(2) else m.group(1)}"', new)
        if new != text:
            node.children = [nodes.Text(new)]


def _name_toggles(app, pagename, templatename, context, doctree):
    """Give the sidebar's expand buttons a name (axe-core ``summary-name``, serious).

    The theme shows an entry with pages under it (the articles' index) as a ``<summary>``
    holding only an icon; each gets "Show or hide the pages under <entry>".
    """
    generate = context.get("generate_toctree_html")
    if generate is None or getattr(generate, "names_toggles", False):
        return

    def named(*args, **kwargs):
        soup = generate(*args, **kwargs)
        for summary in getattr(soup, "select", lambda _: [])("summary"):
            if summary.get_text(strip=True) or summary.get("aria-label"):
                continue
            link = summary.parent.find_previous_sibling("a")
            entry = link.get_text(" ", strip=True) if link else "this entry"
            summary["aria-label"] = f"Show or hide the pages under {entry}"
        return soup

    named.names_toggles = True
    context["generate_toctree_html"] = named


def setup(app):
    app.connect("config-inited", _generate, priority=400)  # before sphinx-external-toc's
    app.connect("env-get-outdated", _outdated)
    app.connect("doctree-read", _unlist, priority=400)  # before the toctree is collected
    app.connect("doctree-resolved", _resolve)
    app.connect("html-page-context", _name_toggles, priority=600)  # after the theme's
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""A Content-Security-Policy for every page of the book, and a check of the written pages.

Corpus text reaches the pages (tables, quotations, captions). It is escaped where it
is displayed (``analysis.safe``); this extension is the second line of defence:

- Each page carries ``<meta http-equiv="Content-Security-Policy">`` first in its
  ``<head>``: scripts only from the book's own files (``'self'``) plus the inline
  scripts and ``onclick`` handlers the theme writes, each allowed by its SHA-256
  hash; no plugins, no ``<base>``, no form posts or fetches to other hosts.
- The hashes are computed at build time from the theme and its extensions, never
  from the page's content: the inline ``<script>`` blocks of the theme's templates
  (rendered with the page's context), the inline scripts extensions register with
  ``app.add_js_file(None, body=...)``, the theme's header buttons, and the
  ``kernelName`` line sphinx-thebe writes. A script injected through corpus text
  has no listed hash, so the browser refuses to run it.
- After the build, every written page is read back: an inline script or event
  handler whose hash the page's policy does not list, a ``javascript:`` URL, or an
  ``<iframe>``/``<object>``/``<embed>``/``<base>`` element is a build warning
  (an error under ``-W``) naming the page, so neither an injection nor a theme
  upgrade that needs a new hash can pass unnoticed.

Sphinx's search page shows section titles with ``innerHTML`` (``searchtools.js``), and
stores them as plain text; they are HTML-escaped as they enter the search index, so a
heading made from corpus text is shown as text there too.

A ``<meta>`` policy cannot set ``frame-ancestors``; a server that can send headers
should send the same policy as a header (see README, "Security model").
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)

# Everything not listed falls back to default-src 'self'.
BASE_POLICY = (
    ("default-src", "'self'"),
    ("style-src", "'self' 'unsafe-inline'"),  # pandas tables and the theme style inline
    ("img-src", "'self' data:"),
    ("font-src", "'self' data:"),
    ("object-src", "'none'"),
    ("frame-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "srcdoc",
                   "poster", "background"}
_FORBIDDEN_TAGS = {"iframe", "frame", "object", "embed", "base", "applet"}
# jupyter-book writes index.html as this one tag, after Sphinx: it needs no policy.
_LOCAL_REDIRECT = re.compile(r"0; url=[\w./-]+\.html")
_BUTTON_HANDLER = re.compile(r"""["']javascript["']\s*:\s*["']([^"'\n]+)["']""")
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.I)


def sha256_source(text: str) -> str:
    """A CSP hash source for a script or handler text: ``'sha256-<base64 digest>'``."""
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
    return f"'sha256-{digest}'"


def _is_javascript(attrs: str) -> bool:
    if re.search(r"\bsrc\s*=", attrs, re.I):
        return False
    kind = _TYPE.search(attrs)
    return (kind.group(1).lower() if kind else "") in _JS_TYPES


def _is_script_url(url: str) -> bool:
    # Browsers drop spaces and control characters (tabs, newlines) from URLs first.
    return re.sub(r"[\x00-\x20]", "", url).lower().startswith(
        ("javascript:", "vbscript:", "data:text/html"))


def template_scripts(folders) -> list[str]:
    """The inline JavaScript blocks (Jinja source) of the ``*.html`` templates in ``folders``."""
    bodies = []
    for folder in folders:
        for path in sorted(Path(folder).rglob("*.html")):
            text = path.read_text(encoding="utf-8", errors="replace")
            bodies += [m["body"] for m in _INLINE_SCRIPT.finditer(text)
                       if _is_javascript(m["attrs"])]
    return list(dict.fromkeys(bodies))


def _template_folders(app) -> list[str]:
    loaders = getattr(app.builder.templates, "loaders", [])
    return [folder for loader in loaders for folder in getattr(loader, "searchpath", [])]


def theme_handlers(package: str = "sphinx_book_theme") -> list[str]:
    """Every ``onclick`` the theme's header buttons can carry, read from its source.

    The same on every page: the search page parses other pages (to show excerpts)
    under its own policy, so it must allow the handlers of pages it has no button for.
    """
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return []
    found = []
    for folder in spec.submodule_search_locations:
        for path in sorted(Path(folder).rglob("*.py")):
            found += _BUTTON_HANDLER.findall(path.read_text(encoding="utf-8"))
    return list(dict.fromkeys(found))


def _button_handlers(buttons) -> list[str]:
    """The ``javascript`` of sphinx-book-theme's header buttons (nested in groups)."""
    found = []
    for button in buttons or []:
        if button.get("type") == "javascript" and button.get("javascript"):
            found.append(button["javascript"])
        found += _button_handlers(button.get("buttons"))
    return found


def _thebe_kernel(app, pagename: str) -> str:
    """The kernel name sphinx-thebe writes as ``kernelName = '…'`` (same rule as thebe)."""
    meta = app.env.metadata.get(pagename, {}) if app.env else {}
    if meta.get("thebe-kernel"):
        return meta["thebe-kernel"]
    spec = meta.get("kernelspec")
    if isinstance(spec, str):
        spec = json.loads(spec)
    return (spec or {}).get("name") or "python3"


def page_policy(app, pagename: str, context: dict) -> str:
    """The policy of one page, from the theme's templates, assets and buttons."""
    scripts = set()
    for body in app.builder.csp_template_scripts:
        try:
            scripts.add(app.builder.templates.render_string(body, context))
        except Exception:  # a block that needs a macro of its template: not on this page
            scripts.add(body)
    for asset in context.get("script_files", []):
        body = getattr(asset, "attributes", {}).get("body")
        if body and not getattr(asset, "filename", None):
            scripts.add(body)
    scripts.add(f"kernelName = '{_thebe_kernel(app, pagename)}'")
    handlers = set(app.builder.csp_handlers) | set(_button_handlers(context.get("header_buttons")))
    sources = ["'self'", "'report-sample'",
               *sorted(sha256_source(s) for s in scripts | handlers)]
    if handlers:
        sources.insert(1, "'unsafe-hashes'")  # hashes also cover the theme's onclick=
    directives = [*BASE_POLICY[:1], ("script-src", " ".join(sources)), *BASE_POLICY[1:]]
    return "; ".join(f"{name} {value}" for name, value in directives)


def _add_policy(app, pagename, templatename, context, doctree):
    if app.builder.format != "html":
        return
    policy = page_policy(app, pagename, context)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}" />\n'
    context["metatags"] = meta + context.get("metatags", "")


def _collect_templates(app):
    if app.builder.format == "html":
        app.builder.csp_template_scripts = template_scripts(_template_folders(app))
        app.builder.csp_handlers = theme_handlers()


class _PageAudit(HTMLParser):
    """What a browser could run on a page: inline scripts, handlers, URLs, the policy."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.policy = None
        self.scripts_before_policy = 0
        self.scripts, self.handlers, self.problems, self.tags = [], [], [], []
        self._script = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        self.tags.append(tag)
        if tag == "meta" and (values.get("http-equiv") or "").lower() \
                == "content-security-policy" and self.policy is None:
            self.policy = values.get("content") or ""
        if tag in _FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}> element")
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh" \
                and not _LOCAL_REDIRECT.fullmatch(values.get("content") or ""):
            self.problems.append(f"<meta http-equiv=refresh> to {values.get('content')!r}")
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"{name}={value or ''}")
            elif name in _URL_ATTRIBUTES and _is_script_url(value or ""):
                self.problems.append(f"{name}={value[:60]!r} on <{tag}>")
        if tag == "script":
            if self.policy is None:
                self.scripts_before_policy += 1
            kind = (values.get("type") or "").lower()
            self._script = [] if "src" not in values and kind in _JS_TYPES else None

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script":
            if self._script is not None:
                self.scripts.append("".join(self._script))
            self._script = None


def audit_page(text: str) -> list[str]:
    """Problems of one written page: what its own policy does not allow, and worse.

    Returns
    -------
    list of str
        One message per problem (empty when the page is clean).
    """
    audit = _PageAudit()
    audit.feed(text)
    audit.close()
    if audit.policy is None:
        return [] if audit.tags == ["meta"] and not audit.problems else \
            ["no Content-Security-Policy"]
    problems = list(audit.problems)
    if audit.scripts_before_policy:
        problems.append("a script comes before the Content-Security-Policy")
    allowed = set(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", audit.policy))
    for body in audit.scripts:
        if sha256_source(body) not in allowed:
            problems.append(f"inline script not from the theme: {body.strip()[:80]!r}")
    for handler in audit.handlers:
        value = handler.split("=", 1)[1]
        if "'unsafe-hashes'" not in audit.policy or sha256_source(value) not in allowed:
            problems.append(f"event handler not from the theme: {handler[:80]!r}")
    return problems


def _audit(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    for page in sorted(outdir.rglob("*.html")):
        if "_static" in page.relative_to(outdir).parts:
            continue
        for problem in audit_page(page.read_text(encoding="utf-8")):
            logger.warning("%s: %s", page.relative_to(outdir).as_posix(), problem,
                           type="csp", subtype="audit")


def _escape_search_titles(app, doctree, docname):
    """Wrap the search indexer (once) so that section titles enter it as escaped HTML.

    The page titles Sphinx indexes are HTML already; section titles are plain text that
    ``searchtools.js`` inserts with ``innerHTML``. Titles kept from an earlier build are
    already escaped, so only the titles of the pages written now are escaped.
    """
    indexer = getattr(app.builder, "indexer", None)
    if indexer is None or getattr(indexer, "_csp_escapes_titles", False):
        return
    feed = indexer.feed

    def feed_escaped(docname, filename, title, doctree):
        feed(docname, filename, title, doctree)
        titles = indexer._all_titles.get(docname, [])
        indexer._all_titles[docname] = [(html.escape(t, quote=False), i) for t, i in titles]

    indexer.feed = feed_escaped
    indexer._csp_escapes_titles = True


def setup(app):
    app.connect("builder-inited", _collect_templates)
    app.connect("doctree-resolved", _escape_search_titles)
    app.connect("html-page-context", _add_policy, priority=999)  # after every other addition
    app.connect("build-finished", _audit)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

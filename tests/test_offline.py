"""The built book loads nothing from other hosts."""

from html.parser import HTMLParser

import pytest

from .conftest import ROOT

HTML = ROOT / "_build" / "html"
EXTERNAL = ("http://", "https://", "//")


class _Resources(HTMLParser):
    """Collects src/href of the tags that make a browser fetch something, and the alt text
    of every image."""

    def __init__(self):
        super().__init__()
        self.found, self.images = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "video", "audio", "embed"):
            self.found.append((tag, attrs.get("src") or ""))
        elif tag == "link":
            self.found.append((tag, attrs.get("href") or ""))
        if tag == "img":
            self.images.append((attrs.get("src"), (attrs.get("alt") or "").strip()))


def parsed(page) -> _Resources:
    parser = _Resources()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def pages():
    if not HTML.is_dir():
        pytest.fail(f"{HTML} is missing: run `make book` first (make test does)")
    return sorted(p for p in HTML.rglob("*.html") if "_static" not in p.parts)


def test_no_page_loads_anything_from_another_host():
    offenders = []
    for page in pages():
        offenders += [(page.relative_to(HTML).as_posix(), tag, url)
                      for tag, url in parsed(page).found if url.lower().startswith(EXTERNAL)]
    assert offenders == []


def test_no_analytics_or_launch_buttons():
    for page in pages():
        text = page.read_text(encoding="utf-8")
        for marker in ("googletagmanager", "google-analytics", "plausible.io", "mybinder.org",
                       "colab.research.google.com", "launch-buttons"):
            assert marker not in text, (page.name, marker)


def test_every_image_has_alt_text():
    for page in pages():
        missing = [src for src, alt in parsed(page).images if len(alt) < 15]
        assert missing == [], (page.name, missing)


def test_every_page_carries_the_policy_and_only_the_theme_scripts_it_allows():
    import sys

    sys.path.insert(0, str(ROOT / "_ext"))
    import csp

    problems = {page.relative_to(HTML).as_posix(): csp.audit_page(page.read_text(encoding="utf-8"))
                for page in pages()}
    assert {name: found for name, found in problems.items() if found} == {}
    policies = [p for p in pages() if 'http-equiv="Content-Security-Policy"' in p.read_text()]
    assert len(policies) == len(pages()) - 1  # all but index.html, a bare redirect


def _audit(body, script="let theme = 1;", handler="window.print()"):
    import sys

    sys.path.insert(0, str(ROOT / "_ext"))
    import csp

    policy = (f"default-src 'self'; script-src 'self' 'unsafe-hashes' "
              f"{csp.sha256_source(script)} {csp.sha256_source(handler)}")
    page = (f'<html><head><meta http-equiv="Content-Security-Policy" content="{policy}">'
            f"<script>{script}</script></head><body>"
            f'<button onclick="{handler}">print</button>{body}</body></html>')
    return csp.audit_page(page)


@pytest.mark.parametrize("injected", [
    "<script>window.x=1</script>",
    '<img src="x" onerror="window.x=1">',
    '<a href="java\tscript:window.x=1">more</a>',
    '<a href="&#106;avascript:window.x=1">more</a>',
    '<iframe srcdoc="x"></iframe>',
    '<object data="x.swf"></object>',
    '<base href="https://example.invalid/">',
    '<meta http-equiv="refresh" content="0; url=javascript:x()">',
    '<button onclick="window.print();window.x=1">print</button>',
])
def test_the_page_audit_finds_what_the_theme_did_not_write(injected):
    assert _audit("<p>text</p>") == []
    assert _audit(injected) != []

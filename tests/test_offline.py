"""The built book loads nothing from other hosts."""

from html.parser import HTMLParser

import pytest

from .conftest import ROOT

HTML = ROOT / "_build" / "html"
EXTERNAL = ("http://", "https://", "//")


class _Resources(HTMLParser):
    """Collects src/href of the tags that make a browser fetch something."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "video", "audio", "embed"):
            self.found.append((tag, attrs.get("src") or ""))
        elif tag == "link":
            self.found.append((tag, attrs.get("href") or ""))


def pages():
    if not HTML.is_dir():
        pytest.fail(f"{HTML} is missing: run `make book` first (make test does)")
    return sorted(p for p in HTML.rglob("*.html") if "_static" not in p.parts)


def test_no_page_loads_anything_from_another_host():
    offenders = []
    for page in pages():
        parser = _Resources()
        parser.feed(page.read_text(encoding="utf-8"))
        offenders += [(page.relative_to(HTML).as_posix(), tag, url)
                      for tag, url in parser.found if url.lower().startswith(EXTERNAL)]
    assert offenders == []


def test_no_analytics_or_launch_buttons():
    for page in pages():
        text = page.read_text(encoding="utf-8")
        for marker in ("googletagmanager", "google-analytics", "plausible.io", "mybinder.org",
                       "colab.research.google.com", "launch-buttons"):
            assert marker not in text, (page.name, marker)


def test_every_image_has_alt_text():
    class Images(HTMLParser):
        def __init__(self):
            super().__init__()
            self.missing = []

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "img" and len((attrs.get("alt") or "").strip()) < 15:
                self.missing.append(attrs.get("src"))

    for page in pages():
        parser = Images()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.missing == [], (page.name, parser.missing)

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

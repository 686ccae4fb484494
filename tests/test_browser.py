"""The built book in a real browser (Debian's Chromium, driven by Playwright).

Every page renders, every image loads, only the book's own files are requested,
previous/next navigation works, search finds "special relationship", and an
axe-core audit finds no serious or critical accessibility violation. All of it runs
under the pages' Content-Security-Policy, which the theme never violates and which
blocks a script injected into a page. Without Chromium these tests skip with the
reason; with CI=true a missing browser fails.
"""

import contextlib
import functools
import http.server
import os
import shutil
import threading

import pytest

from .conftest import ROOT

HTML = ROOT / "_build" / "html"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
# Every Content-Security-Policy violation a page reports, with a sample of what was blocked.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__violations.push([e.violatedDirective, e.blockedURI, e.sample]));
"""


def toc_pages():
    """The book's pages in reading order, from the built navigation."""
    import yaml

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    return [f"{f}.html" for f in files]


def annotated_pages():
    """The generated article pages (annotated/, written by the build), listed or not."""
    folder = ROOT / "annotated"
    return sorted(f"annotated/{p.stem}.html" for p in folder.glob("*.md") if p.stem != "index")


@contextlib.contextmanager
def serve(folder):
    """The built book over HTTP on a free local port: yields its base URL."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


@contextlib.contextmanager
def chromium():
    """Debian's Chromium driven by Playwright; skips without it (fails with CI=true)."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium not found at {CHROMIUM}: .ci/run must install it")
        pytest.skip(f"Chromium not found at {CHROMIUM}: install Debian's chromium to run "
                    "the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture(scope="module")
def server():
    if not (HTML / "index.html").exists():
        pytest.fail(f"{HTML} is missing: run `make book` first (make test does)")
    with serve(HTML) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    tab = context.new_page()
    tab.requests, tab.failed = [], []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("response", lambda r: tab.failed.append(r.url) if r.status >= 400 else None)
    yield tab
    context.close()


@pytest.mark.parametrize("path", toc_pages() + annotated_pages())
def test_page_renders_with_its_images_and_only_local_requests(page, server, path):
    response = page.goto(f"{server}/{path}")
    page.wait_for_load_state("networkidle")
    assert response.ok
    assert page.locator("article h1").count() == 1
    images = page.evaluate("Array.from(document.images).map(i => [i.src, i.naturalWidth])")
    assert all(width > 0 for _, width in images), images
    foreign = [url for url in page.requests
               if not url.startswith((server, "data:", "blob:", "about:"))]
    assert foreign == []
    assert page.failed == [], page.failed  # every local file the page asks for exists
    assert page.evaluate("window.__violations") == []  # the theme runs within the policy


def test_chapters_show_their_figures(page, server):
    page.goto(f"{server}/chapters/corpus.html")
    figure = page.locator("figure img").first
    figure.scroll_into_view_if_needed()
    assert figure.is_visible()
    assert page.locator("table").first.is_visible()


def test_previous_and_next_navigation(page, server):
    pages = toc_pages()
    page.goto(f"{server}/{pages[1]}")
    page.locator("a.right-next").first.click()
    page.wait_for_load_state()
    assert page.url.endswith(pages[2])
    page.locator("a.left-prev").first.click()
    page.wait_for_load_state()
    assert page.url.endswith(pages[1])


def test_search_finds_the_special_relationship(page, server):
    page.goto(f"{server}/search.html?q=special+relationship")
    page.wait_for_selector("#search-results ul li", timeout=15000)
    results = page.locator("#search-results ul li")
    assert results.count() >= 3
    assert "framed" in page.locator("#search-results").inner_text() or results.count() >= 3
    page.wait_for_load_state("networkidle")  # excerpts are fetched from the other pages
    assert page.evaluate("window.__violations") == []


@pytest.mark.parametrize("path", toc_pages() + annotated_pages() + ["search.html"])
def test_no_serious_accessibility_violations(page, server, path):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(f"{server}/{path}")
    page.wait_for_load_state("networkidle")
    violations = Axe().run(page).response["violations"]
    serious = [(v["id"], v["impact"], len(v["nodes"])) for v in violations
               if v["impact"] in ("serious", "critical")]
    assert serious == []


def test_annotated_pages_exist():
    assert annotated_pages(), "annotated/ is empty: run `make book` first (make test does)"


@pytest.mark.parametrize("path", annotated_pages())
def test_annotated_page_keeps_speakers_and_removed_lines_in_print_and_without_colour(
        page, server, path):
    """Printed, nothing removed is hidden; with colours forced off, speakers stay named."""
    page.goto(f"{server}/{path}")
    labels = page.locator(".ann-who")
    removed = page.locator(".ann-removed li")
    page.emulate_media(media="print")
    assert all(removed.nth(i).is_visible() for i in range(removed.count()))
    page.emulate_media(media="screen", forced_colors="active")
    named = [labels.nth(i) for i in range(labels.count())]
    assert all(label.is_visible() and label.inner_text().strip() for label in named)
    quotations = page.evaluate("Array.from(document.querySelectorAll('[id]'))"
                               ".filter(e => /-q-[0-9]+$/.test(e.id)).length")
    assert labels.count() == quotations


def test_a_sentence_link_lands_on_the_sentence_below_the_header(page, server):
    path = annotated_pages()[-1]
    page.goto(f"{server}/{path}")
    last = page.locator(".ann-s").last
    anchor = last.get_attribute("id")
    page.goto(f"{server}/{path}#{anchor}")
    page.wait_for_load_state("networkidle")
    box = last.bounding_box()
    header = page.locator("header").first.bounding_box() or {"height": 0}
    assert header["height"] <= box["y"] < page.viewport_size["height"]
    outline = last.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline == "solid"  # the target sentence is marked


@pytest.mark.parametrize("path", toc_pages() + ["search.html", "genindex.html"])
def test_every_page_carries_a_strict_content_security_policy(page, server, path):
    page.goto(f"{server}/{path}")
    policy = page.evaluate("""document.head.querySelector(
        'meta[http-equiv="Content-Security-Policy"]').content""")
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
    script = directives["script-src"].split()
    assert "'unsafe-inline'" not in script and "'unsafe-eval'" not in script
    assert all(s in ("'self'", "'unsafe-hashes'", "'report-sample'") or s.startswith("'sha256-")
               for s in script), script
    first = page.evaluate("document.head.querySelector('meta[http-equiv], script').tagName")
    assert first == "META"  # the policy comes before any script


def test_theme_toggle_and_fullscreen_work_under_the_policy(page, server):
    page.goto(f"{server}/chapters/corpus.html")
    page.wait_for_load_state("networkidle")
    before = page.evaluate("document.documentElement.dataset.mode")
    page.locator("button.theme-switch-button").first.click()
    after = page.evaluate("document.documentElement.dataset.mode")
    assert after and after != before  # the theme's own inline script set it, then JS changed it
    page.locator("button.btn-fullscreen-button").first.click()  # an onclick= of the theme
    assert page.evaluate("window.__violations") == []


def test_an_injected_inline_script_is_blocked_and_reported(page, server):
    page.goto(f"{server}/chapters/appendix-quotes.html")
    page.wait_for_load_state("networkidle")
    page.evaluate("""() => {
        const script = document.createElement("script");
        script.textContent = "window.__injected = 'script'";
        document.body.appendChild(script);
        const box = document.createElement("div");
        box.innerHTML = '<img src="x.png" onerror="window.__injected = 1">';
        document.body.appendChild(box);
    }""")
    page.wait_for_function("window.__violations.length >= 2")
    assert page.evaluate("window.__injected") is None
    violations = page.evaluate("window.__violations")
    assert ["script-src-elem", "inline", "window.__injected = 'script'"] in violations
    assert ["script-src-attr", "inline", "window.__injected = 1"] in violations

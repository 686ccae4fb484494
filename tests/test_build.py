"""Building the book: one build at a time per folder, each corpus in its own folder."""

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from tools import build, inputs_changed

from .conftest import ROOT

HOLD = """
import sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from tools.build import build_lock
with build_lock(Path({folder!r}), Path("held-corpus")):
    print("locked", flush=True)
    time.sleep(60)
"""


@pytest.fixture
def holder(tmp_path):
    """A process holding the lock of ``tmp_path/_build``, as a running build would."""
    folder = tmp_path / "book" / "_build"
    process = subprocess.Popen([sys.executable, "-c", HOLD.format(root=str(ROOT),
                                                                  folder=str(folder))],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "locked"
    yield process, folder
    process.kill()
    process.wait()


def run_build(tmp_path, *options):
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    return subprocess.run([sys.executable, str(ROOT / "tools" / "build.py"), "--corpus",
                           str(corpus), "--out", str(tmp_path / "book"), *options],
                          capture_output=True, text=True, timeout=120)


def test_a_second_build_with_no_wait_refuses_naming_the_holder(tmp_path, holder):
    process, _ = holder
    result = run_build(tmp_path, "--no-wait")
    assert result.returncode == build.EXIT_LOCKED
    assert f"pid {process.pid}, started " in result.stderr and "held-corpus" in result.stderr
    assert "jupyter-book" not in result.stdout  # nothing was built


def test_a_second_build_waits_saying_who_holds_the_folder(tmp_path, holder):
    process, _ = holder
    started = time.monotonic()
    result = run_build(tmp_path, "--timeout", "2")
    assert time.monotonic() - started >= 2  # it waited
    assert "waiting: " in result.stdout and f"pid {process.pid}" in result.stdout
    assert result.returncode == build.EXIT_LOCKED and "after 2 s" in result.stderr


def test_the_lock_is_released_when_its_holder_dies(holder):
    process, folder = holder
    with pytest.raises(build.BuildLockedError, match=f"pid {process.pid}"):
        with build.build_lock(folder, ROOT / "seeds", wait=False):
            pass
    process.send_signal(signal.SIGKILL)
    process.wait()
    with build.build_lock(folder, ROOT / "seeds", wait=False):
        assert f"pid {os.getpid()}," in (folder / build.LOCK_NAME).read_text()


def test_two_builds_of_one_folder_run_one_after_the_other(hostile_build):
    first, second = hostile_build.first, hostile_build.second
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
    assert "waiting: " in second.stdout, second.stdout[:2000]
    assert f"pid {hostile_build.first_pid}, started" in second.stdout
    # The second found the first's caches whole: nothing to execute again.
    assert "Executing notebook" in first.stdout + first.stderr
    assert "Executing notebook" not in second.stdout + second.stderr


def test_seeds_build_where_it_always_has():
    plan = build.plan("seeds")
    assert (plan.source, plan.build, plan.figures) == (ROOT, ROOT / "_build", ROOT / "figures")
    assert plan.html == ROOT / "_build" / "html"
    assert plan.cache == ROOT / "_build" / ".analysis-cache"
    assert plan.environment()["REPORT_CORPUS"] == str(ROOT / "seeds")


def test_another_corpus_builds_in_a_folder_of_its_own(tmp_path):
    corpus = tmp_path / "news <i>2025"
    plan = build.plan(corpus)
    folder = ROOT / "_build" / "corpora" / "news--i-2025"
    assert (plan.source, plan.figures, plan.html) == (folder, folder / "figures",
                                                     folder / "_build" / "html")
    assert plan.cache == folder / "_build" / ".analysis-cache"
    assert ROOT / "figures" not in (plan.figures, plan.figures.parent)
    out = build.plan(corpus, out=tmp_path / "elsewhere")
    assert out.html == tmp_path / "elsewhere" / "_build" / "html"


def test_a_corpus_folder_links_to_the_book_sources(tmp_path):
    folder = tmp_path / "book"
    build.link_sources(folder)
    (folder / "gone.md").symlink_to(ROOT / "intro.md")  # a page the book no longer has
    build.link_sources(folder)  # twice: same result
    for source in build.book_sources():
        assert (folder / source.name).resolve() == source.resolve()
    assert {p.name for p in build.book_sources()} >= {"chapters", "_config.yml", "_toc.yml",
                                                     "findings.md", "list-of-figures.ipynb"}
    assert "README.md" not in {p.name for p in folder.iterdir()}
    assert not (folder / "gone.md").exists()
    assert (folder / "figures").is_dir() and not (folder / "figures").is_symlink()


def _stale_caches(build_dir):
    for name in (".jupyter_cache", ".doctrees"):
        (build_dir / name).mkdir(parents=True, exist_ok=True)


def test_inputs_changed_notices_another_corpus_and_an_edit_in_it(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    shutil.copytree(ROOT / "seeds", first)
    shutil.copytree(ROOT / "seeds", second)  # the same files, another folder
    build_dir = tmp_path / "_build"
    inputs_changed.main(build_dir, ROOT, first)
    _stale_caches(build_dir)
    inputs_changed.main(build_dir, ROOT, first)
    assert (build_dir / ".jupyter_cache").exists()  # unchanged: the cache is kept
    inputs_changed.main(build_dir, ROOT, second)
    assert not (build_dir / ".jupyter_cache").exists() and not (build_dir / ".doctrees").exists()
    _stale_caches(build_dir)
    with open(second / "metadata.csv", "a", encoding="utf-8") as f:
        f.write("\n")
    inputs_changed.main(build_dir, ROOT, second)
    assert not (build_dir / ".jupyter_cache").exists()



def test_editing_a_chapter_caption_re_executes_the_list_of_figures(tmp_path):
    """The list of figures reads the chapters' captions: jupyter-cache alone would keep its
    old output (and a stale glue) after a caption edit, as it sees only code changes."""
    shutil.copytree(ROOT / "chapters", tmp_path / "chapters")
    build_dir = tmp_path / "_build"
    inputs_changed.main(build_dir, tmp_path, ROOT / "seeds")
    _stale_caches(build_dir)
    inputs_changed.main(build_dir, tmp_path, ROOT / "seeds")
    assert (build_dir / ".jupyter_cache").exists()
    chapter = tmp_path / "chapters" / "tone.ipynb"
    text = chapter.read_text(encoding="utf-8")
    assert "{figure}" in text
    chapter.write_text(text.replace(":width: 100%", ":width: 99%", 1), encoding="utf-8")
    inputs_changed.main(build_dir, tmp_path, ROOT / "seeds")
    assert not (build_dir / ".jupyter_cache").exists()


def test_editing_an_extension_rewrites_every_page_without_re_executing(tmp_path):
    shutil.copytree(ROOT / "_ext", tmp_path / "_ext", ignore=shutil.ignore_patterns("__pycache__"))
    build_dir = tmp_path / "_build"
    inputs_changed.main(build_dir, tmp_path, ROOT / "seeds")
    _stale_caches(build_dir)
    inputs_changed.main(build_dir, tmp_path, ROOT / "seeds")
    assert (build_dir / ".doctrees").exists()
    with open(tmp_path / "_ext" / "csp.py", "a", encoding="utf-8") as f:
        f.write("\n")
    inputs_changed.main(build_dir, tmp_path, ROOT / "seeds")
    assert not (build_dir / ".doctrees").exists() and (build_dir / ".jupyter_cache").exists()

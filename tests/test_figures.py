"""The house style and deterministic figure files."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from analysis.figures import LEADER_COLOURS, OUTLET_COLOURS, colours, save, style  # noqa: E402


def draw():
    with style():
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.plot([1, 2, 3], [3, 1, 2], label="a line")
        ax.set_title("Test")
        ax.legend()
    return fig


def test_save_writes_byte_identical_png_and_svg(tmp_path):
    import pandas as pd

    data = pd.DataFrame({"x": [1, 2, 3], "y": [3.0, 1.0, 2.0 / 3]})
    first = save(draw(), "test-figure", data, tmp_path / "a")
    second = save(draw(), "test-figure", data, tmp_path / "b")
    assert (tmp_path / "a" / "test-figure.csv").read_bytes() == (
        tmp_path / "b" / "test-figure.csv").read_bytes()
    assert (tmp_path / "a" / "test-figure.csv").read_text().splitlines()[-1] == "2,3,0.666667"
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes()
    png, svg = first
    assert png.suffix == ".png" and svg.suffix == ".svg"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"Software" not in png.read_bytes()  # no matplotlib version stamp
    assert b"<dc:date>" not in svg.read_bytes()


def test_save_prints_the_source_line_once(tmp_path):
    fig = draw()
    save(fig, "source-line", directory=tmp_path)
    save(fig, "source-line", directory=tmp_path)
    assert sum("Corpus: seeds/" in t.get_text() for t in fig.texts) == 1


@pytest.mark.parametrize("label", ["Bad Label", "a/b", "", "-x"])
def test_save_refuses_unstable_labels(tmp_path, label):
    with pytest.raises(ValueError):
        save(draw(), label, directory=tmp_path)


def test_palettes_are_distinct_and_stable():
    assert len(set(LEADER_COLOURS.values())) == len(LEADER_COLOURS)
    assert len(set(OUTLET_COLOURS.values())) == len(OUTLET_COLOURS)
    assert not set(LEADER_COLOURS.values()) & set(OUTLET_COLOURS.values())
    new = colours(["Sky News", "New Outlet A", "New Outlet B"])
    assert new["Sky News"] == OUTLET_COLOURS["Sky News"]
    assert len(set(new.values())) == 3


def test_style_changes_no_global_state():
    before = dict(matplotlib.rcParams)
    with style():
        pass
    assert dict(matplotlib.rcParams) == before

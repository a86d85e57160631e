"""Plots: the files they write open as valid PNG or SVG of a sensible size."""

import xml.etree.ElementTree as ET

import pytest

pytest.importorskip("matplotlib")

from matplotlib import image as mpimg  # noqa: E402
from PIL import Image  # noqa: E402

from alignkg.graph import InvalidInputError  # noqa: E402
from alignkg.graph.analysis import fact_view, neighbourhood_view, plot_bloc, plot_neighbourhood  # noqa: E402

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG = "{http://www.w3.org/2000/svg}"


def _check_png(path):
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE
    with Image.open(path) as picture:
        picture.verify()
    with Image.open(path) as picture:
        width, height = picture.size
    assert width >= 300 and height >= 300
    pixels = mpimg.imread(path)
    assert pixels.shape[0] == height and pixels.shape[1] == width
    assert pixels.std() > 0  # not a blank canvas


def _check_svg(path):
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    assert root.get("width") and root.get("height")
    assert len(list(root.iter(f"{SVG}path"))) > 10


def test_plot_neighbourhood_png(seeded_kg, tmp_path):
    out = plot_neighbourhood(neighbourhood_view(seeded_kg, "Iran"), "Iran", tmp_path / "irn.png")
    assert out == tmp_path / "irn.png"
    _check_png(out)


def test_plot_neighbourhood_svg_and_format_option(seeded_kg, tmp_path):
    out = plot_neighbourhood(fact_view(seeded_kg), "IRN", tmp_path / "sub" / "irn.picture", format="svg")
    _check_svg(out)


def test_plot_neighbourhood_of_a_state_without_facts_still_draws(kg, tmp_path):
    _check_png(plot_neighbourhood(fact_view(kg), "PRK", tmp_path / "prk.png"))


def test_plot_bloc_matrix_png_and_svg(seeded_kg, tmp_path):
    report = seeded_kg.bloc(["RUS", "CHN", "PRK", "IRN"])
    _check_png(plot_bloc(report, tmp_path / "axis.png"))
    _check_svg(plot_bloc(report, tmp_path / "axis.svg"))


def test_plot_unknown_format_is_a_clear_error(seeded_kg, tmp_path):
    report = seeded_kg.bloc(["RUS", "IRN"])
    with pytest.raises(InvalidInputError, match="expected one of png, svg"):
        plot_bloc(report, tmp_path / "axis.jpg")
    assert not (tmp_path / "axis.jpg").exists()

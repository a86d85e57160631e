"""Pictures of the analysis: a state's neighbourhood and a bloc's pair matrix, as PNG or SVG.

matplotlib is an optional dependency: it is imported inside the functions, never at import
time, and drawn with the Agg canvas (no display, no pyplot state). This module draws what
the other analysis modules computed; it computes no score of its own.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from alignkg.graph.analysis.bloc import BlocReport
from alignkg.graph.analysis.views import DateLike, iter_facts, resolve_state
from alignkg.graph.errors import InvalidInputError
from alignkg.graph.ontology import QuadClass

__all__ = ["PLOT_FORMATS", "QUAD_CLASS_COLOURS", "plot_bloc", "plot_neighbourhood"]

#: The file formats the plots write.
PLOT_FORMATS = ("png", "svg")
#: The colour of each quad class: greens for cooperation, reds for conflict, grey for non-cooperation.
QUAD_CLASS_COLOURS: dict[QuadClass, str] = {
    QuadClass.MATERIAL_COOPERATION: "#1a9641",
    QuadClass.VERBAL_COOPERATION: "#a6d96a",
    QuadClass.VERBAL_CONFLICT: "#fdae61",
    QuadClass.MATERIAL_CONFLICT: "#d7191c",
    QuadClass.NON_COOPERATION: "#7f7f7f",
}


def _format(path: Path, format: str | None) -> str:
    chosen = (format or path.suffix.lstrip(".")).lower()
    if chosen not in PLOT_FORMATS:
        raise InvalidInputError(f"cannot plot to {str(path)!r} as {chosen or 'no format'!r}; "
                                f"expected one of {', '.join(PLOT_FORMATS)} (from --format or the file extension)")
    return chosen


def _require_matplotlib() -> None:
    """Check that matplotlib is installed, with a message that says how to install it.

    Raises:
        ImportError: matplotlib is not installed.
    """
    try:
        import matplotlib  # noqa: F401
    except ImportError as err:
        raise ImportError("plots need matplotlib: pip install matplotlib (or alignkg[plot])") from err


def _figure(width: float, height: float) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=100)
    FigureCanvasAgg(figure)
    return figure


def _save(figure: Any, path: Path, fmt: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format=fmt, bbox_inches="tight")
    return path


def plot_neighbourhood(G: Any, state: str, path: str | Path, *, format: str | None = None,
                       since: DateLike | None = None, until: DateLike | None = None) -> Path:
    """Draw ``state`` and its facts with every other state, edges coloured by quad class; return the file.

    The state sits in the middle and its counterparts on a circle around it; each fact is
    an arrow from subject to object (parallel facts are curved apart), coloured by its
    quad class, with a legend.

    Args:
        G: a fact view holding the state's facts (:func:`alignkg.graph.analysis.neighbourhood_view`).
        state: the state (code, name or alias).
        path: the file to write (``.png`` or ``.svg``).
        format: ``png`` or ``svg`` (default: from the extension).
        since: only facts last seen on or after this date.
        until: only facts first seen on or before this date.

    Raises:
        InvalidInputError: an unknown format.
        UnknownStateError: ``state`` names no state.
        ImportError: matplotlib is not installed.

    Example:
        >>> import tempfile
        >>> from alignkg.graph import KnowledgeGraph
        >>> from alignkg.graph.analysis import neighbourhood_view
        >>> with KnowledgeGraph.in_memory() as kg, tempfile.TemporaryDirectory() as folder:
        ...     _ = kg.ingest("Iran sold drones to Russia. Israel struck Iran.", id="a1")
        ...     out = plot_neighbourhood(neighbourhood_view(kg, "IRN"), "IRN", Path(folder) / "irn.png")
        ...     out.read_bytes()[:4] == bytes([0x89]) + b"PNG"
        True
    """
    _require_matplotlib()
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    path = Path(path)
    fmt = _format(path, format)
    centre = resolve_state(G, state)
    facts = sorted((f for f in iter_facts(G, since=since, until=until) if centre in (f.subject, f.object)),
                   key=lambda f: (f.other(centre), f.type.value, f.id))
    others = sorted({f.other(centre) for f in facts})
    position = {centre: (0.0, 0.0)}
    for i, other in enumerate(others):
        angle = 2 * math.pi * i / max(len(others), 1) + math.pi / 2
        position[other] = (math.cos(angle), math.sin(angle))
    figure = _figure(8, 8)
    axes = figure.add_subplot()
    parallel: dict[str, int] = {}
    for fact in facts:
        other = fact.other(centre)
        index = parallel.get(other, 0)
        parallel[other] = index + 1
        bend = 0.12 * ((index + 1) // 2) * (1 if index % 2 else -1)
        arrow = "-|>" if fact.oriented else "-"
        axes.add_patch(FancyArrowPatch(position[fact.subject], position[fact.object], arrowstyle=arrow,
                                       mutation_scale=18, linewidth=2.0, linestyle="--" if fact.hedged else "-",
                                       color=QUAD_CLASS_COLOURS[fact.quad_class], shrinkA=22, shrinkB=22,
                                       connectionstyle=f"arc3,rad={bend}"))
    for node, (x, y) in position.items():
        axes.scatter([x], [y], s=1600 if node == centre else 1000, color="#ffffff", edgecolors="#333333", zorder=3)
        axes.annotate(node, (x, y), ha="center", va="center", fontsize=11, zorder=4,
                      fontweight="bold" if node == centre else "normal")
    handles = [Line2D([0], [0], color=colour, linewidth=3, label=quad.value.replace("_", " "))
               for quad, colour in QUAD_CLASS_COLOURS.items()]
    axes.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    axes.set_xlim(-1.35, 1.35)
    axes.set_ylim(-1.35, 1.35)
    axes.set_aspect("equal")
    axes.axis("off")
    name = G.nodes[centre].get("name", centre) if centre in G else centre
    axes.set_title(f"{name} ({centre}): {len(facts)} fact(s) with {len(others)} state(s)")
    return _save(figure, path, fmt)


def plot_bloc(report: BlocReport, path: str | Path, *, format: str | None = None) -> Path:
    """Draw a bloc report's pair matrix: one cell per pair, coloured by its normalized score; return the file.

    Each cell gives the pair's score and its counts of material cooperation (M), verbal
    cooperation (V), conflict (C), military support (S) and non-intervention (N); the title
    is the verdict's headline and the cohesion figure.

    Args:
        report: the bloc report (:func:`alignkg.graph.analysis.bloc_report`).
        path: the file to write (``.png`` or ``.svg``).
        format: ``png`` or ``svg`` (default: from the extension).

    Raises:
        InvalidInputError: an unknown format.
        ImportError: matplotlib is not installed.

    Example:
        >>> import tempfile
        >>> import xml.etree.ElementTree as ET
        >>> from alignkg.graph import KnowledgeGraph
        >>> from alignkg.graph.analysis import bloc_report, bloc_view
        >>> with KnowledgeGraph.in_memory() as kg, tempfile.TemporaryDirectory() as folder:
        ...     _ = kg.ingest("Iran sold drones to Russia.", id="a1")
        ...     report = bloc_report(bloc_view(kg, ["RUS", "IRN", "CHN"]), ["RUS", "IRN", "CHN"])
        ...     out = plot_bloc(report, Path(folder) / "bloc.svg")
        ...     ET.parse(out).getroot().tag
        '{http://www.w3.org/2000/svg}svg'
    """
    _require_matplotlib()
    from matplotlib.colors import LinearSegmentedColormap

    path = Path(path)
    fmt = _format(path, format)
    members = report.members
    size = len(members)
    index = {m: i for i, m in enumerate(members)}
    matrix = [[math.nan] * size for _ in range(size)]
    labels: dict[tuple[int, int], str] = {}
    for pair in report.pairs:
        i, j = index[pair.a], index[pair.b]
        matrix[i][j] = matrix[j][i] = pair.dyad.normalized
        text = "no facts" if pair.dyad.is_empty else (
            f"{pair.dyad.score:+.1f}\nM{len(pair.material_cooperation)} V{len(pair.verbal_cooperation)} "
            f"C{len(pair.conflict)}\nS{len(pair.military_support)} N{len(pair.non_intervention)}")
        labels[(i, j)] = labels[(j, i)] = text
    colours = LinearSegmentedColormap.from_list("alignkg", [QUAD_CLASS_COLOURS[QuadClass.MATERIAL_CONFLICT],
                                                            "#f7f7f7",
                                                            QUAD_CLASS_COLOURS[QuadClass.MATERIAL_COOPERATION]]
                                               ).with_extremes(bad="#dddddd")
    cell = max(1.3, 7.0 / size)
    figure = _figure(cell * size + 2.5, cell * size + 1.5)
    axes = figure.add_subplot()
    image = axes.imshow(matrix, cmap=colours, vmin=-1.0, vmax=1.0)
    for (i, j), text in labels.items():
        axes.text(j, i, text, ha="center", va="center", fontsize=9)
    axes.set_xticks(range(size), labels=list(members))
    axes.set_yticks(range(size), labels=list(members))
    figure.colorbar(image, ax=axes, label="normalized pair score", fraction=0.046, pad=0.04)
    axes.set_title(f"{report.headline}\ncohesion {report.cohesion:+.2f} over {len(report.pairs)} pairs",
                   fontsize=11)
    return _save(figure, path, fmt)

"""``alignkg analyse``: the bloc test, pair scores and network views, as readable tables or JSON.

A typer sub-app (``app``) registered by the root app; each command opens the store, calls one
function of ``alignkg.graph.analysis`` (through ``KnowledgeGraph`` where it has a wrapper) and prints
the dataclass it returns. Scores, verdicts and every loop over facts live in ``graph``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from alignkg.app.cli.graph import StoreOption, open_graph
from alignkg.graph import AlignkgError, NotFoundError

if TYPE_CHECKING:  # the analysis imports networkx: only the commands that run it import it
    from alignkg.graph import Claim, KnowledgeGraph
    from alignkg.graph.analysis import (
        BlocReport,
        Centrality,
        Community,
        DyadScore,
        DyadTrend,
        PartnerAdversary,
        SupplyChain,
        Weights,
    )

app = typer.Typer(
    name="analyse",
    help="Analyse alignment: the bloc test of a claimed bloc, pair scores and trends, communities, centrality, "
         "arms supply chains and adversaries of partners (docs/analysis.md).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(StrEnum):
    """How results are printed."""

    TABLE = "table"
    JSON = "json"


FormatOption = Annotated[OutputFormat, typer.Option("--format", help="table or json.")]
SinceOption = Annotated[str | None, typer.Option(help="Only facts last seen on or after this date (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option(help="Only facts first seen on or before this date (YYYY-MM-DD).")]
WeightOption = Annotated[list[str] | None, typer.Option(
    "--weight", help="Override a weight, name=value: a quad class (material_cooperation=3), an edge type "
                     "(arms_transfer=2.5) or hedged=0.5. Repeatable.")]
StatesArgument = Annotated[list[str] | None, typer.Argument(help="The members: codes, names or aliases.")]
ClaimOption = Annotated[str | None, typer.Option(
    "--claim", help="Use the members of a stored claim: its number N in `alignkg analyse claims`, or its id.")]


@contextmanager
def reporting(command: str) -> Iterator[None]:
    """Print an alignkg error on stderr and exit 1."""
    try:
        yield
    except AlignkgError as err:
        typer.echo(f"alignkg {command}: {err}", err=True)
        raise typer.Exit(code=1) from err


def weights_of(options: list[str] | None) -> Weights:
    from alignkg.graph.analysis import Weights

    return Weights.parse(options or [])


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    cells = [[str(c) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    return "\n".join(lines)


def _signed(value: float, digits: int = 1) -> str:
    """``+2.0``, ``-0.5``, and ``0.0`` without a sign."""
    value = round(value, digits) + 0.0
    return f"{value:.{digits}f}" if value == 0 else f"{value:+.{digits}f}"


def _emit(format: OutputFormat, data: Any, render: Callable[[], str]) -> None:
    if format is OutputFormat.JSON:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        typer.echo(render())


def members_of(kg: KnowledgeGraph, states: list[str] | None, claim: str | None) -> Sequence[str] | Claim:
    if claim is None:
        return states or []
    if states:
        raise typer.BadParameter("give either states or --claim, not both")
    try:
        return kg.claim(claim)
    except NotFoundError as err:
        raise typer.BadParameter(f"{err} (see `alignkg analyse claims`)") from None


def render_bloc(report: BlocReport) -> str:
    """Return a bloc report as a readable table, the verdict and the facts behind the numbers."""
    title = f"bloc {', '.join(report.members)}"
    if report.claimants:
        title += f" (claimed by {', '.join(report.claimants)})"
    rows: list[tuple[object, ...]] = [
        (f"{p.a}-{p.b}", _signed(p.dyad.score), _signed(p.dyad.normalized, 2), len(p.material_cooperation),
         len(p.verbal_cooperation), len(p.conflict), len(p.military_support), len(p.non_intervention),
         "no facts" if p.dyad.is_empty else "")
        for p in report.pairs]
    total = len(report.pairs)
    rows.append(("all pairs", "", _signed(report.cohesion, 2), f"{report.material_cooperation.count}/{total}",
                 f"{report.verbal_cooperation.count}/{total}", f"{report.conflict.count}/{total}",
                 f"{report.military_support.count}/{total}", report.non_intervention.count, "cohesion"))
    lines = [title, "", _table(("pair", "score", "norm", "material", "verbal", "conflict", "mil.support",
                                "non-interv.", "note"), rows), "", f"verdict: {report.verdict}"]
    facts = [(p.a, p.b, c.fact, c.weight) for p in report.pairs for c in p.dyad.contributions]
    strikes = {s.id: s for r in report.responses for s in r.strikes}
    if facts or strikes:
        lines += ["", "facts (ids for `kg.fact(id)`):"]
        lines += [f"  {f.id}  {_signed(w):>4}  {f.describe()}" for _, _, f, w in facts]
        lines += [f"  {s.id}        {s.describe()} (context)" for s in strikes.values()]
    return "\n".join(lines)


@app.command("bloc")
def bloc(states: StatesArgument = None, claim: ClaimOption = None, since: SinceOption = None,
         until: UntilOption = None, weight: WeightOption = None, format: FormatOption = OutputFormat.TABLE,
         store: StoreOption = None) -> None:
    """Test a claimed bloc: per pair cooperation, conflict, aid and non-intervention; cohesion; verdict."""
    with open_graph(store) as kg, reporting("analyse bloc"):
        report = kg.bloc(members_of(kg, states, claim), weights=weights_of(weight), since=since, until=until)
    _emit(format, report.to_dict(), lambda: render_bloc(report))


def render_dyad(score: DyadScore) -> str:
    """Return a pair score as its summary and one row per fact."""
    lines = [score.summary]
    if not score.is_empty:
        rows = [(c.fact.type.value, _signed(c.weight), c.fact.describe(),
                 c.fact.first_seen or "", c.fact.last_seen or "", c.fact.evidence, c.fact.id)
                for c in score.contributions]
        lines += ["", _table(("type", "weight", "fact", "first seen", "last seen", "evidence", "id"), rows)]
    return "\n".join(lines)


@app.command("dyad")
def dyad(a: Annotated[str, typer.Argument(help="A state.")], b: Annotated[str, typer.Argument(help="Another state.")],
         since: SinceOption = None, until: UntilOption = None, weight: WeightOption = None,
         format: FormatOption = OutputFormat.TABLE, store: StoreOption = None) -> None:
    """Score the alignment of two states, with every fact behind the score."""
    with open_graph(store) as kg, reporting("analyse dyad"):
        score = kg.dyad(a, b, weights=weights_of(weight), since=since, until=until)
    _emit(format, score.to_dict(), lambda: render_dyad(score))


def render_trend(trend: DyadTrend) -> str:
    """Return a trend as one row per period."""
    lines = [f"{trend.a} and {trend.b} by {trend.by}"]
    if trend.points:
        lines += ["", _table(("period", "score", "facts"), [(p.period, _signed(p.score), len(p.facts))
                                                            for p in trend.points])]
    else:
        lines.append("no dated facts")
    if trend.undated:
        lines.append(f"undated facts (in no period): {len(trend.undated)}")
    return "\n".join(lines)


@app.command("trend")
def trend(a: Annotated[str, typer.Argument(help="A state.")], b: Annotated[str, typer.Argument(help="Another state.")],
          by: Annotated[str, typer.Option(help="year or month.")] = "year", since: SinceOption = None,
          until: UntilOption = None, weight: WeightOption = None, format: FormatOption = OutputFormat.TABLE,
          store: StoreOption = None) -> None:
    """Show how the score of two states moves by year or month (from first and last seen dates)."""
    with open_graph(store) as kg, reporting("analyse trend"):
        result = kg.dyad_trend(a, b, by=by, weights=weights_of(weight), since=since, until=until)
    _emit(format, result.to_dict(), lambda: render_trend(result))


@app.command("claims")
def claims(since: SinceOption = None, until: UntilOption = None, weight: WeightOption = None,
           format: FormatOption = OutputFormat.TABLE, store: StoreOption = None) -> None:
    """List the stored claims of alignment, each with the verdict of its bloc test."""
    with open_graph(store) as kg, reporting("analyse claims"):
        weights = weights_of(weight)
        reports = [kg.bloc(c, weights=weights, since=since, until=until) for c in kg.claims()]
    data = [r.to_dict() for r in reports]

    def render() -> str:
        if not reports:
            return "no claims stored"
        lines = []
        for n, r in enumerate(reports, 1):
            lines.append(f"{n}. {', '.join(r.members)} (claimed by {', '.join(r.claimants) or 'unknown'}): "
                         f"cohesion {_signed(r.cohesion, 2)}")
            lines.append(f"   {r.verdict}")
        return "\n".join(lines)

    _emit(format, data, render)


@app.command("communities")
def communities(seed: Annotated[int, typer.Option(help="Seed of the Louvain method.")] = 0,
                resolution: Annotated[float, typer.Option(help="Louvain resolution (>1: smaller groups).")] = 1.0,
                since: SinceOption = None, until: UntilOption = None, weight: WeightOption = None,
                format: FormatOption = OutputFormat.TABLE, store: StoreOption = None) -> None:
    """Find communities of cooperation (Louvain on the pairs' cooperation weights)."""
    with open_graph(store) as kg, reporting("analyse communities"):
        found: tuple[Community, ...] = kg.communities(weights=weights_of(weight), seed=seed, resolution=resolution,
                                                      since=since, until=until)
    _emit(format, [c.to_dict() for c in found], lambda: _table(
        ("#", "members", "weight", "facts"),
        [(n, " ".join(c.members), f"{c.weight:.1f}", len(c.facts)) for n, c in enumerate(found, 1)])
        if found else "no cooperation in the graph")


@app.command("centrality")
def centrality(measure: Annotated[str, typer.Option(help="strength, degree, betweenness or eigenvector.")]
               = "strength", top: Annotated[int | None, typer.Option(help="Only the first N states.")] = 20,
               since: SinceOption = None, until: UntilOption = None, weight: WeightOption = None,
               format: FormatOption = OutputFormat.TABLE, store: StoreOption = None) -> None:
    """Rank states by their centrality in the cooperation graph."""
    with open_graph(store) as kg, reporting("analyse centrality"):
        ranked: tuple[Centrality, ...] = kg.centrality(measure=measure, top=top, weights=weights_of(weight),
                                                       since=since, until=until)
    _emit(format, [c.to_dict() for c in ranked], lambda: _table(
        ("state", measure, "facts"), [(c.state, f"{c.value:.3f}", len(c.facts)) for c in ranked])
        if ranked else "no cooperation in the graph")


@app.command("chains")
def chains(source: Annotated[str | None, typer.Option(help="Only chains starting at this state.")] = None,
           target: Annotated[str | None, typer.Option(help="Only chains ending at this state.")] = None,
           max_length: Annotated[int, typer.Option(help="The most hops.")] = 3,
           limit: Annotated[int, typer.Option(help="The most chains printed.")] = 100,
           include_undirected: Annotated[bool, typer.Option(help="Also walk deals that name no supplier.")] = False,
           since: SinceOption = None, until: UntilOption = None, format: FormatOption = OutputFormat.TABLE,
           store: StoreOption = None) -> None:
    """List arms supply chains: paths of arms transfers of two hops or more."""
    with open_graph(store) as kg, reporting("analyse chains"):
        found: tuple[SupplyChain, ...] = kg.supply_chains(source=source, target=target, max_length=max_length,
                                                          limit=limit, include_undirected=include_undirected,
                                                          since=since, until=until)
    _emit(format, [c.to_dict() for c in found], lambda: _table(
        ("chain", "facts per hop"),
        [(" -> ".join(c.states), " | ".join(",".join(hop) for hop in c.facts)) for c in found])
        if found else "no supply chain of two hops or more")


@app.command("patterns")
def patterns(states: StatesArgument = None, since: SinceOption = None, until: UntilOption = None,
             weight: WeightOption = None, format: FormatOption = OutputFormat.TABLE,
             store: StoreOption = None) -> None:
    """List "adversary of my partner" patterns (for the given states, or all)."""
    with open_graph(store) as kg, reporting("analyse patterns"):
        found: tuple[PartnerAdversary, ...] = kg.partner_adversaries(states=states or None,
                                                                     weights=weights_of(weight), since=since,
                                                                     until=until)
    _emit(format, [p.to_dict() for p in found], lambda: _table(
        ("state", "partner", "partner's adversary", "state and adversary", "facts"),
        [(p.state, p.partner, p.adversary, p.relation, len(p.partnership) + len(p.hostility) + len(p.tie))
         for p in found]) if found else "no adversary of a partner")

"""``alignkg eval``: scores the extractor on gold passages by the annotation guide's rules."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from alignkg.graph import AlignkgError


def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold passages, JSON Lines {id, text, gold, claims}.")],
    show: Annotated[bool, typer.Option("--show", help="List each miss and spurious fact with its sentence.")] = False,
    half: Annotated[str | None, typer.Option(
        "--half", help="Score only one half of the file, split by a fixed rule on passage ids: study or check.",
    )] = None,
) -> None:
    """Print per-type and micro precision, recall and F1, and the claim scores."""
    from alignkg.graph import evaluate_gold

    try:
        report = evaluate_gold(gold, half=half)
    except AlignkgError as err:
        typer.echo(f"alignkg eval: {err}", err=True)
        raise typer.Exit(code=2 if err.code in ("invalid_input", "not_found") else 1) from err
    typer.echo(f"{'type':<20} {'P':>6} {'R':>6} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4}")
    for name, s in sorted(report.per_type.items()):
        typer.echo(f"{name:<20} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f} {s.tp:4d} {s.fp:4d} {s.fn:4d}")
    m, c = report.micro, report.claims
    typer.echo(f"{'micro':<20} {m.precision:6.2f} {m.recall:6.2f} {m.f1:6.2f} {m.tp:4d} {m.fp:4d} {m.fn:4d}")
    typer.echo(f"{'claims':<20} {c.precision:6.2f} {c.recall:6.2f} {c.f1:6.2f} {c.tp:4d} {c.fp:4d} {c.fn:4d}")
    typer.echo(f"passages: {report.passages}")
    if show:
        for miss in report.misses:
            subject, edge_type, obj = miss.triple
            typer.echo(f"\n[{miss.passage}] {miss.kind}: {subject} {edge_type} {obj}".rstrip())
            for sentence in miss.sentences:
                typer.echo(f"    {sentence}")

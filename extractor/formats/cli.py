"""`extractor corpus export` / `extractor corpus import`: thin commands over extractor.formats."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from ..errors import ExtractorError
from . import FORMATS, export_corpus, import_corpus

_FORMAT_HELP = f"One of: {', '.join(FORMATS)}."


def _check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise typer.BadParameter(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    return fmt


def _report(warnings: list[str], limit: int = 20) -> None:
    for line in warnings[:limit]:
        typer.echo(f"warning: {line}", err=True)
    if len(warnings) > limit:
        typer.echo(f"warning: ... and {len(warnings) - limit} more", err=True)


def register(corpus_app: typer.Typer) -> None:
    """Add the `import` and `export` commands to the `extractor corpus` group."""

    @corpus_app.command("export")
    def corpus_export(
        out: Path = typer.Argument(..., help="The file to write."),
        fmt: str = typer.Option(..., "--format", "-f", help=_FORMAT_HELP, callback=_check_format),
        source: Optional[Path] = typer.Option(None, "--input", "-i", help="Gold JSONL to convert (default: the project corpus)."),
        split: Optional[str] = typer.Option(None, help="Only the documents of this split."),
    ) -> None:
        """Write gold documents as spaCy DocBin, CoNLL, Prodigy, Doccano or Label Studio files."""
        from ..corpus import load_corpus, read_gold

        try:
            docs = read_gold(source) if source is not None else load_corpus()
            if split is not None:
                docs = [d for d in docs if d.get("split") == split]
            warnings = export_corpus(docs, fmt, out)
        except (OSError, ExtractorError) as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1)
        _report(warnings)
        typer.echo(f"{out}: {len(docs)} documents as {fmt}")

    @corpus_app.command("import")
    def corpus_import(
        source: Path = typer.Argument(..., help="The tool's file to read."),
        fmt: str = typer.Option(..., "--format", "-f", help=_FORMAT_HELP, callback=_check_format),
        out: Path = typer.Option(..., "--output", "-o", help="Gold JSONL to write (the output contract's shape)."),
        reference: Optional[Path] = typer.Option(
            None, "--reference", help="The original JSONL, to get back exact texts, offsets and ids (CoNLL keeps no whitespace)."),
        split: Optional[str] = typer.Option(None, help="Set this `split` on every imported document."),
    ) -> None:
        """Read spaCy DocBin, CoNLL, Prodigy, Doccano or Label Studio files into gold JSONL."""
        from ..corpus import read_gold

        try:
            ref = read_gold(reference) if reference is not None else None
            docs, warnings = import_corpus(source, fmt, reference=ref)
        except (OSError, ExtractorError) as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1)
        if split is not None:
            for d in docs:
                d["split"] = split
        with open(out, "w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
        _report(warnings)
        n = sum(len(e["mentions"]) for d in docs for e in d["entities"])
        typer.echo(f"{out}: {len(docs)} documents, {n} mentions from {fmt}")

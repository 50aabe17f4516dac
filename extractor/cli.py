"""The `extractor` command line: thin commands over plain functions."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .errors import ExtractorError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Entities and events from trade press releases.")
corpus_app = typer.Typer(no_args_is_help=True, help="Build, check and convert annotated corpora.")
app.add_typer(corpus_app, name="corpus")


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@corpus_app.command("build")
def corpus_build(
    src: Path = typer.Option(None, help="Folder of authoring files (default: corpus/src and corpus/challenge/src)."),
    out: Path = typer.Option(None, help="Output JSONL (with --src)."),
) -> None:
    """Compile authoring files to gold JSONL, then validate it."""
    from .corpus import CORPUS_DIR, CORPUS_FILES, build, validate_documents

    jobs = [(src, out)] if src else [
        (CORPUS_DIR / "src", CORPUS_DIR / CORPUS_FILES["releases"]),
        (CORPUS_DIR / "challenge" / "src", CORPUS_DIR / CORPUS_FILES["challenge"]),
    ]
    failed = False
    for src_dir, out_path in jobs:
        if out_path is None:
            _fail("--out is needed with --src")
        if not src_dir.is_dir() or not any(src_dir.glob("*.json")):
            continue
        try:
            docs = build(src_dir, out_path)
        except ExtractorError as exc:
            _fail(str(exc))
        problems = validate_documents(docs)
        for p in problems:
            typer.echo(str(p), err=True)
        failed |= bool(problems)
        typer.echo(f"{out_path}: {len(docs)} documents, {len(problems)} problems")
    if failed:
        raise typer.Exit(1)


@corpus_app.command("check")
def corpus_check(sources: List[Path] = typer.Argument(..., help="Authoring files to compile and validate.")) -> None:
    """Compile authoring files in memory and validate them, writing nothing."""
    from .corpus import compile_source, validate_documents

    docs = []
    for path in sources:
        try:
            docs.append(compile_source(json.loads(path.read_text(encoding="utf-8"))))
        except (OSError, json.JSONDecodeError, ExtractorError) as exc:
            _fail(f"{path}: {exc}")
    problems = validate_documents(docs)
    for p in problems:
        typer.echo(str(p), err=True)
    typer.echo(f"{len(docs)} documents, {len(problems)} problems")
    if problems:
        raise typer.Exit(1)


@corpus_app.command("validate")
def corpus_validate(paths: List[Path] = typer.Argument(None, help="Gold JSONL files (default: the project corpus).")) -> None:
    """Check gold files: offsets, labels, roles, ids, ISO codes, values, overlaps."""
    from .corpus import CORPUS_DIR, CORPUS_FILES, validate_file

    targets = paths or [CORPUS_DIR / p for p in CORPUS_FILES.values() if (CORPUS_DIR / p).exists()]
    total = 0
    for path in targets:
        try:
            problems = validate_file(path)
        except (OSError, ExtractorError) as exc:
            _fail(str(exc))
        for p in problems:
            typer.echo(f"{path}: {p}", err=True)
        total += len(problems)
        typer.echo(f"{path}: {len(problems)} problems")
    if total:
        raise typer.Exit(1)


@corpus_app.command("show")
def corpus_show(
    doc_id: str,
    src: Path = typer.Option(None, help="An authoring file or folder to compile instead of the built corpus."),
) -> None:
    """Print a document with its mentions bracketed, its entities and its events."""
    from .corpus import compile_source, load_corpus, render

    if src is not None:
        path = src / f"{doc_id}.json" if src.is_dir() else src
        doc = compile_source(json.loads(path.read_text(encoding="utf-8")))
    else:
        matches = [d for d in load_corpus() if d["id"] == doc_id]
        if not matches:
            _fail(f"no document {doc_id!r} in the corpus")
        doc = matches[0]
    typer.echo(render(doc))


def main() -> None:
    try:
        app()
    except ExtractorError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(1)

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


def _register_formats() -> None:
    from .formats.cli import register

    register(corpus_app)


_register_formats()


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


@corpus_app.command("stats")
def corpus_stats(paths: List[Path] = typer.Argument(None, help="Gold JSONL files (default: the project corpus).")) -> None:
    """Print a Markdown table of documents, words, mentions per label and events per type, per split."""
    from .corpus import counts, load_corpus, read_gold
    from .labels import ENTITY_LABELS, EVENT_TYPES, SPLITS

    docs = [d for p in paths for d in read_gold(p)] if paths else load_corpus()
    table = counts(docs)
    splits = [s for s in SPLITS if s in table] + [s for s in table if s not in SPLITS]
    rows = ["documents", "words", *ENTITY_LABELS, *(f"event:{t}" for t in EVENT_TYPES)]
    typer.echo("| | " + " | ".join(splits) + " | all |")
    typer.echo("|---|" + "---:|" * (len(splits) + 1))
    for row in rows:
        values = [table[s].get(row, 0) for s in splits]
        typer.echo(f"| {row.replace('event:', 'event ')} | " + " | ".join(str(v) for v in values) + f" | {sum(values)} |")


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


@app.command("annotate")
def annotate_cmd(
    inputs: List[Path] = typer.Argument(..., help="JSONL files (id, text, date; also .jsonl.gz), Parquet files, .txt files, folders of them, or ministry listings."),
    output: Path = typer.Option(..., "-o", "--output", help="Output: JSONL, one line per input document, or Parquet (a name ending in .parquet), one row each."),
    model: Optional[Path] = typer.Option(None, "--model", "-m", help="Pipeline folder (default: the shipped model)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes (with --engine ray: actors); each loads the model once."),
    input_format: str = typer.Option("auto", "--format", help="auto, jsonl, parquet, txt or listing."),
    gazetteer: List[Path] = typer.Option([], "--gazetteer", help="Extra gazetteer JSONL (label, pattern, id); repeatable."),
    max_chars: int = typer.Option(10_000_000, "--max-chars", min=1, help="Longer documents get an `error` instead of results."),
    chunk_chars: int = typer.Option(100_000, "--chunk-chars", min=1, help="Longer documents are annotated in sentence-aligned pieces of at most this many characters."),
    text_column: str = typer.Option("text", "--text-column", help="Field of the text in JSONL and Parquet inputs."),
    id_column: Optional[str] = typer.Option(None, "--id-column", help="Field of the id (default: `id` when present)."),
    date_column: Optional[str] = typer.Option(None, "--date-column", help="Field of the release date (default: `date` when present)."),
    resume: bool = typer.Option(False, "--resume", help="Continue an interrupted run into the same OUTPUT: keep the documents done, annotate the rest."),
    tables: Optional[Path] = typer.Option(None, "--tables", help="Also write flat Parquet tables (documents, entities, mentions, events, arguments) into this folder."),
    engine: str = typer.Option("local", "--engine", help="local (processes on this machine) or ray (Ray Data; the `ray` extra)."),
    address: Optional[str] = typer.Option(None, "--address", help="With --engine ray: the cluster, e.g. ray://HOST:10001 (default: a local Ray instance)."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Documents per batch sent to a worker."),
    recycle_after: int = typer.Option(20_000, "--recycle-after", min=0, help="Replace a worker process after this many documents (0: never)."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar on stderr."),
) -> None:
    """Annotate documents: one output line (or row) per input document, in input order.

    The output is written to OUTPUT.part as it goes and renamed at the end; after an interrupted
    run (Ctrl-C, a crash, kill -9) the same command with --resume continues where it stopped.
    """
    from tqdm import tqdm

    from .readers import Columns, iter_paths
    from .runner import annotate_files, count_records, journal_path

    if engine not in ("local", "ray"):
        _fail(f"unknown engine {engine!r}: use local or ray")
    if address and engine != "ray":
        _fail("--address needs --engine ray")
    if input_format not in ("auto", "jsonl", "parquet", "txt", "listing"):
        _fail(f"unknown input format {input_format!r}: use auto, jsonl, parquet, txt or listing")
    try:
        files = list(iter_paths(inputs))
    except ExtractorError as exc:
        _fail(str(exc))
    for path in gazetteer:
        if not path.exists():
            _fail(f"gazetteer file {path} does not exist")
    if model is not None and not address and not model.exists():
        _fail(f"model folder {model} does not exist")
    total = count_records(files, input_format)
    bar = tqdm(total=total, unit="doc", disable=not progress, file=sys.stderr)

    def on_progress(n: int) -> None:
        bar.update(n - bar.n)

    try:
        with bar:
            summary = annotate_files(
                files, output, fmt=input_format, columns=Columns(text=text_column, id=id_column, date=date_column),
                model=str(model) if model else None, workers=workers, gazetteers=[str(g) for g in gazetteer],
                max_chars=max_chars, chunk_chars=chunk_chars, batch_size=batch_size, recycle_after=recycle_after,
                resume=resume, tables=tables, engine=engine, address=address, on_progress=on_progress,
            )
    except ExtractorError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail(f"interrupted; the documents done are in {journal_path(output)}: run the same command with "
              f"--resume to continue", code=130)
    if summary.resumed:
        typer.echo(f"{output}: {summary.resumed + summary.documents} documents ({summary.resumed} from the "
                   f"interrupted run), {summary.errors} of the {summary.documents} new ones with errors", err=True)
    else:
        typer.echo(f"{output}: {summary.documents} documents, {summary.errors} with errors", err=True)
    if summary.tables is not None:
        typer.echo(f"{summary.tables}: documents, entities, mentions, events, arguments", err=True)


@app.command("evaluate")
def evaluate_cmd(
    gold: Optional[Path] = typer.Argument(None, help="Gold JSONL."),
    pred: Optional[Path] = typer.Argument(None, help="Predicted JSONL (same ids)."),
    corpus_split: Optional[str] = typer.Option(None, "--corpus-split", help="Annotate and score a split of the project corpus: train, dev, test, challenge-dev, challenge-test."),
    model: Optional[Path] = typer.Option(None, "--model", "-m", help="Pipeline folder for --corpus-split (default: the shipped model)."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Score predictions against gold: entities (strict, lenient, normalisation) and events."""
    from .evaluate import evaluate_files, evaluate_split, format_report

    try:
        if corpus_split:
            result = evaluate_split(corpus_split, model=str(model) if model else None)
        elif gold and pred:
            for path in (gold, pred):
                if not path.exists():
                    _fail(f"{path} does not exist")
            result = evaluate_files(gold, pred)
        else:
            _fail("give GOLD and PRED files, or --corpus-split SPLIT")
    except (ExtractorError, ValueError) as exc:
        _fail(str(exc))
    typer.echo(json.dumps(result, indent=1) if as_json else format_report(result))


@app.command("train")
def train_cmd(
    corpus: Optional[Path] = typer.Argument(None, help="Corpus JSONL (or folder) in the contract's shape with `split` fields; default: the project corpus."),
    output: Path = typer.Option(Path("models/trade_en"), "--output", "-o", help="Folder for the trained pipeline."),
    backend: str = typer.Option("spacy", "--backend", help="spacy (default) or transformer."),
    base: Optional[str] = typer.Option(None, "--base", help="spacy: base pipeline package; transformer: a local Hugging Face folder or an installed encoder package."),
    seed: int = typer.Option(0, "--seed"),
    epochs: int = typer.Option(25, "--epochs", help="Passes over the train split (spacy default 25; use about 20 for a transformer)."),
    max_steps: Optional[int] = typer.Option(None, "--max-steps", help="transformer: stop after this many steps."),
    device: str = typer.Option("cpu", "--device", help="transformer: cpu or cuda."),
    learning_rate: float = typer.Option(3e-4, "--learning-rate", help="transformer: AdamW learning rate."),
    max_length: Optional[int] = typer.Option(None, "--max-length", help="transformer: window length in sub-words (default: the encoder's maximum)."),
) -> None:
    """Train a pipeline on a corpus and save it with its model card and dev scores."""
    command = "extractor train " + " ".join(sys.argv[2:])
    try:
        if backend == "spacy":
            from .build import BASE_PACKAGE
            from .train import train_spacy

            train_spacy(output, corpus, base=base or BASE_PACKAGE, seed=seed, epochs=epochs, command=command)
        elif backend == "transformer":
            if not base:
                _fail("--backend transformer needs --base MODEL (a local folder or an installed encoder package)")
            try:
                from .transformer import train_transformer
            except ImportError as exc:
                _fail(f"the transformer backend needs the optional extra: pip install '.[transformers]' ({exc})")
            options = {"learning_rate": learning_rate, "command": command}
            if max_length:
                options["max_length"] = max_length
            train_transformer(corpus, base, output, max_steps=max_steps, epochs=epochs, seed=seed, device=device, **options)
        else:
            _fail(f"unknown backend {backend!r}: use spacy or transformer")
    except ExtractorError as exc:
        _fail(str(exc))
    typer.echo(f"saved {output}", err=True)


@app.command("train-concern")
def train_concern_cmd(
    splits: list[str] = typer.Option(["train", "dev"], "--split", help="Corpus splits to train on (never test, challenge-dev or challenge-test)."),
    model: Path = typer.Option(Path("models/trade_en"), "--model", "-m", help="Pipeline whose parse the features read; its concern_events gets the model."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Also write the model here (e.g. extractor/data/events/concern_model.json)."),
    threshold: float = typer.Option(0.5, "--threshold", min=0.0, max=1.0, help="Probability above which a phrase becomes a concern."),
    l2: float = typer.Option(1.0, "--l2", min=0.0),
    folds: int = typer.Option(0, "--folds", min=0, help="First print a K-fold cross-validation by document (0: none)."),
) -> None:
    """Train the learned reading of trade concerns (pipeline/events/concern_model.py) on the corpus's
    gold concerns and write it into the pipeline's concern_events/model.json."""
    import spacy

    from .corpus import load_corpus
    from .pipeline.events.concern_model import HELD_OUT, corpus_examples, cross_validate, train

    bad = sorted(set(splits) & set(HELD_OUT))
    if bad:
        _fail(f"{', '.join(bad)} is held out: the model is never trained on it")
    if not (model / "config.cfg").exists():
        _fail(f"{model} is not a saved pipeline (no config.cfg)")
    golds = [d for s in splits for d in load_corpus(s) if d.get("entities")]
    if not golds:
        _fail(f"no gold documents in {', '.join(splits)}: run `extractor corpus build` first")
    keep = ("tok2vec", "tagger", "line_breaks", "parser", "attribute_ruler", "lemmatizer")
    nlp = spacy.load(model, exclude=[p for p in spacy.util.load_config(model / "config.cfg")["nlp"]["pipeline"] if p not in keep])
    rows, labels, ids = corpus_examples(nlp, golds, progress=True)
    typer.echo(f"{len(golds)} documents, {len(rows)} candidate phrases, {sum(labels)} gold measures", err=True)
    if folds:
        for row in cross_validate(rows, labels, ids, folds=folds, l2=l2):
            typer.echo(f"  cv threshold {row['threshold']:.2f}: P {row['p']:.3f} R {row['r']:.3f} F {row['f']:.3f} ({row['tp']}/{row['pred']}/{row['gold']})", err=True)
    trained = train(rows, labels, l2=l2, threshold=threshold)
    trained.meta.update({"splits": list(splits), "documents": len(golds)})
    target = model / "concern_events"
    if not target.is_dir():
        _fail(f"{model} has no concern_events component")
    trained.to_disk(target / "model.json")
    typer.echo(f"saved {target / 'model.json'} ({len(trained.weights)} features)", err=True)
    if output is not None:
        trained.to_disk(output)
        typer.echo(f"saved {output}", err=True)


@app.command("refresh-events")
def refresh_events_cmd(
    model: Path = typer.Argument(Path("models/trade_en"), help="Saved pipeline folder (default: the shipped model)."),
) -> None:
    """Write the package's current data into a saved pipeline: the event cues
    (extractor/data/events/*.jsonl) and the gazetteer patterns (extractor/data/gazetteers/*.jsonl)."""
    from .build import refresh_event_data, refresh_gazetteer

    try:
        written = refresh_event_data(model)
        patterns = refresh_gazetteer(model) if (Path(model) / "trade_gazetteer").is_dir() else None
    except ExtractorError as exc:
        _fail(str(exc))
    for pipe, n in written.items():
        typer.echo(f"{model}/{pipe}: {n} cues", err=True)
    if patterns is not None:
        typer.echo(f"{model}/trade_gazetteer: {patterns} patterns", err=True)


@app.command("serve")
def serve_cmd(
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
    workers: int = typer.Option(1, "--workers"),
    model: Optional[Path] = typer.Option(None, "--model", "-m", help="Pipeline folder (default: the shipped model)."),
) -> None:
    """Run the HTTP API and its web page."""
    from service.cli import serve

    serve(host=host, port=port, workers=workers, model=str(model) if model else None)


def main() -> None:
    try:
        app()
    except ExtractorError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(1)

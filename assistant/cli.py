"""The command line: a thin front end that parses options, calls the library and prints."""

from __future__ import annotations

import functools
import re
import sys
import time
from pathlib import Path

import click

from index.errors import AssistantError, IndexMissing
from index.settings import Settings

LOG_EVERY = 15.0  # seconds between progress lines of a long index run when output is not a terminal


def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def errors_as_messages(func):
    """The CLI's one error boundary: library errors become one line and a non-zero exit code."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except IndexMissing as err:
            click.echo(f"Error: {err}", err=True)
            sys.exit(2)
        except AssistantError as err:
            click.echo(f"Error: {err}", err=True)
            sys.exit(1)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data-dir", type=click.Path(path_type=Path), help="Where the index lives (IA_DATA_DIR).")
@click.pass_context
def cli(ctx, data_dir):
    """inspection-assistant: cited answers from Ofsted letters, improvement plans and press.

    \b
    Example:
        inspection-assistant index
        inspection-assistant sources
        inspection-assistant show isle-of-wight-improvement-plan-2024#action-2.1
    """
    ctx.obj = {"overrides": {"data_dir": data_dir}}


def _settings(ctx) -> Settings:
    try:
        return Settings.from_env(**ctx.obj["overrides"])
    except AssistantError as err:
        raise click.UsageError(str(err)) from None


@cli.command("index")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--rebuild", is_flag=True, help="Drop the index and build it again from scratch.")
@click.option("--strict", is_flag=True, help="Exit non-zero if any file fails.")
@click.pass_context
@errors_as_messages
def index_command(ctx, paths, rebuild, strict):
    """Index documents (default: the source folder). Unchanged files are skipped.

    \b
    Examples:
        inspection-assistant index
        inspection-assistant index source_docs/ new-report.pdf
        inspection-assistant index --rebuild
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
    from rich.table import Table

    from index.indexer import run_index

    settings = _settings(ctx)
    console = _console(stderr=True)
    labels = {"read": "Reading files", "embed": "Embedding passages", "documents": "Documents indexed"}
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
               TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn())
    logged: dict[str, float] = {}
    with Progress(*columns, console=console, transient=True) as bar:
        tasks: dict[str, int] = {}

        def progress(what, done, total):
            if what not in tasks:
                tasks[what] = bar.add_task(labels.get(what, what), total=total or None, rate="")
            task = bar.tasks[tasks[what]]
            rate = f"{done / task.elapsed:.1f}/s" if task.elapsed and done and what != "documents" else ""
            bar.update(tasks[what], completed=done, total=total or None, rate=rate)
            # Not a terminal (a log, CI): a plain line every few seconds, so long runs show
            # progress too (by time: the passages' total grows while files are still being read)
            now = time.monotonic()
            if not console.is_terminal and total >= 50 and now - logged.get(what, -LOG_EVERY) >= LOG_EVERY:
                logged[what] = now
                left = f", {task.time_remaining:.0f}s left" if task.time_remaining else ""
                console.print(f"{labels.get(what, what)}: {done}/{total}" + (f" ({rate}{left})" if rate else ""))

        report = run_index(settings, list(paths) or None, rebuild=rebuild, progress=progress)

    out = _console()
    table = Table(title="Index summary", title_justify="left")
    for column in ("File", "Status", "Passages", "Reason"):
        table.add_column(column, overflow="fold")
    style = {"failed": "red", "added": "green", "updated": "yellow", "removed": "magenta"}
    # A big library lists only what needs a look: the files that failed (with their reasons).
    shown = report.outcomes if len(report.outcomes) <= 30 else [o for o in report.outcomes if o.status == "failed"]
    for o in shown:
        table.add_row(o.source, f"[{style.get(o.status, '')}]{o.status}[/]" if o.status in style else o.status, str(o.passages) if o.doc_id else "", o.reason)
    if shown:
        out.print(table)
    rate = f" ({report.embedded / report.seconds:.1f} a second)" if report.embedded and report.seconds else ""
    out.print(f"{report.summary()}; embedded {report.embedded} passages in {report.seconds:.1f}s{rate}" + (f" ({report.reused} kept from an interrupted run)" if report.reused else ""))
    for note in report.notes:
        out.print(f"Note: {note}")
    if report.indexed:
        # the keyword index and the passage copy for this version, built now rather than on the
        # first question (tens of seconds for a library)
        from .retrieval import Retriever

        started = time.perf_counter()
        with console.status("Preparing the keyword index for answering…"):
            Retriever(settings).corpus()
        if time.perf_counter() - started > 1:
            out.print(f"Prepared the keyword index for answering in {time.perf_counter() - started:.1f}s")
    if report.failed and (strict or report.indexed == 0):
        sys.exit(1)


TAG_ROWS_FROM = 8  # `eval` prints the tags of at least this many questions (report.md has every tag)


@cli.command()
@click.pass_context
@errors_as_messages
def sources(ctx):
    """List the indexed documents: id, kind, date, passages.

    \b
    Example:
        inspection-assistant sources
    """
    from rich.table import Table

    from index.store import Store
    from index.text import display_date, display_range
    from index.types import KIND_LABELS

    store = Store.open(_settings(ctx))
    console = _console()
    if not console.is_terminal:
        console.width = max(console.width, 400)  # piped or saved: one line a row, to read with grep
    records = sorted(store.document_records().values(), key=lambda r: (r.authority or "", r.date or "", r.doc_id))
    table = Table(title=f"{len(records)} documents", title_justify="left")
    for column in ("Document id", "Title", "Kind", "Authority", "Date", "Lead inspector", "Judgements", "Passages"):
        table.add_column(column, overflow="fold")
    for r in records:
        kind = KIND_LABELS.get(r.kind, r.kind) + (f" ({r.framework})" if r.framework and r.framework.casefold() not in KIND_LABELS.get(r.kind, "").casefold() else "")
        when = display_range(r.start_date, r.end_date) if r.start_date else display_date(r.date)
        if r.published and r.start_date:
            when += f" (published {display_date(r.published)})"
        grades = "\n".join(f"{area.replace('_', ' ').capitalize()}: {grade}" for area, _, grade in r.judgements)
        table.add_row(r.doc_id, r.title, kind, r.authority or "", when, r.lead_inspector or "", grades, str(r.passage_count))
    console.print(table)


@cli.command()
@click.argument("passage_id")
@click.pass_context
@errors_as_messages
def show(ctx, passage_id):
    """Show one passage with its locator and metadata.

    \b
    Example:
        inspection-assistant show isle-of-wight-improvement-plan-2024#action-2.1
    """
    from rich.panel import Panel

    from index.store import Store
    from index.text import display_date

    p = Store.open(_settings(ctx)).get_passage(passage_id)
    out = _console()
    heading = " > ".join(p.heading)
    out.print(f"[bold]{p.title}[/] ({p.publisher or 'unknown publisher'}, {display_date(p.date)})")
    out.print(f"{p.passage_id} — {p.locator}" + (f" — {heading}" if heading else ""))
    out.print(Panel(p.text, expand=False))
    if p.fields:
        for name in ("ref", "section", "action", "owner", "commencing", "due", "rag", "progress"):
            if name in p.fields:
                out.print(f"  {name}: {p.fields[name]}")
    out.print(f"characters {p.start}–{p.end} of the document text")


def _filters(doc, kind, authority, year_from, year_to):
    from .types import Filters

    return Filters(doc_ids=tuple(doc), kinds=tuple(kind), authorities=tuple(authority), year_from=year_from, year_to=year_to)


def filter_options(func):
    for option in reversed(
        [
            click.option("--doc", multiple=True, help="Only this document id (repeatable)."),
            click.option("--kind", multiple=True, type=click.Choice(["ofsted_letter", "improvement_plan", "press_release", "news_article", "other"]), help="Only documents of this kind (repeatable)."),
            click.option("--authority", multiple=True, help="Only this authority, e.g. 'Isles of Scilly' (repeatable)."),
            click.option("--year-from", type=int, help="Only documents dated this year or later."),
            click.option("--year-to", type=int, help="Only documents dated this year or earlier."),
            click.option("-k", "--top-k", type=click.IntRange(1, 50), help="Passages to use (IA_TOP_K)."),
        ]
    ):
        func = option(func)
    return func


def print_answer(answer, console) -> None:
    from rich.markdown import Markdown

    from index.text import display_date

    for warning in answer.warnings:
        console.print(f"[yellow]Warning:[/] {warning}")
    if answer.scope:
        console.print(f"[dim]{answer.scope}[/]")
    console.print(Markdown(answer.answer))
    if answer.dropped:
        console.print(f"[dim]The verifier dropped {len(answer.dropped)} sentence(s) of the model's answer: "
                      + "; ".join(d["reason"] for d in answer.dropped[:3]) + "[/]")
    if answer.citations:
        console.print()
        console.print("[bold]Sources[/]")
        for c in answer.citations:
            console.print(f"  [{c.n}] {c.title} ({display_date(c.date)}), {c.locator} — {c.passage_id}")
    if answer.related:
        console.print()
        console.print("[bold]Related passages[/] " + ("(not citations: they do not answer the question)" if answer.abstained else "(where the reports write of this; not citations)"))
        for r in answer.related:
            console.print(f"  • {r.title} ({display_date(r.date)}), {r.locator} — {r.passage_id}")


def read_questions(path: Path) -> tuple[list[dict], list[str]]:
    """Questions from a JSONL file (objects with id and question, or JSON strings) or plain lines;
    bad lines (invalid JSON, a list, a number, null, an object without a question string) are
    reported with their line number and skipped."""
    import json

    items, problems = [], []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise click.UsageError(f"cannot read {path}: {err}") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            if line.lstrip().startswith("{"):
                problems.append(f"{path}:{number}: not valid JSON ({err.msg}); skipped")
                continue
            obj = line.strip()  # a plain question
        item, problem = _question_item(obj, number)
        if problem:
            problems.append(f"{path}:{number}: {problem}; skipped")
        else:
            items.append(item)
    if not items:
        raise click.UsageError(f"{path} holds no questions" + (f" ({len(problems)} bad lines)" if problems else ""))
    return items, problems


_JSON_TYPES = {list: "a list", dict: "an object", bool: "true or false", int: "a number", float: "a number", type(None): "null"}


def _question_item(obj, number: int) -> tuple[dict | None, str | None]:
    """A questions-file line's JSON value as {"id", "question"}, or why it is not a question."""
    from index.text import strip_control_codes

    expected = 'expected a question object {"id": ..., "question": "..."} or a question string'
    if isinstance(obj, str):
        question, ident = obj, str(number)
    elif isinstance(obj, dict):
        question, ident = obj.get("question"), obj.get("id")
        ident = str(number) if ident is None else ident
        if not isinstance(question, str):
            got = "no 'question'" if question is None else f"'question' is {_JSON_TYPES.get(type(question), 'not a string')}"
            return None, f"{expected}, got {got}"
        if not isinstance(ident, (str, int)) or isinstance(ident, bool):
            return None, f"'id' must be a string or a number, got {_JSON_TYPES.get(type(ident), 'something else')}"
    else:
        return None, f"{expected}, got {_JSON_TYPES.get(type(obj), type(obj).__name__)}"
    question = re.sub(r"\s+", " ", strip_control_codes(question)).strip()  # pasted terminal colours
    if not question:
        return None, "the question is empty"
    return {"id": ident, "question": question}, None


@cli.command()
@click.argument("question", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON (the documented contract).")
@click.option("--questions-file", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="JSONL ({id, question}) or one question a line; prints one JSON object a line.")
@click.option("--mode", type=click.Choice(["extractive", "openai", "ollama", "local"]), default=None, help="How to answer (IA_MODE; default extractive: no LLM). Generated answers pass the verifier.")
@filter_options
@click.pass_context
@errors_as_messages
def ask(ctx, question, as_json, questions_file, mode, doc, kind, authority, year_from, year_to, top_k):
    """Answer a question from the indexed documents, with verified citations.

    \b
    Examples:
        inspection-assistant ask "What did Ofsted say about supervision?"
        inspection-assistant ask "Which product was procured for the new case management system?" --json
        inspection-assistant ask --questions-file questions.jsonl > answers.jsonl
    """
    import json

    from .ask import Assistant

    if question is None and not questions_file:
        raise click.UsageError("give a QUESTION or --questions-file")
    settings = _settings(ctx)
    assistant = Assistant(settings)
    filters = _filters(doc, kind, authority, year_from, year_to)
    if questions_file:
        items, problems = read_questions(questions_file)
        for problem in problems:
            click.echo(problem, err=True)
        for item in items:
            try:
                result = assistant.ask(item["question"], filters=filters, k=top_k, mode=mode).to_json()
            except AssistantError as err:
                result = {"question": item["question"], "error": str(err)}
            click.echo(json.dumps({"id": item["id"], **result}, ensure_ascii=False))
        return
    answer = assistant.ask(question, filters=filters, k=top_k, mode=mode)
    if as_json:
        click.echo(json.dumps(answer.to_json(), ensure_ascii=False, indent=2))
    else:
        print_answer(answer, _console())


@cli.command()
@filter_options
@click.pass_context
@errors_as_messages
def chat(ctx, doc, kind, authority, year_from, year_to, top_k):
    """Ask questions one after another; follow-ups ("And on the Isles of Scilly?") use the history.

    \b
    Example:
        inspection-assistant chat
    """
    from .ask import Assistant
    from .types import Turn

    assistant = Assistant(_settings(ctx))
    filters = _filters(doc, kind, authority, year_from, year_to)
    console = _console()
    console.print("Ask about the indexed documents. Empty line or Ctrl-D to leave.")
    history: list[Turn] = []
    while True:
        try:
            question = console.input("[bold]> [/]")
        except (EOFError, KeyboardInterrupt):
            break
        if not question.strip() or question.strip().lower() in ("exit", "quit"):
            break
        try:
            answer = assistant.ask(question, history=history, filters=filters, k=top_k)
        except AssistantError as err:
            console.print(f"[red]Error:[/] {err}")
            continue
        print_answer(answer, console)
        console.print()
        history.append(Turn(answer.question, answer.answer, answer.search_query))


@cli.command("eval")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default="test", show_default=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("eval-results"), show_default=True, help="Where results.json and report.md go.")
@click.option("--compare", is_flag=True, help="Also run dense-only, RRF fusion and reranked retrieval; write compare.md.")
@click.option("--gate", "gate_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Thresholds JSON: exit 1 when a metric is below its threshold.")
@click.pass_context
@errors_as_messages
def eval_command(ctx, file, split, out_dir, compare, gate_file):
    """Score the assistant on a known-answer set (default: evals/known_answers.jsonl).

    \b
    Examples:
        inspection-assistant eval
        inspection-assistant eval my-questions.jsonl --split all --out my-results
        inspection-assistant eval --compare --split dev
    """
    import json

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from evals.dataset import DEFAULT_SET, load_dataset
    from evals.runner import HEADLINE, compare_markdown, evaluate, fmt, machine_description, write_run
    from evals.gate import check

    from .ask import Assistant

    settings = _settings(ctx)
    data = load_dataset(file or DEFAULT_SET, split)
    for problem in data.problems:
        click.echo(problem, err=True)
    configs = [("hybrid, extractive", settings)]
    if compare:
        configs += [
            ("dense only, extractive", settings.replace(retrieval="dense")),
            ("hybrid (RRF), extractive", settings.replace(fusion="rrf")),
            ("hybrid + rerank, extractive", settings.replace(rerank=True)),
        ]
    machine = machine_description()
    runs = []
    shared = None
    for label, config in configs:
        assistant = Assistant(config, store=shared.retriever.store if shared else None, embedder=shared.embedder if shared else None)
        shared = shared or assistant
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=_console(stderr=True), transient=True) as bar:
            task = bar.add_task(f"Evaluating: {label}", total=len(data.items))
            run = evaluate(assistant, data, label, progress=lambda done, total: bar.update(task, completed=done))
        runs.append(run)
        target = out_dir if len(configs) == 1 or label == configs[0][0] else out_dir / label.split(",")[0].replace(" ", "-").replace("(", "").replace(")", "").replace("+", "plus")
        json_path, md_path = write_run(run, target, split, machine)
    table = Table(title=f"{runs[0].metrics['items']} questions, split {split}", title_justify="left")
    table.add_column("Metric")
    for run in runs:
        table.add_column(run.label)
    for key, name, style in HEADLINE:
        table.add_row(name, *[fmt(run.metrics.get(key), style) for run in runs])
    out = _console()
    out.print(table)
    tags = [(tag, tm) for tag, tm in runs[0].per_tag.items() if tm["items"] >= TAG_ROWS_FROM]
    if tags:  # the kinds of question (and the larger groups): every tag is in report.md
        by_tag = Table(title=f"By tag, {runs[0].label} (tags of at least {TAG_ROWS_FROM} questions; all in report.md)", title_justify="left")
        for column in ("Tag", "n", "Correct (answerable)", "Abstained right (unanswerable)", "Recall@5"):
            by_tag.add_column(column)
        for tag, tm in sorted(tags, key=lambda pair: -pair[1]["items"]):
            by_tag.add_row(tag, str(tm["items"]), fmt(tm["answer_correctness"], "pct"), fmt(tm["abstention_recall"], "pct"), fmt(tm["evidence_recall_at_5"], "pct"))
        out.print(by_tag)
    if compare:
        (out_dir / "compare.md").write_text(compare_markdown(runs, split, machine), encoding="utf-8")
        out.print(f"Comparison: {out_dir / 'compare.md'}")
    out.print(f"Report: {out_dir / 'report.md'}; per-item results: {out_dir / 'results.json'}")
    if gate_file:
        failures = check(runs[0].metrics, json.loads(gate_file.read_text(encoding="utf-8")))
        for failure in failures:
            click.echo(f"GATE: {failure}", err=True)
        if failures:
            sys.exit(1)


@cli.command()
@click.option("--port", type=int, help="Port (IA_UI_PORT, default 8501).")
@click.option("--address", help="Address (IA_UI_ADDRESS, default 127.0.0.1).")
@click.pass_context
@errors_as_messages
def ui(ctx, port, address):
    """Open the assistant in the browser (Streamlit), served on 127.0.0.1 by default.

    \b
    Example:
        inspection-assistant ui --port 8502
    """
    import os
    import subprocess

    from index.settings import PROJECT_ROOT

    settings = _settings(ctx)
    env = dict(os.environ, HF_HUB_OFFLINE="1", IA_DATA_DIR=str(settings.data_dir))
    command = [
        sys.executable, "-m", "streamlit", "run", str(PROJECT_ROOT / "ui" / "app.py"),
        "--server.address", address or settings.ui_address,
        "--server.port", str(port or settings.ui_port),
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
        "--server.maxUploadSize", str(settings.max_upload_mb),
        # the pages write everything explicitly; "magic" re-parses each page with ast.parse, which
        # Python 3.11 can fail with a spurious "AST constructor recursion depth mismatch" (CPython gh-106905)
        "--runner.magicEnabled", "false",
    ]
    click.echo(f"Serving on http://{address or settings.ui_address}:{port or settings.ui_port} (Ctrl-C to stop)", err=True)
    sys.exit(subprocess.call(command, env=env))


@cli.command()
@click.option("--quick", is_flag=True, help="Fewer repeats; scale up to 10k passages only.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("bench/results"), show_default=True)
@click.option("--library-index", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Instead: ask the library's dev questions on this already-built index, against the floor (writes library-ask.json and .md).")
@click.option("--questions", type=click.Path(dir_okay=False, path_type=Path), default=Path("evals/library_questions.jsonl"), show_default=True,
              help="With --library-index: the questions to ask.")
@click.pass_context
@errors_as_messages
def bench(ctx, quick, out_dir, library_index, questions):
    """Measure speed and scale against their floors (writes results.json and results.md).

    \b
    Example:
        inspection-assistant bench --quick
        inspection-assistant bench --library-index data   # the library indexed there
    """
    from bench.run import run, run_indexed_library

    settings = _settings(ctx)
    console = _console(stderr=True)
    if library_index is not None:
        if not library_index.is_dir():
            raise click.UsageError(f"no index at {library_index}")
        import dataclasses

        console.print(f"[dim]asking {questions} on the index at {library_index}…[/]")
        run_indexed_library(dataclasses.replace(settings, data_dir=library_index), questions, out_dir, count=60 if quick else 300)
        click.echo((out_dir / "library-ask.md").read_text(encoding="utf-8"))
        return
    run(settings, out_dir, quick=quick, progress=lambda message: console.print(f"[dim]{message}…[/]"))
    click.echo((out_dir / "results.md").read_text(encoding="utf-8"))


def main():
    cli(prog_name="inspection-assistant")


if __name__ == "__main__":
    main()

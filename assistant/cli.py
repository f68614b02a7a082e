"""The command line: a thin front end that parses options, calls the library and prints."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from index.errors import AssistantError, IndexMissing
from index.settings import Settings


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
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from index.indexer import run_index

    settings = _settings(ctx)
    console = _console(stderr=True)
    labels = {"read": "Reading files", "embed": "Embedding passages"}
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console, transient=True) as bar:
        tasks: dict[str, int] = {}

        def progress(what, done, total):
            if what not in tasks:
                tasks[what] = bar.add_task(labels.get(what, what), total=total or None)
            bar.update(tasks[what], completed=done, total=total or None)

        report = run_index(settings, list(paths) or None, rebuild=rebuild, progress=progress)

    out = _console()
    table = Table(title="Index summary", title_justify="left")
    for column in ("File", "Status", "Passages", "Reason"):
        table.add_column(column, overflow="fold")
    style = {"failed": "red", "added": "green", "updated": "yellow", "removed": "magenta"}
    for o in report.outcomes:
        table.add_row(o.source, f"[{style.get(o.status, '')}]{o.status}[/]" if o.status in style else o.status, str(o.passages) if o.doc_id else "", o.reason)
    out.print(table)
    out.print(f"{report.summary()}; embedded {report.embedded} passages in {report.seconds:.1f}s" + (f" ({report.reused} kept from an interrupted run)" if report.reused else ""))
    if report.failed and (strict or report.indexed == 0):
        sys.exit(1)


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
    from index.text import display_date
    from index.types import KIND_LABELS

    store = Store.open(_settings(ctx))
    records = sorted(store.document_records().values(), key=lambda r: (r.date or "", r.doc_id))
    table = Table(title=f"{len(records)} documents", title_justify="left")
    for column in ("Document id", "Title", "Kind", "Authority", "Date", "Passages"):
        table.add_column(column, overflow="fold")
    for r in records:
        table.add_row(r.doc_id, r.title, KIND_LABELS.get(r.kind, r.kind), r.authority or "", display_date(r.date), str(r.passage_count))
    _console().print(table)


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


def main():
    cli(prog_name="inspection-assistant")


if __name__ == "__main__":
    main()

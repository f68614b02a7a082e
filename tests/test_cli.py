"""The CLI as a user sees it: exit codes, tables, one-line errors (fake embedder: fast)."""

from assistant.cli import cli


def test_index_twice_reports_unchanged(runner, corpus):
    first = runner.invoke(cli, ["index"])
    assert first.exit_code == 0, first.output
    assert "5 added; embedded 225 passages" in first.output
    second = runner.invoke(cli, ["index"])
    assert second.exit_code == 0
    assert "5 unchanged; embedded 0 passages" in second.output


def test_bad_files_are_reasons_in_the_summary_and_exit_zero(runner, corpus):
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    (corpus / "empty.txt").write_bytes(b"")
    result = runner.invoke(cli, ["index"])
    assert result.exit_code == 0, result.output
    assert "broken.pdf" in result.output and "not a readable PDF" in result.output
    assert "empty.txt" in result.output and "empty file" in result.output
    assert "5 added, 2 failed" in result.output
    strict = runner.invoke(cli, ["index", "--strict"])
    assert strict.exit_code == 1
    assert "5 unchanged, 2 failed" in strict.output


def test_exit_non_zero_when_nothing_could_be_indexed(runner, tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.md").write_bytes(b"")
    result = runner.invoke(cli, ["index", str(folder)])
    assert result.exit_code == 1
    assert "0 added" not in result.output and "1 failed" in result.output


def test_sources_and_show(runner, corpus):
    runner.invoke(cli, ["index"])
    sources = runner.invoke(cli, ["sources"])
    assert sources.exit_code == 0
    assert "5 documents" in sources.output
    assert "Focused visit to Isles of Scilly children's services" in sources.output
    assert "23 August 2022" in sources.output
    shown = runner.invoke(cli, ["show", "isle-of-wight-improvement-plan-2024#action-2.1"])
    assert shown.exit_code == 0
    for text in ("action 2.1", "Pre-Proceedings Framework", "Owner: Service Manager Operations", "RAG: G", "2. The pre-proceedings process"):
        assert text in shown.output


def test_show_unknown_passage_is_one_line_error(runner, corpus):
    runner.invoke(cli, ["index"])
    result = runner.invoke(cli, ["show", "nope#p1"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == ["Error: no passage 'nope#p1' in the index (see `inspection-assistant sources`)"]


def test_commands_without_an_index_exit_2_with_a_hint(runner):
    result = runner.invoke(cli, ["sources"])
    assert result.exit_code == 2
    assert "build it with `inspection-assistant index`" in result.output


def test_busy_index_is_refused(runner, corpus, settings):
    from index.indexer import index_lock

    with index_lock(settings):
        result = runner.invoke(cli, ["index"])
    assert result.exit_code == 1
    assert "another index run is in progress" in result.output


def test_a_log_of_a_long_index_run_gets_progress_lines(runner, corpus, monkeypatch):
    """Not a terminal: plain lines (by time, so a total that grows while files are read still
    gets them); here one for each update."""
    import assistant.cli

    monkeypatch.setattr(assistant.cli, "LOG_EVERY", 0.0)
    result = runner.invoke(cli, ["index"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("Embedding passages: ")]
    assert len(lines) >= 2 and lines[-1].startswith("Embedding passages: 225/225")
    assert "5 added; embedded 225 passages" in result.output

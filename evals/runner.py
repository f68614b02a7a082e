"""Run a known-answer set through the same code path as `ask` and score it: retrieval (evidence
recall@k, MRR), answers (correctness, abstention), citations (support, precision, quote fidelity)
and latency. Deterministic and offline: no LLM judges."""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from index.text import normalise

from .dataset import Dataset, Item
from .matching import contains, group_matched


@dataclass
class ItemResult:
    item: Item
    response: dict
    verdicts: dict[str, bool | float | None] = field(default_factory=dict)
    why: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        v = self.verdicts
        if self.item.answerable:
            return not (v.get("correct") and v.get("supported") and v.get("quotes_ok") is not False)
        return not v.get("abstained")


@dataclass
class Run:
    label: str
    results: list[ItemResult]
    metrics: dict[str, float | int | None]
    per_tag: dict[str, dict[str, float | int | None]]
    seconds: float = 0.0


def judge(item: Item, response: dict, passage_text: Callable[[str], str | None], document_norm: Callable[[str], str], k: int = 5) -> ItemResult:
    """Verdicts for one answered item, with the reasons for each failure."""
    result = ItemResult(item, response)
    v, why = result.verdicts, result.why
    v["abstained"] = bool(response.get("abstained"))
    citations = response.get("citations", [])
    # quote fidelity holds for every answer, answerable or not
    bad_quotes = [
        c["n"] for c in citations
        if not c.get("quote") or c["quote"] not in c.get("text", "") or normalise(c["quote"]) not in document_norm(c["doc_id"])
    ]
    v["quotes_ok"] = not bad_quotes if citations else None
    if bad_quotes:
        why.append(f"quotes not verbatim: {bad_quotes}")
    if not item.answerable:
        if not v["abstained"]:
            why.append("answered a question the sources don't answer")
        return result
    retrieved = response.get("retrieved", [])
    texts = [passage_text(pid) or "" for pid in retrieved]
    rank = next((i + 1 for i, t in enumerate(texts) if any(contains(t, e) for e in item.evidence)), None)
    v["recall_at_k"] = rank is not None and rank <= k
    v["reciprocal_rank"] = 1.0 / rank if rank else 0.0
    if not v["recall_at_k"] and item.evidence:
        why.append(f"evidence not in the top {k} passages")
    answer = response.get("answer", "")
    missing = [group for group in item.must_include if not group_matched(answer, list(group))]
    docs = {c["doc_id"] for c in citations}
    v["correct"] = not v["abstained"] and not missing and (item.min_docs is None or len(docs) >= item.min_docs)
    if v["abstained"]:
        why.append(f"abstained ({response.get('reason', '')})")
    for group in missing:
        why.append("missing: " + " | ".join(group))
    if item.min_docs and len(docs) < item.min_docs:
        why.append(f"cited {len(docs)} documents, needs {item.min_docs}")
    supported = [c for c in citations if any(contains(c.get("text", ""), e) for e in item.evidence)]
    v["supported"] = bool(supported) if item.evidence else bool(citations)
    if citations and not v["supported"]:
        why.append("no citation holds the evidence")
    useful = [
        c for c in citations
        if any(contains(c.get("text", ""), e) for e in item.evidence)
        or any(contains(c.get("text", ""), alt) for group in item.must_include for alt in group)
    ]
    v["citation_precision"] = len(useful) / len(citations) if citations else None
    return result


def _mean(values) -> float | None:
    values = [float(v) for v in values if v is not None]
    return sum(values) / len(values) if values else None


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    index = min(len(values) - 1, max(0, round(q * (len(values) - 1))))
    return values[index]


def summarise(results: list[ItemResult]) -> dict[str, float | int | None]:
    answerable = [r for r in results if r.item.answerable]
    unanswerable = [r for r in results if not r.item.answerable]
    abstained = [r for r in results if r.verdicts.get("abstained")]
    true_abstentions = [r for r in abstained if not r.item.answerable]
    false_abstentions = [r for r in answerable if r.verdicts.get("abstained")]
    metrics: dict[str, float | int | None] = {
        "items": len(results),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "evidence_recall_at_5": _mean(r.verdicts.get("recall_at_k") for r in answerable if r.item.evidence),
        "mrr": _mean(r.verdicts.get("reciprocal_rank") for r in answerable if r.item.evidence),
        "answer_correctness": _mean(r.verdicts.get("correct") for r in answerable),
        "citation_support": _mean(r.verdicts.get("supported") for r in answerable if not r.verdicts.get("abstained")),
        "citation_precision": _mean(r.verdicts.get("citation_precision") for r in answerable),
        "quote_fidelity": _mean(r.verdicts.get("quotes_ok") for r in results),
        "abstention_precision": len(true_abstentions) / len(abstained) if abstained else None,
        "abstention_recall": len(true_abstentions) / len(unanswerable) if unanswerable else None,
        "false_abstentions": len(false_abstentions),
        "false_abstentions_per_50": 50 * len(false_abstentions) / len(answerable) if answerable else None,
    }
    for stage in ("retrieve", "answer", "total"):
        values = [r.response.get("timings_ms", {}).get(stage) for r in results]
        values = [v for v in values if v is not None]
        metrics[f"latency_{stage}_p50_ms"] = _percentile(values, 0.5)
        metrics[f"latency_{stage}_p95_ms"] = _percentile(values, 0.95)
    return metrics


def evaluate(assistant, dataset: Dataset, label: str = "hybrid, extractive", k: int = 5, progress: Callable[[int, int], None] | None = None, ask_kwargs: dict | None = None) -> Run:
    """Answer every item with ``assistant.ask`` (the code path of the CLI and UI) and score it."""
    started = time.perf_counter()
    corpus = assistant.retriever.corpus()
    by_id = corpus.by_id
    results = []
    for done, item in enumerate(dataset.items):
        if progress:
            progress(done, len(dataset.items))
        response = assistant.ask(item.question, **(ask_kwargs or {})).to_json()
        results.append(judge(item, response, lambda pid: by_id[pid].text if pid in by_id else None, assistant.document_norm, k))
    if progress:
        progress(len(dataset.items), len(dataset.items))
    tags = sorted({t for item in dataset.items for t in item.tags})
    per_tag = {tag: summarise([r for r in results if tag in r.item.tags]) for tag in tags}
    return Run(label, results, summarise(results), per_tag, time.perf_counter() - started)


HEADLINE = [
    ("evidence_recall_at_5", "Evidence recall@5", "pct"),
    ("mrr", "MRR", "num"),
    ("answer_correctness", "Answer correctness", "pct"),
    ("citation_support", "Citation support", "pct"),
    ("citation_precision", "Citation precision", "pct"),
    ("quote_fidelity", "Quote fidelity", "pct"),
    ("abstention_precision", "Abstention precision", "pct"),
    ("abstention_recall", "Abstention recall", "pct"),
    ("false_abstentions", "False abstentions", "int"),
    ("latency_total_p50_ms", "Latency p50 (ms)", "ms"),
    ("latency_total_p95_ms", "Latency p95 (ms)", "ms"),
]


def fmt(value, style: str) -> str:
    if value is None:
        return "–"
    if style == "pct":
        return f"{100 * value:.1f}%"
    if style == "int":
        return str(int(value))
    if style == "ms":
        return f"{value:.0f}"
    return f"{value:.3f}"


def _bar(value: float | None, width: int = 20) -> str:
    if value is None:
        return ""
    full = round(value * width)
    return "█" * full + "░" * (width - full)


def report_markdown(run: Run, split: str, machine: str) -> str:
    m = run.metrics
    lines = [
        f"# Evaluation report: {run.label}",
        "",
        f"Split `{split}`: {m['items']} questions ({m['answerable']} answerable, {m['unanswerable']} unanswerable), "
        f"run in {run.seconds:.0f} s on {machine}.",
        "",
        "| Metric | Value |",
        "|---|---|",
    ]
    lines += [f"| {name} | {fmt(m.get(key), style)} |" for key, name, style in HEADLINE]
    lines += ["", "Latency per stage (ms): " + ", ".join(
        f"{stage} p50 {fmt(m.get(f'latency_{stage}_p50_ms'), 'ms')} / p95 {fmt(m.get(f'latency_{stage}_p95_ms'), 'ms')}" for stage in ("retrieve", "answer", "total")
    ), "", "## Per tag", "", "| Tag | n | Correct (answerable) | Abstained right (unanswerable) | Recall@5 | |", "|---|---|---|---|---|---|"]
    for tag, tm in run.per_tag.items():
        score = tm["answer_correctness"] if tm["answerable"] else tm["abstention_recall"]
        lines.append(
            f"| {tag} | {tm['items']} | {fmt(tm['answer_correctness'], 'pct')} | {fmt(tm['abstention_recall'], 'pct')} | {fmt(tm['evidence_recall_at_5'], 'pct')} | `{_bar(score)}` |"
        )
    failures = [r for r in run.results if r.failed or r.why]
    lines += ["", f"## Failures and warnings ({len(failures)})", ""]
    if not failures:
        lines.append("None.")
    for r in failures:
        answer = r.response.get("answer", "").replace("\n", " ")
        lines += [
            f"### `{r.item.id}` {'(unanswerable)' if not r.item.answerable else ''}",
            f"**Q:** {r.item.question}",
            "",
            f"**A:** {answer[:600]}{'…' if len(answer) > 600 else ''}",
            "",
            "**Why:** " + "; ".join(r.why),
            "",
        ]
    return "\n".join(lines) + "\n"


def write_run(run: Run, out_dir: Path, split: str, machine: str) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    results = {
        "label": run.label,
        "split": split,
        "machine": machine,
        "seconds": round(run.seconds, 1),
        "metrics": run.metrics,
        "per_tag": run.per_tag,
        "items": [
            {"id": r.item.id, "question": r.item.question, "answerable": r.item.answerable, "tags": list(r.item.tags),
             "split": r.item.split, "failed": r.failed, "verdicts": r.verdicts, "why": r.why, "response": r.response}
            for r in run.results
        ],
    }
    json_path = out_dir / "results.json"
    json_path.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    md_path = out_dir / "report.md"
    md_path.write_text(report_markdown(run, split, machine), encoding="utf-8")
    return json_path, md_path


def compare_markdown(runs: list[Run], split: str, machine: str) -> str:
    lines = [f"# Configurations compared (split `{split}`, {machine})", "", "| Configuration | " + " | ".join(name for _, name, _ in HEADLINE) + " |", "|---" * (len(HEADLINE) + 1) + "|"]
    for run in runs:
        lines.append(f"| {run.label} | " + " | ".join(fmt(run.metrics.get(key), style) for key, _, style in HEADLINE) + " |")
    return "\n".join(lines) + "\n"


def machine_description() -> str:
    import os
    import platform

    return f"{os.cpu_count()} CPU cores, {platform.machine()}, Python {platform.python_version()}"

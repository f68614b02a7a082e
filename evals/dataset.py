"""Reading a known-answer file: one JSON object a line. Malformed lines are reported with their
line number and skipped; an empty file is an error."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from index.errors import ConfigError

DEFAULT_SET = Path(__file__).with_name("known_answers.jsonl")


@dataclass(frozen=True)
class Item:
    id: str
    question: str
    answerable: bool = True
    must_include: tuple[tuple[str, ...], ...] = ()
    evidence: tuple[str, ...] = ()
    min_docs: int | None = None
    tags: tuple[str, ...] = ()
    split: str = "dev"


@dataclass
class Dataset:
    items: list[Item] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "file:line: reason" for skipped lines


def _strings(value, name: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"'{name}' must be a list of strings")
    return tuple(value)


def parse_item(obj, number: int) -> Item:
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")
    question = obj.get("question")
    if not isinstance(question, str) or not question.strip():
        raise ValueError("missing 'question' (a non-empty string)")
    answerable = obj.get("answerable", True)
    if not isinstance(answerable, bool):
        raise ValueError("'answerable' must be true or false")
    groups = obj.get("must_include", [])
    if not isinstance(groups, list):
        raise ValueError("'must_include' must be a list of lists of strings")
    must = tuple(_strings(g if isinstance(g, list) else [g], "must_include") for g in groups)
    min_docs = obj.get("min_docs")
    if min_docs is not None and (not isinstance(min_docs, int) or isinstance(min_docs, bool) or min_docs < 1):
        raise ValueError("'min_docs' must be a positive whole number")
    split = obj.get("split")
    tags = _strings(obj.get("tags", []), "tags")
    if split is None:
        split = "test" if "test" in tags else "dev"
    if split not in ("dev", "test"):
        raise ValueError("'split' must be 'dev' or 'test'")
    return Item(
        id=str(obj.get("id") or f"line-{number}"),
        question=question,
        answerable=answerable,
        must_include=must,
        evidence=_strings(obj.get("evidence", []), "evidence"),
        min_docs=min_docs,
        tags=tags,
        split=split,
    )


def load_dataset(path: Path = DEFAULT_SET, split: str = "all") -> Dataset:
    """Items of ``split`` (dev, test or all) from ``path``."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"cannot read question file {path}: {err}") from None
    data = Dataset()
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            item = parse_item(json.loads(line), number)
        except json.JSONDecodeError as err:
            data.problems.append(f"{path}:{number}: not valid JSON ({err.msg}); skipped")
            continue
        except ValueError as err:
            data.problems.append(f"{path}:{number}: {err}; skipped")
            continue
        if item.id in seen:
            data.problems.append(f"{path}:{number}: duplicate id {item.id!r}; skipped")
            continue
        seen.add(item.id)
        if split == "all" or item.split == split:
            data.items.append(item)
    if not data.items:
        if not any(line.strip() for line in lines):
            raise ConfigError(f"question file {path} is empty")
        raise ConfigError(f"question file {path} has no usable {'' if split == 'all' else split + ' '}questions" + (f" ({len(data.problems)} bad lines)" if data.problems else ""))
    return data

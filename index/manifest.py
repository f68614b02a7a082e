"""The corpus manifest (``manifest.json`` beside the documents) and metadata inference for files
that have no entry: such files are indexed, never rejected."""

from __future__ import annotations

import json
from pathlib import Path

from .errors import ConfigError
from .text import find_date, slugify
from .types import KINDS, DocumentMeta

MANIFEST_NAME = "manifest.json"
_FIELDS = ("id", "title", "kind", "authority", "publisher", "date")


def read_manifest(folder: Path) -> dict[str, dict]:
    """File name -> manifest entry. A missing manifest is an empty one; a broken one is an error."""
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ConfigError(f"{path}: not valid JSON ({err})") from None
    entries = data.get("documents", {}) if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        raise ConfigError(f"{path}: expected an object with a 'documents' mapping of file name to metadata")
    for name, entry in entries.items():
        if not isinstance(entry, dict):
            raise ConfigError(f"{path}: entry for {name!r} must be an object")
        kind = entry.get("kind", "other")
        if kind not in KINDS:
            raise ConfigError(f"{path}: {name!r} has kind {kind!r}; expected one of {', '.join(KINDS)}")
    return entries


def document_meta(file_name: str, text: str, entry: dict | None, infer_title, facts=None) -> DocumentMeta:
    """Metadata from the manifest entry, with anything missing read from the document: an
    inspection report's or visit letter's own statements (``facts``), else inferred from the text."""
    entry = {k: v for k, v in (entry or {}).items() if k in _FIELDS and v}
    inferred = []
    stated = _stated(facts)
    for name in ("title", "kind", "authority", "publisher", "date"):
        if name not in entry and stated.get(name):
            entry[name] = stated[name]
            inferred.append(name)
    if "title" not in entry:
        entry["title"] = infer_title(text)
        inferred.append("title")
    if "date" not in entry:
        found = find_date(text[:5000])
        if found:
            entry["date"] = found
            inferred.append("date")
    extra = {}
    if stated:
        extra = dict(
            framework=facts.framework,
            start_date=facts.start_date,
            end_date=facts.end_date,
            published=facts.published,
            lead_inspector=facts.lead_inspector,
            inspectors=tuple(facts.inspectors),
            judgements=tuple((j.area, j.label, j.grade) for j in facts.judgements),
        )
    return DocumentMeta(
        doc_id=entry.get("id") or slugify(Path(file_name).stem),
        title=entry["title"],
        kind=entry.get("kind", "other"),
        authority=entry.get("authority"),
        publisher=entry.get("publisher"),
        date=entry.get("date"),
        inferred=tuple(inferred),
        **extra,
    )


def _stated(facts) -> dict:
    """The document fields an Ofsted report or letter states about itself; {} for other documents.
    A report is dated by its inspection's last day (when the judgements were made), a letter by
    its own date where it gives one."""
    if facts is None or facts.kind == "other":
        return {}
    date = facts.end_date or facts.published or facts.start_date
    if facts.kind != "inspection_report":
        date = facts.published or facts.end_date or facts.start_date
    return {"title": facts.title, "kind": facts.kind, "authority": facts.authority, "publisher": "Ofsted", "date": date}

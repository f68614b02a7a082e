"""The corpus manifest (``manifest.json`` beside the documents): its declared schema, and metadata
inference for files that have no entry (such files are indexed, never rejected).

A bad entry is a problem for its own document only: ``load_manifest`` keeps the valid entries and
gives each bad one a one-line reason naming the manifest, the entry and the field."""

from __future__ import annotations

import datetime
import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal, Optional

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, ValidationError

from .errors import ConfigError, LoadError
from .text import find_date, slugify
from .types import KINDS, DocumentMeta

MANIFEST_NAME = "manifest.json"
_FIELDS = ("id", "title", "kind", "authority", "publisher", "date")


@dataclass(frozen=True)
class Manifest:
    """``entries``: file name -> cleaned metadata, for the valid entries only. ``problems``: file
    name -> one line saying why its entry was not accepted (``manifest.json: 'plan.txt'.date: …``)."""

    entries: dict[str, dict] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)


# --- The schema of one entry ---------------------------------------------------------------------

_ISO_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
# An id becomes the start of passage ids ("<id>#p16") and of store keys: no '#', '@', '/', spaces or '..'.
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


def _tidy(value):
    """A string stripped, its runs of whitespace made one space; a blank string means no value.
    Anything else is left for the strict type check to reject (2024 is not taken as "2024")."""
    if isinstance(value, str):
        return " ".join(value.split()) or None
    return value


def _real_date(value: str) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD (the forms ``find_date`` and ``display_date`` use), a real date."""
    match = _ISO_DATE.fullmatch(value)
    if not match:
        raise ValueError("not an ISO date")
    year, month, day = (int(part) if part else 1 for part in match.groups())
    datetime.date(year, month, day)  # ValueError for 2024-13-45, 2023-02-29, 0000
    return value


def _safe_id(value: str) -> str:
    if not _SAFE_ID.fullmatch(value) or ".." in value:
        raise ValueError("not a safe id")
    return value


def _optional(kind, check=None):
    inner = Annotated[kind, AfterValidator(check)] if check else kind
    return Annotated[Optional[inner], BeforeValidator(_tidy)]


_Id = _optional(str, _safe_id)
_Text = _optional(str)
_Kind = _optional(Literal[KINDS])
_Date = _optional(str, _real_date)


class Entry(BaseModel):
    """One document's metadata. Every field is optional: what is missing is read from the text."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    id: _Id = None
    title: _Text = None
    kind: _Kind = None
    authority: _Text = None
    publisher: _Text = None
    date: _Date = None


# What each field expects, as the user is told: "'plan.txt'.date: expected <this>, got 2024".
EXPECTED = {
    "id": "an id of letters, digits, '.', '_' or '-' (starting with a letter or digit, no '..', at most 100 characters)",
    "title": "a string",
    "kind": "one of " + ", ".join(KINDS),
    "authority": "a string",
    "publisher": "a string",
    "date": "an ISO date like 2024-03-01",
}


# --- Reading the file ----------------------------------------------------------------------------


def load_manifest(folder: Path) -> Manifest:
    """The manifest in ``folder``: its valid entries and a reason for each bad one.

    A missing manifest is an empty one. A file that is not UTF-8 JSON with a ``documents`` object
    raises ``ConfigError`` (one line, naming the path): nothing in it can be trusted.
    """
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return Manifest()
    try:
        # utf-8-sig: a byte-order mark (Windows Notepad) is not an error
        data = json.loads(path.read_text(encoding="utf-8-sig"), object_pairs_hook=_Object.from_pairs)
    except UnicodeDecodeError as err:
        raise ConfigError(f"{path}: not UTF-8 text (byte {err.start})") from None
    except (OSError, json.JSONDecodeError) as err:
        raise ConfigError(f"{path}: not valid JSON ({err})") from None
    documents = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(documents, dict):
        raise ConfigError(f"{path}: expected an object with a 'documents' mapping of file name to metadata")

    entries, problems, ids = {}, {}, {}
    for name, raw in documents.items():
        clean, reasons = _check(raw)
        if name in documents.repeated:
            reasons[None] = "listed more than once"
        if clean is not None and "id" in clean:
            ids[name] = clean["id"]
        if reasons:
            problems[name] = reasons
        else:
            entries[name] = clean
    for name, reason in _shared_ids(ids).items():
        problems.setdefault(name, {})["id"] = reason
        entries.pop(name, None)
    lines = {}
    for name, raw in documents.items():  # in the manifest's order
        if name in problems:
            lines[name] = _line(name, list(raw) if isinstance(raw, dict) else [], problems[name])
    return Manifest(entries, lines)


def read_home_authority(folder: Path) -> str | None:
    """The optional top-level ``home_authority`` of the manifest in ``folder`` (the council whose
    library it is); None when absent, not a string, or the manifest cannot be read."""
    try:
        data = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    value = data.get("home_authority") if isinstance(data, dict) else None
    return (value.strip() or None) if isinstance(value, str) else None


def read_manifest(folder: Path) -> dict[str, dict]:
    """File name -> cleaned manifest entry, for the valid entries (see ``load_manifest``)."""
    return load_manifest(folder).entries


class _Object(dict):
    """A JSON object that remembers the keys written more than once (json keeps only the last)."""

    repeated: tuple[str, ...] = ()

    @classmethod
    def from_pairs(cls, pairs):
        obj = cls(pairs)
        if len(obj) < len(pairs):
            keys = [key for key, _ in pairs]
            obj.repeated = tuple(dict.fromkeys(k for i, k in enumerate(keys) if k in keys[:i]))
        return obj


def _check(raw) -> tuple[dict | None, dict[str | None, str]]:
    """(cleaned entry or None, reasons keyed by field; None keys the entry as a whole)."""
    if not isinstance(raw, dict):
        return None, {None: f"expected an object of metadata, got {_show(raw)}"}
    reasons: dict[str | None, str] = {}
    for key in getattr(raw, "repeated", ()):
        reasons[key] = "given more than once"
    try:
        entry = Entry.model_validate(dict(raw))
    except ValidationError as err:
        for error in err.errors():
            key = error["loc"][0] if error["loc"] else None
            if error["type"] == "extra_forbidden":
                reasons[key] = _unknown(str(key))
            elif key in EXPECTED:
                reasons.setdefault(key, f"expected {EXPECTED[key]}, got {_show(raw.get(key))}")
            else:  # not expected from this schema; still one line, never a traceback
                reasons.setdefault(key, error["msg"])
        valid = {k: _tidy(v) for k, v in raw.items() if k in EXPECTED and k not in reasons}
        return {k: v for k, v in valid.items() if v is not None}, reasons
    return entry.model_dump(exclude_none=True), reasons


def _shared_ids(ids: dict[str, str]) -> dict[str, str]:
    """File name -> reason, for every entry whose id another entry also has."""
    names_by_id: dict[str, list[str]] = {}
    for name, doc_id in ids.items():
        names_by_id.setdefault(doc_id, []).append(name)
    return {
        name: f"{doc_id!r} is also the id of {_and([repr(n) for n in names if n != name])}"
        for doc_id, names in names_by_id.items() if len(names) > 1
        for name in names
    }


def _unknown(key: str) -> str:
    close = difflib.get_close_matches(key.lower(), _FIELDS, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown field {_show(key)}{hint}"


def _line(name: str, order: list, reasons: dict[str | None, str]) -> str:
    """One line for the user: ``manifest.json: 'plan.txt'.date: …; 'plan.txt'.title: …``, the
    fields in the order the entry writes them."""
    keys = sorted(reasons, key=lambda k: (k is not None, order.index(k) if k in order else len(order)))
    parts = [f"{name!r}{'' if k is None or k not in EXPECTED else '.' + k}: {reasons[k]}" for k in keys]
    return f"{MANIFEST_NAME}: " + "; ".join(parts)


def _show(value) -> str:
    """A value as the user wrote it in JSON: 2024, true, null, 'yesterday'; a list, an object."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return repr(value if len(value) <= 60 else value[:57] + "...")
    return json.dumps(value)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# --- Metadata for one document -------------------------------------------------------------------


def document_meta(file_name: str, text: str, entry: dict | None, infer_title, facts=None) -> DocumentMeta:
    """Metadata from the manifest entry, with anything missing read from the document: an
    inspection report's or visit letter's own statements (``facts``), else inferred from the text.

    ``entry`` should be one of ``load_manifest``'s valid entries; one that does not fit the schema
    raises ``LoadError`` with the same one-line reason ``load_manifest`` would give.
    """
    entry, reasons = _check({} if entry is None else entry)
    if reasons:
        raise LoadError(_line(file_name, [], reasons))
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

"""Adding uploaded documents to the library: check each upload (type, size, a safe file name, no
silent overwrite), save it into the source folder, index it, and take back any file the indexer
could not read, so a bad upload never costs the library a document it already had."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Callable

from .errors import UploadRefused
from .settings import Settings

ALLOWED_TYPES = (".pdf", ".docx", ".txt", ".md", ".html", ".htm")
MAX_NAME_LENGTH = 120
# What the start of a file of each binary type looks like; text types are checked by the loaders.
_MAGIC = {".pdf": (b"%PDF-",), ".docx": (b"PK\x03\x04",)}


@dataclass(frozen=True)
class UploadOutcome:
    """What happened to one uploaded file."""

    name: str  # the name the file was uploaded with
    status: str  # added | updated | unchanged | refused | failed
    saved_as: str | None = None  # the file name in the source folder
    doc_id: str | None = None
    passages: int = 0
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.status in ("added", "updated", "unchanged")


def safe_name(name: str) -> str:
    """The file name an upload is saved under: directories stripped, odd characters replaced.

    Raises UploadRefused for names that are empty, hidden (start with '.'), or only dots.
    """
    raw = unicodedata.normalize("NFC", name or "").replace("\\", "/")
    base = "" if raw.rstrip().endswith("/") else PurePosixPath(raw).name.strip()
    base = re.sub(r"[\x00-\x1f\x7f]", "", base)
    base = re.sub(r"[^\w .()+,@=-]", "-", base)
    base = re.sub(r"\s+", " ", base).strip(" ")
    if not base or set(base) <= {"."}:
        raise UploadRefused(f"{name!r} is not a usable file name")
    if base.startswith("."):
        raise UploadRefused(f"hidden file names (starting with '.') are not accepted: {base!r}")
    stem, suffix = os.path.splitext(base)
    if len(base) > MAX_NAME_LENGTH:
        base = stem[: MAX_NAME_LENGTH - len(suffix)].rstrip(" .") + suffix
    return base


def check_upload(settings: Settings, name: str, data: bytes, overwrite: bool = False) -> Path:
    """Where an upload would be saved. Raises UploadRefused with a one-line reason when the type is
    not allowed, the file is empty or too big, its content does not match its type, or a file of
    that name already exists (unless ``overwrite``)."""
    base = safe_name(name)
    suffix = os.path.splitext(base)[1].lower()
    if suffix not in ALLOWED_TYPES:
        shown = suffix or "no extension"
        raise UploadRefused(f"file type {shown} is not accepted; upload {', '.join(t for t in ALLOWED_TYPES if t != '.htm')}")
    limit = settings.max_upload_mb * 1024 * 1024
    if len(data) > limit:
        raise UploadRefused(f"the file is {len(data) / 1024 / 1024:.1f} MB; the limit is {settings.max_upload_mb} MB")
    if not data.strip():
        raise UploadRefused("the file is empty")
    if suffix in _MAGIC and not data.startswith(_MAGIC[suffix]):
        raise UploadRefused(f"the content is not a {suffix[1:].upper()} file (wrong extension?)")
    folder = settings.source_dir.resolve()
    target = folder / base
    if target.resolve().parent != folder:  # a symlink pointing elsewhere: never write through it
        raise UploadRefused(f"{base!r} cannot be written inside the document folder")
    if (target.exists() or target.is_symlink()) and not overwrite:
        raise UploadRefused(f"a document named {base!r} already exists; choose to replace it to upload a new version")
    if target.is_dir():
        raise UploadRefused(f"{base!r} is a folder in the document folder")
    return target


def _write(target: Path, data: bytes) -> None:
    """Write atomically: a hidden temporary file (the indexer skips hidden files), then a rename."""
    handle, temp = tempfile.mkstemp(prefix=".upload-", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def save_upload(settings: Settings, name: str, data: bytes, overwrite: bool = False) -> Path:
    """Check an upload (see :func:`check_upload`) and save it into the source folder."""
    settings.source_dir.mkdir(parents=True, exist_ok=True)
    target = check_upload(settings, name, data, overwrite)
    _write(target, data)
    return target


def add_uploads(
    settings: Settings,
    files: list[tuple[str, bytes]],
    overwrite: bool = False,
    progress: Callable[[str, int, int], None] | None = None,
    embedder=None,
) -> list[UploadOutcome]:
    """Save and index uploaded ``(name, bytes)`` files; one outcome per file, in order.

    A refused file is never written. A file the indexer cannot read is removed again (or, when it
    replaced a document, the previous file is put back); its earlier version stays indexed. Other
    documents are not touched. Raises IndexBusy when another index run holds the store.
    """
    from .indexer import run_index

    settings.source_dir.mkdir(parents=True, exist_ok=True)
    outcomes: dict[int, UploadOutcome] = {}
    saved: dict[int, tuple[Path, bytes | None]] = {}  # index -> (path, previous bytes)
    taken: set[str] = set()
    for i, (name, data) in enumerate(files):
        try:
            target = check_upload(settings, name, data, overwrite)
            if target.name.lower() in taken:
                raise UploadRefused(f"{target.name!r} is uploaded twice")
        except UploadRefused as err:
            outcomes[i] = UploadOutcome(name, "refused", reason=str(err))
            continue
        taken.add(target.name.lower())
        previous = target.read_bytes() if target.is_file() else None
        _write(target, data)
        saved[i] = (target, previous)
    if saved:
        try:
            report = run_index(settings, [path for path, _ in saved.values()], progress=progress, embedder=embedder)
        except BaseException:
            for path, previous in saved.values():
                _restore(path, previous)
            raise
        by_name = {o.source: o for o in report.outcomes}
        for i, (path, previous) in saved.items():
            result = by_name.get(path.name)
            if result is None or result.status == "failed":
                _restore(path, previous)
                reason = result.reason if result else "the indexer did not report on this file"
                outcomes[i] = UploadOutcome(files[i][0], "failed", path.name, reason=reason)
            else:
                outcomes[i] = UploadOutcome(files[i][0], result.status, path.name, result.doc_id, result.passages)
    return [outcomes[i] for i in range(len(files))]


def _restore(path: Path, previous: bytes | None) -> None:
    if previous is None:
        path.unlink(missing_ok=True)
    else:
        _write(path, previous)

"""Cut a document into passages that follow its structure.

Letters and articles give one passage per paragraph (or list item) with the heading path it sits
under; a paragraph broken by a page break is joined again. Action tables (tab-separated rows with
``<p>`` fragments and continuation lines, as in an improvement plan) give one passage per action
row with labelled columns. Passages too long for the embedding model are split at sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Callable

from .text import display_date, find_date, is_field, split_sentences
from .tokens import MAX_WORD_PIECES, count_tokens
from .types import Document, Passage

_TABLE_HEADER = re.compile(r"^\s*ref\s*\t", re.I)
_ROW = re.compile(r"^\s*(\d+(?:\.\d+)+)\s*\t")
_RULE = re.compile(r"^[\s\-–—|=_*\t]+$")
_NUMBERED_SECTION = re.compile(r"^(\d{1,2})\.\s+[A-Z][^\t\d]*$")
_BULLET = re.compile(r"^(\s*)([-•*▪◦·]|\d{1,2}[.)])\s+")
_TERMINAL = tuple(".!?:;\"”’')]")
_NOT_HEADING_START = re.compile(r"^(dear|yours|your sincerely|kind regards|best wishes|image of|t\s+\d)", re.I)
_P_TAGS = re.compile(r"</?p>", re.I)
_SALUTATION = re.compile(r"^dear\s+\S", re.I)
_SIGN_OFF = re.compile(r"^(yours?\s+(sincerely|faithfully|truly)|kind regards|best wishes|with best wishes)\b", re.I)
_CONTACT = re.compile(r"@|www\.|https?://|^\s*(t|tel|telephone|textphone|phone|fax)\b", re.I | re.M)
# What each part of a letter's frame is called (its heading), and what it tells a reader (added
# to the text searched, so "who was the letter sent to" and "who signed it" find the right block).
LETTER_PARTS = {
    "sender": ("Letter from", "the sender: who the letter is from, their address and postcode"),
    "contact": ("Sender's contact details", "telephone, email and website"),
    "date": ("Date of the letter", "when the letter was written and sent"),
    "addressee": ("Letter addressed to", "the recipient: who the letter was sent or addressed to, who received it, their address and postcode"),
    "salutation": ("Salutation", "the greeting"),
    "sign_off": ("Sign-off", "the closing"),
    "signature": ("Letter signed by", "who signed the letter"),
}

COLUMN_LABELS = (
    ("ref", "Ref"),
    ("action owner", "Owner"),
    ("owner", "Owner"),
    ("action", "Action"),
    ("commenc", "Commencing"),
    ("due", "Due"),
    ("rag", "RAG"),
    ("progress", "Progress"),
)


@dataclass
class _Line:
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class _Unit:
    kind: str  # "heading" | "para" | "row"
    start: int
    end: int
    text: str = ""
    level: int = 1
    cells: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    item: bool = False  # a bulleted or numbered list item


def make_passages(
    doc: Document,
    headings: tuple[tuple[int, int], ...] | None = None,
    count: Callable[[str], int] = count_tokens,
    max_tokens: int = MAX_WORD_PIECES,
    judgements: tuple = (),
) -> list[Passage]:
    """All passages of ``doc`` in document order.

    ``headings`` are (start, end) offsets of lines the file format marks as headings; when it is
    None or empty, headings are recognised from the text (short lines without closing punctuation,
    numbered sections, "What needs to improve?").
    """
    units = _join_page_breaks(_units(doc.text, headings))
    passages = _judgement_passages(doc, judgements) + _emit(doc, units, count, max_tokens, judgements)
    passages.sort(key=lambda p: (p.start, p.kind != "judgement"))
    return [replace(p, ordinal=i) for i, p in enumerate(passages)]


# --- stage 1: lines -> headings, paragraphs and table rows ---------------------------------


def _lines(text: str) -> list[_Line]:
    lines, offset = [], 0
    for raw in text.split("\n"):
        lines.append(_Line(raw, offset))
        offset += len(raw) + 1
    return lines


def _units(text: str, marked: tuple[tuple[int, int], ...] | None) -> list[_Unit]:
    marked_starts = {start for start, _ in marked} if marked is not None else None
    units: list[_Unit] = []
    block: list[_Line] = []
    labels: list[str] | None = None
    row: _Unit | None = None

    def flush_block():
        if block:
            units.extend(_block_units(block, marked_starts))
            block.clear()

    def flush_row():
        nonlocal row
        if row is not None:
            units.append(row)
            row = None

    for line in _lines(text):
        stripped = line.text.strip()
        if _TABLE_HEADER.match(line.text):
            flush_block()
            flush_row()
            labels = [_column_label(cell) for cell in line.text.split("\t")]
            continue
        if labels is not None:
            if _ROW.match(line.text):
                flush_row()
                row = _Unit("row", line.start, line.end, labels=labels, cells=[""] * len(labels))
                _merge_cells(row, line.text.split("\t"))
                continue
            if line.text.startswith("\t") and row is not None and stripped:
                _merge_cells(row, line.text.split("\t"))
                row.end = line.end
                continue
            if not stripped or _RULE.match(line.text):
                continue
            flush_row()
            labels = None
        if not stripped or _RULE.match(line.text):
            flush_block()
            continue
        block.append(line)
    flush_block()
    flush_row()
    return units


def _column_label(header: str) -> str:
    low = header.strip().lower()
    for prefix, label in COLUMN_LABELS:
        if low.startswith(prefix):
            return label
    return header.strip().title() or "Column"


def _clean_cell(cell: str) -> str:
    return re.sub(r"\s+", " ", _P_TAGS.sub(" ", cell)).strip()


def _merge_cells(row: _Unit, cells: list[str]) -> None:
    width = len(row.labels)
    if len(cells) > width:  # stray tabs: the overflow belongs to the last column
        cells = cells[: width - 1] + [" ".join(cells[width - 1 :])]
    for i, cell in enumerate(cells):
        cell = _clean_cell(cell)
        if cell:
            row.cells[i] = f"{row.cells[i]} {cell}".strip()


def _block_units(block: list[_Line], marked_starts: set[int] | None) -> list[_Unit]:
    """Split a blank-line-separated block into paragraphs and headings."""
    groups: list[list[_Line]] = []
    base_indent: int | None = None
    for i, line in enumerate(block):
        bullet = _BULLET.match(line.text)
        indent = len(line.text) - len(line.text.lstrip())
        if not groups:
            groups.append([line])
        elif bullet and base_indent is not None and indent > base_indent:
            groups[-1].append(line)  # a sub-item stays with its item
        elif bullet or _ends_sentence(block[i - 1].text) and _starts_sentence(line.text):
            groups.append([line])
        elif len(groups[-1]) == 1 and _heading_level(block[i - 1].text) and len(line.text.strip()) > 60:
            groups.append([line])  # a heading line directly above prose (PDF text has no blank lines)
        else:
            groups[-1].append(line)
        if bullet and base_indent is None:
            base_indent = indent
    units = []
    for index, group in enumerate(groups):
        first = group[0]
        if marked_starts is not None:
            is_heading = len(group) == 1 and (first.start in marked_starts or first.start + _indent(first) in marked_starts)
            level = 2 if first.text.strip().endswith(("?", ":")) else 1
        else:
            alone = len(block) == 1 or (len(group) == 1 and index + 1 < len(groups) and len(groups[index + 1][0].text.strip()) > 60)
            level = _heading_level(first.text) if alone and len(group) == 1 else 0
            is_heading = level > 0
        if is_heading:
            units.append(_Unit("heading", first.start + _indent(first), first.end, first.text.strip(), level=level or 1))
        else:
            units.append(_Unit("para", first.start + _indent(first), group[-1].end, _join_lines(group), item=bool(_BULLET.match(first.text))))
    return units


def _indent(line: _Line) -> int:
    return len(line.text) - len(line.text.lstrip())


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_TERMINAL)


def _starts_sentence(text: str) -> bool:
    s = text.strip()
    return bool(s) and (s[0].isupper() or s[0].isdigit() or s[0] in "\"“‘'(")


def _heading_level(text: str) -> int:
    """0 when ``text`` (one line) does not look like a heading, else its level (1 or 2)."""
    s = text.strip()
    words = s.split()
    if not s or len(s) > 120:
        return 0
    if _NUMBERED_SECTION.match(s) and len(words) <= 16:
        return 1
    question = s.endswith(("?", ":"))
    if len(words) > (12 if question else 10) or s[-1] in ".,;!" or s[0].islower() or s[0].isdigit():
        return 0
    if _NOT_HEADING_START.match(s) or "@" in s or "www." in s or "http" in s or find_date(s):
        return 0
    if sum(ch.isdigit() for ch in s) > 4:
        return 0
    if len(words) == 1 and not s[0].isalpha():
        return 0
    return 2 if question else 1


def _join_lines(group: list[_Line]) -> str:
    lines = [line.text.strip() for line in group]
    lines[0] = _BULLET.sub("", lines[0], count=1) if _BULLET.match(lines[0]) and not re.match(r"^\d", lines[0]) else lines[0]
    if len(lines) > 1 and all(len(line) < 60 for line in lines):
        return "\n".join(lines)  # an address or a short list: keep its lines
    return " ".join(lines)


def _join_page_breaks(units: list[_Unit]) -> list[_Unit]:
    """Join a paragraph cut by a page break: it ends mid-sentence and the next starts in lower case."""
    out: list[_Unit] = []
    for unit in units:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "para"
            and unit.kind == "para"
            and not _ends_sentence(prev.text)
            and unit.text[:1].islower()
        ):
            prev.text = f"{prev.text} {unit.text}"
            prev.end = unit.end
            continue
        out.append(unit)
    return out


# --- stage 2: units -> passages with ids, locators, headings and context --------------------


def _emit(doc: Document, units: list[_Unit], count, max_tokens: int, judgements: tuple = ()) -> list[Passage]:
    meta = doc.meta
    numbered = _numbered_paragraphs(units)
    used_numbers: dict[int, int] = {}
    title_key = meta.title.strip().casefold()
    path: list[str] = []
    passages: list[Passage] = []
    paragraph_no = 0
    page_counts: dict[int, int] = {}
    seen_actions: dict[str, int] = {}
    frame = _letter_frame(units)
    intro: str | None = None  # the paragraph introducing a list ("… which were:")
    for index, unit in enumerate(units):
        if unit.kind != "para" or not unit.item:
            intro = unit.text.strip() if unit.kind == "para" and unit.text.rstrip().endswith(":") else None
        if unit.kind == "heading":
            if unit.text.casefold() == title_key or not passages and not path and unit.text.casefold() in title_key:
                continue
            if unit.level == 1:
                path = [unit.text]
            else:
                path = path[:1] + [unit.text]
            continue
        page = _page_of(doc, unit.start)
        if unit.kind == "row":
            passages.extend(_row_passages(doc, unit, path, page, seen_actions, count, max_tokens, len(passages)))
            continue
        if len(unit.text.split()) < 2 or _within(unit, judgements):
            continue  # a stray number or word ("2024", "DRAFT") is not a citable passage; a judgement row is its own
        paragraph_no += 1
        anchor = f"p{paragraph_no}"
        if page is not None:
            page_counts[page] = page_counts.get(page, 0) + 1
            locator = f"page {page}, paragraph {page_counts[page]}"
        else:
            locator = f"paragraph {paragraph_no}"
        if index in numbered:  # the report's own paragraph number locates it
            number = numbered[index]
            used_numbers[number] = used_numbers.get(number, 0) + 1
            anchor = f"para-{number}" + (f"-{used_numbers[number]}" if used_numbers[number] > 1 else "")
            locator = f"paragraph {number}" + (f", page {page}" if page is not None else "")
            unit.item = False
        heading = tuple(path)
        if unit.item and intro:  # an item of a list: its lead-in belongs to it
            heading += (intro,)
        context = _context(doc, heading)
        if index in frame:
            heading, description = LETTER_PARTS[frame[index]]
            heading = (heading,)
            context = f"{_context(doc, heading)} ({description})"
        # A report's numbered paragraph stays whole (it is embedded in windows: see passage_windows)
        parts = [unit.text] if index in numbered else _split_long(unit.text, count, _budget(context, count, max_tokens))
        for k, part in enumerate(parts, start=1):
            suffix = f".{k}" if len(parts) > 1 else ""
            start, end = _locate(doc.text, part, unit.start, unit.end) if len(parts) > 1 else (unit.start, unit.end)
            passages.append(
                Passage(
                    passage_id=f"{meta.doc_id}#{anchor}{suffix}",
                    doc_id=meta.doc_id,
                    ordinal=len(passages),
                    text=part,
                    locator=locator + (f" (part {k} of {len(parts)})" if len(parts) > 1 else ""),
                    heading=heading,
                    start=start,
                    end=end,
                    context=context,
                    page=page,
                    kind="block" if index in frame else "field" if is_field(unit.text) else "item" if unit.item else "paragraph",
                )
            )
    return passages


_NUMBER = re.compile(r"^(\d{1,3})\.\s*(?=\S)")


def _numbered_paragraphs(units: list[_Unit]) -> dict[int, int]:
    """Unit index -> paragraph number, for runs of paragraphs numbered 1, 2, 3… (an inspection
    report's own numbering). A number out of sequence ("15." after 147) is not one of them."""
    found: dict[int, int] = {}
    run: dict[int, int] = {}
    expected = 1
    for index, unit in enumerate(units):
        match = _NUMBER.match(unit.text) if unit.kind == "para" else None
        if not match:
            continue
        number = int(match.group(1))
        if number == 1 and expected != 1:
            if len(run) >= 3:
                found.update(run)
            run, expected = {}, 1
        if number == expected:
            run[index] = number
            expected += 1
    if len(run) >= 3:
        found.update(run)
    return found


def _within(unit: _Unit, judgements: tuple) -> bool:
    """Is ``unit`` (all but a word or two) made of judgement rows?"""
    covered = [j for j in judgements if j.start < unit.end and j.end > unit.start]
    if not covered:
        return False
    rest = unit.text
    for j in covered:
        rest = rest.replace(" ".join(j.label.split()), " ")
    return len(rest.split()) <= 6


def _judgement_passages(doc: Document, judgements: tuple) -> list[Passage]:
    """One passage for each judgement in the report's judgement table: the row as printed, with
    its area and grade as fields, so questions over grades can read every record."""
    out = []
    seen: dict[str, int] = {}
    for j in judgements:
        seen[j.area] = seen.get(j.area, 0) + 1
        anchor = j.area.replace("_", "-") + (f"-{seen[j.area]}" if seen[j.area] > 1 else "")
        page = _page_of(doc, j.start)
        heading = ("Judgements",)
        out.append(
            Passage(
                passage_id=f"{doc.meta.doc_id}#judgement-{anchor}",
                doc_id=doc.meta.doc_id,
                ordinal=len(out),
                text=" ".join(doc.text[j.start : j.end].split()),
                locator="judgement table" + (f", page {page}" if page is not None else ""),
                heading=heading,
                start=j.start,
                end=j.end,
                context=_context(doc, heading),
                page=page,
                kind="judgement",
                fields={"area": j.area, "judgement": j.label, "grade": j.grade},
            )
        )
    return out


def passage_windows(passage: Passage, count: Callable[[str], int] = count_tokens, max_tokens: int = MAX_WORD_PIECES) -> list[str]:
    """The texts to embed for a passage: its search text, or, for a passage longer than the
    model reads (a report's long numbered paragraph), its context with each run of sentences
    that fits; the passage's vector is their mean."""
    if count(passage.search_text) <= max_tokens - 2:
        return [passage.search_text]
    budget = _budget(passage.context, count, max_tokens)
    return [f"{passage.context}\n{part}" if passage.context else part for part in _split_long(passage.text, count, budget)]


def _letter_frame(units: list[_Unit]) -> dict[int, str]:
    """The parts of a letter around its body, by unit index: the blocks above "Dear …" (sender,
    contact details, date, addressee), the salutation, the sign-off and the signature below it.
    Empty for a document that is not a letter."""
    paras = [i for i, u in enumerate(units) if u.kind == "para"]
    dear = next((i for i in paras[:12] if _SALUTATION.match(units[i].text)), None)
    if dear is None:
        return {}
    frame = {dear: "salutation"}
    above = [i for i in paras if i < dear]
    for i in above:
        text = units[i].text
        if find_date(text) and len(text.split()) <= 4:
            frame[i] = "date"
        elif _CONTACT.search(text):
            frame[i] = "contact"
    rest = [i for i in above if i not in frame]
    if rest:
        frame[rest[-1]] = "addressee"  # the block just above "Dear …"
        for i in rest[:-1]:
            frame[i] = "sender"
    after = [i for i in paras if i > dear]
    sign_off = next((i for i in after if _SIGN_OFF.match(units[i].text) and len(units[i].text.split()) <= 4), None)
    if sign_off is not None:
        frame[sign_off] = "sign_off"
        signature = [i for i in after if i > sign_off][:1]
        if signature and len(units[signature[0]].text.split()) <= 12:
            frame[signature[0]] = "signature"
    return frame


def _row_passages(doc, unit, path, page, seen, count, max_tokens, ordinal) -> list[Passage]:
    values = dict(zip(unit.labels, unit.cells))
    ref = values.get("Ref", "").strip() or "?"
    section = path[0] if path else ""
    number = _NUMBERED_SECTION.match(section)
    if not number or number.group(1) != ref.split(".")[0]:
        section = ""  # the plan lost this table's section heading: say nothing rather than the wrong one
    fields = {label.lower(): value for label, value in values.items() if value}
    if section:
        fields["section"] = section
    seen[ref] = seen.get(ref, 0) + 1
    anchor = ref if seen[ref] == 1 else f"{ref}-{seen[ref]}"
    heading = (section,) if section else ()
    context = _context(doc, heading)
    lines = [f"{label}: {value}" for label, value in values.items() if value]
    budget = _budget(context, count, max_tokens)
    text = "\n".join(lines)
    chunks = [text]
    if count(text) > budget:  # keep Ref/Action/Owner/dates together; split the long progress text
        head = "\n".join(line for line in lines if not line.startswith("Progress:"))
        progress = values.get("Progress", "")
        room = max(32, budget - count(head) - 8)
        chunks = [f"{head}\nProgress: {part}" if i == 0 else f"Ref: {ref} (continued)\nProgress: {part}"
                  for i, part in enumerate(_split_long(progress, count, room) if progress else [""])]
        chunks = [c for c in chunks if c.strip()] or [head]
        chunks = [c for chunk in chunks for c in _split_long(chunk, count, budget)]
    out = []
    for k, chunk in enumerate(chunks, start=1):
        suffix = f".{k}" if len(chunks) > 1 else ""
        out.append(
            Passage(
                passage_id=f"{doc.meta.doc_id}#action-{anchor}{suffix}",
                doc_id=doc.meta.doc_id,
                ordinal=ordinal + len(out),
                text=chunk,
                locator=f"action {ref}" + (f" (part {k} of {len(chunks)})" if len(chunks) > 1 else ""),
                heading=heading,
                start=unit.start,
                end=unit.end,
                context=context,
                page=page,
                kind="action",
                fields=fields,
            )
        )
    return out


def _context(doc: Document, heading: tuple[str, ...]) -> str:
    parts = [doc.meta.title]
    if doc.meta.authority and doc.meta.authority.casefold() not in doc.meta.title.casefold():
        parts.append(doc.meta.authority)
    parts.append(display_date(doc.meta.date))
    if heading:
        parts.append(" > ".join(heading))
    return " — ".join(parts)


def _budget(context: str, count, max_tokens: int) -> int:
    return max(48, max_tokens - 2 - count(context) - 2)


def _split_long(text: str, count, budget: int) -> list[str]:
    """``text`` as one part, or several at sentence boundaries each within ``budget`` word pieces."""
    if count(text) <= budget:
        return [text]
    parts, current = [], ""
    for start, end in split_sentences(text):
        sentence = text[start:end]
        for piece in _split_words(sentence, count, budget) if count(sentence) > budget else [sentence]:
            candidate = f"{current} {piece}".strip()
            if current and count(candidate) > budget:
                parts.append(current)
                current = piece
            else:
                current = candidate
    if current:
        parts.append(current)
    return parts


def _split_words(sentence: str, count, budget: int) -> list[str]:
    """A sentence longer than the budget, cut between words (the last resort). Word pieces add up
    word by word (the tokenizer splits at spaces first), so each word is counted once: a
    megabyte-long line costs seconds, not the minutes that recounting the growing piece took."""
    pieces, current, used = [], [], 0
    for word in sentence.split():
        size = count(word)
        if current and used + size > budget:
            pieces.append(" ".join(current))
            current, used = [], 0
        current.append(word)
        used += size
    if current:
        pieces.append(" ".join(current))
    return pieces


def _locate(text: str, part: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of ``part`` inside text[start:end], matching its first and last words; else the span."""
    head, tail = part[:30], part[-30:]
    s = text.find(head, start, end)
    e = text.find(tail, max(s, start), end)
    if s < 0 or e < 0:
        return start, end
    return s, e + len(tail)


def _page_of(doc: Document, offset: int) -> int | None:
    for number, start, end in doc.pages:
        if start <= offset <= end:
            return number
    return None


def infer_title(text: str) -> str:
    """The first heading-like line, else the first line (shortened)."""
    for line in text.split("\n")[:40]:
        if _heading_level(line) and len(line.split()) >= 2:
            return line.strip()
    first = next((line.strip() for line in text.split("\n") if line.strip()), "Untitled")
    return first if len(first) <= 100 else first[:97].rsplit(" ", 1)[0] + "…"

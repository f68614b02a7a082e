"""Read a PDF as a reader sees it: paragraphs and headings, without the page furniture.

pypdfium2 gives each text line with its position, font size and weight (pypdf gives only text,
and takes ~15x as long). From that layout, per document:

* running headers and footers are the lines near the top or bottom edge that repeat (digits
  aside) on many pages; bare page numbers there go too;
* a contents page (most lines end in a page number, in order) and the publisher's back cover (a
  last page of addresses, telephone numbers, web links and copyright) are dropped;
* lines are joined into paragraphs where the gap to the next line is a line's pitch, and a
  paragraph broken by a page break is joined again when it runs on (no closing stop, or the next
  page continues its hanging indent);
* whole lines set bold or larger than the body text are headings.

The text returned holds one paragraph a line, blank lines between, so offsets into it are what
passages, citations and the source viewer use.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from .errors import LoadError
from .text import FIELD as _FIELD
from .types import LoadedText

_EDGE = 0.12  # the top and bottom 12% of a page is where running headers and footers sit
_TERMINAL = tuple(".!?:;\"”’')]")
_PAGE_NUMBER = re.compile(r"^(page\s+)?\d{1,3}(\s+of\s+\d{1,3})?$", re.I)
_NUMBERED = re.compile(r"^(\d{1,3})\.(\s|(?=[A-Z‘“'\"(]))")
_BULLET = re.compile(r"^([\u2022\u25aa\u25fc\u25a0\u25cf\u2023\u2043\u25e6\u00b7\u2013\u2212\u2500\-*]|[\ue000-\uf8ff])\s*")
_CONTENTS_LINE = re.compile(r"^\D.{2,}?\s(\d{1,3})$")
_IMPRINT = re.compile(
    r"@|www\.|https?://|©|\bcrown copyright\b|\b(t|tel|telephone|textphone)\s*:|\b0\d{3}\s?\d{3}\s?\d{3,4}\b|\b[A-Z]{1,2}\d{1,2}[A-Z]?\s\d[A-Z]{2}\b",
    re.I,
)


@dataclass
class Line:
    page: int
    text: str
    x: float = 0.0
    y: float = 0.0  # baseline of its first character, from the page's bottom
    y_last: float = 0.0  # baseline of its last (a hyphenated word can join two printed lines)
    size: float = 0.0
    bold: bool = False
    height: float = 0.0  # the page's height


@dataclass
class Block:
    """A paragraph or heading being built from lines."""

    lines: list[Line] = field(default_factory=list)
    heading: bool = False

    @property
    def text(self) -> str:
        return _join([line.text for line in self.lines])


def load_pdf(data: bytes) -> LoadedText:
    """A PDF's text as paragraphs, with page offsets and heading offsets."""
    pages = _read_lines(data)
    if not any(line.text.strip() for page in pages for line in page):
        raise LoadError("the PDF has no text layer (a scanned image?); run OCR on it first")
    pages = _drop_furniture(pages)
    pages = [[] if _is_contents(page) else page for page in pages]
    if len(pages) > 1 and _is_imprint(pages[-1]):
        pages[-1] = []
    style = _body_style(pages)
    if len(pages) > 1:  # an imprint set in small type under the last paragraphs, on their page
        pages[-1] = _without_imprint(pages[-1], style[0])
    blocks = _blocks(pages, style)
    return _compose(blocks)


# --- reading ---------------------------------------------------------------------------------


def _check_header(data: bytes) -> None:
    head = data[:1024].lstrip()
    if b"%PDF" in head:
        return
    low = head.lower()
    if low.startswith((b"<!doctype html", b"<html")) or b"<html" in low or b"<head" in low:
        raise LoadError("an HTML page saved under a .pdf name (a failed download?), not a PDF")
    raise LoadError("not a readable PDF (corrupt or truncated): the file does not start like a PDF")


def _read_lines(data: bytes) -> list[list[Line]]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    _check_header(data)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        message = str(err)
        if "password" in message.lower():
            raise LoadError("the PDF is encrypted (password-protected); save an unprotected copy") from None
        raise LoadError(f"not a readable PDF (corrupt or truncated): {message.splitlines()[0][:120]}") from None
    pages: list[list[Line]] = []
    try:
        for number in range(1, len(pdf) + 1):
            page = pdf[number - 1]
            height = page.get_height()
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            positioned = textpage.count_chars() == len(text)
            lines, offset = [], 0
            for raw_line in re.split(r"\r\n|\r|\n", text):
                here = offset
                offset += len(raw_line) + (2 if text[offset + len(raw_line) : offset + len(raw_line) + 2] == "\r\n" else 1)
                clean = _clean(raw_line)
                if not clean:
                    continue
                line = Line(number, clean, height=height)
                if positioned:
                    first = here + len(raw_line) - len(raw_line.lstrip())
                    last = here + len(raw_line.rstrip()) - 1
                    line.x, line.y = _origin(raw, textpage, first)
                    line.y_last = _origin(raw, textpage, last)[1]
                    line.size = _font_size(raw, textpage, first)
                    line.bold = raw.FPDFText_GetFontWeight(textpage.raw, first) >= 600 and raw.FPDFText_GetFontWeight(textpage.raw, last) >= 600
                lines.append(line)
            pages.append(lines)
    except pdfium.PdfiumError as err:
        raise LoadError(f"not a readable PDF (corrupt or truncated): {str(err)[:120]}") from None
    finally:
        pdf.close()
    return pages


def _origin(raw, textpage, index: int) -> tuple[float, float]:
    """Where a character sits on its baseline (a box's bottom is not the baseline for ’ or “)."""
    import ctypes

    x, y = ctypes.c_double(), ctypes.c_double()
    raw.FPDFText_GetCharOrigin(textpage.raw, index, ctypes.byref(x), ctypes.byref(y))
    return x.value, y.value


def _font_size(raw, textpage, index: int) -> float:
    """The size a character is printed at: its font size scaled by its text matrix (some PDFs set
    every font at size 1 and scale it)."""
    import ctypes

    size = raw.FPDFText_GetFontSize(textpage.raw, index)
    matrix = raw.FS_MATRIX()
    if raw.FPDFText_GetMatrix(textpage.raw, index, ctypes.byref(matrix)):
        scale = (matrix.c**2 + matrix.d**2) ** 0.5
        if scale > 0:
            size *= scale
    return round(size, 1)


def _clean(line: str) -> str:
    line = line.replace("\ufffe", "-").replace("\u00ad", "-").replace("\x02", "-")
    line = "".join(ch for ch in line if ch >= " " or ch == "\t")
    line = _BULLET.sub("• ", line.strip()) if _BULLET.match(line.strip()) and len(line.strip()) > 2 else line.strip()
    return re.sub(r"[ \t\u00a0]+", " ", line).strip()


# --- furniture -------------------------------------------------------------------------------


def _key(text: str) -> str:
    """A line with its digits folded, so "Page 3" and "Page 4" are one running line."""
    return re.sub(r"\d+", "#", text.casefold()).strip()


def _at_edge(line: Line) -> bool:
    if not line.height:
        return True
    return line.y > line.height * (1 - _EDGE) or line.y < line.height * _EDGE


def _drop_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """Without running headers and footers (lines at a page's edge that repeat, digits aside, on
    three pages, or two of a short document: a section's own header counts too) and bare page
    numbers at the edges."""
    counts = Counter()
    for page in pages:
        counts.update({_key(line.text) for line in page if _at_edge(line)})
    repeats = 3 if len(pages) > 4 else 2
    out = []
    for page in pages:
        kept = []
        for line in page:
            edge = _at_edge(line)
            if edge and (counts[_key(line.text)] >= repeats and len(pages) > 2 or _PAGE_NUMBER.match(line.text)):
                continue
            kept.append(line)
        out.append(kept)
    return out


def _is_contents(page: list[Line]) -> bool:
    """A contents page: most of its lines end in a page number, and the numbers never go down."""
    if len(page) < 4:
        return False
    numbers = [int(m.group(1)) for line in page if (m := _CONTENTS_LINE.match(line.text))]
    return len(numbers) >= 0.6 * len(page) and len(numbers) >= 4 and numbers == sorted(numbers)


def _is_imprint(page: list[Line]) -> bool:
    """The publisher's back cover: several lines of addresses, telephone numbers, links and
    copyright, and none of the report's own numbered paragraphs or a letter's signature."""
    if not page:
        return False
    signals = sum(1 for line in page if _IMPRINT.search(line.text))
    numbered = any(_NUMBERED.match(line.text) for line in page)
    signed = any(re.match(r"^(yours\s+(sincerely|faithfully)|kind regards)", line.text, re.I) for line in page)
    return signals >= 3 and not numbered and not signed


# --- paragraphs and headings -----------------------------------------------------------------


def _without_imprint(page: list[Line], body: float) -> list[Line]:
    """``page`` without the run of lines in smaller type that ends it, when that run is a
    publisher's imprint (addresses, numbers, links, copyright: see _is_imprint)."""
    if not body:
        return page
    start = len(page)
    while start > 0 and page[start - 1].size and page[start - 1].size < body - 1:
        start -= 1
    if start == len(page) or not _is_imprint(page[start:]):
        return page
    return page[:start]


def _body_style(pages: list[list[Line]]) -> tuple[float, float]:
    """(body font size, line pitch as a multiple of it), from the text itself."""
    sizes = Counter()
    for page in pages:
        for line in page:
            if line.size:
                sizes[round(line.size, 1)] += len(line.text)
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    ratios = []
    for page in pages:
        for a, b in zip(page, page[1:]):
            if body and abs(a.size - body) < 0.6 and abs(b.size - body) < 0.6 and 0 < a.y - b.y < 3 * body:
                ratios.append((a.y - b.y) / body)
    pitch = statistics.median(ratios) if ratios else 1.2
    return body, pitch




def _is_heading(line: Line, body: float) -> bool:
    if not body or not line.size or len(line.text) > 160 or _NUMBERED.match(line.text) or line.text.startswith("•"):
        return False
    if not any(ch.isalpha() for ch in line.text):
        return False
    if _FIELD.match(line.text) and not line.text[:1].islower():  # a labelled field ("Inspection dates: …"), however it is set
        return False  # (not a heading's second line: "…who need help and" / "protection is: inadequate")
    return line.size >= body + 1.5 or (line.bold and line.size >= body - 0.6)


def _blocks(pages: list[list[Line]], style: tuple[float, float]) -> list[Block]:
    body, pitch = style
    blocks: list[Block] = []
    notes: list[Block] = []  # a page's footnotes, placed after the paragraph the page ends in
    for page in pages:
        text_lines, page_notes = _footnotes(page, body)
        prev: Line | None = None
        for line in text_lines:
            heading = _is_heading(line, body)
            current = blocks[-1] if blocks else None
            if current is not None and prev is None and not heading and _runs_on(current, line):
                current.lines.append(line)  # a paragraph broken by the page break
            elif current is not None and prev is not None and _same_block(current, prev, line, heading, body, pitch):
                current.lines.append(line)
            else:
                blocks.extend(notes)
                notes = []
                blocks.append(Block([line], heading))
            prev = line
        notes.extend(page_notes)
    blocks.extend(notes)
    blocks = [b for b in blocks if b.text]
    for block, after in zip(blocks, blocks[1:]):
        if _plain_heading(block, after):
            block.heading = True
    return blocks


def _plain_heading(block: Block, after: Block) -> bool:
    """A heading set in the body's type: one short line, no closing punctuation, followed by a
    list or by numbered paragraphs ("Help and protection" above its bullets)."""
    text = block.text
    if block.heading or len(block.lines) > 1 or len(text.split()) > 10 or not text[:1].isupper():
        return False
    if text.endswith(_TERMINAL + (",",)) or _NUMBERED.match(text) or _FIELD.match(text):
        return False
    return after.text.startswith("•") or bool(_NUMBERED.match(after.text))


def _footnotes(page: list[Line], body: float) -> tuple[list[Line], list[Block]]:
    """(the page's lines, its footnotes): lines in a smaller type below all of its body text. A
    footnote mark on a line of its own (a small bare number) is dropped."""
    if not body:
        return page, []
    lowest = min((line.y for line in page if abs(line.size - body) < 0.6), default=None)
    lines, notes = [], []
    for line in page:
        small = line.size and line.size < body - 1
        if small and re.fullmatch(r"\d{1,2}", line.text):
            continue
        if small and lowest is not None and line.y < lowest:
            if notes and not re.match(r"^\d{1,2}\s", line.text):
                notes[-1].lines.append(line)
            else:
                notes.append(Block([line]))
            continue
        lines.append(line)
    return lines, notes


def _same_block(current: Block, prev: Line, line: Line, heading: bool, body: float, pitch: float) -> bool:
    beside = line.x > current.lines[0].x + 40 and not line.text.startswith("•")
    if line.size and beside and prev.y_last - line.y < line.size * pitch * 1.3 and line.y <= current.lines[0].y + line.size:
        return True  # a table cell beside the one being read ("… care leavers" | "Good")
    if heading != current.heading:
        return False
    if not heading and line.text.startswith("•"):
        return False
    number = _NUMBERED.match(line.text)
    if not heading and number and (prev.text.endswith(_TERMINAL) or int(number.group(1)) in (1, _last_number(current) + 1)):
        return False  # the next numbered paragraph ("2014–" then "15. The …" is not one)
    size = max(prev.size, line.size) or body or 10.0
    gap = prev.y_last - line.y
    if not prev.size or not line.size:  # no layout: break at sentence ends only
        return not prev.text.endswith(_TERMINAL)
    if gap <= 0 or gap > size * pitch * 1.3:
        return False  # a new column, or a paragraph's gap
    if heading:
        return abs(prev.size - line.size) < 0.6
    return True


def _last_number(block: Block) -> int:
    number = _NUMBERED.match(block.lines[0].text)
    return int(number.group(1)) if number else -1


def _runs_on(block: Block, line: Line) -> bool:
    """Does ``line``, the first on a page, continue ``block``, the last paragraph of the one before?"""
    if block.heading or _NUMBERED.match(line.text) or line.text.startswith("•"):
        return False
    last = block.lines[-1].text
    if not last.endswith(_TERMINAL) and (line.text[:1].islower() or line.text[:1].isdigit()):
        return True
    if len(block.lines) >= 2:  # a hanging indent carried on ("1. …" with its next lines indented)
        first, rest = block.lines[0], block.lines[1]
        if rest.x - first.x > 5 and abs(line.x - rest.x) < 3:
            return True
    return not last.endswith(_TERMINAL) and line.text[:1].islower()


def _join(lines: list[str]) -> str:
    out = ""
    for text in lines:
        if not out:
            out = text
        elif out.endswith("-") and text[:1].islower() and not out.endswith(" -"):
            out += text  # "well-" + "being"
        else:
            out += " " + text
    return out.strip()


def _compose(blocks: list[Block]) -> LoadedText:
    """One paragraph a line with blank lines between; (page, start, end) offsets for each page
    and (start, end) offsets of the headings."""
    parts: list[str] = []
    headings: list[tuple[int, int]] = []
    page_spans: dict[int, list[int]] = {}
    offset = 0
    for block in blocks:
        if parts:
            offset += 2
        text = block.text
        if block.heading:
            headings.append((offset, offset + len(text)))
        # each page a block touches spans from where its first line sits in the joined text
        position = offset
        for line in block.lines:
            found = text.find(line.text[:20], position - offset)
            start = offset + (found if found >= 0 else position - offset)
            span = page_spans.setdefault(line.page, [start, start])
            span[1] = max(span[1], start + len(line.text))
            position = start
        parts.append(text)
        offset += len(text)
    pages = tuple((number, s, e) for number, (s, e) in sorted(page_spans.items()))
    return LoadedText(text="\n\n".join(parts), format="pdf", pages=pages, headings=tuple(headings))

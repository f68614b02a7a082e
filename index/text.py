"""Small text helpers shared by passage building and answering: sentences, normalisation, dates."""

from __future__ import annotations

import functools
import re
import unicodedata

_ABBREVIATIONS = {"e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "st", "no", "vs", "cf", "prof"}
# A sentence ends at . ! or ? (optionally followed by closing quotes/brackets), then whitespace,
# then something that can start a sentence.
_BOUNDARY = re.compile(r"([.!?][\"”’')\]]*)\s+(?=[\"“‘'(\[]?[A-Z0-9£])")
# A paragraph's own number printed against its first word ("21.There is…", where the PDF put a
# tab): the number is a span of its own, as it is when a space follows it.
_FUSED_NUMBER = re.compile(r"\s*\d{1,3}\.(?=[\"“‘'(]?[A-Z])")


# A labelled field: a label of one to three words, a colon, a value ("Lead inspector: …").
FIELD = re.compile(r"^(\w+\s?){1,3}:\s+\S")


def is_field(text: str) -> bool:
    """A labelled line of a cover ("Lead inspector: …", "Inspection dates: …"), not a sentence."""
    return bool(FIELD.match(text)) and len(text.split()) <= 20 and not text.rstrip().endswith(".")


_CACHED_LENGTH = 4000  # a passage's text, read again for each question that retrieves it


def cached_when_short(function):
    """``function(text, *args)`` remembered for texts of a passage's length (the last 16,384): what
    each question reads of the passages it retrieves is worked out once. A list it returns is
    kept as a tuple and handed out as a new list, so no caller changes another's."""
    cached = functools.lru_cache(maxsize=16384)(lambda text, *args: _frozen(function(text, *args)))

    @functools.wraps(function)
    def wrapper(text: str, *args):
        if len(text) > _CACHED_LENGTH:
            return function(text, *args)
        out = cached(text, *args)
        return list(out) if isinstance(out, tuple) else out

    return wrapper


def _frozen(value):
    return tuple(value) if isinstance(value, list) else value


@cached_when_short
def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences in ``text``, covering it without the gaps between."""
    spans, start = [], 0
    fused = _FUSED_NUMBER.match(text)
    if fused:
        spans.append(_trim(text, 0, fused.end()))
        start = fused.end()
    for match in _BOUNDARY.finditer(text, start):
        end = match.end(1)
        word = re.search(r"(\S+)$", text[start:match.start(1)] + ".")
        last = (word.group(1) if word else "").rstrip(".").lower()
        if last in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last):
            continue
        if text[start:end].strip():
            spans.append(_trim(text, start, end))
        start = match.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "\u00a0": " "})
_PLAIN = tuple((chr(k), v) for k, v in _QUOTES.items())
_MARKUP = re.compile(r"</?p>|\*\*|__|<[^>]{1,20}>")


@cached_when_short
def normalise(text: str) -> str:
    """Casefolded text with markup, curly quotes and runs of whitespace made plain, for matching."""
    text = unicodedata.normalize("NFKC", text)
    for mark, plain in _PLAIN:  # one replace a mark is ~10x faster than translate() on a report's text
        if mark in text:
            text = text.replace(mark, plain)
    text = _MARKUP.sub(" ", text)
    return " ".join(text.split()).casefold()


# Terminal escape sequences: CSI ("\x1b[31m", colours and cursor moves), OSC ("\x1b]8;;url\x07",
# titles and links, ended by BEL or ST) and the other two-character escapes; also their 8-bit
# forms (an 8-bit OSC only when terminated: a lone one is usually mis-decoded text).
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|\x1b[\]PX^_].*?(?:\x07|\x1b\\|\x9c|$)"
    r"|[\x9d\x90\x98\x9e\x9f][^\x07\x1b\x9c]*?(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]?",
    re.S,
)


def strip_control_codes(text: str) -> str:
    r"""``text`` without terminal escape sequences (ANSI colours, OSC links), control characters or
    invisible format characters (zero-width spaces, bidi overrides); tabs and line breaks become
    spaces. "\x1b[31mWhat did Ofsted say?\x1b[0m" -> "What did Ofsted say?"."""
    text = _ESCAPES.sub("", text)
    return "".join(
        " " if ch in "\t\n\r\v\f" else ch
        for ch in text
        if ch in "\t\n\r\v\f" or unicodedata.category(ch) not in ("Cc", "Cf")
    )


MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
_DATE_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(MONTHS) + r")\s+((?:19|20)\d\d)\b", re.I)
_DATE_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
_DATE_MY = re.compile(r"\b(" + "|".join(MONTHS) + r")\s+((?:19|20)\d\d)\b", re.I)


def find_date(text: str) -> str | None:
    """The first date written in ``text`` as ISO (YYYY-MM-DD, or YYYY-MM with no day), or None."""
    candidates = []
    for m in _DATE_DMY.finditer(text):
        candidates.append((m.start(), f"{m.group(3)}-{MONTHS.index(m.group(2).lower()) + 1:02d}-{int(m.group(1)):02d}"))
    for m in _DATE_ISO.finditer(text):
        candidates.append((m.start(), m.group(0)))
    for m in _DATE_MY.finditer(text):
        candidates.append((m.start() + 0.5, f"{m.group(2)}-{MONTHS.index(m.group(1).lower()) + 1:02d}"))
    return min(candidates)[1] if candidates else None


def display_date(iso: str | None) -> str:
    """'2021-09-07' -> '7 September 2021'; '2024-03' -> 'March 2024'; None -> 'undated'."""
    if not iso:
        return "undated"
    parts = iso.split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1].title()} {parts[0]}"
        if len(parts) == 2:
            return f"{MONTHS[int(parts[1]) - 1].title()} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return iso


def display_range(start: str | None, end: str | None) -> str:
    """'2021-12-06', '2021-12-17' -> '6 to 17 December 2021'; one day or no end -> that day."""
    if not end or end == start:
        return display_date(start)
    if not start:
        return display_date(end)
    first, last = display_date(start).split(" "), display_date(end).split(" ")
    if len(first) == 3 and len(last) == 3:
        if first[1:] == last[1:]:
            return f"{first[0]} to {display_date(end)}"
        if first[2] == last[2]:
            return f"{first[0]} {first[1]} to {display_date(end)}"
    return f"{display_date(start)} to {display_date(end)}"


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "document"

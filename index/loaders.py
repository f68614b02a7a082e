"""Read a file into text: .txt, .md, .pdf (with page offsets), .docx and .html.

Each loader returns a :class:`LoadedText` or raises :class:`LoadError` whose message is a one-line
reason a user can act on (empty file, binary data, invalid UTF-8, encrypted or scanned PDF...).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from .errors import LoadError
from .types import LoadedText

SUPPORTED = (".txt", ".md", ".pdf", ".docx", ".html", ".htm")


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED


def load(path: Path) -> LoadedText:
    """Load one file by its extension. Raises LoadError with a one-line reason."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        shown = suffix or "(no extension)"
        raise LoadError(f"unsupported file type {shown}; supported: {', '.join(SUPPORTED)}")
    data = read_bytes(path)
    if not data.strip():
        raise LoadError("empty file")
    loader = {
        ".txt": load_txt,
        ".md": load_markdown,
        ".pdf": load_pdf,
        ".docx": load_docx,
        ".html": load_html,
        ".htm": load_html,
    }[suffix]
    loaded = loader(data)
    if not loaded.text.strip():
        raise LoadError("no text found in the file")
    return loaded


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise LoadError("is a folder, not a file") from None
    except FileNotFoundError:
        raise LoadError("cannot read file: it does not exist (a broken link?)") from None
    except OSError as err:
        raise LoadError(f"cannot read file: {err.strerror or err}") from None


def decode_text(data: bytes) -> str:
    """Strict UTF-8 (a BOM is dropped); binary data and other encodings are refused clearly."""
    if b"\x00" in data[:8192]:
        raise LoadError("binary data, not text (wrong extension?)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise LoadError(
            f"not valid UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start}); save it as UTF-8"
        ) from None
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text[:8192]) // 100):
        raise LoadError("binary data, not text (wrong extension?)")
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")


def load_txt(data: bytes) -> LoadedText:
    return LoadedText(text=decode_text(data), format="txt")


_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


def _strip_inline_markdown(line: str) -> str:
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_EMPHASIS.sub(r"\2", line)
    line = re.sub(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])", r"\1", line)
    return line.rstrip()


def load_markdown(data: bytes) -> LoadedText:
    """Markdown to plain text: headings lose their #s (their offsets are kept), emphasis and link
    markup are removed, hard line breaks become plain line breaks."""
    lines, headings, offset = [], [], 0
    for raw in decode_text(data).split("\n"):
        match = _MD_HEADING.match(raw)
        line = _strip_inline_markdown(match.group(2) if match else raw)
        if match and line.strip():
            headings.append((offset, offset + len(line)))
        lines.append(line)
        offset += len(line) + 1
    return LoadedText(text="\n".join(lines), format="md", headings=tuple(headings))


def load_pdf(data: bytes) -> LoadedText:
    from .pdf import load_pdf as read_pdf

    return read_pdf(data)


def load_docx(data: bytes) -> LoadedText:
    import io

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise LoadError(f"not a readable Word document (corrupt, or not .docx): {str(err)[:120]}") from None
    blocks, headings, offset = [], [], 0
    for paragraph in _docx_blocks(document):
        text = paragraph["text"].strip()
        if not text:
            continue
        if blocks:
            offset += 2
        if paragraph["heading"]:
            headings.append((offset, offset + len(text)))
        blocks.append(text)
        offset += len(text)
    return LoadedText(text="\n\n".join(blocks), format="docx", headings=tuple(headings))


def _docx_blocks(document):
    """Paragraphs in body order, tables as tab-separated rows (one block per table)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            style = (item.style.name if item.style is not None else "") or ""
            yield {"text": item.text, "heading": style.lower().startswith(("heading", "title"))}
        elif isinstance(item, Table):
            rows = ["\t".join(cell.text.replace("\n", " ") for cell in row.cells) for row in item.rows]
            yield {"text": "\n".join(rows), "heading": False}


_HTML_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th", "dt", "dd", "figcaption", "caption", "summary")
# Never shown on a page (code, fallbacks, the head) or not the article (site navigation, footers).
# Elements that hold blocks rather than run inside a line: text loose in one is a paragraph of its own.
_HTML_CONTAINERS = ("div", "section", "article", "main", "header", "aside", "body", "html", "form", "table", "thead", "tbody", "tfoot", "tr",
                    "ul", "ol", "dl", "figure", "details", "address", "fieldset", "center")
_HTML_UNSEEN = ("script", "style", "noscript", "template", "iframe", "datalist", "head", "nav", "footer", "select", "button")

# CSS that hides an element's text from a sighted reader: (property, value, example). The value is
# matched whole against the declared value, lowercased and without "!important".
HIDING_CSS = (
    ("display", r"none", "display: none"),
    ("visibility", r"hidden|collapse", "visibility:hidden"),
    ("content-visibility", r"hidden", "content-visibility: hidden"),
    ("opacity", r"[0.]+%?", "opacity: 0"),
    ("font-size", r"[0.]+([a-z]+|%)?", "font-size: 0px"),
    ("color", r"transparent|rgba\(([^,]+,){3}\s*[0.]+%?\)", "color: transparent"),
    # moved off the page, the "screen-reader only" tricks
    ("left|right|top|text-indent|margin-left|margin-top", r"-\d{4,}(\.\d+)?([a-z]+|%)?", "left: -9999px"),
    ("clip", r"rect\(\s*[0px,\s]*\)", "clip: rect(0 0 0 0)"),
    ("transform", r"scale[xy]?\(\s*[0.]+\s*\)", "transform: scale(0)"),
)


def css_hides(declarations: str) -> bool:
    """Does a CSS declaration block ("color: red; display:none") hide its element's text?
    A zero height or width hides it only together with overflow: hidden."""
    values = {}
    for declaration in declarations.split(";"):
        name, _, value = declaration.partition(":")
        values[name.strip().lower()] = re.sub(r"\s*!\s*important\s*$", "", value.strip().lower())
    for names, pattern, _ in HIDING_CSS:
        if any(re.fullmatch(pattern, values.get(name, "\x00")) for name in names.split("|")):
            return True
    zero = [name for name in ("height", "max-height", "width", "max-width") if re.fullmatch(r"[0.]+([a-z]+|%)?", values.get(name, "\x00"))]
    return bool(zero) and values.get("overflow") in ("hidden", "clip")


def _stylesheet_hidden(css: str) -> list[str]:
    """Selectors of a page's top-level style rules that hide what they select (rules inside
    @media and other at-rules apply only sometimes, and are not followed)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    selectors, depth, prelude, body, rule = [], 0, "", "", ""
    for ch in css:
        if ch == "{":
            depth += 1
            if depth == 1:
                rule, prelude, body = prelude.strip(), "", ""
        elif ch == "}":
            depth -= 1
            if depth < 0:  # a stray brace
                depth = 0
            elif depth == 0 and not rule.startswith("@") and css_hides(body):
                # state-dependent selectors (:hover, ::before...) are left alone
                selectors += [s.strip() for s in rule.split(",") if s.strip() and ":" not in s]
        elif depth == 0:
            prelude = "" if ch == ";" else prelude + ch
        elif depth == 1:
            body += ch
    return selectors


def _hidden_by_markup(tag) -> bool:
    if tag.has_attr("hidden") or str(tag.get("aria-hidden", "")).strip().lower() == "true":
        return True
    if tag.name == "dialog" and not tag.has_attr("open"):  # a closed dialog is not displayed
        return True
    return css_hides(str(tag.get("style", "")))


def _drop_unseen(soup) -> None:
    """Remove everything a reader of the page would not see: comments and other markup
    declarations, code and fallbacks, and elements hidden by attributes, inline styles or the
    page's own style sheet."""
    from bs4.element import PreformattedString
    from soupsieve import SelectorSyntaxError

    selectors = [s for style in soup.find_all("style") for s in _stylesheet_hidden(style.get_text())]
    for string in soup.find_all(string=lambda s: isinstance(s, PreformattedString)):
        string.extract()
    hidden = soup.find_all(_HTML_UNSEEN) + soup.find_all(_hidden_by_markup)
    for selector in selectors:
        try:
            hidden += soup.select(selector)
        except (SelectorSyntaxError, NotImplementedError, ValueError):
            continue
    for tag in hidden:
        if not tag.decomposed:
            tag.decompose()


def load_html(data: bytes) -> LoadedText:
    """HTML to text as a reader sees it: block elements become paragraphs (headings keep their
    offsets), and so does text a page writes outside them (in a ``div``, split where two line
    breaks part it); hidden text (see :func:`_drop_unseen`) is left out."""
    from bs4 import BeautifulSoup

    html = decode_text(data)
    soup = BeautifulSoup(html, "html.parser")
    _drop_unseen(soup)
    blocks, headings, offset = [], [], 0
    for name, text in _html_blocks(soup):
        if blocks:
            offset += 2
        if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            headings.append((offset, offset + len(text)))
        if name == "li":
            text = "- " + text
        blocks.append(text)
        offset += len(text)
    return LoadedText(text="\n\n".join(blocks), format="html", headings=tuple(headings))


def _html_blocks(root) -> list[tuple[str, str]]:
    """(element name, text) of each block a reader sees, in page order: a block element holding no
    other is one; the text between blocks (loose in a container) is one too, in its container's
    name. Walked with a stack, not recursion: a page may nest thousands of elements."""
    from bs4.element import NavigableString, Tag

    holding = set()  # the elements with a block inside them
    for block in root.find_all(_HTML_BLOCKS):
        parent = block.parent
        while parent is not None and id(parent) not in holding:
            holding.add(id(parent))
            parent = parent.parent
    out: list[tuple[str, str]] = []

    def flush(name: str, loose: list[str]) -> None:
        for part in re.split(r"\n\s*\n", "".join(loose)):  # two line breaks part paragraphs
            text = re.sub(r"\s+", " ", part).strip()
            if text:
                out.append((name, text))
        loose.clear()

    stack = [(root, iter(root.children), [])]
    while stack:
        element, children, loose = stack[-1]
        child = next(children, None)
        if child is None:
            flush(element.name or "", loose)
            stack.pop()
        elif isinstance(child, NavigableString):
            loose.append(str(child))
        elif not isinstance(child, Tag):
            continue
        elif child.name == "br":
            loose.append("\n")
        elif child.name in _HTML_BLOCKS and id(child) not in holding:
            flush(element.name or "", loose)
            loose.append(_inline_text(child))
            flush(child.name, loose)
        elif id(child) in holding or child.name in _HTML_CONTAINERS:
            flush(element.name or "", loose)
            stack.append((child, iter(child.children), []))
        else:  # inline markup (a link, emphasis) inside the loose text
            loose.append(_inline_text(child))
    return out


def _inline_text(element) -> str:
    """An element's text as written (words split only where the page puts a space), a line break
    where it breaks the line."""
    for br in element.find_all("br"):
        br.replace_with("\n")
    return element.get_text()

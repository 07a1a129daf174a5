"""Plain text and HTML into Documents: boilerplate masked (offsets kept), title, date, language."""

from __future__ import annotations

import re

from amity.errors import SkipDocument
from amity.ingest.meta import (
    cjk_share,
    detect_language,
    find_date,
    is_boilerplate_line,
    is_date_line,
    normalise_date,
    text_length,
)
from amity.records import Document

CJK_DOCUMENT_SHARE = 0.3  # a document this much in Han or Hangul letters is a Chinese/Korean one
HEADER_LINES = 12  # non-empty lines at the top searched for the title and the publication date
# a wire dateline with a full date: "SEOUL, 4 August 2017 -", "Hanoi, Nov. 2, 2018 (VNA) -"
DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]{2,30},\s+([^-–—()]{6,30}?\d{4})\s*(?:\([^)]{1,30}\)\s*)?[-–—]")


def _lines(text: str) -> list[tuple[int, int, str]]:
    out = []
    pos = 0
    # lines end at \n, \r\n or \r only (not at U+2028 or form feeds), as in annotate.document
    for line in re.split(r"(?<=\n)|(?<=\r)(?!\n)", text):
        if not line:
            continue
        body = line.rstrip("\r\n")
        out.append((pos, pos + len(body), body))
        pos += len(line)
    return out


def analyse_text(text: str) -> tuple[tuple[tuple[int, int], ...], str | None, str | None]:
    """Boilerplate spans, title and publication date of a plain-text capture of a page."""
    mask: list[tuple[int, int]] = []
    title: str | None = None
    published: str | None = None
    seen = 0
    cjk_document = cjk_share(text) >= CJK_DOCUMENT_SHARE
    for start, end, line in _lines(text):
        stripped = line.strip()
        if not stripped:
            continue
        seen += 1
        header = seen <= HEADER_LINES
        if header and is_date_line(stripped):
            if published is None:
                published = find_date(stripped)
            mask.append((start, end))
            continue
        if is_boilerplate_line(stripped, cjk_document):
            mask.append((start, end))
            continue
        if published is None and seen <= HEADER_LINES + 4:
            dateline = DATELINE.match(stripped)
            if dateline:
                published = find_date(dateline.group(1))  # "SEOUL, 4 August 2017 - ..."
        if header and title is None and len(stripped) <= 300 and not stripped.endswith(":"):
            title = stripped
    return tuple(mask), title, published


_SURROGATE = re.compile("[\ud800-\udfff]")
# a non-breaking space left as markup in a text capture of a page ('the&nbsp;Brics&nbsp;summit')
_SPACE_ENTITY = re.compile(r"&(?:nbsp|#160|#[xX][aA]0);")


def scrub(text: str) -> str:
    """Replace lone surrogates (from bad JSON escapes) and NULs by U+FFFD, and non-breaking-space
    entities by as many spaces: same length, so offsets hold."""
    text = _SURROGATE.sub("\ufffd", text).replace("\x00", "\ufffd")
    if "&" in text:
        text = _SPACE_ENTITY.sub(lambda m: " " * len(m.group()), text)
    return text


def text_to_document(doc: str, text: str, *, source: str = "", content_hash: str = "") -> Document:
    text = scrub(text)
    if not text.strip():
        raise SkipDocument("empty", "the document has no text")
    mask, title, published = analyse_text(text)
    visible = masked_text(text, mask)
    if not any(c.isalpha() for c in visible):
        raise SkipDocument("no-text", "the document holds only page furniture (menus, links, footers)")
    return Document(
        doc=doc,
        text=text,
        source=source,
        title=title,
        published=published,
        language=detect_language(visible),
        content_hash=content_hash,
        fmt="txt",
        mask=mask,
    )


_BLANK = re.compile(r"[^\r\n]")


def masked_text(text: str, mask: tuple[tuple[int, int], ...]) -> str:
    """The text with masked spans blanked to spaces: same length, so offsets are unchanged."""
    if not mask:
        return text
    parts: list[str] = []
    pos = 0
    for s, e in sorted(mask):
        if s < pos:
            s = pos
        if e <= s:
            continue
        parts.append(text[pos:s])
        parts.append(_BLANK.sub(" ", text[s:e]))  # line breaks stay, so lines stay lines
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


_TAG = re.compile(r"<[^>]+>")
# The HTML parser's time and memory grow faster than the page (many inline elements in one paragraph
# take quadratic time): a page is read up to these limits, counted after scripts, styles, comments and
# inline graphics are dropped, and a warning says so.
MAX_HTML_CHARS = 1_000_000
MAX_HTML_TAGS = 15_000
_DROPPED_BLOCKS = ("script", "style", "svg", "noscript", "template")


_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}  # length-preserving, unlike str.lower


def _drop_blocks(html: str) -> str:
    """The page without comments and script, style, svg, noscript and template elements: found with
    str.find, each kind searched forward only once, so the cost is linear whatever the page holds (an
    unclosed one takes the rest of the page with it)."""
    lower = html.translate(_ASCII_LOWER)
    kinds = ("!--", *_DROPPED_BLOCKS)
    nexts = {k: lower.find("<" + k) for k in kinds}
    if all(i < 0 for i in nexts.values()):
        return html
    parts: list[str] = []
    pos = 0
    while True:
        live = [(i, k) for k, i in nexts.items() if i >= 0]
        if not live:
            break
        start, kind = min(live)
        after = start + len(kind) + 1
        if kind != "!--" and after < len(lower) and (lower[after].isalnum() or lower[after] in "-_:"):
            nexts[kind] = lower.find("<" + kind, start + 1)  # '<scripts>', '<svg-icon>': another tag
            continue
        parts.append(html[pos:start])
        end = lower.find("-->" if kind == "!--" else f"</{kind}", after)
        if end < 0:
            pos = len(html)
            break
        gt = lower.find(">", end)
        pos = len(html) if gt < 0 else gt + 1
        for k, i in nexts.items():
            if 0 <= i < pos:
                nexts[k] = lower.find("<" + k, pos)
    parts.append(html[pos:])
    return "".join(parts)


def bound_html(html: str) -> tuple[str, list[str]]:
    """The page as the parser gets it (blocks dropped, cut at the limits) and warnings when it was cut."""
    html = _drop_blocks(html)
    warnings = []
    if len(html) > MAX_HTML_CHARS:
        cut = html.rfind("<", 0, MAX_HTML_CHARS)
        warnings.append(
            f"the page was cut to its first {MAX_HTML_CHARS:,} characters of markup (of {len(html):,})"
        )
        html = html[: cut if cut > 0 else MAX_HTML_CHARS]
    if html.count("<") > MAX_HTML_TAGS:
        pos = -1
        for _ in range(MAX_HTML_TAGS):
            pos = html.find("<", pos + 1)
        warnings.append(f"the page was cut after its first {MAX_HTML_TAGS:,} tags")
        html = html[:pos]
    return html, warnings


def html_to_document(doc: str, html: str, *, source: str = "", content_hash: str = "") -> Document:
    """Main text of a web page through trafilatura, with its title and date from the page's metadata."""
    import trafilatura

    html, warnings = bound_html(scrub(html))
    try:
        result = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
        )
    except Exception as e:  # trafilatura raises many kinds on broken markup
        raise SkipDocument("bad-html", f"the page could not be parsed: {type(e).__name__}: {e}") from e
    body = getattr(result, "text", None) if result is not None else None
    if not body or not body.strip():
        fallback = " ".join(_TAG.sub(" ", html).split())
        if text_length(fallback) < 20:
            raise SkipDocument("no-text", "the page has no readable main text")
        body = fallback
    meta_title = getattr(result, "title", None) if result is not None else None
    meta_date = getattr(result, "date", None) if result is not None else None
    body = scrub(body)
    mask, title, published = analyse_text(body)
    if not any(c.isalpha() for c in masked_text(body, mask)):
        raise SkipDocument("no-text", "the page holds only page furniture (menus, links, footers)")
    text = body
    if meta_title and meta_title.strip() and not body.startswith(meta_title.strip()):
        text = meta_title.strip() + "\n\n" + body
        mask = tuple((s + len(meta_title.strip()) + 2, e + len(meta_title.strip()) + 2) for s, e in mask)
    return Document(
        doc=doc,
        text=text,
        source=source,
        title=(meta_title or title or None),
        published=(normalise_date(meta_date) if meta_date else published),
        language=detect_language(masked_text(text, mask)),
        content_hash=content_hash,
        fmt="html",
        mask=mask,
        warnings=tuple(warnings),
    )

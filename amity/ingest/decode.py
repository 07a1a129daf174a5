"""Bytes into text: byte-order marks, binary formats by content, UTF-8 (strict, or with a few bad bytes
replaced), and a character-set detector (charset-normalizer) for legacy encodings such as GBK, Big5,
EUC-KR, Shift-JIS and the Windows code pages."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from amity.errors import SkipDocument

SAMPLE = 65_536  # bytes looked at for binary content
DETECT_SAMPLE = 1_000_000  # bytes the character-set detector reads
# bytes that never occur in text: C0 controls but tab, line feed, vertical tab, form feed, carriage
# return and escape (ISO-2022 encodings use it), and DEL
_BINARY_CONTROLS = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_TEXT_BYTES = bytes(b for b in range(256) if b not in _BINARY_CONTROLS)
CONTROL_RATIO = 0.01  # more control bytes than this share of the sample: binary
FEW_CONTROLS = 3  # up to this many control bytes never make a file binary
REPLACEMENT = "\ufffd"

# (prefix at offset 0, what it is); checked before any decoding, whatever the file's name
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x00\x00\x01\x00", "an icon image"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
    (b"OTTO", "an OpenType font"),
    (b"PK\x03\x04", "a ZIP archive (or an Office, EPUB or JAR file)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"PK\x07\x08", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"\x04\x22\x4d\x18", "an LZ4 archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"!<arch>\n", "an ar archive"),
    (b"\x7fELF", "an ELF executable"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
    (b"\xce\xfa\xed\xfe", "a Mach-O executable"),
    (b"\xca\xfe\xba\xbe", "a Java class or Mach-O file"),
    (b"\x00asm", "a WebAssembly module"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE file (old Word, Excel or Outlook document)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
    (b"ARROW1", "an Arrow file"),
    (b"\x89HDF\r\n\x1a\n", "an HDF5 file"),
    (b"OggS", "an Ogg media file"),
    (b"fLaC", "a FLAC audio file"),
    (b"\x1a\x45\xdf\xa3", "a Matroska or WebM video"),
    (b"{\\rtf", "an RTF document"),
    (b"%!PS", "a PostScript document"),
    (b"\xd4\xc3\xb2\xa1", "a packet capture"),
    (b"\xa1\xb2\xc3\xd4", "a packet capture"),
)

BOMS: tuple[tuple[bytes, str], ...] = (  # UTF-32 first: its little-endian mark starts like UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def sniff_binary(data: bytes) -> str | None:
    """What binary format `data` is in, from its first bytes; None when it has no known signature."""
    for prefix, what in MAGIC:
        if data.startswith(prefix):
            return what
    if data[:2] == b"BM" and data[6:10] == b"\x00\x00\x00\x00" and len(data) > 26:
        return "a BMP image"
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}[data[8:12]]
    if data[4:8] == b"ftyp":
        return "an MP4, QuickTime or HEIF media file"
    if data[:3] == b"ID3" and len(data) > 3 and data[3] < 0x10:
        return "an MP3 audio file"
    if data[:2] == b"MZ" and b"\x00" in data[2:64]:
        return "a Windows executable"
    if data[:3] == b"BZh" and data[4:10] == b"1AY&SY":
        return "a bzip2 archive"
    if data[257:262] == b"ustar":
        return "a tar archive"
    return None


def control_ratio(data: bytes) -> float:
    """The share of the sample's bytes that never occur in text (NUL and other control bytes); 0 when
    there are only a few (a stray escape sequence in a title is text with a control code, not binary)."""
    sample = data[:SAMPLE]
    controls = len(sample) - len(sample.translate(None, _BINARY_CONTROLS))
    return controls / len(sample) if controls > FEW_CONTROLS else 0.0


def _utf16_without_bom(data: bytes) -> str | None:
    """Text in UTF-16 without a byte-order mark: NULs as every other byte, on one side."""
    sample = data[: SAMPLE - SAMPLE % 2]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    for zeros, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= 0.6 * half and others <= 0.02 * half:
            try:
                text = data[: len(data) - len(data) % 2].decode(encoding)
            except UnicodeDecodeError:
                return None
            return text if control_ratio(text.encode("utf-8", "replace")) <= CONTROL_RATIO else None
    return None


def _count_replaced(text: str, data: bytes) -> int:
    return text.count(REPLACEMENT) - data.count(b"\xef\xbf\xbd")


def lenient_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few bad bytes, or cut short mid-character: read with U+FFFD for each bad sequence
    (one character each, so offsets into the text stay what they are). None when the bytes are not
    mostly UTF-8 (a legacy encoding read as UTF-8 gives many bad sequences and few good ones)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        first = e
    else:
        return Decoded(data.decode("utf-8"), "utf-8")
    text = data.decode("utf-8", "replace")
    bad = _count_replaced(text, data)
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    good = non_ascii - text.count(REPLACEMENT)
    truncated = first.start >= len(data) - 3 and first.reason == "unexpected end of data"
    if not truncated and not (good >= 1 and good >= 2 * bad):
        if not (good >= 1 and bad <= 3):
            return None
        # a handful of bad bytes and as few good characters: UTF-8 unless a multi-byte encoding (GBK,
        # Shift-JIS...) reads all of it; a single-byte code page reads anything, so it proves nothing
        found = detect(data)
        if found is not None and is_multibyte(found, data):
            return found
    where = "at the end (the file is cut short)" if truncated else f"first at byte {first.start}"
    noun = "sequence" if bad == 1 else "sequences"
    return Decoded(
        text, "utf-8", (f"{bad} invalid UTF-8 byte {noun} replaced by U+FFFD ({where})",)
    )


def is_multibyte(found: Decoded, data: bytes) -> bool:
    """Whether a decoding read some characters from several bytes (GBK, Big5, Shift-JIS, EUC...)."""
    return len(found.text) < len(data)


@cache
def _language_identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


_SEPARATOR_CATEGORIES = ("Z", "P")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003ffff]")


def _reads_as_text(text: str) -> bool:
    """Whether a detector's decoding reads as writing: words or clauses set apart by spaces, line breaks
    or punctuation (in every script, CJK included) at least every 100 characters, and words by spaces
    in alphabetic scripts. Bytes that merely happen to be valid in some encoding (random data, a
    repeated pattern) give runs of letters and symbols with none."""
    import unicodedata

    sample = text[:20_000]
    spaces = sum(1 for c in sample if c.isspace())
    separators = spaces + sum(1 for c in sample if unicodedata.category(c)[0] in _SEPARATOR_CATEGORIES)
    if len(sample) >= 100 and separators * 100 < len(sample):
        return False
    letters = [c for c in sample if c.isalpha()]
    cjk = sum(1 for c in letters if _CJK.match(c))
    if len(sample.strip()) >= 8 and cjk * 2 < len(letters):
        return spaces >= max(1, len(sample) // 40)
    return True


def _names(match: Any) -> list[str]:
    """The encodings a detector's match stands for (those decoding the bytes to the same text)."""
    return [match.encoding, *getattr(match, "could_be_from_charset", [])]


def _preference(match: Any) -> int:
    """Which of equally likely decodings to take: the Windows code pages news sites use, cp1252 first,
    then the ISO 8859 family, then the rest (DOS and Mac code pages)."""
    names = _names(match)
    if "cp1252" in names:
        return 0
    if any(n.startswith("cp125") for n in names):
        return 1
    if any(n.startswith(("iso8859", "latin")) for n in names):
        return 2
    return 3


def detect(data: bytes) -> Decoded | None:
    """A legacy encoding found by charset-normalizer. Single-byte code pages often decode the same bytes
    equally cleanly; among those, the decoding that reads most like a language wins (cp1252 on a tie)."""
    from charset_normalizer import from_bytes

    sample = data[:DETECT_SAMPLE]
    matches = list(from_bytes(sample))
    if not matches:
        return None
    best = matches[0]
    encoding = best.encoding
    tied = [m for m in matches if m.chaos <= best.chaos + 0.01]
    if len(tied) > 1:
        ident = _language_identifier()
        scored = []
        for m in tied:
            _, p = ident.classify(str(m)[:5000])
            scored.append((float(p), m))
        top = max(p for p, _ in scored)
        near = [(p, m) for p, m in scored if p >= top - 0.005]
        _, best = min(near, key=lambda pm: (_preference(pm[1]), -pm[0]))
        encoding = "cp1252" if "cp1252" in _names(best) else best.encoding
    if not _reads_as_text(str(best)):
        return None
    try:
        text = data.decode(encoding)
        warnings: tuple[str, ...] = ()
    except (UnicodeDecodeError, LookupError):
        try:
            text = data.decode(encoding, "replace")
        except LookupError:
            return None
        bad = _count_replaced(text, data)
        warnings = (f"{bad} bytes that are not {encoding} replaced by U+FFFD",)
    return Decoded(text, encoding, (f"not UTF-8: read as {encoding} (detected)", *warnings))


def decode(data: bytes, *, check_controls: bool = True) -> Decoded:
    """Text of a file's bytes, or SkipDocument: 'empty', 'binary' (a known binary format, or control
    bytes no text has) or 'undecodable'. `check_controls` is off for JSON Lines, whose bad lines are
    skipped one by one."""
    if not data.strip():
        raise SkipDocument("empty", "the file has no text")
    what = sniff_binary(data)
    if what:
        raise SkipDocument("binary", f"{what}, not a text document")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return Decoded(body.decode(encoding), encoding)
            except UnicodeDecodeError as e:
                text = body.decode(encoding, "replace")
                bad = _count_replaced(text, body)
                if bad * 20 > max(1, len(text)):
                    raise SkipDocument(
                        "undecodable", f"bad {encoding.upper()} after its byte-order mark: {e}"
                    ) from e
                warning = f"{bad} invalid {encoding.upper()} sequences replaced by U+FFFD"
                return Decoded(text, encoding, (warning,))
    if check_controls and control_ratio(data) > CONTROL_RATIO:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return Decoded(utf16, "utf-16", ("UTF-16 without a byte-order mark",))
        raise SkipDocument("binary", "it holds NUL or other control bytes that text never has")
    found = lenient_utf8(data) or detect(data)
    if found is None:
        raise SkipDocument("undecodable", "not UTF-8, and no other character encoding reads it as text")
    if check_controls and control_ratio(found.text.encode("utf-8", "replace")) > CONTROL_RATIO:
        raise SkipDocument("binary", "decoded, it holds control characters that text never has")
    return found

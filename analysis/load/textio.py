"""Read one article file into text, faithfully, or say clearly why it cannot be read.

The decoded text is kept exactly as written except for two changes: a byte-order mark is
removed and line endings become ``\\n``. Invisible characters (bidi controls, zero-width
characters) stay in the text so that character offsets remain faithful; they are reported
in ``Decoded.flags`` and stripped only when text is displayed.

Decoding order (see :func:`decode_bytes`):

1. a byte-order mark decides (UTF-8, UTF-16, UTF-32);
2. NUL bytes mean a binary file or UTF-16 without a BOM: rejected, never guessed
   (called UTF-16 only when that reading is printable text);
3. strict UTF-8;
4. bytes that mix UTF-8 Arabic words with invalid UTF-8 are rejected (a pasted-together
   file would be half mojibake in any single code page);
5. the Arabic legacy code pages Windows-1256 and ISO-8859-6, kept only when the result
   reads as Arabic; the one whose decoded letters are plausibly Arabic wins;
6. anything else is rejected with the offset of the first byte that is not UTF-8.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from analysis.text import chars

#: Legacy Arabic code pages tried when a file is not UTF-8, most common first.
LEGACY_ENCODINGS = ("cp1256", "iso8859_6")
#: Fewer Arabic letters than this in a legacy-decoded file: the guess is flagged.
MIN_LEGACY_LETTERS = 40
#: Share of non-ASCII characters that must be plausible for a legacy decode to be kept.
MIN_PLAUSIBLE = 0.9
#: UTF-8 Arabic words (runs of three or more two-byte letters) in a file that is not valid
#: UTF-8 from which it is called a mix of encodings. Windows-1256 text almost never forms
#: such runs: none of the 31,030 SaudiNewsNet articles, encoded in cp1256, holds even a run
#: of two (measured 2026-11-23), while one pasted UTF-8 sentence holds several.
MIN_MIXED_UTF8 = 2
_UTF8_ARABIC = re.compile(rb"(?:[\xd8-\xdb][\x80-\xbf]){3,}")

# The characters display strips (analysis.text.safety): a document holding any is flagged.
BIDI_CONTROLS_RE = re.compile("[" + re.escape(chars.BIDI_CONTROLS) + "]")
ZERO_WIDTH_RE = re.compile("[" + re.escape(chars.ZERO_WIDTH) + "]")
# Marks above ASCII that Arabic news text plausibly holds (a wrong code page gives others).
_PLAUSIBLE_MARKS = "\u00a0«»–—…“”‘’•·" + chars.ZWNJ + chars.ZWJ + chars.LRM + chars.RLM
# A saved page may open with comments ("<!-- saved from url=... -->") or an XML declaration
# before its first tag, and a fragment with <head>, <body> or <meta>.
# Possessive repetition (*+): a file of many comments followed by text must not make
# the engine backtrack over every way to split them (exponential time).
_HTML_START = re.compile(
    r"\s*(?:<!--(?:(?!-->).)*-->\s*|<\?xml[^>]*\?>\s*)*+"
    r"<(?:!doctype\s+html|html|head|body|meta)[\s/>]",
    re.IGNORECASE | re.DOTALL,
)


def read_bytes(path: str | Path, *, max_bytes: int = 20_000_000, what: str = "article") -> bytes:
    """The bytes of one file (an article, a saved page) under ``max_bytes``; raise
    :class:`UnreadableFile` with the reason."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableFile(path, f"cannot open the file ({exc.strerror})") from exc
    if size > max_bytes:
        raise UnreadableFile(
            path,
            f"file is {size:,} bytes, over the {max_bytes:,}-byte limit for one {what};"
            " split it or pass a larger max_bytes",
        )
    return path.read_bytes()


def read_text(path: str | Path, *, max_bytes: int = 20_000_000) -> Decoded:
    """Read and decode one article file; raise :class:`UnreadableFile` with the reason."""
    return decode_bytes(read_bytes(path, max_bytes=max_bytes), path=path)


def decode_bytes(data: bytes, *, path: str | Path = "<bytes>") -> Decoded:
    """Decode the bytes of one article (see the module docstring for the order)."""
    if not data.strip():
        raise UnreadableFile(path, "file is empty or holds only whitespace")
    text, encoding, confidence, flags = pick_encoding(data, path)
    if not ZERO_WIDTH_RE.sub("", BIDI_CONTROLS_RE.sub("", text)).strip():
        raise UnreadableFile(path, "file holds only whitespace or invisible characters")
    if _HTML_START.match(text):
        raise UnreadableFile(
            path,
            "file is an HTML page saved as text; extract the article text first",
        )
    text, more = _normalise(text)
    return Decoded(text, encoding, confidence, tuple(flags + more))


def pick_encoding(data: bytes, path: str | Path) -> tuple[str, str, float, list[str]]:
    """Pick the encoding of raw bytes (BOM, UTF-8, then a legacy code page); return
    (text, encoding, confidence, flags). Used for articles and for saved HTML pages."""
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(name), name, 1.0, ["bom"]
            except UnicodeDecodeError as exc:
                raise UnreadableFile(
                    path, f"starts with a {name} byte-order mark but byte {exc.start} is invalid"
                ) from exc
    if _looks_utf16(data):
        raise UnreadableFile(
            path,
            "looks like UTF-16 without a byte-order mark; re-save it as UTF-8"
            " (it is not decoded by guessing)",
        )
    if b"\x00" in data:
        raise UnreadableFile(
            path, f"contains NUL bytes (first at byte {data.index(0)}): a binary file, not text"
        )
    try:
        return data.decode("utf-8"), "utf-8", 1.0, []
    except UnicodeDecodeError as exc:
        bad = exc.start
    return _decode_legacy(data, path, bad)


def _looks_utf16(data: bytes) -> bool:
    """True when BOM-less bytes read as text in UTF-16 (LE or BE).

    NULs falling on one byte parity only (ASCII in UTF-16), or a UTF-16 reading that is
    mostly Arabic letters and spaces, give it away.
    """
    if len(data) % 2:
        return False
    even, odd = data[0::2].count(0), data[1::2].count(0)
    # NULs on one parity only is what ASCII in UTF-16 looks like, but also what some
    # binary files look like: the UTF-16 reading must be text as well.
    one_parity = (even == 0) != (odd == 0) and max(even, odd) > 2
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if not text:
            continue
        printable = sum(1 for c in text if c.isprintable() or c in "\n\r\t")
        arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff" or c.isspace())
        if (one_parity and printable / len(text) > 0.95) or arabic / len(text) > 0.6:
            return True
    return False


def arabic_plausibility(text: str) -> tuple[float, int]:
    """Share of non-ASCII characters that are plausible in Arabic text, and the letter count.

    Plausible: Arabic-block characters and common typographic marks. Implausible: Latin
    accented letters, C1 controls and symbols, which are what a wrong code page produces.
    """
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return 0.0, 0
    letters = sum(1 for c in non_ascii if c in chars.ARABIC_LETTERS)
    good = sum(1 for c in non_ascii if _plausible_char(c))
    return good / len(non_ascii), letters


def _plausible_char(char: str) -> bool:
    """True for characters an Arabic news text plausibly holds above ASCII."""
    if "\u0600" <= char <= "\u06ff" or char in _PLAUSIBLE_MARKS:
        return True
    return unicodedata.category(char) in ("Zs", "Pd", "Pi", "Pf")


def _decode_legacy(data: bytes, path: str | Path, bad: int) -> tuple[str, str, float, list[str]]:
    """Try the Arabic code pages on bytes that are not UTF-8; reject when none reads as Arabic.

    Bytes that hold valid UTF-8 Arabic letters beside invalid bytes are a mix of two
    encodings (a file pasted together): any single code page would give mojibake for part
    of it, so the file is rejected with the offset of the first bad byte.
    """
    utf8_arabic = _UTF8_ARABIC.findall(data)
    if len(utf8_arabic) >= MIN_MIXED_UTF8:
        raise UnreadableFile(
            path,
            f"mixes encodings: not valid UTF-8 (first bad byte at offset {bad}:"
            f" 0x{data[bad]:02x}) yet it holds {len(utf8_arabic)} Arabic words in UTF-8;"
            " re-save it as UTF-8",
        )
    scored = []
    for name in LEGACY_ENCODINGS:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        share, letters = arabic_plausibility(text)
        scored.append((share, letters, name, text))
    good = [s for s in scored if s[0] >= MIN_PLAUSIBLE and s[1] > 0]
    if not good:
        raise UnreadableFile(
            path,
            f"not valid UTF-8 (first bad byte at offset {bad}: 0x{data[bad]:02x}) and it"
            " does not read as Arabic in Windows-1256 or ISO-8859-6; re-save it as UTF-8",
        )
    good.sort(key=lambda s: s[0], reverse=True)  # stable: cp1256 wins ties
    share, letters, name, text = good[0]
    flags = ["legacy_encoding"]
    if len(good) > 1 and good[1][0] == share and good[1][3] != text:
        flags.append("ambiguous_encoding")
    if letters < MIN_LEGACY_LETTERS or share < 0.98 or not _charset_normalizer_agrees(data, name):
        flags.append("low_confidence")
    return text, name, round(share, 3), flags


def _charset_normalizer_agrees(data: bytes, name: str) -> bool:
    """A second opinion from charset-normalizer among the legacy code pages."""
    from charset_normalizer import from_bytes  # lazy: import cost only when needed

    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None:
        return False
    return codecs.lookup(best.encoding).name == codecs.lookup(name).name


def _normalise(text: str) -> tuple[str, list[str]]:
    """Line endings to LF; flag invisible characters (kept, for faithful offsets)."""
    flags = []
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        flags.append("crlf")
    if BIDI_CONTROLS_RE.search(text):
        flags.append("bidi_controls")
    if ZERO_WIDTH_RE.search(text):
        flags.append("zero_width")
    return text, flags


def normalise_text(text: str) -> tuple[str, list[str]]:
    """The same clean-up for text that arrives already decoded (table cells).

    Removes a leading BOM and turns CRLF/CR into LF; returns the text and its flags.
    """
    flags = []
    if text.startswith(chars.BOM):
        text = text[1:]
        flags.append("bom")
    text, more = _normalise(text)
    return text, flags + more


class UnreadableFile(Exception):
    """A file that cannot be loaded as an article; ``reason`` says why in plain words."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


@dataclass(frozen=True)
class Decoded:
    """Decoded text with how it was decoded.

    ``flags`` may hold: ``bom`` (a BOM was removed), ``crlf`` (line endings changed),
    ``bidi_controls``, ``zero_width`` (invisible characters present), ``legacy_encoding``,
    ``low_confidence`` (a legacy guess on little evidence), ``ambiguous_encoding``
    (Windows-1256 and ISO-8859-6 read the same).
    """

    text: str
    encoding: str
    confidence: float
    flags: tuple[str, ...] = field(default_factory=tuple)

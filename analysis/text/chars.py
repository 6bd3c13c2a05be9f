"""The special characters the package treats on purpose, each listed once, by code point.

Every set is a ``str`` of its characters, so it goes into a regex character class (after
``re.escape``) or a ``str.translate`` table alike.

Invisible characters are removed by three users, and they do not remove quite the same
ones. The sets stay distinct because unifying them would change tables the tagger writes
(a folded key, a near-duplicate group) or what display shows:

- display (``analysis.text.safety.clean``) strips :data:`BIDI_CONTROLS`,
  :data:`ZERO_WIDTH` and :data:`CONTROL_CHARS`; the loader flags a document holding the
  first two (``analysis.load.textio``), since display will alter it;
- matching (``analysis.text.normalize.fold`` and ``match_key``) deletes
  :data:`MATCH_INVISIBLE`: like display, but the whole format area U+2060–U+206F
  (invisible operators and deprecated format characters too) and not U+180E;
- near-duplicate and section keys (``analysis.text.normalize.fold_letters``) delete
  :data:`DEDUP_INVISIBLE`: like display, but neither the word joiner U+2060 nor U+180E.
"""

from __future__ import annotations

# --- bidi controls ---------------------------------------------------------------------
#: Embeddings and overrides: LRE U+202A, RLE U+202B, PDF U+202C, LRO U+202D, RLO U+202E.
BIDI_EMBEDDINGS = "\u202a\u202b\u202c\u202d\u202e"
#: Isolates: LRI U+2066, RLI U+2067, FSI U+2068, PDI U+2069.
BIDI_ISOLATES = "\u2066\u2067\u2068\u2069"
LRM, RLM, ALM = "\u200e", "\u200f", "\u061c"
#: Direction marks: left-to-right U+200E, right-to-left U+200F, Arabic letter mark U+061C.
BIDI_MARKS = LRM + RLM + ALM
#: Every character that changes the direction text is laid out in (display strips them:
#: U+202E turns ``exe.txt`` around).
BIDI_CONTROLS = BIDI_EMBEDDINGS + BIDI_ISOLATES + BIDI_MARKS
LRI, RLI, PDI = "\u2066", "\u2067", "\u2069"

# --- zero-width and other invisible characters -----------------------------------------
ZWSP, ZWNJ, ZWJ = "\u200b", "\u200c", "\u200d"
WORD_JOINER = "\u2060"
#: U+FEFF: byte-order mark at the start of a file, zero-width no-break space elsewhere.
BOM = "\ufeff"
MONGOLIAN_VOWEL_SEPARATOR = "\u180e"
SOFT_HYPHEN = "\u00ad"
#: Zero-width space U+200B, non-joiner U+200C, joiner U+200D, word joiner U+2060, BOM
#: U+FEFF, Mongolian vowel separator U+180E, soft hyphen U+00AD.
ZERO_WIDTH = ZWSP + ZWNJ + ZWJ + WORD_JOINER + BOM + MONGOLIAN_VOWEL_SEPARATOR + SOFT_HYPHEN
#: U+2060–U+206F: word joiner, invisible operators, bidi isolates, deprecated format chars.
FORMAT_AREA = "".join(map(chr, range(0x2060, 0x2070)))
#: Deleted by the matching fold: soft hyphen, ALM, BOM, U+200B–U+200F (zero-width
#: characters, LRM, RLM), the embeddings U+202A–U+202E and the format area U+2060–U+206F.
#: They sit inside words in scraped text and must not split a match.
MATCH_INVISIBLE = SOFT_HYPHEN + ALM + BOM + ZWSP + ZWNJ + ZWJ + LRM + RLM
MATCH_INVISIBLE += BIDI_EMBEDDINGS + FORMAT_AREA
#: Deleted by the letter fold of dedup and section keys: :data:`BIDI_CONTROLS`, U+200B–
#: U+200D, BOM and soft hyphen (the word joiner and U+180E stay).
DEDUP_INVISIBLE = BIDI_CONTROLS + ZWSP + ZWNJ + ZWJ + BOM + SOFT_HYPHEN

#: C0 and C1 control characters except tab and newline (which a sentence may hold).
CONTROL_CHARS = "".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]))
CONTROL_CHARS += "".join(map(chr, range(0x7F, 0xA0)))

#: No-break space U+00A0 and narrow no-break space U+202F (a space for dedup keys).
NO_BREAK_SPACES = "\u00a0\u202f"

# --- Arabic ----------------------------------------------------------------------------
#: ``[lo, hi)`` code point ranges of the Arabic blocks: Arabic, Arabic Supplement, Arabic
#: Extended-A, Presentation Forms-A and Presentation Forms-B.
ARABIC_BLOCKS = (
    (0x0600, 0x0700),
    (0x0750, 0x0780),
    (0x08A0, 0x0900),
    (0xFB50, 0xFE00),
    (0xFE70, 0xFF00),
)
#: The last Arabic letter of Presentation Forms-B (lam-alef ligature, final form): past it
#: come unassigned code points and the BOM, which is no Arabic.
LAST_PRESENTATION_FORM = 0xFEFC
TATWEEL = "\u0640"
#: Harakat, shadda, sukun and the other combining marks U+064B–U+065F, dagger alef U+0670,
#: Quranic marks U+06D6–U+06DC.
ARABIC_MARKS = "".join(map(chr, [*range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06DD)]))
#: The letters of the Arabic alphabet, hamza U+0621 to yeh U+064A (tatweel U+0640 among them).
ARABIC_LETTERS = "".join(map(chr, range(0x0621, 0x064B)))
#: Arabic-Indic digits ٠–٩ (U+0660–U+0669).
ARABIC_INDIC_DIGITS = "".join(map(chr, range(0x0660, 0x066A)))
#: Extended Arabic-Indic (Persian, Urdu) digits ۰–۹ (U+06F0–U+06F9).
PERSIAN_DIGITS = "".join(map(chr, range(0x06F0, 0x06FA)))
#: Persian/Urdu letter shapes that turn up in Arabic news, with the Arabic letter they
#: fold to: keheh ک → ك, farsi yeh ی and yeh barree ے → ي, heh goal ہ and ae ە → ه.
PERSIAN_LETTERS = {"\u06cc": "ي", "\u06a9": "ك", "\u06d2": "ي", "\u06c1": "ه", "\u06d5": "ه"}

"""Decoding article files: encodings accepted, files refused with a reason, text kept exact."""

from __future__ import annotations

import codecs
import re

import pytest

from analysis.load.textio import UnreadableFile, decode_bytes, read_text
from analysis.text import chars

ARABIC = (
    "قالت مصادر مطلعة إن الحرس الثوري الإيراني اشترط رفع العقوبات عن دمشق ووقف الضربات"
    " الإسرائيلية مقابل سحب مستشاريه من جنوب سوريا، وطلبت طهران ضمانات روسية."
)


@pytest.mark.parametrize(
    ("data", "encoding", "flags"),
    [
        (ARABIC.encode("utf-8"), "utf-8", ()),
        (codecs.BOM_UTF8 + ARABIC.encode("utf-8"), "utf-8-sig", ("bom",)),
        (codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"), "utf-16", ("bom",)),
        (codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"), "utf-16", ("bom",)),
        (ARABIC.encode("cp1256"), "cp1256", ("legacy_encoding",)),
        (ARABIC.encode("iso8859_6"), "iso8859_6", ("legacy_encoding",)),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "cp1256", "iso-8859-6"],
)
def test_encodings_decode_to_the_same_text(data, encoding, flags):
    decoded = decode_bytes(data)
    assert decoded.text == ARABIC
    assert decoded.encoding == encoding
    assert decoded.flags == flags


def test_a_short_legacy_file_is_flagged_not_trusted():
    decoded = decode_bytes("إيران وسوريا".encode("cp1256"))
    assert decoded.text == "إيران وسوريا"
    assert "low_confidence" in decoded.flags


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b" \n\t\r\n ", "empty"),
        (ARABIC.encode("utf-16-le"), "UTF-16 without a byte-order mark"),
        (ARABIC.encode("utf-16-be"), "UTF-16 without a byte-order mark"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", "NUL bytes (first at byte 8)"),
        (b"<!DOCTYPE html>\n<html><body>" + ARABIC.encode() + b"</body></html>", "HTML page"),
        (b"  <html lang='ar'>\n<p>" + ARABIC.encode() + b"</p>", "HTML page"),
        ("\u200b\u200e".encode(), "whitespace or invisible"),
    ],
    ids=[
        "empty",
        "whitespace",
        "utf16le-nobom",
        "utf16be-nobom",
        "binary",
        "doctype",
        "html",
        "zw",
    ],
)
def test_unreadable_files_are_refused_with_a_reason(data, reason):
    with pytest.raises(UnreadableFile, match=re.escape(reason)):
        decode_bytes(data, path="a.txt")


def test_invalid_utf8_names_the_offset_of_the_first_bad_byte():
    good = "خبر عاجل ".encode()
    data = good + b"\xc3\x28 Latin-1 caf\xe9 text that is not Arabic at all"
    with pytest.raises(UnreadableFile, match=f"offset {len(good)}: 0xc3") as info:
        decode_bytes(data, path="bad.txt")
    assert info.value.path == "bad.txt"
    assert str(info.value).startswith("bad.txt: ")


def test_truncated_utf8_arabic_is_not_misread_as_a_legacy_page():
    data = ARABIC.encode("utf-8")
    broken = data[:41] + data[42:]  # drop one byte in the middle of a letter
    with pytest.raises(UnreadableFile, match="not valid UTF-8"):
        decode_bytes(broken)


@pytest.mark.parametrize(
    ("raw", "text", "flag"),
    [
        ("سطر أول\r\nسطر ثان\r\n", "سطر أول\nسطر ثان\n", "crlf"),
        ("سطر أول\rسطر ثان", "سطر أول\nسطر ثان", "crlf"),
        ("قال \u200fالمتحدث\u200f إن", "قال \u200fالمتحدث\u200f إن", "bidi_controls"),
        ("\u202bنص مضمن\u202c", "\u202bنص مضمن\u202c", "bidi_controls"),
        ("كلمة\u200bكلمة", "كلمة\u200bكلمة", "zero_width"),
    ],
)
def test_only_line_endings_change_invisible_characters_are_kept_and_flagged(raw, text, flag):
    decoded = decode_bytes(raw.encode("utf-8"))
    assert decoded.text == text
    assert flag in decoded.flags


def test_read_text_refuses_files_over_the_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(ARABIC.encode() * 10)
    assert read_text(path).text == ARABIC * 10
    with pytest.raises(UnreadableFile, match="over the 100-byte limit"):
        read_text(path, max_bytes=100)


def test_read_text_reports_a_missing_file(tmp_path):
    with pytest.raises(UnreadableFile, match="cannot open"):
        read_text(tmp_path / "missing.txt")


def test_cp1256_letters_before_punctuation_are_not_taken_for_utf8():
    """ع، غ؟ ط» are lead-plus-continuation byte pairs in cp1256; isolated they are not UTF-8."""
    text = (
        "قال المصدر إن الاجتماع مع، الجانب الروسي انتهى. هل يبقى الفراغ؟ "
        "«الخط» الأحمر في الجنوب السوري واضح بحسب المسؤولين الإسرائيليين والروس. " * 3
    )
    decoded = decode_bytes(text.encode("cp1256"))
    assert decoded.text == text and decoded.encoding == "cp1256"
    assert 0 < decoded.confidence <= 1


def test_utf8_pasted_into_a_cp1256_file_is_rejected_with_the_offset():
    head = ("أعلنت وزارة الخارجية الروسية أن المحادثات مستمرة " * 4).encode("cp1256")
    data = head + " وقالت وكالة تسنيم الإيرانية".encode() + head
    with pytest.raises(UnreadableFile, match=r"mixes encodings.*offset 0:"):
        decode_bytes(data)


@pytest.mark.parametrize(
    "page",
    [
        "<!-- saved from url=(0030)https://example.org/a --><html><body>نص</body></html>",
        '<?xml version="1.0"?><!DOCTYPE html><html>نص</html>',
        "<meta charset='utf-8'><p>نص</p>",
        "  <body><p>نص</p></body>",
    ],
)
def test_saved_pages_are_refused_as_html(page):
    with pytest.raises(UnreadableFile, match="HTML page"):
        decode_bytes(page.encode())


def test_text_that_starts_with_a_comparison_sign_is_not_html():
    decoded = decode_bytes("<< عاجل >> روسيا تقترح انسحاباً إيرانياً من الجنوب".encode())
    assert decoded.text.startswith("<<")


def test_many_comments_before_text_do_not_hang_the_html_check():
    """Bug: the HTML check backtracked exponentially (40 comments would never finish)."""
    decoded = decode_bytes(("<!--x-->" * 5000 + " خبر عن إيران وسوريا").encode())
    assert decoded.text.endswith("وسوريا")


@pytest.mark.parametrize(
    ("char", "flag"),
    [
        *((c, "bidi_controls") for c in chars.BIDI_CONTROLS),
        *((c, "zero_width") for c in chars.ZERO_WIDTH),
    ],
)
def test_every_character_display_strips_flags_the_document(char, flag):
    """The loader flags what analysis.text.safety strips on display (one list for both)."""
    assert flag in decode_bytes(f"إيران{char} وسوريا".encode()).flags

"""A hostile corpus for the hardening tests: odd encodings, bad files, a bad manifest and
markup/script payloads in every field that reaches a notebook or a report, and a saved
HTML page whose scripts, event attributes and links must never come through.

``build_hostile_corpus(folder)`` writes the files and returns what a correct loader must
do with each (see ``Expectations``). The articles are synthetic, written for these tests.
"""

from __future__ import annotations

import codecs
import csv
import html
import io
import re
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# --- payloads --------------------------------------------------------------------------

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(1)</script>"
JS_LINK = '<a href="javascript:alert(1)">x</a>'
BOLD = "<b>عاجل</b>"
SPAN = '<span style="color:red;font-size:90px">تنبيه</span>'
SVG = '"><svg onload=alert(1)>'
FORMULA = '=HYPERLINK("http://evil.example","x")'
#: Every markup payload; none may appear unescaped in any HTML we produce.
PAYLOADS = (IMG, SCRIPT, JS_LINK, BOLD, SPAN, SVG)
#: Fragments that would be live markup if any payload got through unescaped.
LIVE_FRAGMENTS = (
    "<img src=x",
    "<script>alert",
    '<a href="javascript:',
    "<svg onload",
    '<span style="color:red',
    "<b>عاجل",
)

# --- articles (synthetic) --------------------------------------------------------------

ARTICLES = {
    "withdrawal": (
        "طهران تنفي بحث سحب قواتها من سوريا\n"
        "نفت إيران يوم الأحد تقارير تحدثت عن مفاوضات لسحب مستشاريها العسكريين من الأراضي"
        " السورية، وقال متحدث باسم الخارجية إن وجود المستشارين جاء بطلب من الحكومة في دمشق.\n"
        "وأضاف المتحدث أن الحرس الثوري سيبقى في سوريا ما دامت الحكومة السورية تطلب ذلك،"
        " مشيرا إلى أن أي حديث عن انسحاب لا يعدو كونه تكهنات إعلامية.\n"
        "وكانت صحف غربية قد نقلت عن دبلوماسيين أن موسكو تضغط على طهران لتقليص انتشار"
        " الفصائل الموالية لها قرب الحدود الجنوبية."
    ),
    "russia_guarantee": (
        "موسكو تعرض ضمانات بإبعاد القوات الإيرانية عن الجولان\n"
        "عرضت روسيا ضمانات بإبعاد القوات الإيرانية والفصائل الحليفة لها مسافة ثمانين كيلومترا"
        " عن خط فض الاشتباك في الجولان، بحسب ما أفاد مسؤول روسي رفيع.\n"
        "وأوضح المسؤول أن الشرطة العسكرية الروسية ستنتشر في المنطقة لمراقبة تنفيذ الاتفاق،"
        " وأن الجانب الإسرائيلي أبلغ بتفاصيل الخطة خلال اتصال هاتفي.\n"
        "ولم يصدر تعليق فوري من طهران على العرض، فيما رحبت عمان بأي ترتيب يعيد الهدوء"
        " إلى الجنوب السوري."
    ),
    "us_demand": (
        "واشنطن تشترط خروج إيران قبل أي تسوية في سوريا\n"
        "قالت الولايات المتحدة إن خروج جميع القوات التي تقودها إيران من سوريا شرط لأي"
        " تسوية سياسية دائمة، وإن العقوبات ستبقى قائمة حتى يتحقق ذلك.\n"
        "وأكد المبعوث الأمريكي في مؤتمر صحافي أن بلاده لن تمول إعادة الإعمار في المناطق"
        " التي تسيطر عليها الحكومة ما دام الحرس الثوري ينتشر فيها.\n"
        "وردت وزارة الخارجية الإيرانية بأن الوجود الأمريكي شرق الفرات هو الاحتلال الحقيقي"
        " وأن على واشنطن أن تسحب قواتها أولا."
    ),
    "astana": (
        "جولة جديدة من محادثات أستانا بمشاركة روسيا وإيران وتركيا\n"
        "انطلقت في العاصمة الكازاخية جولة جديدة من المحادثات بشأن سوريا بمشاركة الدول"
        " الضامنة الثلاث روسيا وإيران وتركيا، وسط خلافات حول ملف إدلب.\n"
        "وقال رئيس الوفد الروسي إن بلاده تسعى إلى تثبيت وقف إطلاق النار، بينما دعا الوفد"
        " الإيراني إلى خروج القوات الأجنبية غير الشرعية من البلاد.\n"
        "ويتوقع مراقبون أن يصدر بيان ختامي يؤكد وحدة الأراضي السورية ورفض الأجندات"
        " الانفصالية في الشمال الشرقي."
    ),
    "strikes": (
        "غارات على مواقع لفصائل موالية لإيران قرب البوكمال\n"
        "استهدفت غارات جوية ليلة الخميس مواقع لفصائل موالية لإيران قرب مدينة البوكمال"
        " على الحدود السورية العراقية، وفق ما أفاد المرصد السوري.\n"
        "وأشار المرصد إلى أن الغارات أصابت مخازن أسلحة ومقرا يستخدمه الحرس الثوري، دون"
        " أن تتبنى أي جهة الهجوم حتى الآن.\n"
        "وتتكرر الضربات على المنطقة التي تعد ممرا بريا رئيسيا بين العراق وسوريا ولبنان."
    ),
    "payload_text": (
        "روسيا ترد على اتهامات بشأن الوجود الإيراني " + BOLD + "\n"
        "قال الكرملين إن روسيا لا تتحمل مسؤولية تحركات إيران في سوريا " + SCRIPT + " وإن"
        " التنسيق العسكري يقتصر على مكافحة الإرهاب.\n"
        "وأضاف المتحدث أن الحرس الثوري " + IMG + " لا يشارك في العمليات المشتركة، وأن"
        " موسكو " + SPAN + " أبلغت شركاءها بذلك " + JS_LINK + " مرارا.\n"
        "وتابع أن واشنطن "
        + SVG
        + " تستخدم الملف ذريعة لإطالة بقاء قواتها في الشمال الشرقي.\n"
        + FORMULA
        + " سطر يبدأ بصيغة جدول."
    ),
}
#: A story republished in several byte-level variants (the duplicate detector's test).
DUP_BASE = (
    "إيران تعزز وجودها العسكري في ريف دير الزور الشرقي\n"
    "أفادت مصادر محلية بأن الحرس الثوري الإيراني نقل تعزيزات عسكرية جديدة إلى ريف دير الزور"
    " الشرقي خلال الأيام الماضية، شملت آليات ثقيلة وعناصر من فصائل موالية.\n"
    "وقالت المصادر إن التعزيزات وصلت عبر معبر البوكمال قادمة من العراق، وإن القوات الروسية"
    " المنتشرة في المنطقة لم تعترض عليها.\n"
    "ويأتي ذلك بعد أسابيع من تصريحات أمريكية طالبت بخروج القوات الإيرانية من سوريا، وسط"
    " حديث عن تفاهمات روسية أمريكية بشأن الجنوب السوري."
)

#: A saved page's live markup, each marked ``live-…``: none of it may reach a table or a
#: report, as markup or as text (``Expectations.inert``).
LIVE_PAGE_MARKUP = (
    "<script>document.write('<b>live-script</b>'); alert('live-script')</script>",
    "<img src=x onerror=\"alert('live-attr')\">",
    "<svg onload=\"alert('live-svg')\"><text>live-svg</text></svg>",
    '<iframe src="https://evil.example/live-iframe"></iframe>',
    "<style>p { background: url(\"javascript:alert('live-style')\") }</style>",
)
PAGE_HEADLINE = "مصادر: فصائل موالية لإيران تخلي مواقع قرب الحدود الأردنية"
PAGE_PARAS = (
    "أفادت مصادر محلية بأن فصائل موالية لإيران بدأت إخلاء مواقع لها في ريف درعا الشرقي"
    " قرب الحدود الأردنية، وسط انتشار متزايد للشرطة العسكرية الروسية في المنطقة.",
    # A link whose target is a script: its words stay, the link goes.
    "وقال قيادي محلي إن الانسحاب جاء بعد <a href=\"javascript:alert('live-link')\""
    " onclick=\"alert('live-click')\">اجتماعات</a> عقدت في دمشق بحضور ضباط روس.",
    # Markup written as text on the page (escaped there): text, kept, shown escaped.
    "وعلقت صفحة محلية على الخبر بعبارة " + html.escape(SPAN) + " قبل أن تحذفها.",
)


def saved_page_html() -> str:
    """A saved news page: payloads in its metadata, live markup around and inside the
    article, a menu, a related-news aside and a footer."""
    live = "".join(LIVE_PAGE_MARKUP)
    paras = "".join(f"<p>{p}</p>" for p in PAGE_PARAS)
    return (
        '<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8">'
        f"<title>{html.escape(PAGE_HEADLINE)} | موقع</title>"
        f'<meta property="og:site_name" content="{html.escape(IMG)}">'
        f'<meta property="og:title" content="{html.escape(PAGE_HEADLINE + " " + BOLD)}">'
        '<meta property="article:published_time" content="2018-07-10T08:00:00+03:00">'
        '<link rel="canonical" href="javascript:alert(\'live-canonical\')">'
        f"{LIVE_PAGE_MARKUP[0]}</head><body onload=\"alert('live-body')\">"
        '<nav><a href="javascript:alert(\'live-nav\')">الرئيسية</a> <a href="/p">سياسة</a></nav>'
        f"<article><h1>{html.escape(PAGE_HEADLINE)}</h1>{paras}{live}</article>"
        '<aside><h3>أخبار ذات صلة</h3><ul><li><a href="/r1">واشنطن تحذر من أي وجود'
        " عسكري إيراني في الجنوب السوري</a></li></ul></aside>"
        "<footer><p>جميع الحقوق محفوظة © 2024</p></footer></body></html>"
    )


#: A page with no article: a menu, a list of links and a footer.
SECTION_FRONT_HTML = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>أخبار سوريا</title></head>'
    '<body><nav><a href="/">الرئيسية</a></nav><ul>'
    + "".join(
        f'<li><a href="/n{i}">خبر رقم {i} عن الوجود الإيراني في سوريا ومفاوضات الانسحاب</a></li>'
        for i in range(15)
    )
    + "</ul><footer>جميع الحقوق محفوظة</footer>"
    + SCRIPT
    + "</body></html>"
)

# Arabic presentation forms (isolated shapes) by letter: a text written with them must
# still be matched, deduplicated and shown as written.
_PRESENTATION = {}
for _cp in range(0xFE70, 0xFEFD):
    _base = unicodedata.normalize("NFKC", chr(_cp))
    if (
        len(_base) == 1
        and _base not in _PRESENTATION
        and "ISOLATED" in unicodedata.name(chr(_cp), "")
    ):
        _PRESENTATION[_base] = chr(_cp)


def presentation_forms(text: str) -> str:
    """``text`` with every Arabic letter that has one replaced by its isolated form."""
    return "".join(_PRESENTATION.get(c, c) for c in text)


def with_tatweel_and_diacritics(text: str) -> str:
    """Tatweel after every second Arabic letter and a fatha after every third."""
    out, n = [], 0
    for c in text:
        out.append(c)
        if "\u0621" <= c <= "\u064a" and c != "\u0640":
            n += 1
            if n % 3 == 0:
                out.append("\u064e")  # fatha
            elif n % 2 == 0 and c not in "اأإآدذرزوؤءةى":  # letters that connect forward
                out.append("\u0640")
    return "".join(out)


def with_invisibles(text: str) -> str:
    """Spaces → NBSP every other word, a ZWNJ and LRM/RLM marks inside words."""
    words = text.split(" ")
    out = []
    for i, w in enumerate(words):
        if len(w) > 3 and i % 3 == 0:
            w = w[:2] + "\u200c" + w[2:]
        if i % 4 == 1:
            w = "\u200f" + w + "\u200e"
        out.append(w)
    return "".join(w + ("\u00a0" if i % 2 else " ") for i, w in enumerate(out)).rstrip()


# --- expectations ----------------------------------------------------------------------


@dataclass
class Expectations:
    """What a correct loader does with the hostile corpus."""

    root: Path
    #: file → {"encoding": codec name, "flags": flags that must be set}
    loaded: dict[str, dict] = field(default_factory=dict)
    #: file → keyword its rejection reason must contain (case-insensitive)
    rejected_files: dict[str, str] = field(default_factory=dict)
    #: manifest row (1-based, header = 1) → keyword of its reason
    rejected_rows: dict[int, str] = field(default_factory=dict)
    #: manifest rows whose file still loads (only the date was refused)
    rows_kept: dict[int, str] = field(default_factory=dict)
    #: file → (column, exact value) the document must carry from the manifest
    metadata: dict[str, dict[str, str]] = field(default_factory=dict)
    #: file → substrings that must stay in ``documents.text`` exactly as written
    originals: dict[str, list[str]] = field(default_factory=dict)
    #: saved page → (column, exact value) the document must carry from the page itself
    pages: dict[str, dict[str, str]] = field(default_factory=dict)
    #: saved page → strings of its live markup that must appear in no table or report
    inert: dict[str, list[str]] = field(default_factory=dict)
    #: file → actor ids that must be tagged in it despite tatweel/diacritics/forms
    tagged: dict[str, list[str]] = field(default_factory=dict)
    #: groups of files that must share one dup_group
    dup_sets: list[list[str]] = field(default_factory=list)
    #: files that must not be in any of those groups (distinct stories)
    distinct: list[str] = field(default_factory=list)
    #: byte offset of the first invalid byte of the mixed-bytes file
    invalid_offset: int = 0


def _write(folder: Path, name: str, data: bytes) -> None:
    (folder / name).write_bytes(data)


def build_hostile_corpus(folder: str | Path) -> Expectations:
    """Write the hostile corpus into ``folder`` (created) and return its expectations."""
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    exp = Expectations(root=root)

    def good(name, data, encoding, flags=()):
        _write(root, name, data)
        exp.loaded[name] = {"encoding": encoding, "flags": list(flags)}

    def bad(name, data, keyword):
        _write(root, name, data)
        exp.rejected_files[name] = keyword

    # Encodings that must load, each with its recorded encoding and flags.
    good("g01_utf8.txt", ARTICLES["withdrawal"].encode("utf-8"), "utf-8")
    crlf = ARTICLES["russia_guarantee"].replace("\n", "\r\n")
    good("g02_utf8_bom_crlf.txt", codecs.BOM_UTF8 + crlf.encode("utf-8"), "utf-8-sig",
         ["bom", "crlf"])  # fmt: skip
    good("g03_utf16_bom.txt", ARTICLES["us_demand"].encode("utf-16"), "utf-16", ["bom"])
    good("g04_cp1256.txt", ARTICLES["astana"].encode("cp1256"), "cp1256", ["legacy_encoding"])
    good("g05_iso8859_6.txt", ARTICLES["strikes"].encode("iso8859_6"), "iso8859_6",
         ["legacy_encoding"])  # fmt: skip
    # A few legacy-encoded words: too little evidence, flagged rather than trusted.
    good("g06_short_cp1256.txt", "روسيا وإيران في سوريا".encode("cp1256"), "cp1256",
         ["legacy_encoding", "low_confidence"])  # fmt: skip
    # Bidi override and zero-width characters inside the text (kept, flagged).
    bidi = (
        "\u202eإيران\u202c تنفي \u2066تقارير\u2069 الانسحاب من سوريا\n"
        "قال مسؤول إيراني إن الحرس\u200d الثوري باق\u200b في سوريا، وإن الحديث عن"
        " انسحاب مجرد\u200f شائعات تروجها وسائل إعلام معادية."
    )
    good("g07_bidi.txt", bidi.encode("utf-8"), "utf-8", ["bidi_controls", "zero_width"])
    exp.originals["g07_bidi.txt"] = ["\u202eإيران\u202c", "الحرس\u200d الثوري"]
    # Actors written with tatweel, diacritics and presentation forms: tagged, kept as is.
    folded = (
        "إيـــران وروسيا تبحثان الوجود العسكري في سوريا\n"
        "قالت مصادر دبلوماسية إن الحَرَسُ الثَّوْرِيُّ يرفض أي ترتيب يقضي بخروجه من الجنوب، وإن "
        + presentation_forms("روسيا")
        + " لم تقدم ضمانات مكتوبة للجانب الإسرائيلي حتى الآن.\n"
        "وأضافت المصادر أن اجتماعا ثلاثيا قد يعقد الشهر المقبل لبحث الملف."
    )
    good("g08_folded.txt", folded.encode("utf-8"), "utf-8")
    exp.originals["g08_folded.txt"] = ["إيـــران", "الحَرَسُ الثَّوْرِيُّ", presentation_forms("روسيا")]
    exp.tagged["g08_folded.txt"] = ["IRN", "irgc", "RUS"]
    # Payloads in the article text itself.
    good("g09_payload_text.txt", ARTICLES["payload_text"].encode("utf-8"), "utf-8")
    exp.originals["g09_payload_text.txt"] = [SCRIPT, IMG, SPAN, JS_LINK, SVG, FORMULA]
    # A file whose *name* is a payload (shown in documents.path / doc_id).
    named = (
        "مباحثات روسية إيرانية في دمشق حول الانتشار العسكري\n"
        "بحث وفد روسي مع مسؤولين إيرانيين في دمشق إعادة انتشار القوات في محافظة حمص،"
        " وقال مصدر مطلع إن روسيا طلبت من إيران إخلاء ثلاثة مواقع قرب مطار التيفور."
    )
    good(f"g10_{IMG}.txt", named.encode("utf-8"), "utf-8")
    # A saved page: scripts, event attributes and script links around the article.
    good("g11_saved_page.html", saved_page_html().encode("utf-8"), "utf-8")
    exp.originals["g11_saved_page.html"] = [PAGE_HEADLINE, SPAN, "بعد اجتماعات عقدت في دمشق"]
    exp.pages["g11_saved_page.html"] = {
        "outlet": IMG,  # the page's site name: data, shown escaped
        "title": PAGE_HEADLINE + " " + BOLD,
        "url": "",  # a javascript: canonical link is no URL
        "date": "2018-07-10",
    }
    exp.inert["g11_saved_page.html"] = ["live-", "alert('", "javascript:", "onerror", "onclick"]

    # The same story, five byte-level variants: one dup group.
    dups = {
        "d01_base.txt": DUP_BASE.encode("utf-8"),
        "d02_bom_crlf.txt": codecs.BOM_UTF8 + DUP_BASE.replace("\n", "\r\n").encode("utf-8"),
        "d03_tatweel_diacritics.txt": with_tatweel_and_diacritics(DUP_BASE).encode("utf-8"),
        "d04_presentation.txt": presentation_forms(DUP_BASE).encode("utf-8"),
        "d05_nbsp_zwnj_bidi.txt": with_invisibles(DUP_BASE).encode("utf-8"),
    }
    for name, data in dups.items():
        flags = {"d02_bom_crlf.txt": ["bom", "crlf"], "d05_nbsp_zwnj_bidi.txt": ["bidi_controls",
                 "zero_width"]}.get(name, [])  # fmt: skip
        good(name, data, "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8", flags)
    exp.dup_sets.append(list(dups))
    exp.distinct = ["g01_utf8.txt", "g02_utf8_bom_crlf.txt", "g03_utf16_bom.txt",
                    "g04_cp1256.txt", "g05_iso8859_6.txt", "g09_payload_text.txt",
                    "g11_saved_page.html"]  # fmt: skip

    # Files that must be rejected, with a keyword of the reason.
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x01\x00" + bytes(range(256)) * 3
    bad("b01_binary.txt", png, "NUL")
    page = (
        "<!DOCTYPE html><html><head><title>خبر</title><script>alert(1)</script></head>"
        "<body><p>إيران وروسيا في سوريا</p></body></html>"
    )
    bad("b02_saved_page.txt", page.encode("utf-8"), "HTML")
    prefix = "روسيا وإيران تبحثان الوضع في سوريا ".encode()
    bad("b03_mixed_bytes.txt", prefix + b"\xff\xfe\xfa caf\xe9 na\xefve " + prefix, "offset")
    exp.invalid_offset = len(prefix)
    bad("b04_empty.txt", b"", "empty")
    bad("b05_invisible.txt", " \u200b\u200f \u202e\n".encode("utf-8"), "invisible")
    utf16 = ARTICLES["withdrawal"].encode("utf-16-le")
    bad("b06_utf16_no_bom.txt", utf16, "UTF-16")
    bad("b07_notes.pdf", b"%PDF-1.4 not an article", "skipped")
    # One byte over the default 20 MB cap (sparse file: no real disk use).
    big = root / "b08_huge.txt"
    with open(big, "wb") as fh:
        fh.seek(20_000_000)
        fh.write(b"x")
    exp.rejected_files["b08_huge.txt"] = "limit"
    bad("b09_binary.html", png, "NUL")
    bad("b10_no_article.html", SECTION_FRONT_HTML.encode("utf-8"), "no article")

    # The manifest: good rows carrying payloads and literal "NA"/"null", bad rows.
    header = ["file", "outlet", "date", "title", "url"]
    rows: list[list[str]] = [
        ["g01_utf8.txt", IMG, "2024-01-15", SCRIPT, "https://example.org/a"],  # 2
        ["g02_utf8_bom_crlf.txt", "NA", "٢٠٢٣-١١-٠٥", JS_LINK, "javascript:alert(1)"],  # 3
        ["g03_utf16_bom.txt", "null", "", SVG, ""],  # 4
        ["g04_cp1256.txt", "وكالة", "2019-03-02", "عنوان", "", "extra field"],  # 5: too many
        ["g05_iso8859_6.txt", "وكالة", "2019-03-02"],  # 6: too few
        ["../outside.txt", "x", "", "", ""],  # 7
        ["/etc/passwd", "x", "", "", ""],  # 8
        ["missing.txt", "x", "", "", ""],  # 9
        ["g06_short_cp1256.txt", BOLD, "05/01/2024", FORMULA, ""],  # 10: ambiguous
        ["g07_bidi.txt", SPAN, "2024-02-30", "\u202eعنوان\u202c مقلوب", ""],  # 11
        ["g08_folded.txt", "-5", "1445-06-23", "+عنوان", ""],  # 12: Hijri
        ["g09_payload_text.txt", "@outlet", "۱۴۰۲-۱۰-۰۵", "", ""],  # 13: Persian
        ["g01_utf8.txt", "again", "", "", ""],  # 14: listed twice
        [f"{SCRIPT}.txt", "x", "", "", ""],  # 15: missing, payload in the path
        ["d01_base.txt", "النهار", "2018-07-22", "", ""],  # 16
    ]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    (root / "manifest.csv").write_text(buf.getvalue(), encoding="utf-8")
    exp.rejected_rows = {
        5: "fields",
        6: "fields",
        7: "outside",
        8: "outside",
        9: "not found",
        10: "ambiguous",
        11: "no such date",
        12: "hijri",
        13: "persian",
        14: "twice",
        15: "not found",
    }
    # Rows with only a bad date keep their other metadata.
    exp.rows_kept = {10: "g06_short_cp1256.txt", 11: "g07_bidi.txt", 12: "g08_folded.txt",
                     13: "g09_payload_text.txt"}  # fmt: skip
    exp.metadata = {
        "g01_utf8.txt": {"outlet": IMG, "title": SCRIPT, "date": "2024-01-15"},
        "g02_utf8_bom_crlf.txt": {"outlet": "NA", "title": JS_LINK, "date": "2023-11-05"},
        "g03_utf16_bom.txt": {"outlet": "null", "title": SVG},
        "g06_short_cp1256.txt": {"outlet": BOLD, "title": FORMULA},
        "g07_bidi.txt": {"outlet": SPAN},
        "g08_folded.txt": {"outlet": "-5", "title": "+عنوان"},
        "g09_payload_text.txt": {"outlet": "@outlet"},
    }
    return exp


# --- scanning what we produce ----------------------------------------------------------

#: Invisible characters the data brought; only our own RLI (U+2067) and PDI (U+2069) may
#: appear in displayed text.
FORBIDDEN_INVISIBLE = re.compile("[\u202a-\u202e\u200b-\u200f\u2066\u2068\u061c\ufeff]")
_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


_PACKED = re.compile(
    r'<script\b(?=[^>]*data-encoding="gzip\+base64")([^>]*)>([^<]*)</script>', re.S
)


def unpack_blocks(html_text: str, *, plotly: bool = False) -> list[str]:
    """The texts of a report page's packed blocks (gzip + base64: its rows; plotly.js
    only with ``plotly``), as the page's script unpacks them."""
    import base64
    import gzip

    out = []
    for attrs, body in _PACKED.findall(html_text):
        if plotly or 'id="report-plotly"' not in attrs:
            out.append(gzip.decompress(base64.b64decode(body.strip())).decode("utf-8"))
    return out


def unescape_js(text: str) -> str:
    """``\\uXXXX`` and ``\\/`` escapes of a JSON/JS string literal decoded (plotly writes
    ``<`` as ``\\u003c``, so a payload could hide in that form)."""
    return _ESCAPE.sub(lambda m: chr(int(m[1], 16)), text).replace("\\/", "/")


def live_fragments(text: str) -> list[str]:
    """The payload fragments that appear unescaped in ``text``."""
    return [f for f in LIVE_FRAGMENTS if f in text]


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.scripts: list[tuple[dict, str]] = []
        self.text: list[str] = []
        self._in: str | None = None
        self._attrs: dict = {}
        self._buf: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = {k.lower(): v or "" for k, v in attrs}
        for name, value in attrs.items():
            low = value.strip().lower()
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value[:60]!r}>: event-handler attribute")
            if name in ("href", "src", "xlink:href", "action", "formaction", "srcdoc"):
                if low.startswith(("javascript:", "vbscript:")):
                    self.problems.append(f"<{tag} {name}={value[:60]!r}>: script URL")
                if low.startswith(("http:", "https:", "//")):
                    self.problems.append(f"<{tag} {name}={value[:60]!r}>: external load")
        if tag in ("script", "style"):
            self._in, self._attrs, self._buf = tag, attrs, []
        if tag in ("iframe", "object", "embed", "img", "svg") and self._in is None:
            self.problems.append(f"<{tag}> element in the page (none is ours)")

    def handle_endtag(self, tag):
        if tag == self._in:
            body = "".join(self._buf)
            if tag == "script":
                self.scripts.append((self._attrs, body))
            self._in = None

    def handle_data(self, data):
        if self._in is not None:
            self._buf.append(data)
        else:
            self.text.append(data)


def scan_html(html: str, *, allow_svg: bool = False) -> list[str]:
    """Problems in one HTML document or fragment: event-handler attributes, script URLs,
    external loads, payload fragments anywhere (also inside scripts, after undoing
    ``\\uXXXX`` escapes), and data's bidi/zero-width characters in text and figure data.

    The page's own scripts (plotly.js, figure calls, the template's) are told apart from
    data by content: none of them holds a payload fragment unescaped.
    """
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    problems = [p for p in scanner.problems if allow_svg or "<svg>" not in p]
    problems += [f"unescaped payload {f!r} in the markup" for f in live_fragments(html)]
    text = "".join(scanner.text)
    if m := FORBIDDEN_INVISIBLE.search(text):
        around = text[m.start() - 30 : m.end() + 30]
        problems.append(f"invisible U+{ord(m[0]):04X} in displayed text: {around!r}")
    for attrs, body in scanner.scripts:
        if attrs.get("src"):
            continue  # checked above (external) — a local src is ours
        plain = unescape_js(body) if len(body) < 2_000_000 else body  # the plotly.js bundle
        problems += [f"unescaped payload {f!r} in a <script>" for f in live_fragments(plain)]
        if "Plotly.newPlot" in body and len(body) < 2_000_000:
            data = plain[plain.index("Plotly.newPlot") :]
            if m := FORBIDDEN_INVISIBLE.search(data):
                around = data[m.start() - 40 : m.end() + 20]
                problems.append(f"invisible U+{ord(m[0]):04X} in figure data: {around!r}")
    return problems


def page_text(html: str) -> str:
    """The text a reader sees (outside scripts and styles), entities decoded."""
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return "".join(scanner.text)


def iter_strings(obj) -> Iterator[str]:
    """Every string inside a nested structure of dicts, lists and tuples (figure JSON)."""
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from iter_strings(k)
            yield from iter_strings(v)
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            yield from iter_strings(v)
    elif hasattr(obj, "tolist"):
        yield from iter_strings(obj.tolist())


def scan_figure(fig_json) -> list[str]:
    """Problems in a plotly figure's JSON (``fig.to_plotly_json()`` or a notebook output):
    plotly renders ``<a href>``, ``<b>``, ``<span style>`` in any text, so no data string
    may carry them unescaped, nor data's invisible characters."""
    problems = []
    for s in iter_strings(fig_json):
        problems += [
            f"unescaped payload {f!r} in figure text {s[:80]!r}" for f in live_fragments(s)
        ]
        if re.search(r"<a\b|href\s*=|javascript:", s, re.I) and "&lt;" not in s:
            problems.append(f"link markup in figure text {s[:80]!r}")
        if m := FORBIDDEN_INVISIBLE.search(s):
            problems.append(f"invisible U+{ord(m[0]):04X} in figure text {s[:80]!r}")
    return problems


# --- built once per session, for test_hostile.py and test_hostile_browser.py -------------

_BUILT: dict[str, object] = {}


def session_corpus(tmp_path_factory) -> Expectations:
    """The hostile corpus, in a folder whose own name is a payload (shown in reports)."""
    if "corpus" not in _BUILT:
        _BUILT["corpus"] = build_hostile_corpus(tmp_path_factory.mktemp("hostile") / f"c_{IMG}")
    return _BUILT["corpus"]  # type: ignore[return-value]


def session_reports(tmp_path_factory) -> dict:
    """``analysis report --corpus`` on the hostile corpus: exit code, pages, seconds."""
    if "reports" not in _BUILT:
        from analysis.cli import main

        corpus = session_corpus(tmp_path_factory)
        out = tmp_path_factory.mktemp("hostile-reports")
        start = time.perf_counter()
        code = main(["report", "--corpus", str(corpus.root), "--out", str(out)])
        pages = sorted(out.glob("*.html"), key=lambda p: (p.name == "index.html", p.name))
        _BUILT["reports"] = {
            "code": code,
            "out": out,
            "pages": pages,
            "seconds": time.perf_counter() - start,
        }
    return _BUILT["reports"]  # type: ignore[return-value]

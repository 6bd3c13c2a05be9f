"""The one place where strings from the data are made safe to show.

Every text that comes from a corpus (article text, titles, outlets, URLs, actor labels,
evidence snippets) passes through here before it reaches HTML, a plotly label or hover, a
widget, Markdown or an exported file. Three steps, always in this order:

1. ``clean`` removes bidi controls and zero-width characters that the data brought with it
   (they can reorder what a reader sees, e.g. U+202E turns ``exe.txt`` around) and other
   control characters;
2. the escaper for the target (``escape_html``, ``escape_plotly``, ``escape_markdown``)
   makes markup inert;
3. only then do we add our *own* direction marks (``rtl``), so they cannot be stripped or
   abused by the data.

No function here builds a link: URLs from the data are shown as text, never as ``href``.
"""

from __future__ import annotations

import html as _html
import math
import re
import textwrap

from analysis.text.chars import (
    ARABIC_BLOCKS,
    BIDI_CONTROLS,
    CONTROL_CHARS,
    LAST_PRESENTATION_FORM,
    PDI,
    RLI,
    ZERO_WIDTH,
)

# What display strips (see analysis.text.chars for the code points).
_STRIP_RE = re.compile("[" + re.escape(BIDI_CONTROLS + ZERO_WIDTH + CONTROL_CHARS) + "]")

#: An Arabic character: a code point of the Arabic blocks, up to the last presentation form.
ARABIC_RE = re.compile(
    "["
    + "".join(f"{chr(lo)}-{chr(min(hi - 1, LAST_PRESENTATION_FORM))}" for lo, hi in ARABIC_BLOCKS)
    + "]"
)

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def is_missing(value: object) -> bool:
    """True for None, NaN, NaT and pandas NA (without importing pandas)."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, NaT, pd.NA (raises on NA)
    except TypeError:
        return True
    except ValueError:  # arrays: not a scalar missing value
        return False


def clean(value: object) -> str:
    """Text of ``value`` without bidi controls, zero-width or control characters.

    Missing values become ``""``; numbers and dates become their ``str``.
    """
    if is_missing(value):
        return ""
    if isinstance(value, float) and math.isinf(value):
        return str(value)
    return _STRIP_RE.sub("", str(value))


def has_arabic(value: object) -> bool:
    """Does the text contain Arabic letters?"""
    return bool(ARABIC_RE.search(clean(value)))


def escape_html(value: object) -> str:
    """Clean text escaped for HTML element content and attribute values."""
    return _html.escape(clean(value), quote=True)


def escape_plotly(value: object) -> str:
    """Clean text escaped for plotly's pseudo-HTML (labels, titles, hover, legend).

    plotly.js decodes ``&lt; &gt; &amp;`` and numeric entities but not ``&quot;``, so quotes
    are left as they are (they carry no meaning in plotly text).
    """
    return _html.escape(clean(value), quote=False)


def escape_markdown(value: object) -> str:
    """Clean text for Markdown: HTML escaped and Markdown punctuation backslashed."""
    return _MD_SPECIAL.sub(r"\\\1", _html.escape(clean(value), quote=False))


def rtl(text: str) -> str:
    """Wrap already escaped ``text`` in RLI…PDI when it holds Arabic.

    plotly lays SVG text out left to right, so "3 منافذ" would show the digit on the wrong
    side; an isolate gives the run its own right-to-left direction without disturbing
    the English around it (for ``lang="both"`` labels).
    """
    return f"{RLI}{text}{PDI}" if ARABIC_RE.search(text) else text


def plotly_text(value: object) -> str:
    """Data text for plotly: cleaned, escaped, Arabic runs marked right-to-left."""
    return rtl(escape_plotly(value))


def truncate(value: object, width: int = 160) -> str:
    """Clean text shortened to ``width`` characters with an ellipsis."""
    text = " ".join(clean(value).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def plotly_lines(value: object, width: int = 60, max_lines: int = 4) -> str:
    """Clean text wrapped into ``<br>``-separated lines for a plotly hover.

    Wrapping happens on the clean text and each line is escaped on its own, so an entity
    is never cut in half; each Arabic line is its own right-to-left isolate.
    """
    text = " ".join(clean(value).split())
    lines = wrap_lines(text, width)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], lines[max_lines - 1] + " …"]
    return "<br>".join(rtl(_html.escape(line, quote=False)) for line in lines)


def wrap_lines(text: str, width: int) -> list[str]:
    """``textwrap.wrap(text, width)`` for text whose spaces are single: the same lines,
    several times faster (hover texts are wrapped by the hundred on each filter change).
    Hyphens and words longer than ``width`` go to ``textwrap``, which breaks them."""
    words = text.split(" ")
    if "-" in text or max(map(len, words)) > width:
        return textwrap.wrap(text, width=width) or [""]
    lines, line = [], ""
    for word in words:
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    return [*lines, line] if line else lines or [""]

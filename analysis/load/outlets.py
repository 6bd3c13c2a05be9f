"""Which outlet published an article: from its URL host, else a site signature in the text.

The table of known outlets is ``analysis/data/outlets.yaml`` (hosts, display names, the
names outlets sign their pages with, and the provenance of each entry). An unknown host is
never dropped: its registrable host (``example.com``) is the outlet name.

Signatures are looked for only where a site signs its own page — copyright lines ("© 2024
…", "جميع الحقوق محفوظة") and short lines at the very top or bottom — because outlets are
quoted inside each other's articles ("بحسب صحيفة الأخبار") and that must not count.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple
from urllib.parse import urlsplit

from analysis.resources import load_yaml

#: Host prefixes that name a mobile/AMP copy of the same site.
_STRIP_PREFIXES = ("www.", "m.", "amp.", "mobile.", "www1.", "www2.")
#: Second-level labels under which a country domain registers names (bbc.co.uk, alwatan.com.sa).
_SECOND_LEVEL = {"co", "com", "net", "org", "gov", "edu", "ac", "gob", "info", "news"}
#: Lines at the top and bottom where a page's own name may stand alone.
TOP_LINES, BOTTOM_LINES = 3, 5
#: A signature line longer than this is a sentence, not a masthead or footer.
MAX_SIGNATURE_LINE = 60

_COPYRIGHT = re.compile(r"©|\(c\)|copyright|جميع الحقوق محفوظة|حقوق النشر|حقوق الطبع", re.I)
_COPYRIGHT_NAME = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:[0-9٠-٩]{4}(?:\s*[-–]\s*[0-9٠-٩]{4})?)?\s*[-–,،]?\s*"
    r"(?P<name>[^.\n|©]+?)\s*(?:[.|\n-]|جميع الحقوق|$)",
    re.I,
)


@functools.cache
def outlet_table() -> tuple[dict, ...]:
    """The known outlets from ``analysis/data/outlets.yaml``."""
    return tuple(load_yaml("outlets")["outlets"])


@functools.cache
def _host_index() -> list[tuple[str, str, dict]]:
    """(host, path prefix, outlet) sorted most specific first."""
    rows = []
    for outlet in outlet_table():
        for entry in outlet["hosts"]:
            host, _, prefix = entry.lower().partition("/")
            rows.append((host, "/" + prefix if prefix else "", outlet))
    return sorted(rows, key=lambda r: len(r[0]) + len(r[1]), reverse=True)


def normalise_host(url: str) -> str:
    """The URL's host, lower-cased, without port and without www./m./amp. prefixes."""
    text = url.strip()
    if "//" not in text:
        text = "//" + text
    host = (urlsplit(text).hostname or "").lower().rstrip(".")
    changed = True
    while changed:
        changed = False
        for prefix in _STRIP_PREFIXES:
            if host.startswith(prefix) and host.count(".") > 1:
                host = host[len(prefix) :]
                changed = True
    return host


def registrable_host(url: str) -> str:
    """The registrable domain of a URL (``news.example.com`` → ``example.com``).

    An approximation of the public-suffix rule: two labels, or three when the second
    from the end is a generic second level under a country code (``alwatan.com.sa``).
    """
    labels = normalise_host(url).split(".")
    if len(labels) <= 2:
        return ".".join(labels)
    keep = 3 if labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def outlet_from_url(url: str) -> Outlet | None:
    """The outlet a URL belongs to: a known outlet, else its registrable host; None if no host."""
    if not isinstance(url, str) or not url.strip():
        return None
    host = normalise_host(url)
    if not host or "." not in host:
        return None
    path = urlsplit(url if "//" in url else "//" + url).path.lower()
    for known, prefix, outlet in _host_index():
        if (host == known or host.endswith("." + known)) and _under(path, prefix):
            return Outlet(outlet["name"], "url", host, outlet["id"])
    return Outlet(registrable_host(url), "url", host)


def _under(path: str, prefix: str) -> bool:
    return not prefix or path == prefix or path.startswith(prefix + "/")


def outlet_from_text(text: str) -> Outlet | None:
    """The outlet a page signs itself with, from its copyright line or masthead/footer.

    A known signature on a copyright line or on a short top/bottom line names a known
    outlet; otherwise the name on a copyright line ("© 2024 جريدة المثال") is taken as is.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    edge = lines[:TOP_LINES] + lines[-BOTTOM_LINES:]
    copyright_lines = [line for line in lines[-BOTTOM_LINES * 3 :] if _COPYRIGHT.search(line)]
    for line in copyright_lines + [ln for ln in edge if len(ln) <= MAX_SIGNATURE_LINE]:
        if outlet := _known_signature(line):
            return Outlet(outlet["name"], "signature", line, outlet["id"])
    for line in copyright_lines:
        if name := _copyright_name(line):
            return Outlet(name, "signature", line)
    return None


@functools.cache
def _signature_patterns() -> list[tuple[re.Pattern, dict]]:
    out = []
    for outlet in outlet_table():
        for sig in outlet.get("signatures") or []:
            words = r"\s+".join(map(re.escape, sig.split()))
            out.append((re.compile(rf"(?<!\w){words}(?!\w)"), outlet))
    return sorted(out, key=lambda p: len(p[0].pattern), reverse=True)


def _known_signature(line: str) -> dict | None:
    for pattern, outlet in _signature_patterns():
        if pattern.search(line):
            return outlet
    return None


def _copyright_name(line: str) -> str | None:
    """The holder named on a copyright line, if it names one."""
    m = _COPYRIGHT_NAME.search(line)
    if not m:
        return None
    name = m["name"].strip(" -–،,:")
    if not name or re.fullmatch(r"[0-9٠-٩\s\-–]+", name) or _COPYRIGHT.search(name):
        return None
    return name


def derive_outlet(url: str = "", text: str = "") -> Outlet:
    """Outlet from the URL host, else a signature in the text, else ``unknown``."""
    return outlet_from_url(url) or outlet_from_text(text) or Outlet("unknown", "unknown", "")


class Outlet(NamedTuple):
    """An outlet as derived for one document."""

    name: str
    source: str  # "url", "signature" or "unknown"
    note: str  # the host, or the line that signs the page
    outlet_id: str = ""

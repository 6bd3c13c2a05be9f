"""Which outlet published an article: from its URL host, else a site signature in the text.

The table of known outlets is ``analysis/data/outlets.yaml`` (hosts, display names, the
names outlets sign their pages with, and the provenance of each entry). An unknown host is
never dropped: its registrable host (``example.com``) is the outlet name.

Signatures are looked for only where a site signs its own page — copyright lines ("© 2024
…", "جميع الحقوق محفوظة") and short lines at the very top or bottom — because outlets are
quoted inside each other's articles ("بحسب صحيفة الأخبار") and that must not count.

Each known outlet also has a comparison ``group`` from the file's closed ``groups`` list
(Iranian state and aligned, Gulf-owned, Syrian opposition …) and, where known, its
``country``: :func:`outlet_group` gives the group of a value of the documents table's
``outlet`` column (``other`` for any outlet not in the file), :func:`outlet_groups` the
groups and :func:`outlet_info` the outlets. The file is checked when first read
(:func:`validate_outlets`): an undeclared group or an unknown field is a ``ValueError``
naming the file and the entry.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import pandas as pd

from analysis.resources import load_yaml

#: Where the outlet table lives (named in validation errors).
OUTLETS_FILE = "analysis/data/outlets.yaml"
#: The fields an outlet entry may have; the first six it must have.
OUTLET_FIELDS = (
    "id", "name", "hosts", "source", "group", "group_source",
    "signatures", "country", "group_note",
)  # fmt: skip
REQUIRED_OUTLET_FIELDS = OUTLET_FIELDS[:6]
#: The fields of a group, all required.
GROUP_FIELDS = ("id", "label_en", "label_ar", "description")
#: Allowed values of an outlet's ``source`` (the entry) and ``group_source`` (its grouping).
ENTRY_SOURCES = ("syria-claims", "saudinewsnet", "hand")
GROUP_SOURCES = ("hand", "page")
#: The group of every outlet that is not in the table.
OTHER_GROUP = "other"
_COUNTRY = re.compile(r"[A-Z]{2}")

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
    """The known outlets from ``analysis/data/outlets.yaml`` (checked: :func:`validate_outlets`)."""
    data = load_yaml("outlets")
    validate_outlets(data)
    return tuple(data["outlets"])


@functools.cache
def _group_table() -> tuple[dict, ...]:
    outlet_table()  # checks the file first
    return tuple(load_yaml("outlets")["groups"])


def validate_outlets(data: Mapping[str, Any], *, path: str = OUTLETS_FILE) -> None:
    """Check a parsed outlet table; raise ``ValueError`` naming ``path`` and the entry.

    ``data`` has ``groups`` (each with exactly ``GROUP_FIELDS``, ``other`` among them) and
    ``outlets`` (each with the ``REQUIRED_OUTLET_FIELDS``, no field outside
    ``OUTLET_FIELDS``, a declared group, an ISO alpha-2 ``country`` when given, a known
    ``source`` and ``group_source``, and ids and hosts used once).
    """
    if not isinstance(data, Mapping) or set(data) != {"groups", "outlets"}:
        found = sorted(data) if isinstance(data, Mapping) else type(data).__name__
        raise ValueError(f"{path}: expected the top-level keys groups and outlets, got {found}")
    groups = _checked_groups(data["groups"], path)
    ids: set[str] = set()
    hosts: set[str] = set()
    for n, outlet in enumerate(data["outlets"] or []):
        oid = _checked_outlet(outlet, n, groups, path)
        if oid in ids:
            raise ValueError(f"{path}: outlet {oid!r}: id used twice")
        ids.add(oid)
        for host in outlet["hosts"]:
            if host in hosts:
                raise ValueError(f"{path}: outlet {oid!r}: host {host!r} is listed twice")
            hosts.add(host)


def _checked_groups(groups: Any, path: str) -> list[str]:
    """The declared group ids, in file order."""
    out: list[str] = []
    for n, group in enumerate(groups or []):
        gid = group.get("id", f"#{n + 1}") if isinstance(group, Mapping) else f"#{n + 1}"
        where = f"{path}: group {gid!r}"
        if not isinstance(group, Mapping) or set(group) != set(GROUP_FIELDS):
            fields = sorted(group) if isinstance(group, Mapping) else group
            raise ValueError(
                f"{where}: needs exactly the fields {list(GROUP_FIELDS)}, got {fields}"
            )
        if gid in out:
            raise ValueError(f"{where}: id used twice")
        out.append(gid)
    if OTHER_GROUP not in out:
        raise ValueError(
            f"{path}: groups must declare {OTHER_GROUP!r} (the unknown outlets' group)"
        )
    return out


def _checked_outlet(outlet: Any, n: int, groups: list[str], path: str) -> str:
    """The outlet's id, once its fields and values are checked."""
    oid = outlet.get("id", f"#{n + 1}") if isinstance(outlet, Mapping) else f"#{n + 1}"
    where = f"{path}: outlet {oid!r}"
    if not isinstance(outlet, Mapping):
        raise ValueError(f"{where}: expected a mapping of fields, got {outlet!r}")
    if unknown := sorted(set(outlet) - set(OUTLET_FIELDS)):
        raise ValueError(f"{where}: unknown field(s) {unknown} (allowed: {list(OUTLET_FIELDS)})")
    if missing := [f for f in REQUIRED_OUTLET_FIELDS if not outlet.get(f)]:
        raise ValueError(f"{where}: missing field(s) {missing}")
    if outlet["group"] not in groups:
        raise ValueError(
            f"{where}: group {outlet['group']!r} is not declared under groups ({groups})"
        )
    if "country" in outlet and not _COUNTRY.fullmatch(str(outlet["country"])):
        raise ValueError(
            f"{where}: country {outlet['country']!r} is not an ISO 3166-1 alpha-2 code"
        )
    for field, allowed in (("source", ENTRY_SOURCES), ("group_source", GROUP_SOURCES)):
        if outlet[field] not in allowed:
            raise ValueError(f"{where}: {field} {outlet[field]!r} is not one of {list(allowed)}")
    if not isinstance(outlet["hosts"], list) or not isinstance(outlet.get("signatures", []), list):
        raise ValueError(f"{where}: hosts and signatures must be lists")
    return oid


def outlet_groups() -> pd.DataFrame:
    """The comparison groups in the file's order: ``id``, ``label_en``, ``label_ar``,
    ``description``."""
    return pd.DataFrame(list(_group_table()), columns=list(GROUP_FIELDS)).astype(pd.StringDtype())


def outlet_info() -> pd.DataFrame:
    """One row per known outlet: ``id``, ``name``, ``country`` (ISO alpha-2, ``""`` when
    not known), ``group`` and ``group_label_en``, in the file's order."""
    labels = {g["id"]: g["label_en"] for g in _group_table()}
    rows = [
        {
            "id": o["id"],
            "name": o["name"],
            "country": o.get("country", ""),
            "group": o["group"],
            "group_label_en": labels[o["group"]],
        }
        for o in outlet_table()
    ]
    columns = ["id", "name", "country", "group", "group_label_en"]
    return pd.DataFrame(rows, columns=columns).astype(pd.StringDtype())


def outlet_group(outlet: object) -> str:
    """The group id of an outlet as the documents table's ``outlet`` column holds it.

    That column holds a known outlet's display name (``"Al Jazeera"``), else whatever a
    manifest, a table or a page's site name said, else a URL's registrable host, else
    ``unknown``. A value is matched to a known outlet by its name or id (case-insensitive),
    by a signature it equals (``"عنب بلدي"``), or as a host (``"aljazeera.net"``); any other
    value, and anything that is not a string, is in group ``other``.
    """
    if not isinstance(outlet, str):
        return OTHER_GROUP
    key = _lookup_key(outlet)
    known = _outlet_by_key().get(key) or _outlet_by_host(key)
    return known["group"] if known else OTHER_GROUP


def _lookup_key(text: str) -> str:
    return " ".join(text.split()).casefold()


@functools.cache
def _outlet_by_key() -> dict[str, dict]:
    """Known outlets by name, id and signature (names and ids win over signatures)."""
    out: dict[str, dict] = {}
    for outlet in outlet_table():
        for sig in outlet.get("signatures") or []:
            out.setdefault(_lookup_key(sig), outlet)
    for outlet in outlet_table():
        out[_lookup_key(outlet["id"])] = outlet
        out[_lookup_key(outlet["name"])] = outlet
    return out


@functools.cache
def _outlet_by_host(text: str) -> dict | None:
    """The known outlet of a bare host (``aljazeera.net``), else None."""
    if " " in text or "." not in text:
        return None
    found = outlet_from_url(text)
    if found is None or not found.outlet_id:
        return None
    return next(o for o in outlet_table() if o["id"] == found.outlet_id)


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

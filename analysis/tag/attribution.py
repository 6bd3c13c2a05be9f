"""Who says what: the speaker, the source chain and the hedging of each sentence.

``attribute(sentences, documents, mentions)`` returns one row per headline/body sentence:
the speaker (an actor from the dictionary, ``unnamed_source``, ``reports``, a cited outlet or
agency, or ``outlet`` — the article's own voice), the reporting cue, the outlets the claim
passed through (``source_chain``: outlet > cited source > speaker), whether the claim is
hedged, whether the speaker was carried over from the previous sentence, and quote spans.

The cues are data (``data/cues_reporting.yaml``, ``data/sources.yaml``, documented in
``data/CUES.md``) matched on folded keys (``analysis.text.normalize.match_key``); offsets point
into ``documents.text``. Only sentences whose folded text hits one compiled prefilter regex
get the deeper, per-token treatment; the rest are the outlet's own voice.

This module also holds the small matching toolkit that ``stance`` and ``positions`` share.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from analysis.resources import load_yaml
from analysis.text.normalize import fold, match_key

__all__ = [
    "ATTRIBUTION_COLUMNS",
    "Lexicon",
    "Sent",
    "attribute",
    "build_lexicon",
    "plain_pattern",
]

ATTRIBUTION_COLUMNS = [
    "doc_id",
    "sent_id",
    "start",
    "end",
    "speaker_id",
    "speaker_kind",
    "speaker_surface",
    "speaker_affiliation",
    "cue",
    "cue_id",
    "cue_start",
    "cue_end",
    "cited_source",
    "source_chain",
    "hedged",
    "hedge_cue",
    "carried_over",
    "quote_spans",
]
#: Sections that carry the article's own claims; other sections never produce claims.
CLAIM_SECTIONS = ("headline", "body")
#: Speaker ids that are not actors from the dictionary.
UNNAMED, REPORTS, OUTLET = "unnamed_source", "reports", "outlet"
CHAIN_SEP = " > "

# Tokens that end a subject noun phrase after a verb (folded forms). Why: Arabic reporting
# clauses run verb + subject + (complementiser | colon | quote | time/place adjunct).
_NP_STOP = frozenset(
    {
        *("ان", "انه", "انها", "بان", "لان", "اننا", ":"),
        *("يوم", "اليوم", "امس", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس"),
        *("الجمعه", "السبت", "خلال", "عقب", "اثر", "بعد", "قبل", "عن", "مع", "ضمن"),
        *("الي", "علي", "الا", "حيث", "بينما", "لكن", "الذي", "التي", "الذين"),
        *("قوله", "قولها", "قولهم"),
    }
)
# After "في" these nouns make it a "said in a statement/interview" adjunct, not part of the NP.
_SPEECH_EVENTS = frozenset(
    {
        *("تصريح", "تصريحات", "بيان", "مؤتمر", "حديث", "مقابله", "كلمه", "لقاء", "اتصال"),
        *("رساله", "خطاب", "تغريده", "منشور", "جلسه", "اجتماع", "ختام", "مستهل"),
    }
)
_CLAUSE_PUNCT = re.compile(r"[،,؛;.!?؟:\n]")
_TOKEN = re.compile(r"\S+")
_HAS_QUOTE = re.compile('[«»“”"]')
_QUOTE_PAIRS = re.compile(r"«[^«»]*»|“[^“”]*”|\"[^\"]*\"")
_PREPS = frozenset(["في", "من", "علي", "الي", "عن", "مع", "ب", "ل", "لدي", "عند", "ضد"])


# --------------------------------------------------------------------------- lexicons


@dataclass(frozen=True)
class Lexicon:
    """Folded forms compiled into one regex; ``index`` maps a matched form to its labels."""

    regex: re.Pattern[str]
    index: dict[str, tuple[str, ...]]

    def find(self, key: str) -> list[tuple[int, int, str, tuple[str, ...]]]:
        """Every match in ``key``: (start, end, form, labels); start skips the proclitic."""
        out = []
        for m in self.regex.finditer(key):
            form = re.sub(r"\s+", " ", m.group("w"))
            out.append((m.start("w"), m.end("w"), form, self.index.get(form, ())))
        return out


def build_lexicon(
    groups: Iterable[tuple[str, Iterable[str]]],
    *,
    proclitics: str = "وف",
    future: bool = False,
    lam_al: bool = False,
) -> Lexicon:
    """Compile (label, forms) pairs into a whole-word regex over folded text.

    A form may follow one optional proclitic letter from ``proclitics`` (and the future
    prefix س when ``future``); multi-word forms allow any run of spaces between words.
    ``lam_al`` adds the لل spelling of forms with the article (ل + الغارات → للغارات).
    """
    index: dict[str, list[str]] = {}
    for label, forms in groups:
        for form in forms:
            key = re.sub(r"\s+", " ", fold(str(form)).strip())
            keys = [key]
            if lam_al and key.startswith("ال") and len(key) > 3:
                keys.append("ل" + key[1:])  # ل + الغارات is written للغارات
            for k in keys:
                if k and label not in index.setdefault(k, []):
                    index[k].append(label)
    alts = sorted(index, key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, a.split(" "))) for a in alts) or r"(?!x)x"
    # Lazy proclitics: try the whole word as a form first (بحث is "discussed", not ب + حث).
    pre = f"[{proclitics}]??" if proclitics else ""
    if future:
        pre += "س??"
    # Why the explicit look-arounds: \b treats the Arabic tatweel/marks oddly, and the key
    # has neither; a letter or digit on either side means we are inside another word.
    regex = re.compile(rf"(?<![\w]){pre}(?P<w>{body})(?![\w])")
    return Lexicon(regex, {k: tuple(v) for k, v in index.items()})


def plain_pattern(lex: Lexicon) -> str:
    """The lexicon's pattern without its named group, for joining into one prefilter."""
    return lex.regex.pattern.replace("(?P<w>", "(?:")


@functools.cache
def reporting_lexicon() -> Lexicon:
    data = load_yaml("cues_reporting")
    return build_lexicon((c["id"], c["forms"]) for c in data["categories"])


@functools.cache
def reporting_categories() -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in load_yaml("cues_reporting")["categories"]}


@functools.cache
def sources_lexicon() -> Lexicon:
    data = load_yaml("sources")
    return build_lexicon(((s["id"], s["forms"]) for s in data["sources"]), proclitics="وفبل")


@functools.cache
def source_markers() -> Lexicon:
    return build_lexicon([("marker", load_yaml("sources")["markers"])], proclitics="وفبل")


@functools.cache
def source_info() -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in load_yaml("sources")["sources"]}


@functools.cache
def actor_affiliations() -> dict[str, str]:
    """actor id → affiliation from the actor dictionary ({} when it cannot be read)."""
    try:
        from analysis.tag import actors as actors_mod
    except ImportError:  # the dictionary module is optional for these taggers
        return {}
    loader = getattr(actors_mod, "actors_table", None) or getattr(actors_mod, "load_actors", None)
    if loader is None:
        return {}
    table = loader()
    if "affiliation" not in table:
        return {}
    aff = table["affiliation"].astype("string").fillna("")
    return dict(zip(table["id"].astype(str), aff.astype(str), strict=True))


def affiliation_of(actor_id: str) -> str:
    """The actor's affiliation, or the actor itself when it has none (states)."""
    if not actor_id or actor_id in (UNNAMED, REPORTS, OUTLET):
        return ""
    return actor_affiliations().get(actor_id, "") or actor_id


# --------------------------------------------------------------------------- sentences


@dataclass
class Mention:
    kstart: int
    kend: int
    actor_id: str
    kind: str
    surface: str
    reason: str = ""


@dataclass
class Sent:
    """A sentence's folded key, its map to document offsets, tokens and mentions."""

    doc_id: str
    sent_id: int
    start: int
    end: int
    text: str
    key: str
    offsets: Any  # numpy array: key index → offset in ``text``
    mentions: list[Mention] = field(default_factory=list)
    tokens: list[tuple[int, int]] = field(default_factory=list)
    sources: list[tuple[int, int, str, bool]] | None = None  # filled by find_sources

    @classmethod
    def build(
        cls,
        doc_id: str,
        sent_id: int,
        start: int,
        text: str,
        mentions: Iterable[dict[str, Any]] = (),
    ) -> Sent:
        key, offsets = match_key(text)
        s = cls(doc_id, sent_id, start, start + len(text), text, key, offsets)
        s.tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(key)]
        for m in mentions:
            ks, ke = s.key_span(int(m["start"]) - start, int(m["end"]) - start)
            if ke > ks:
                # The tagger's span includes clitics (وطهران، للأمريكيين); move the start past
                # them so that "و" reads as coordination and "ل/ب" as a preposition.
                ks += len(_clitic(s.key[ks:ke], str(m.get("reason") or "")))
                s.mentions.append(
                    Mention(
                        ks,
                        ke,
                        str(m["actor_id"]),
                        str(m.get("kind") or ""),
                        str(m.get("surface") or ""),
                        str(m.get("reason") or ""),
                    )
                )
        s.mentions.sort(key=lambda m: m.kstart)
        return s

    def key_span(self, a: int, b: int) -> tuple[int, int]:
        """Sentence-relative original span → key span."""
        offs = self.offsets
        return int(offs.searchsorted(a, "left")), int(offs.searchsorted(b, "left"))

    def doc_span(self, ks: int, ke: int) -> tuple[int, int]:
        """Key span → document offsets."""
        if ke <= ks:
            pos = self.start + (int(self.offsets[ks]) if ks < len(self.offsets) else len(self.text))
            return pos, pos
        return self.start + int(self.offsets[ks]), self.start + int(self.offsets[ke - 1]) + 1

    def surface(self, ks: int, ke: int) -> str:
        a, b = self.doc_span(ks, ke)
        return self.text[a - self.start : b - self.start]

    def tok_index(self, kpos: int) -> int:
        """Index of the token containing or following key position ``kpos``."""
        return bisect.bisect_right([t[1] for t in self.tokens], kpos)

    def token_text(self, i: int) -> str:
        a, b = self.tokens[i]
        return self.key[a:b]

    def mention_at(self, ks: int, ke: int) -> list[Mention]:
        return [m for m in self.mentions if m.kstart < ke and m.kend > ks]


def _clitic(key: str, reason: str) -> str:
    """The proclitics in front of a mention's alias (و، ل، لل، وب …), from its reason."""
    alias = fold(reason.split(":", 1)[1].split(";")[0]).strip() if ":" in reason else ""
    if alias and key.endswith(alias) and len(key) > len(alias):
        pre = key[: len(key) - len(alias)]
    elif alias.startswith("ال") and key.endswith(alias[2:]) and len(key) > len(alias) - 2:
        pre = key[: len(key) - len(alias) + 2]  # ل + ال → لل: keep the preposition
        pre = pre[:-1] if pre.endswith("ل") and len(pre) > 1 else pre
    else:
        return ""
    return pre if len(pre) <= 3 and set(pre) <= set("وفبلك") else ""


def bare(tok: str) -> str:
    """A token without surrounding punctuation and quotes."""
    return tok.strip("«»“”\"'()[]،,؛;.:!?؟-")


def is_clause_end(tok: str) -> bool:
    return bool(_CLAUSE_PUNCT.search(tok[-1:])) if tok else False


def subject_np(s: Sent, kpos: int, *, max_tokens: int = 9) -> tuple[int, int]:
    """Key span of the noun phrase right after ``kpos`` (a verb's subject)."""
    i = s.tok_index(kpos)
    if i < len(s.tokens) and s.tokens[i][0] < kpos:  # kpos inside a token: start after it
        i += 1
    first = i
    end = s.tokens[i][0] if i < len(s.tokens) else len(s.key)
    while i < len(s.tokens) and i - first < max_tokens:
        raw = s.token_text(i)
        tok = bare(raw)
        in_mention = any(m.kstart <= s.tokens[i][0] < m.kend for m in s.mentions)
        if not in_mention and (
            raw[:1] == ":" or tok in _NP_STOP or (tok.startswith("ل") and tok[1:] in {"ان", "انه"})
        ):
            break
        if tok == "في" and i + 1 < len(s.tokens) and bare(s.token_text(i + 1)) in _SPEECH_EVENTS:
            break
        end = s.tokens[i][1]
        if is_clause_end(raw.rstrip('»”"')) or raw.endswith(("،", ",", ":")):
            end = s.tokens[i][1] - 1
            break
        i += 1
    start = s.tokens[first][0] if first < len(s.tokens) else len(s.key)
    return start, max(start, end)


def lookback_mentions(
    s: Sent, kpos: int, *, max_tokens: int = 5, exclude: Iterable[tuple[int, int]] = ()
) -> list[Mention]:
    """Mentions just before ``kpos`` in the same clause (subject before the verb)."""
    i = s.tok_index(kpos) - 1
    if i >= 0 and s.tokens[i][1] > kpos:
        i -= 1
    lo = None
    n = 0
    while i >= 0 and n < max_tokens:
        raw = s.token_text(i)
        tok = bare(raw)
        if is_clause_end(raw) or tok in {
            "ان",
            "انه",
            "انها",
            "بان",
            "لان",
            "اذ",
            "لكن",
            "لكنه",
            "لكنها",
            "ولكن",
            "بينما",
            "فيما",
            "التي",
            "الذي",
        }:
            break
        lo = s.tokens[i][0]
        i -= 1
        n += 1
    if lo is None:
        return []
    ex = list(exclude)
    found = [
        m
        for m in s.mentions
        if m.kend > lo
        and m.kend <= kpos
        and not any(m.kstart < b and a < m.kend for a, b in ex)
        and not _after_prep(s, m)
    ]
    return sorted(found, key=lambda m: -m.kstart)


def _after_prep(s: Sent, m: Mention) -> bool:
    """Is the mention introduced by a preposition (then it is an object, not a subject)?"""
    i = s.tok_index(m.kstart)
    if i < len(s.tokens) and s.tokens[i][0] < m.kstart:
        head = s.key[s.tokens[i][0] : m.kstart]
        return head in {"ب", "ل", "لل", "وب", "ول"}
    return i > 0 and bare(s.token_text(i - 1)) in _PREPS


def coordinated(s: Sent, first: Mention, limit: int) -> list[Mention]:
    """``first`` plus mentions joined to it by و ("الولايات المتحدة وإسرائيل")."""
    out = [first]
    for m in s.mentions:
        if m.kstart <= out[-1].kstart or m.kstart >= limit:
            continue
        if s.key[out[-1].kend : m.kstart].strip() == "و":
            out.append(m)
    return out


def best_mention(ms: list[Mention]) -> Mention | None:
    """Prefer a person (the most specific speaker), else the first mention."""
    if not ms:
        return None
    persons = [m for m in ms if m.kind == "person"]
    return persons[0] if persons else ms[0]


# --------------------------------------------------------------------------- sources


def find_sources(s: Sent) -> list[tuple[int, int, str, bool]]:
    """Cited outlets/agencies in the sentence: (kstart, kend, source id, told_to)."""
    if s.sources is None:
        s.sources = _find_sources(s)
    return s.sources


def _find_sources(s: Sent) -> list[tuple[int, int, str, bool]]:
    info = source_info()
    markers = [(a, b) for a, b, _f, _l in source_markers().find(s.key)]
    out = []
    for a, b, _form, ids in sources_lexicon().find(s.key):
        sid = ids[0]
        quoted = s.key[a - 1 : a] in {"«", '"', "“"}
        lead = next((ma for ma, me in markers if 0 <= a - me <= 3), None)
        if info[sid].get("needs_marker") and not (quoted or lead is not None):
            continue
        out.append((a, b, sid, _told_to(s, a if lead is None else lead)))
    known = [(a, b) for a, b, _, _ in out]
    # A marker followed by a quoted unknown name: صحيفة «الوقائع» → src:الوقائع.
    for ma, me in markers:
        m = re.match(r"\s*[«\"“]([^«»\"“”]{2,40})[»\"”]", s.key[me:])
        if not m:
            continue
        a, b = me + m.start(1), me + m.end(1)
        if any(ka <= a < kb for ka, kb in known):
            continue
        name = s.surface(a, b).strip()
        out.append((a, b, f"src:{name}", _told_to(s, ma)))
    return sorted(out)


def _told_to(s: Sent, kpos: int) -> bool:
    """Is the source introduced by ل (told to: لصحيفة «الوقائع»، لـ«الجريدة»، لرويترز)?"""
    i = s.tok_index(kpos)
    if i >= len(s.tokens):
        return False
    head = s.key[s.tokens[i][0] : kpos].strip('«"“')
    return head in {"ل", "ول"}


# --------------------------------------------------------------------------- attribution


@dataclass
class Attribution:
    speaker_id: str = OUTLET
    speaker_kind: str = OUTLET
    speaker_surface: str = ""
    speaker_affiliation: str = ""
    cue: str = ""
    cue_id: str = ""
    cited: list[str] = field(default_factory=list)
    hedge_cues: list[str] = field(default_factory=list)
    carried_over: bool = False
    speaker_kspan: tuple[int, int] | None = None
    cue_kpos: int = -1
    cue_span: tuple[int, int] = (-1, -1)


@functools.cache
def _prefilter_regex() -> re.Pattern[str]:
    """One regex over folded text: does the sentence need the deeper treatment?"""
    lex = [reporting_lexicon(), sources_lexicon()]
    parts = [plain_pattern(lx) for lx in lex]
    return re.compile("|".join(f"(?:{p})" for p in parts))


def _classify_np(s: Sent, a: int, b: int, doc_state: dict[str, Any]) -> Attribution | None:
    """Who the noun phrase key[a:b] names as a speaker, or None."""
    if b <= a:
        return None
    cats = reporting_categories()
    ms = [m for m in s.mentions if a <= m.kstart < b and m.kind not in {"place", "media"}]
    sources = [x for x in find_sources(s) if a <= x[0] < b and not x[3]]
    first_tok = bare(s.key[a:b].split(" ", 1)[0])
    hits = [h for h in reporting_lexicon().find(s.key[a:b])]
    head = hits[0] if hits and hits[0][0] <= 1 else None
    head_cat = next((c for c in (head[3] if head else ()) if cats[c]["role"] == "speaker"), "")
    person = next((m for m in ms if m.kind == "person"), None)
    att = Attribution(speaker_kspan=(a, b))
    if person is not None:
        att.speaker_id, att.speaker_kind = person.actor_id, "person"
        att.speaker_surface = s.surface(a, person.kend)
        att.speaker_affiliation = affiliation_of(person.actor_id)
        return att
    if head_cat == "unnamed":
        att.speaker_id, att.speaker_kind = UNNAMED, UNNAMED
        att.speaker_surface = s.surface(a, b)
        org = ms[0].actor_id if ms else ""
        if not org and first_tok.startswith("ال") and doc_state.get("last_unnamed"):
            prev = doc_state["last_unnamed"]  # "المصدر" = the source named before
            org = prev.speaker_affiliation
            att.cited = list(prev.cited)
        att.speaker_affiliation = org
        return att
    if sources and sources[0][0] - a <= 12:
        att.speaker_id, att.speaker_kind = sources[0][2], "source"
        att.speaker_surface = s.surface(a, b)
        return att
    if ms:
        m = best_mention(ms)
        assert m is not None
        att.speaker_id, att.speaker_kind = m.actor_id, m.kind or "actor"
        att.speaker_surface = s.surface(a, m.kend)
        att.speaker_affiliation = affiliation_of(m.actor_id)
        return att
    if head_cat == "reports":
        att.speaker_id, att.speaker_kind = REPORTS, REPORTS
        att.speaker_surface = s.surface(a, b)
        return att
    if head_cat == "report_anaphor" and doc_state.get("last_source"):
        att.speaker_id, att.speaker_kind = doc_state["last_source"], "source"
        att.speaker_surface = s.surface(a, b)
        return att
    return None


def attribute_sentence(s: Sent, doc_state: dict[str, Any]) -> Attribution:
    """The attribution of one sentence (``doc_state`` carries speakers across sentences)."""
    cats = reporting_categories()
    hits = reporting_lexicon().find(s.key)
    att: Attribution | None = None
    cited: list[str] = []
    hedges: list[str] = []
    for a, b, _form, labels in hits:
        for lab in labels:
            if cats[lab].get("hedge") and cats[lab]["role"] in {"verb", "hedge"}:
                hedges.append(s.surface(a, b))
    for _a, _b, sid, told in find_sources(s):
        if told:  # "said to Al-Jarida": the outlet the speaker spoke to
            cited.append(sid)
    content_from: int | None = None
    head = _headline_speaker(s, doc_state)
    if head is not None:  # "مصدر: طهران وافقت …" — the speaker before a colon
        att, content_from = head
    for a, b, form, labels in hits:
        roles = {cats[lab]["role"] for lab in labels}
        cat = next((lab for lab in labels if cats[lab]["role"] in {"verb", "source"}), None)
        if cat is None:
            continue
        if "source" in roles:
            found = _according_to(s, b, doc_state)
            if found is None:
                continue
            found.cue, found.cue_id, found.cue_kpos = s.surface(a, b), cat, a
            if att is None or att.speaker_kind == "source":
                if att is not None:
                    cited.append(att.speaker_id)
                att = found
            continue
        if form in {"نقل", "نقلت", "ينقل", "تنقل"}:
            relay = _relay(s, b, doc_state)
            if relay is not None:
                medium, found = relay
                cited.extend(medium)
                found.cue, found.cue_id, found.cue_kpos = s.surface(a, b), "relay", a
                if att is None or att.speaker_kind == "source":
                    if att is not None:
                        cited.append(att.speaker_id)
                    att = found
                continue
        if att is not None and att.speaker_kind != "source":
            continue  # first speaker wins; later verbs are inside the reported content
        if content_from is not None and a >= content_from:
            continue  # a verb inside reported content ("قال إن دمشق تعتبر …")
        content_from = _content_start(s, b)
        np_a, np_b = subject_np(s, b)
        if cat == "speech_noun" or _opens_content(s, b):
            np_a = np_b  # "في بيان"، "وتابع: «…»": nothing after the cue names the speaker
        found = _classify_np(s, np_a, np_b, doc_state)
        if found is None:
            before = [m for m in lookback_mentions(s, a, max_tokens=4) if m.kind != "place"]
            if before:
                m = best_mention(before)
                assert m is not None
                # a news agency tagged by the actor dictionary speaks as a cited source
                kind = "source" if m.kind == "media" else (m.kind or "actor")
                found = Attribution(
                    m.actor_id,
                    kind,
                    m.surface,
                    affiliation_of(m.actor_id),
                    speaker_kspan=(m.kstart, m.kend),
                )
        if found is None and (
            cat in {"participle", "speech_noun"}
            or (not _sentence_initial(s, a) and _joined_verb(s, a))
        ):
            found = _main_subject(s, doc_state)  # "ورفض X العرض، وقال إن …": X speaks
        if found is None and _sentence_initial(s, a) and doc_state.get("prev"):
            found = _carry(doc_state["prev"])
        if found is None:
            continue
        found.cue, found.cue_id, found.cue_kpos = s.surface(a, b), cat, a
        if att is not None:  # att was a source: it becomes part of the chain
            cited.append(att.speaker_id)
        att = found
    if att is None and doc_state.get("open_quote") and doc_state.get("prev"):
        att = _carry(doc_state["prev"])
        att.cue, att.cue_id = "«", "quote_continuation"
    att = att or Attribution()
    if att.cue_kpos >= 0:
        att.cue_span = s.doc_span(att.cue_kpos, att.cue_kpos + len(fold(att.cue)))
    for c in cited:
        if c not in att.cited and c != att.speaker_id:
            att.cited.append(c)
    att.hedge_cues = hedges
    return att


def _content_start(s: Sent, kend: int) -> int:
    """Where the reported content begins after a cue (إن/أن, colon or an opening quote)."""
    for ta, tb in s.tokens:
        if ta < kend:
            continue
        raw = s.key[ta:tb]
        if (
            bare(raw) in {"ان", "انه", "انها", "بان", "انهم", "اننا"}
            or raw[:1] in '«“":'
            or raw.endswith(":")
        ):
            return ta
    return len(s.key)


def _opens_content(s: Sent, kend: int) -> bool:
    """Does reported content start right after the cue (a colon or an opening quote)?"""
    rest = s.key[kend : kend + 4].lstrip()
    return s.key[kend : kend + 1] == ":" or rest[:1] in {"«", "“", '"', ":"}


def _joined_verb(s: Sent, kpos: int) -> bool:
    """Is the cue a verb joined by و/ف to an earlier clause ("…، وقال")?"""
    i = s.tok_index(kpos)
    return i < len(s.tokens) and s.key[s.tokens[i][0] : kpos] in {"و", "ف"}


def _main_subject(s: Sent, doc_state: dict[str, Any]) -> Attribution | None:
    """The subject after the sentence's first word (its main verb)."""
    if len(s.tokens) < 2:
        return None
    a, b = subject_np(s, s.tokens[0][1])
    found = _classify_np(s, a, b, doc_state)
    return found if found is not None and found.speaker_kind != "source" else None


def _headline_speaker(s: Sent, doc_state: dict[str, Any]) -> tuple[Attribution, int] | None:
    """A short speaker before a colon opening the sentence (headline style)."""
    m = re.match(r"\s*([^:]{2,60}?)\s*:", s.key)
    if (
        not m
        or len(m.group(1).split()) > 5
        or (
            reporting_lexicon().regex.search(m.group(1))
            and not _starts_with_speaker_noun(m.group(1))
        )
    ):
        return None
    found = _classify_np(s, m.start(1), m.end(1), doc_state)
    if found is None:
        return None
    found.cue, found.cue_id, found.cue_kpos = ":", "colon", m.end() - 1
    return found, m.end()


def _starts_with_speaker_noun(text: str) -> bool:
    hits = reporting_lexicon().find(text)
    cats = reporting_categories()
    return bool(hits) and hits[0][0] <= 1 and any(cats[c]["role"] == "speaker" for c in hits[0][3])


def _sentence_initial(s: Sent, kpos: int) -> bool:
    """Does the cue open the sentence (only a conjunction or a quote before it)?"""
    return not s.key[:kpos].strip(' «“"-–—') or s.tok_index(kpos) == 0


def _carry(prev: Attribution) -> Attribution:
    return Attribution(
        prev.speaker_id,
        prev.speaker_kind,
        prev.speaker_surface,
        prev.speaker_affiliation,
        cited=list(prev.cited),
        carried_over=True,
    )


def _according_to(s: Sent, kend: int, doc_state: dict[str, Any]) -> Attribution | None:
    """The source after بحسب/وفق/نقلا عن (skipping ما ذكره …); None when it names none."""
    rest = s.key[kend:]
    m = re.match(r"\s*(?:ل|لما|ما|الي|عن)?\s*", rest)
    pos = kend + (m.end() if m else 0)
    # بحسب ما ذكرته / وفقا لما نقلته / نقلا عن: skip the relative verb too
    m2 = re.match(
        r"(?:ذكر|ذكرته|ذكرت|نقل|نقلته|نقلت|افاد|افادت|افادت به|اورد|اوردت|اوردته|اعلن|"
        r"اعلنته|قال|قالت|قالته|كشف|كشفت|كشفته|اكد|اكدته|اكدت)\S*\s+(?:به\s+)?",
        s.key[pos:],
    )
    if m2:
        pos += m2.end()
    elif m and not m.group(0).strip() and s.key[kend - 4 : kend] in {"وفقا", "طبقا"}:
        pass
    a, b = subject_np(s, pos)
    found = _classify_np(s, a, b, doc_state)
    if found is None:
        return None
    # "نقلا عن X" after "قالت صحيفة": X is the speaker; handled by the caller's override.
    return found


def _relay(s: Sent, kend: int, doc_state: dict[str, Any]) -> tuple[list[str], Attribution] | None:
    """نقلت X عن Y: X is the medium (cited), Y the speaker."""
    m = re.search(r"(?<![\w])عن(?![\w])", s.key[kend : kend + 80])
    if not m:
        return None
    mid_a, mid_b = kend, kend + m.start()
    medium = [x[2] for x in find_sources(s) if mid_a <= x[0] < mid_b]
    if not medium:
        ms = [mm for mm in s.mentions if mid_a <= mm.kstart < mid_b]
        medium = [ms[0].actor_id] if ms else []
    a, b = subject_np(s, kend + m.end())
    found = _classify_np(s, a, b, doc_state)
    if found is None:
        return None
    return medium, found


def _quote_spans(start: int, text: str) -> list[list[int]]:
    return [[start + m.start(), start + m.end()] for m in _QUOTE_PAIRS.finditer(text)]


def _quote_open_after(text: str, was_open: bool) -> bool:
    """Is a quotation still open at the end of this sentence?"""
    opened = text.count("«") + text.count("“")
    closed = text.count("»") + text.count("”")
    state = was_open
    if opened != closed:
        state = opened > closed
    if text.count('"') % 2:
        state = not state
    return state


def mentions_by_sentence(mentions: pd.DataFrame) -> dict[tuple[str, int], list[dict[str, Any]]]:
    """Mentions grouped by (doc_id, sent_id), as lists of plain dicts."""
    if mentions is None or mentions.empty:
        return {}
    cols = [
        c
        for c in ("doc_id", "sent_id", "start", "end", "actor_id", "kind", "surface", "reason")
        if c in mentions
    ]
    out: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for rec in mentions[cols].to_dict("records"):
        out.setdefault((str(rec["doc_id"]), int(rec["sent_id"])), []).append(rec)
    return out


def claim_sentences(sentences: pd.DataFrame) -> pd.DataFrame:
    """Headline and body sentences, in document order."""
    sec = sentences["section"].astype(str) if "section" in sentences else None
    sub = sentences if sec is None else sentences[sec.isin(CLAIM_SECTIONS)]
    return sub.sort_values(["doc_id", "sent_id"], kind="stable")


def attribute(
    sentences: pd.DataFrame, documents: pd.DataFrame, mentions: pd.DataFrame
) -> pd.DataFrame:
    """One attribution row per headline/body sentence (columns: ``ATTRIBUTION_COLUMNS``)."""
    outlets = _doc_outlets(documents)
    by_sent = mentions_by_sentence(mentions)
    pre = _prefilter_regex()
    rows: list[dict[str, Any]] = []
    sub = claim_sentences(sentences)
    state: dict[str, Any] = {}
    current_doc = None
    prev_para = -9
    for rec in sub[
        ["doc_id", "sent_id", "start", "end", "text", "section"]
        + (["para_id"] if "para_id" in sub else [])
    ].itertuples(index=False):
        doc_id, sent_id, text = str(rec.doc_id), int(rec.sent_id), str(rec.text)
        if doc_id != current_doc:
            current_doc, state, prev_para = doc_id, {}, -9
        para = int(getattr(rec, "para_id", sent_id))
        if rec.section != "body" or para - prev_para > 1:
            state["prev"] = None  # headlines and distant paragraphs do not carry speakers
            state["open_quote"] = False
        prev_para = para
        quotes = _quote_spans(int(rec.start), text) if _HAS_QUOTE.search(text) else []
        if pre.search(fold(text)) or state.get("open_quote"):
            s = Sent.build(
                doc_id, sent_id, int(rec.start), text, by_sent.get((doc_id, sent_id), ())
            )
            att = attribute_sentence(s, state)
        else:
            att = Attribution()
        state["open_quote"] = _quote_open_after(text, bool(state.get("open_quote")))
        if att.speaker_id != OUTLET:
            state["prev"] = att
            if att.speaker_kind == UNNAMED and not att.carried_over:
                state["last_unnamed"] = att
        elif rec.section == "body":
            state["prev"] = None
        if att.speaker_kind == "source":
            state["last_source"] = att.speaker_id
        if att.cited:
            state["last_source"] = att.cited[-1]
        rows.append(
            _row(
                doc_id, sent_id, int(rec.start), int(rec.end), att, quotes, outlets.get(doc_id, "")
            )
        )
    out = pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)
    return _typed(out)


def _row(
    doc_id: str,
    sent_id: int,
    start: int,
    end: int,
    att: Attribution,
    quotes: list[list[int]],
    outlet: str,
) -> dict[str, Any]:
    hedged = bool(att.hedge_cues) or att.speaker_kind in {UNNAMED, REPORTS}
    hedge_cue = "|".join(att.hedge_cues)
    if not hedge_cue and hedged:
        hedge_cue = att.speaker_kind
    return {
        "doc_id": doc_id,
        "sent_id": sent_id,
        "start": start,
        "end": end,
        "speaker_id": att.speaker_id,
        "speaker_kind": att.speaker_kind,
        "speaker_surface": att.speaker_surface,
        "speaker_affiliation": att.speaker_affiliation,
        "cue": att.cue,
        "cue_id": att.cue_id,
        "cue_start": att.cue_span[0],
        "cue_end": att.cue_span[1],
        "cited_source": "|".join(att.cited),
        "source_chain": source_chain(outlet, att),
        "hedged": hedged,
        "hedge_cue": hedge_cue,
        "carried_over": att.carried_over,
        "quote_spans": quotes,
    }


def source_chain(outlet: str, att: Attribution) -> str:
    """outlet > cited source(s) > speaker, without repeats."""
    chain = [outlet or "unknown"]
    for c in att.cited:
        if c not in chain:
            chain.append(c)
    if att.speaker_id != OUTLET and att.speaker_id not in chain:
        chain.append(att.speaker_id)
    return CHAIN_SEP.join(chain)


def _doc_outlets(documents: pd.DataFrame) -> dict[str, str]:
    if documents is None or documents.empty or "outlet" not in documents:
        return {}
    return dict(zip(documents["doc_id"].astype(str), documents["outlet"].astype(str), strict=True))


def doc_meta(documents: pd.DataFrame) -> dict[str, tuple[Any, str]]:
    """doc_id → (date, outlet)."""
    if documents is None or documents.empty:
        return {}
    dates = documents["date"] if "date" in documents else pd.Series(pd.NaT, index=documents.index)
    outlets = documents["outlet"] if "outlet" in documents else pd.Series("", index=documents.index)
    return {
        str(d): (dt, str(o)) for d, dt, o in zip(documents["doc_id"], dates, outlets, strict=True)
    }


def _typed(out: pd.DataFrame) -> pd.DataFrame:
    for col in ATTRIBUTION_COLUMNS:
        if col in {"sent_id", "start", "end", "cue_start", "cue_end"}:
            out[col] = out[col].astype("int64")
        elif col in {"hedged", "carried_over"}:
            out[col] = out[col].astype(bool)
        elif col != "quote_spans":
            out[col] = out[col].astype("string")
    out["doc_id"] = out["doc_id"].astype("string")
    return out.reset_index(drop=True)


def tables_from_sentences(
    rows: pd.DataFrame, *, outlet: str = "test outlet"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """documents and sentences tables from loose sentences (columns ``case``, ``sent``,
    ``text`` and optionally ``section``): one document per case, one paragraph per sentence.

    For gold tables and quick trials in notebooks; the corpus loader does this for articles.
    """
    docs, sents = [], []
    for case, grp in rows.sort_values(["case", "sent"]).groupby("case", sort=False):
        text, pos = "", 0
        for para, rec in enumerate(grp.itertuples(index=False)):
            body = str(rec.text)
            start = pos
            text += body + "\n"
            pos = len(text)
            sents.append(
                {
                    "doc_id": str(case),
                    "sent_id": int(rec.sent),
                    "para_id": para,
                    "start": start,
                    "end": start + len(body),
                    "section": str(getattr(rec, "section", "body") or "body"),
                    "section_reason": "given",
                    "text": body,
                }
            )
        docs.append({"doc_id": str(case), "outlet": outlet, "date": pd.NaT, "text": text})
    documents = pd.DataFrame(docs)
    documents["date"] = pd.to_datetime(documents["date"])
    return documents, pd.DataFrame(sents)

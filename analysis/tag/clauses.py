"""Sentences as the taggers read them, and the clause utilities all three taggers share.

``Sent`` holds a sentence's folded key (``analysis.text.normalize.match_key``), its map
back to document offsets, its tokens and the actor mentions in it (``Mention``, in key
positions). The functions read one sentence: token clean-up (``bare``), clause ends and
bounds, the subject noun phrase after a verb, coordination with و, complementisers and the
words between two positions (negation, future forms and a cue's modality:
``analysis.tag.modality``).
``analysis.tag.attribution``, ``analysis.tag.stance`` and ``analysis.tag.positions`` build
on them; whether a mention is a prepositional object is ``analysis.tag.objects``.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from analysis.tag.actors import ACTOR_KINDS
from analysis.tag.mend import broken_spaces, suspect, without
from analysis.tag.morph import PREPOSITIONS
from analysis.text.normalize import fold, match_key

# Tokens that end a subject noun phrase after a verb (folded forms). Why: Arabic reporting
# clauses run verb + subject + (complementiser | colon | quote | time/place adjunct).
_NP_STOP = frozenset(
    {
        *("ان", "انه", "انها", "انهم", "انهما", "اننا", "انني", "اني", "بان", "بانه", "بانها"),
        *("بانهم", "لان", ":"),
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
#: Words that open a content clause ("أن", "أنه"): what follows is not the verb's object.
COMPLEMENTISERS = frozenset({"ان", "انه", "انها", "بان", "لان", "اننا"})
#: Words after which ما is "which, what", never "not" ("وهو ما رفضته دمشق"), folded.
WHICH_AFTER = frozenset({"هو", "هي", "هذا", "هذه", "ذلك", "وهو", "وهي", "وهذا", "وهذه", "وذلك"})
# A quote mark standing alone is no word: a partial quote (إنه " توصل لاتفاق ") must not
# part a verb from its subject or a light verb from its noun.
_TOKEN = re.compile(r"(?![\"«»“”']+(?:\s|$))\S+")
_END = operator.itemgetter(1)  # a token span's end, for bisect
#: Words that open a new clause (before them the clause around a cue ends).
_CLAUSE_BREAKS = frozenset(
    {"بينما", "لكن", "لكنه", "لكنها", "غير", "فيما", "حين", "وبينما", "فان", "فانه", "فانها"}
)
#: The noun of negation عدم, with and without a preposition (folded): "بعدم تزويد".
NOT_NOUNS = frozenset({"عدم", "بعدم", "لعدم"})
#: "His country, its government" (folded): the speaker's own state, a subject like a name.
SELF_WORDS = frozenset({"بلاده", "بلادها", "بلادنا", "حكومته", "حكومتها", "حكومتنا", "دولته"})


def _clitic(key: str, reason: str) -> str:
    """The proclitics in front of a mention's alias (و، ل، لل، وب …), from its reason."""
    # "anaphor: التنظيم → isis": the alias is the words before the arrow
    alias = (
        fold(reason.split(":", 1)[1].split(";")[0].split("→")[0]).strip() if ":" in reason else ""
    )
    if alias and key.endswith(alias) and len(key) > len(alias):
        pre = key[: len(key) - len(alias)]
    elif alias.startswith("ال") and key.endswith(alias[2:]) and len(key) > len(alias) - 2:
        pre = key[: len(key) - len(alias) + 2]  # ل + ال → لل: keep the preposition
        pre = pre[:-1] if pre.endswith("ل") and len(pre) > 1 else pre
    elif alias:
        # a variant spelling of the alias ("وأميركا" for أمريكا, 'لتنظيم " داعش'): the
        # letters the key has beyond the alias's length, when they can be proclitics
        spaced = " ".join(key.replace('"', " ").split())
        n = len(spaced) - len(alias)
        if alias.startswith("ال") and spaced[n : n + 2] == "لل":
            n += 1  # "للأميركيين" for الأمريكيين: ل + ال → لل
        if not 0 < n <= 3:
            return ""
        pre = key[:n]
    else:
        return ""
    return pre if len(pre) <= 3 and set(pre) <= set("وفبلك") else ""


def bare(tok: str) -> str:
    """A token without surrounding punctuation and quotes."""
    return tok.strip("«»“”\"'()[]،,؛;.:!?؟-")


def one_of(tok: str, words) -> bool:
    """Is ``tok``, with or without a conjunction و before it, one of ``words``? Never
    strip every و: "وزير" and "وحدات" begin with one ("ووزير" → "وزير")."""
    return tok in words or (tok[:1] == "و" and tok[1:] in words)


def without_and(tok: str) -> str:
    """``tok`` without a conjunction و before its article: "والروسي" → "الروسي"."""
    return tok[1:] if tok.startswith("وال") else tok


def is_clause_end(tok: str) -> bool:
    """Does the token end with clause punctuation (، ؛ . : …)?"""
    return bool(_CLAUSE_PUNCT.search(tok[-1:])) if tok else False


def after_opening(s: Sent, i: int) -> bool:
    """Does token ``i`` follow an adverbial that opens its clause before the verb ("من
    جانبه رحب الرئيس التركي"، "وبدوره دعا"، "في المقابل رفضت")? The adverbial itself
    stands at the sentence start or after clause punctuation."""
    j = opening_before(s, i)
    return j == 0 or (j > 0 and is_clause_end(s.token_text(j - 1)))


def after_topic(s: Sent, i: int) -> bool:
    """Does token ``i`` follow an opening adverbial that itself follows a noun phrase
    inside its clause ("كوريا الشمالية من جانبها التزمت")? That phrase is the topic the
    verb's subject stands for."""
    j = opening_before(s, i)
    return j > 0 and not is_clause_end(s.token_text(j - 1))


def opening_before(s: Sent, i: int) -> int:
    """The first token of an opening adverbial ("من جانبه"، "بدوره"، "في المقابل") that
    ends right before token ``i``, or -1. After a noun phrase ("كوريا الشمالية من جانبها
    التزمت") that phrase is the topic the verb's subject stands for."""
    for n in (1, 2, 3):
        j = i - n
        if j < 0:
            return -1
        phrase = " ".join(bare(s.token_text(k)) for k in range(j, i))
        if phrase in _OPENING_ADVERBIALS or (
            phrase[:1] in ("و", "ف") and phrase[1:] in _OPENING_ADVERBIALS
        ):
            return j
    return -1


# adverbials that open a clause before its verb (folded; with و/ف before them too)
_OPENING_ADVERBIALS = frozenset(
    fold(w)
    for w in (
        *(f"من {n}{p}" for n in ("جانب", "جهت", "ناحيت") for p in ("ه", "ها", "هم", "هما")),
        *(f"بدور{p}" for p in ("ه", "ها", "هم", "هما")),
        *("في المقابل", "بالمقابل", "في غضون ذلك", "في الأثناء", "في هذه الأثناء"),
        *("إلى ذلك", "الى ذلك", "من جهة أخرى", "من جهة ثانية", "على صعيد آخر"),
        *("في السياق ذاته", "في السياق نفسه", "في سياق متصل"),
    )
)


def quote_opens_between(s: Sent, j: int, i: int) -> bool:
    """Does a quotation open between tokens ``j`` and ``i`` and not close before ``i``
    (an odd number of quote marks between them)?"""
    between = s.key[s.tokens[j][1] : s.tokens[i][0]]
    return sum(between.count(q) for q in '"«»“”') % 2 == 1


def token_after(s: Sent, kpos: int) -> int:
    """Index of the first token that starts at or after key position ``kpos`` (a cue
    ending inside a token: the next one)."""
    i = s.tok_index(kpos)
    return i + 1 if i < len(s.tokens) and s.tokens[i][0] < kpos else i


# Prepositions inside a title ("المبعوث الخاص إلى سورية", "السفير لدى موسكو").
_TITLE_PREPS = frozenset({"الي", "لدي"})


def _name_follows(s: Sent, i: int) -> bool:
    """Does a person's name start within the three words after token ``i``, with no
    clause end between (the preposition belongs to the title before the name)?"""
    for j in range(i + 1, min(i + 4, len(s.tokens))):
        if any(m.kind == "person" and m.kstart == s.tokens[j][0] for m in s.mentions):
            return True
        if is_clause_end(s.token_text(j)):
            return False
    return False


def adverbial_after(s: Sent, j: int) -> int:
    """When token ``j`` is a comma opening an adverbial set off by commas, a preposition
    first ("ثمنا عاليا، خلال الاتصال، الاتفاقات", "رحب، في بيان، بالاتفاق"), or an opening
    parenthesis ("دعا بوتين اليوم ( 23 ديسمبر / كانون الأول 2016 ) نظيره السوري إلى"), the
    token after the closing comma or parenthesis; else ``j``."""
    if s.token_text(j).strip() == "(":
        return _parenthesis_end(s, j)
    if s.token_text(j).strip() not in (",", "،") or j + 1 >= len(s.tokens):
        return j
    if bare(s.token_text(j + 1)) not in PREPOSITIONS:
        return _apposition_end(s, j)
    for k in range(j + 2, min(j + 2 + _ADVERBIAL_WORDS, len(s.tokens))):
        raw = s.token_text(k).strip()
        if raw in (",", "،"):
            return k + 1
        if is_clause_end(raw):
            return j
    return j


# how many words an adverbial set off by commas may have after its preposition
_ADVERBIAL_WORDS = 5
# how many tokens a parenthesis may hold and still be an aside (a date, an acronym, a
# translation), not a clause
_ASIDE_TOKENS = 10


def _apposition_end(s: Sent, j: int) -> int:
    """The token after the closing comma when the comma at token ``j`` opens a name set off
    by commas ("رحب الرئيس التركي، رجب طيب أردوغان، بوقف"); else ``j``."""
    for k in range(j + 1, min(j + 2 + _ADVERBIAL_WORDS, len(s.tokens))):
        raw = s.token_text(k).strip()
        if raw in (",", "،"):
            return k + 1 if k > j + 1 else j
        start = s.tokens[k][0]
        if not any(m.kstart <= start < m.kend for m in s.mentions) or is_clause_end(raw):
            return j
    return j


def _parenthesis_end(s: Sent, j: int) -> int:
    """The token after the ")" that closes the parenthesis opened at token ``j``, when it
    closes within ``_ASIDE_TOKENS`` with no sentence end inside; else ``j``."""
    for k in range(j + 1, min(j + 2 + _ASIDE_TOKENS, len(s.tokens))):
        raw = s.token_text(k).strip()
        if raw.endswith(")"):
            return k + 1
        if raw[-1:] in ".!?؟(":
            return j
    return j


def words_after(s: Sent, i: int, reach: int) -> Iterator[int]:
    """The tokens of the ``reach`` words after token ``i``, a name counting as one word
    ("استعداد وحدات حماية الشعب لتشكيل") and an adverbial set off by commas as none."""
    j, words = i + 1, 0
    while j < len(s.tokens) and words < reach:
        past = adverbial_after(s, j)
        if past != j:
            j = past
            continue
        yield j
        j += 1
        words += j >= len(s.tokens) or not any(
            m.kstart < s.tokens[j][0] < m.kend for m in s.mentions
        )


def subject_np(s: Sent, kpos: int, *, max_tokens: int = 9) -> tuple[int, int]:
    """Key span of the noun phrase right after ``kpos`` (a verb's subject)."""
    i = first = token_after(s, kpos)
    end = s.tokens[i][0] if i < len(s.tokens) else len(s.key)
    while i < len(s.tokens) and i - first < max_tokens:
        raw = s.token_text(i)
        tok = bare(raw)
        in_mention = any(m.kstart <= s.tokens[i][0] < m.kend for m in s.mentions)
        if (
            not in_mention
            and (
                raw[:1] == ":"
                or tok in _NP_STOP
                or (tok.startswith("ل") and tok[1:] in {"ان", "انه"})
            )
            and not (tok in _TITLE_PREPS and _name_follows(s, i))
        ):
            break  # but "المبعوث الخاص إلى سورية ستيفان دي ميستورا" is one title
        if tok == "في" and i + 1 < len(s.tokens) and bare(s.token_text(i + 1)) in _SPEECH_EVENTS:
            break
        end = s.tokens[i][1]
        if is_clause_end(raw.rstrip('»”"')) or raw.endswith(("،", ",", ":")):
            # a comma standing alone ends the phrase at the word before it
            end = s.tokens[i][1] - 1 if bare(raw) or i == first else s.tokens[i - 1][1]
            break
        i += 1
    start = s.tokens[first][0] if first < len(s.tokens) else len(s.key)
    return start, max(start, end)


def coordinated(s: Sent, first: Mention, limit: int) -> list[Mention]:
    """``first`` plus mentions joined to it by و ("الولايات المتحدة وإسرائيل")."""
    out = [first]
    for m in s.mentions:
        if m.kstart <= out[-1].kstart or m.kstart >= limit:
            continue
        if s.key[out[-1].kend : m.kstart].strip() == "و":
            out.append(m)
    return out


def starting_in(s: Sent, j: int, pool: Iterable[Mention] | None = None) -> list[Mention]:
    """The mentions of ``pool`` (the sentence's, by default) that start inside token ``j``
    (after its proclitics: "وروسيا" holds Russia's)."""
    a, b = s.tokens[j]
    return [m for m in (s.mentions if pool is None else pool) if a <= m.kstart < b]


def best_mention(ms: list[Mention]) -> Mention | None:
    """Prefer a person (the most specific speaker), else the first mention."""
    if not ms:
        return None
    persons = [m for m in ms if m.kind == "person"]
    return persons[0] if persons else ms[0]


def qabl_is_verb(s: Sent, a: int, b: int) -> bool:
    """Bare قبل is "accepted" only with its subject right after it (قبل الأسد العرض);
    "قبل أن/أي/ذلك", "من قبل" and "قبل + noun" are "before"/"by"."""
    i = s.tok_index(a)
    nxt_i = s.tok_index(b)
    nxt = bare(s.token_text(nxt_i)) if nxt_i < len(s.tokens) else ""
    prev = bare(s.token_text(i - 1)) if i > 0 else ""
    if prev == "من" or nxt in {"ان", "اي", "ذلك"} or not nxt:
        return False
    return any(m.kstart == s.tokens[nxt_i][0] and m.kind in ACTOR_KINDS for m in s.mentions)


def clause_bounds(s: Sent, kpos: int) -> tuple[int, int]:
    """Key span of the clause around ``kpos`` (between ، ؛ . and بينما/لكن …)."""
    lo, hi = 0, len(s.key)
    for i, (a, b) in enumerate(s.tokens):
        raw = s.key[a:b]
        tok = bare(raw)
        if any(m.kstart <= a < m.kend for m in s.mentions) or (
            tok == "غير" and (i + 1 >= len(s.tokens) or bare(s.token_text(i + 1)) != "ان")
        ):
            tok = ""  # "غير بيدرسن" is a name, not "غير أن"; punctuation still counts
        if b <= kpos:
            if is_clause_end(raw.rstrip('»”"')) and raw.rstrip('»”"')[-1:] != ":":
                lo = b
            if tok in _CLAUSE_BREAKS:
                lo = a
        elif a > kpos:
            if tok in _CLAUSE_BREAKS:
                hi = a
                break
            if is_clause_end(raw.rstrip('»”"')) and raw.rstrip('»”"')[-1:] != ":":
                hi = b
                break
    return lo, hi


def tokens_between(s: Sent, a: int, b: int) -> int:
    """Words between two key positions, not counting words inside actor mentions (a long
    subject such as "الرئيس الروسي فلاديمير بوتين" does not push the object away)."""
    return sum(
        1
        for m in _TOKEN.finditer(s.key, a, b)
        if not any(x.kstart <= m.start() < x.kend for x in s.mentions)
    )


def before_complementiser(s: Sent, kend: int) -> bool:
    """Is the cue a reporting verb: أن/إن right after it or after its subject (≤ 6 words)?"""
    i = s.tok_index(kend)
    for j in range(i, min(len(s.tokens), i + 7)):
        tok = bare(s.token_text(j))
        if tok in COMPLEMENTISERS:
            return True
        if is_clause_end(s.token_text(j)):
            return False
    return False


@dataclass
class Mention:
    """An actor mention in a sentence, as a key span (clitics in front left out)."""

    kstart: int
    kend: int
    actor_id: str
    kind: str
    surface: str
    reason: str = ""
    head: str = ""  # the folded word before it (the noun a nisba modifies), when read


@functools.lru_cache(maxsize=1 << 12)
def _keyed(text: str) -> tuple[str, Any, tuple[tuple[int, int], ...]]:
    """A sentence's key, offsets and token spans, remembered: attribution, positions and
    stances build many of the same sentences of a chunk (the offsets are never written)."""
    key, offsets = match_key(text)
    if suspect(key):
        drop = broken_spaces(key)  # "وأك د": a diacritic the scraper wrote as a space
        if drop:
            key, offsets = without(key, drop), np.delete(offsets, drop)
    return key, offsets, tuple(m.span() for m in _TOKEN.finditer(key))


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
        """The sentence at document offset ``start``, with its mentions (rows of the
        mentions table: start, end, actor_id, kind, surface, reason)."""
        key, offsets, tokens = _keyed(text)
        s = cls(doc_id, sent_id, start, start + len(text), text, key, offsets)
        s.tokens = list(tokens)
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
        """The original text of a key span."""
        a, b = self.doc_span(ks, ke)
        return self.text[a - self.start : b - self.start]

    def tok_index(self, kpos: int) -> int:
        """Index of the token containing or following key position ``kpos``."""
        return bisect.bisect_right(self.tokens, kpos, key=_END)

    def word(self, i: int) -> str:
        """Token ``i`` as written, without punctuation and without the spaces a scraper put
        for a diacritic ("مقترح ا" → "مقترحا")."""
        return "".join(bare(self.surface(*self.tokens[i])).split())

    def token_text(self, i: int) -> str:
        """Token ``i`` of the key."""
        a, b = self.tokens[i]
        return self.key[a:b]

"""Word analyses from camel-tools' MSA morphology, and the context rules that choose one.

No disambiguator model is available offline, so a word's analyses (``analyses``, cached per
word type) are ranked by rules read from its neighbours (``choose``):

- a verb after قد/لم/لن/أن/لا/سوف, with the future prefix س, at a clause start, or right
  after an actor mention (subject-verb order);
- a noun (or adjective) after a preposition, with the article or an attached preposition
  (بـ/لـ/كـ), or as the first term of an idafa (an indefinite word followed by a definite
  noun or an actor's name, away from a clause start).

Analysing every word type costs about 1.4 ms per type with camel-tools' full analyser (a
fifth of that with the lean one ``analyses`` uses, ``analysis.tag.camel_lean``), too much
for a large corpus (see ``docs/scale.md``), so only *candidate* words are analysed: a word
whose stem, once its clitics are stripped (``stems``), is an inflected form of a cue lemma.
Those forms are expanded once from the cue lemmas with camel-tools' generator
(``expand_lemma``) and kept as package data (``data/frame_forms.tsv``, rebuilt by
``python -m analysis.tag.forms``).
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

from analysis.tag.camel import get_lean_analyzer
from analysis.text.normalize import fold

__all__ = [
    "Reading",
    "analyses",
    "choose",
    "lemma_key",
    "noun_context",
    "stems",
    "surfaces",
    "verb_context",
]

# Folded particles after which a verb is never future (they take the jussive or subjunctive).
_NO_FUTURE_AFTER = frozenset({"ان", "بان", "لان", "لن", "ولن", "لم", "ولم", "كي", "لكي"})
# Folded particles after which a word is a verb ("قد رفضت", "لن تقبل", "أن تنسحب").
VERB_PARTICLES = frozenset(
    {
        *("قد", "لقد", "وقد", "فقد", "لم", "ولم", "لن", "ولن", "ان", "بان", "لا", "سوف", "كما"),
        *("ثم", "لكنه", "لكنها", "لكنهم", "ولكنه", "ولكنها", "ولكنهم", "انه", "انها", "انهم"),
        *("بانه", "بانها", "بانهم", "هو", "هي", "هم", "حيث", "اذ", "بعدما", "عندما", "حين"),
        *("كان", "كانت", "وكان", "وكانت", "الذي", "التي", "الذين", "فيما", "بينما"),
        *("ربما", "لربما", "وربما"),
        # لمّا "when" and لِما/مما "what" come before a verb: "لما دعاه بالقومية", "مما دفع"
        *("لما", "ولما", "فلما", "مما"),
    }
)
# Folded prepositions after which a word is a noun ("على طلب", "بعد رفض").
PREPOSITIONS = frozenset(
    {
        *("في", "من", "علي", "الي", "عن", "مع", "ضد", "بعد", "قبل", "حول", "بشان", "خلال"),
        *("عبر", "لدي", "عند", "تجاه", "ازاء", "بسبب", "رغم", "برغم", "دون", "بدون", "وفق"),
        *("ضمن", "قبيل", "وقبل", "وبعد"),
        # adverbs of place that govern a noun as prepositions do ("خلافات داخل قسد تهدد")
        *("داخل", "خارج", "امام", "حيال"),
    }
)
_PROCLITICS = ("", "و", "ف")
_PREP_CLITICS = ("", "ب", "ل", "ك", "س")
_ARTICLE = ("", "ال")
ENCLITICS = ("", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "نا", "ني", "ي")


@dataclass(frozen=True)
class Reading:
    """One analysis of a word: lemma (camel-tools ``lex``), part of speech and features."""

    lemma: str
    pos: str
    asp: str = "na"
    per: str = "na"
    gen: str = "na"
    num: str = "na"
    vox: str = "na"
    article: bool = False  # the definite article is attached (ال)
    prep: str = ""  # an attached preposition (بـ، لـ، كـ) or ""
    conj: str = ""  # و or ف in front
    future: bool = False  # the future prefix سـ
    enclitic: str = "0"  # camel-tools enc0, e.g. 3ms_poss, 3mp_dobj
    # camel-tools' lex_logprob: -99 for a lemma the text its probabilities were counted on
    # never has ("ودعا" as وَدْع); 0.0 where the database gives none
    logprob: float = 0.0

    @property
    def attested(self) -> bool:
        return self.logprob > -99.0

    @property
    def verbal(self) -> bool:
        return self.pos == "verb"

    @property
    def owner(self) -> tuple[str, str, str] | None:
        """(person, gender, number) of a possessive or object pronoun attached to the word."""
        enc = self.enclitic
        if enc in ("0", "na") or "_" not in enc:
            return None
        pgn = enc.split("_")[0]
        per, rest = pgn[0], pgn[1:]
        gen = rest[0] if rest[:1] in ("m", "f") else "m"
        num = rest[-1] if rest[-1:] in ("s", "d", "p") else "s"
        return per, gen, num


def lemma_key(lex: str) -> str:
    """A lemma as the frames name it: camel-tools' ``lex`` with alef wasla written ا and
    its marks in canonical order (a hand-typed شدة may come before or after its فتحة)."""
    return unicodedata.normalize("NFD", lex.replace("ٱ", "ا"))


_PREP_NAMES = {"bi_prep": "ب", "li_prep": "ل", "ka_prep": "ك", "la_prep": "ل"}


@functools.lru_cache(maxsize=200_000)
def analyses(word: str) -> tuple[Reading, ...]:
    """All distinct readings of one word (cached per word type)."""
    out: dict[Reading, None] = {}
    # a word written with ة ends in no pronoun ه ("وجهة نظر" is not وجّهه)
    taa = word.endswith("ة")
    # the lean analyser: the same readings, without the features a Reading leaves out
    for a in get_lean_analyzer().analyze(word):
        if taa and str(a.get("enc0", "0")).startswith("3ms"):
            continue
        r = Reading(
            lemma=lemma_key(str(a.get("lex", ""))),
            pos=str(a.get("pos", "")),
            asp=str(a.get("asp", "na")),
            per=str(a.get("per", "na")),
            gen=str(a.get("gen", "na")),
            num=str(a.get("num", "na")),
            vox=str(a.get("vox", "na")),
            article=a.get("prc0") == "Al_det",
            prep=_PREP_NAMES.get(str(a.get("prc1")), ""),
            # every و/ف proclitic counts (wa_conj, wa_sub, wa_part, fa_conn …): the
            # analyser also reads "وتطالب" with a particle و, as often as with a conjunction
            conj={"wa": "و", "fa": "ف"}.get(str(a.get("prc2")).split("_")[0], ""),
            future=a.get("prc1") == "sa_fut",
            enclitic=str(a.get("enc0", "0")),
            # a database without the feature rules no reading out
            logprob=float(a.get("lex_logprob", 0.0)),
        )
        out.setdefault(r, None)
    return tuple(out)


def stems(token: str) -> list[tuple[str, str, str]]:
    """(proclitics, stem, enclitic) splits of a folded token, longest stem first.

    Orthography that changes before a pronoun is undone: ت of a feminine noun (موافقتها →
    موافقه), the alef dropped after وا (قدموه → قدموا), ا for final ى (أبداها → ابدي)."""
    out = []
    for conj in _PROCLITICS:
        if not token.startswith(conj):
            continue
        rest1 = token[len(conj) :]
        for prep in _PREP_CLITICS:
            if not rest1.startswith(prep):
                continue
            rest2 = rest1[len(prep) :]
            arts = _ARTICLE + (("ل",) if prep == "ل" else ())  # لل = ل + ال
            for art in arts:
                if not rest2.startswith(art):
                    continue
                body = rest2[len(art) :]
                pre = conj + prep + art
                for enc in ENCLITICS:
                    if enc and (art or not body.endswith(enc)):
                        continue  # no pronoun on a word with the article (الشرطة ≠ شرط+ه)
                    stem = body[: len(body) - len(enc)] if enc else body
                    if len(stem) < 2:
                        continue
                    out.append((pre, stem, enc))
                    if enc and stem.endswith("ت"):
                        out.append((pre, stem[:-1] + "ه", enc))
                    if enc and stem.endswith("و"):
                        out.append((pre, stem + "ا", enc))
                    if enc and stem.endswith("ا"):
                        out.append((pre, stem[:-1] + "ي", enc))
    out.sort(key=lambda t: -len(t[1]))
    return out


def surfaces(form: str) -> set[str]:
    """Every token ``stems`` splits back into ``form``: the form with each allowed run of
    clitics, the orthography changed before a pronoun (the inverse of ``stems``, so that a
    token can be matched by one set look-up)."""
    out: set[str] = set()
    if len(form) < 2:
        return out
    bodies = [("", form)]
    for enc in ENCLITICS[1:]:
        bodies.append((enc, form + enc))
        if form.endswith("ه"):
            bodies.append((enc, form[:-1] + "ت" + enc))
        if form.endswith("وا"):
            bodies.append((enc, form[:-1] + enc))
        if form.endswith("ي"):
            bodies.append((enc, form[:-1] + "ا" + enc))
    for conj in _PROCLITICS:
        for prep in _PREP_CLITICS:
            pre = conj + prep
            out.update(pre + body for _enc, body in bodies)
            out.add(pre + "ال" + form)
            if prep == "ل":
                out.add(conj + "لل" + form)
    return out


def verb_context(
    prev: str, *, clause_start: bool, after_actor: bool, token: str, after_time: bool = False
) -> str:
    """Why context makes this word a verb ("" when it does not)."""
    if prev in VERB_PARTICLES:
        return f"verb after {prev}"
    if clause_start:
        return "verb at clause start"
    if after_time:
        # "وفي 29 أغسطس طالب رئيس الائتلاف": a date or a day opens the verb's clause
        return "verb after a date or a day"
    if prev.startswith("ال") and not token.startswith(("ال", "بال", "لل", "وال")):
        # an indefinite word cannot modify or be the genitive of a definite one before it:
        # "المملوك رفض" is subject and verb
        return "verb after a definite subject"
    if after_actor:
        return "verb after its subject"
    return ""


# Indefinite colour adjectives (folded): the word before them is a noun.
_COLOURS = frozenset({"احمر", "حمراء", "حمر", "اخضر", "خضراء", "خضر"})
# a noun of a person shaped like a nisba: "ورفض قيادي في المعارضة" is a leader refusing
_NISBA_SHAPED_PERSONS = frozenset({"قيادي"})


_IDAFA = "noun: first term of an idafa"


def noun_context(prev: str, nxt: str, readings: tuple[Reading, ...]) -> str:
    """Why context makes this word a noun ("" when it does not)."""
    if prev in PREPOSITIONS:
        return f"noun after {prev}"
    if (
        readings
        and all(r.article or r.prep for r in readings if r.pos != "verb")
        and not any(r.verbal for r in readings)
    ):
        return "noun with article or preposition"
    if nxt.startswith("ال") and not any(r.article for r in readings):
        return _IDAFA
    return ""


def _participle(lemma: str) -> bool:
    """Is the lemma shaped like a participle: فاعِل (داعِي) or مُـ (مُطالِب)? (A shape
    only: طالِب and مَفعَل nouns pass too; the caller asks for more.)"""
    bare_lemma = fold(lemma)
    return bare_lemma.startswith("م") or (len(bare_lemma) >= 4 and bare_lemma[1] == "ا")


def _future_prefix(verbs: list[Reading], nouns: list[Reading], token: str) -> bool:
    """Does the token open with the future سـ of a verb reading? Not when a noun's stem
    begins with س ("سياسة": سِياسَة, not سـ + أسي), nor with و/ف before its س ("وسيطا":
    وَسِيط, not و + سيطأ)."""
    own_s = any(
        r.lemma.startswith("س") or (not r.conj and fold(r.lemma)[:2] == token[:2]) for r in nouns
    )
    return any(r.future for r in verbs) and token.startswith(("س", "وس", "فس")) and not own_s


def choose(
    readings: tuple[Reading, ...],
    *,
    prev: str,
    nxt: str,
    clause_start: bool,
    after_actor: bool,
    token: str,
    after_time: bool = False,
    before_actor: bool = False,
) -> tuple[list[Reading], str]:
    """The readings context allows, best first, and the rule that chose them.

    A word with only verb or only noun readings keeps them; an ambiguous one (عرض، طلب،
    رفض) is a verb where ``verb_context`` says so, else a noun."""
    if any(r.pos == "noun" and r.enclitic.endswith("_poss") for r in readings):
        # "وموافقتها على بقائه": a noun takes a possessive pronoun, an adjective hardly ever
        readings = tuple(r for r in readings if r.pos != "adj" or not r.enclitic.endswith("_poss"))
    verbs = [r for r in readings if r.verbal]
    nouns = [r for r in readings if not r.verbal]
    if nouns and prev in _NO_FUTURE_AFTER and any(r.future for r in verbs):
        # أن، لن، لم never take سـ: "أن سياسة" is the noun, not سـ + أسي
        verbs = [r for r in verbs if not r.future]
        readings = tuple(nouns + verbs)
    if not verbs or not nouns:
        return list(readings), "unambiguous"
    if (
        len(nxt) > 3
        and nxt.endswith(("ي", "يه"))
        and not nxt.startswith(("ال", "وال", "لل", "بال"))
        and nxt[:-1] not in PREPOSITIONS  # عليه، إليه، لديه: a preposition and a pronoun
        and prev not in VERB_PARTICLES
        and nxt not in _NISBA_SHAPED_PERSONS
    ):
        # an indefinite nisba adjective follows: "تفاهم تركي روسي", "عرض أمريكي"
        return nouns + verbs, "noun before an indefinite adjective"
    if (
        clause_start
        and not token.startswith(("و", "ف"))  # "وطالبا": a dual verb with its و
        and token.endswith("ا")
        and all(r.num == "d" for r in verbs)
        and any(r.num == "s" and _participle(r.lemma) for r in nouns)
    ):
        # "، داعيا الحكومة إلى": a participle in the accusative opening a circumstantial
        # clause, far likelier in news than a dual verb (داعَيا); "توصلا" stays a verb
        return nouns + verbs, "participle with the accusative alif"
    if nxt in _COLOURS:
        return nouns + verbs, "noun before a colour adjective"  # "خط أحمر", "ضوء أخضر"
    if any(r.pos == "prep" for r in nouns) and prev not in VERB_PARTICLES:
        # ضمن، قبل، بعد: a preposition unless a verbal particle comes before it
        return nouns + verbs, "preposition reading"
    if (
        token.lstrip("وف").startswith("ل")
        and any(r.prep == "ل" for r in nouns)
        and all(r.asp == "p" for r in verbs)
    ):
        # "لرفضها": لـ with a verbal noun; لـ before a perfective verb is rare in news
        return nouns + verbs, "noun after the preposition لـ"
    if (
        token.startswith("و")
        and prev.startswith("ال")
        and any(r.enclitic.endswith("_poss") for r in nouns)
    ):
        # "تعنت النظام ورفضه الشروع": a verbal noun with its pronoun joined to the noun
        # phrase before it, not a new clause
        return nouns + verbs, "noun with a pronoun joined to the noun before"
    if prev in ("لا", "ولا", "فلا") and all(r.asp in ("p", "c") for r in verbs):
        # "لا حل إلا برحيله": لا denies a noun; a verb after it is imperfective (لا يحل)
        return nouns + verbs, "noun after لا (no …)"
    why = verb_context(
        prev, clause_start=clause_start, after_actor=after_actor, token=token, after_time=after_time
    )
    if _future_prefix(verbs, nouns, token):
        why = why or "verb with future prefix"
    if why and prev not in PREPOSITIONS:
        return verbs + nouns, why
    why = noun_context(prev, nxt, readings)
    if (
        not why
        and not any(r.attested for r in nouns)
        and any(r.attested and (r.conj or before_actor) for r in verbs)
        and (token[:1] in ("و", "ف") or before_actor)
    ):
        # "ودعا" after a quote: وَدْع (cowries) is a noun no news text uses; و + دَعا it is.
        # A bare "تطلب", "تضمن" is one only before an actor, its subject ("تطلب تركيا"):
        # elsewhere it stands inside a clause whose subject the reader often cannot find
        # (measured on the unseen pages: as many wrong holders as right)
        return verbs + nouns, "verb: its noun readings are unattested"
    seen_verbs = [r for r in verbs if r.attested]
    perfective = bool(seen_verbs) and all(r.asp == "p" for r in seen_verbs)
    if perfective and why in ("", _IDAFA) and not any(r.attested for r in nouns):
        # "رحب الرئيس التركي": رَحْب (spacious) is a noun no news text uses; a perfective
        # verb before a definite noun is verb and subject, not an idafa. Not a bare
        # imperfective that is also a perfective ("تطلب": تَطَلَّب and طَلَب), as above
        return verbs + nouns, "verb: its noun readings are unattested (perfective)"
    return nouns + verbs, why or "noun by default"

"""``analysis explain "…"``: how the clause reader reads a sentence, step by step.

``explain(text)`` tags the text as a one-document corpus (mentions, speakers) and prints,
for each sentence: its words with lemma and part of speech (for the words that may be cues),
the actor mentions, the clauses, the cues and the frames they fill, the holder decisions
and the rows the moves table gets, each with its reason.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from analysis.tag.actors import ACTOR_KINDS
from analysis.tag.agreement import note_heads
from analysis.tag.antecedents import actor_groups
from analysis.tag.attribution import attribute
from analysis.tag.claims import mentions_by_sentence
from analysis.tag.clauses import (
    Sent,
    bare,
    clause_bounds,
)
from analysis.tag.cue_words import candidate
from analysis.tag.frames import find_cues
from analysis.tag.issues import find_issues
from analysis.tag.mentions import tag_text, text_sentences
from analysis.tag.morph import analyses
from analysis.tag.objects import after_prep
from analysis.tag.positions import moves_in_sentence
from analysis.tag.subjects import cue_holders

__all__ = ["explain"]


def explain(text: str, date: dt.date | None = None) -> str:
    """A readable account of the reader's decisions on ``text`` (one or more sentences),
    read as a page published on ``date`` when given."""
    sentences = text_sentences(text)
    documents = pd.DataFrame({"doc_id": ["text"], "text": [text], "outlet": [""]})
    mentions = tag_text(text, date=pd.Timestamp(date) if date else None)
    attribution = attribute(sentences, documents, mentions)
    atts = {int(r["sent_id"]): r for r in attribution.to_dict("records")}
    by_sent = mentions_by_sentence(mentions)
    lines: list[str] = []
    previous: list = []
    chains: list[list[list]] = [[], []]  # actors joined by و in the two sentences before
    for rec in sentences.itertuples(index=False):
        s = Sent.build(
            "text", rec.sent_id, rec.start, rec.text, by_sent.get(("text", rec.sent_id), ())
        )
        lines.append(f"sentence {rec.sent_id}: {rec.text.strip()}")
        lines.append("  words that may be cues:")
        for i in range(len(s.tokens)):
            tok = bare(s.token_text(i))
            if candidate(tok):
                word = s.word(i)
                readings = ", ".join(sorted({f"{r.lemma}/{r.pos}" for r in analyses(word)}))
                lines.append(f"    {word}: {readings}")
        lines.append(
            "  actors: "
            + (", ".join(f"{m.actor_id} «{m.surface}» ({m.kind})" for m in s.mentions) or "none")
        )
        att = atts.get(int(rec.sent_id))
        if att:
            lines.append(f"  speaker: {att.get('speaker_id')} (hedged: {att.get('hedged')})")
        trace: list[str] = []
        cues = find_cues(s, trace)
        lines += ["  cue decisions:"] + [f"    {t}" for t in trace]
        issues = find_issues(s)
        for cue in cues:
            lo, hi = clause_bounds(s, cue.kstart)
            holders, rule = cue_holders(s, cue, issues, previous, chains[0] + chains[1])
            who = ", ".join(m.actor_id for m in holders) or "none"
            lines.append(
                f"  clause «{s.surface(lo, hi).strip()}»: frame {cue.frame['id']}"
                f" ({cue.how}); holder {who} by {rule}"
            )
        rows = moves_in_sentence(s, att, previous, chains[0] + chains[1])
        lines.append("  moves:" if rows else "  moves: none")
        for row in rows:
            lines.append(
                f"    {row['holder_id']} {row['move']} counterpart={row['counterpart_id'] or '-'}"
                f" issue={row['issue'] or '-'} modality={row['modality']}"
            )
            lines.append(f"      reason: {row['reason']}")
        actors = [m for m in note_heads(s) if m.kind in ACTOR_KINDS]
        previous = [m for m in actors if not after_prep(s, m)]
        chains = [chains[1], actor_groups(s, actors)]
    return "\n".join(lines)

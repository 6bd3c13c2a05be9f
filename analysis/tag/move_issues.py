"""What a move is about: the issue phrases in its scope, with a pronoun owner's presence
resolved ("قواتها"), narrower issues before their parents, and the exchange phrase with the
issues asked in exchange ("مقابل …")."""

from __future__ import annotations

from typing import Any

from analysis.tag.clauses import Sent, bare, is_clause_end
from analysis.tag.issues import IssueHit, issues_data, own_presence_issue

__all__ = ["collapse_issues", "move_issues", "phrase_end", "resolve_issue"]


def phrase_end(s: Sent, a: int, end: int) -> int:
    """End of the exchange phrase: the clause end or ``end``."""
    for ta, tb in s.tokens:
        if ta <= a:
            continue
        if tb >= end:
            return end
        raw = s.key[ta:tb]
        if is_clause_end(raw.rstrip('»”"')):
            return tb - 1
        if bare(raw) in {"بحسب", "حسب", "وفق", "وفقا"}:
            return ta
    return end


def resolve_issue(h: IssueHit, owner: str) -> str:
    return h.issue or own_presence_issue(owner)


def collapse_issues(issue_ids: list[str]) -> list[str]:
    """Drop a parent issue when a narrower child is present; keep order, no repeats."""
    data = issues_data()
    present = set(issue_ids)
    out = []
    for i in issue_ids:
        children = {c for c in present if data.get(c, {}).get("parent") == i}
        if i and not children and i not in out:
            out.append(i)
    return out


def move_issues(
    s: Sent,
    issues: list[IssueHit],
    bounds: tuple[int, int, int],
    ex: tuple[int, int, str] | None,
    how: str,
    info: dict[str, Any],
    owner: str,
) -> tuple[list[IssueHit], str, list[str]]:
    """The issues a move is about, its exchange phrase and the issues asked in exchange.

    ``bounds`` are the cue's end, the move's scope end and where its main part ends (the
    exchange marker ``ex``, when there is one); ``owner`` resolves a pronoun in the
    exchange ("قواتها")."""
    b, end, main_end = bounds
    ex_phrase, ex_issues = "", []
    if ex:
        pe = phrase_end(s, ex[1], end)
        ex_phrase = s.surface(ex[0], pe)
        ex_hits = [h for h in issues if ex[1] <= h.kstart < pe]
        ex_issues = collapse_issues([resolve_issue(h, owner) for h in ex_hits])
    main_hits = [
        h
        for h in issues
        if (b <= h.kstart < main_end and h.issue not in info.get("instrument_issues", []))
        or (b <= h.kstart < main_end and len([x for x in issues if b <= x.kstart < main_end]) == 1)
    ]
    if how == "noun":  # "أن تكون روسيا ضامنة لأي تفاهم": scope is the clause
        main_hits = [h for h in issues if h.kstart >= b][:1]
    if info.get("second_issue_is_exchange") and not ex and len(main_hits) > 1:
        # "ربط خروج X بانسحاب Y": Y is what X's exit is tied to
        first, rest = main_hits[0], main_hits[1:]
        ex_issues = collapse_issues([resolve_issue(h, owner) for h in rest])
        ex_phrase = s.surface(rest[0].kstart, rest[-1].kend)
        main_hits = [first]
    return main_hits, ex_phrase, ex_issues

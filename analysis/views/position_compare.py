"""Accounts of the same move compared across outlets (notebook 04): where reports of a
holder's move on an issue, within one period, agree and where they differ."""

from __future__ import annotations

import pandas as pd

from analysis.text import safety
from analysis.views.menus import present_outlets
from analysis.views.position_data import holder_labels, issue_name, move_labels
from analysis.views.rows import free_names, position_rows


def compare_reports(
    tables,
    *,
    by: str = "outlet",
    days: int | None = 30,
    include_unnamed: bool = False,
    actors: pd.DataFrame | None = None,
    lang: str = "en",
) -> pd.DataFrame:
    """Where reports of the same move agree: (holder, issue) moves reported by two or more
    outlets (``by="doc_id"``: documents) within one period.

    A period (episode) runs while reports of the (holder, issue) follow each other within
    ``days`` days (``None``: the whole selection is one period; undated moves are then
    compared too, else left out). Each outlet's account is the set of its ``move_label``
    values; outlets agree when they report the same move types with the same modality
    (hedging is shown with ``?`` but not held against agreement). Moves whose issue was
    not named are left out unless ``include_unnamed``: without an issue, two reports of a
    holder's moves need not be about the same thing.

    Columns: ``holder_id``, ``holder``, ``issue``, ``from``, ``to`` (dates of the first and
    last report), one column per outlet (its account; ``""`` when it did not report the
    move; an outlet named like another column gets ``<name> (outlet)``, a document
    ``<doc_id> (document)``), ``reports`` (how many outlets did), ``agreement``
    (``agree``/``differ``) and ``difference`` (what differs: ``move: offer ≠ demand``,
    ``modality: …``).
    """
    if by not in ("outlet", "doc_id"):
        raise ValueError(f"by must be 'outlet' or 'doc_id', not {by!r}")
    base = ["holder_id", "holder", "issue", "from", "to"]
    tail = ["reports", "agreement", "difference"]
    rows = position_rows(tables)
    if days is not None:
        rows = rows[rows["date"].notna()]
    if not include_unnamed:
        rows = rows[rows["issue"] != ""]
    if rows.empty:
        return pd.DataFrame(columns=[*base, *tail])
    episodes = _episodes(rows, by, days)
    episodes = {k: v for k, v in episodes.items() if len(v) >= 2}  # two or more outlets
    if not episodes:
        return pd.DataFrame(columns=[*base, *tail])
    present = list(dict.fromkeys(g for per_group in episodes.values() for g in per_group))
    groups = present_outlets(tables.documents, present) if by == "outlet" else present
    suffix = " (outlet)" if by == "outlet" else " (document)"
    columns = dict(zip(groups, free_names(groups, [*base, *tail], suffix=suffix), strict=True))
    out = _accounts(episodes, columns)
    frame = pd.DataFrame(out)
    for c in ("from", "to"):
        frame[c] = pd.to_datetime(frame[c])
        if frame[c].dt.tz is None:  # nanoseconds whatever the input's unit, as before
            frame[c] = frame[c].astype("datetime64[ns]")
    names = holder_labels(frame["holder_id"], lang=lang, actors=actors, rows=position_rows(tables))
    frame.insert(1, "holder", frame["holder_id"].map(names))
    return frame[[*base, *columns.values(), *tail]]


def _accounts(episodes: dict[tuple, dict[str, list]], columns: dict[str, str]) -> list[dict]:
    """A record per episode: each outlet's account (in its column of ``columns``), its
    dates, and whether the accounts agree; differing accounts first, then by first report
    (undated last), holder and issue."""
    out = []
    for (holder_id, issue_id, _ep), per_group in episodes.items():
        accounts = {g: ", ".join(dict.fromkeys(r[0] for r in rs)) for g, rs in per_group.items()}
        core = {g: frozenset((r[1], r[2]) for r in rs) for g, rs in per_group.items()}
        dates = [r[3] for rs in per_group.values() for r in rs if not safety.is_missing(r[3])]
        agree = len(set(core.values())) == 1
        out.append(
            {
                "holder_id": holder_id,
                "issue": issue_id,
                "from": min(dates) if dates else pd.NaT,
                "to": max(dates) if dates else pd.NaT,
                **{col: accounts.get(g, "") for g, col in columns.items()},
                "reports": len(accounts),
                "agreement": "agree" if agree else "differ",
                "difference": "" if agree else _difference(core),
            }
        )
    # differing accounts first, then by first report (undated last), holder and issue
    out.sort(
        key=lambda r: (
            r["agreement"] == "agree",
            safety.is_missing(r["from"]),
            r["from"] if not safety.is_missing(r["from"]) else 0,
            r["holder_id"],
            r["issue"],
        )
    )
    return out


def _episodes(rows: pd.DataFrame, by: str, days: int | None) -> dict[tuple, dict[str, list]]:
    """The move rows grouped into episodes: ``(holder, issue, n)`` → per outlet (``by``)
    its reports ``(label, move, modality, date)``. An episode runs while reports follow
    each other within ``days`` days (``None``: one episode per holder and issue)."""
    # Plain lists and dicts: sorting, grouping and a groupby inside each of hundreds of
    # episodes cost more than the rest of a panel update.
    holder, group, move, modality = (
        rows[c].tolist() for c in ("holder_id", by, "move", "modality")
    )
    issue = [issue_name(i) for i in rows["issue"].tolist()]
    date = rows["date"].tolist()
    label = move_labels(rows).tolist()
    undated = [safety.is_missing(d) for d in date]
    # by holder, issue and date, undated first, else in row order (a stable sort)
    order = sorted(
        range(len(holder)),
        key=lambda i: (holder[i], issue[i], not undated[i], date[i] if not undated[i] else 0),
    )
    gap = pd.Timedelta(days=days) if days is not None else None
    episodes: dict[tuple, dict[str, list[tuple]]] = {}
    previous, last, episode = None, -1, 0
    for i in order:
        key = (holder[i], issue[i])
        if key != previous:
            episode = 0
        elif (
            gap is not None and not undated[i] and not undated[last] and date[i] - date[last] > gap
        ):
            episode += 1  # a new episode after a silence of more than ``days``
        previous, last = key, i
        per_group = episodes.setdefault((*key, episode), {})
        per_group.setdefault(group[i], []).append((label[i], move[i], modality[i], date[i]))
    return episodes


def _difference(core: dict[str, frozenset[tuple[str, str]]]) -> str:
    """What differs between accounts: the move types, else the modalities."""
    moves = [" + ".join(sorted({m for m, _ in c})) for c in core.values()]
    if len(set(moves)) > 1:
        return "move: " + " ≠ ".join(dict.fromkeys(moves))
    modal = [" + ".join(sorted({mo for _, mo in c})) for c in core.values()]
    return "modality: " + " ≠ ".join(dict.fromkeys(modal))

"""The stance tables of notebook 03, as DataFrames: counts per holder and issue, what each
outlet reports, source chains, and stances in their sentences.

A stance (``analysis.tag.stance``, columns in ``STANCE_COLUMNS``) says that a *holder* (an
actor) is for, against, conditionally for, or neutral about an *issue* (``target``, an id
from ``data/issues.yaml``), in one sentence of one article. Each stance keeps who said it
(``speaker_id``), the outlets and agencies it passed through (``source_chain``: outlet >
cited source > speaker, joined by ``attribution.CHAIN_SEP``) and whether it was *hedged*
(alleged, unconfirmed, from unnamed sources) rather than on record.

The functions take the ``stances`` table (``analysis.views.rows.stance_rows``) or a
``Tables``-like object and return small DataFrames with documented columns, raw text
(``analysis.views.stance_tables`` renders them, ``stance_figures`` draws them). Every
function works on an empty selection: the frame is empty with the same columns.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.text import safety
from analysis.views.hovers import date_text
from analysis.views.labels import actor_names, chain_text, speaker_name, speaker_names
from analysis.views.providers import provider
from analysis.views.rows import (
    claim_rows,
    claims_readable,
    empty_frame,
    free_names,
    stance_rows,
)

POLARITIES = ("support", "oppose", "conditional", "neutral")
NO_STANCES = "No stances in this selection."
DIRECT = "(directly)"
#: Period codes ``freq`` may start with, and what one period is called.
PERIOD_NAMES = {"M": "month", "Q": "quarter", "Y": "year", "W": "week"}


def period_code(freq: str) -> str:
    """The period code ``freq`` starts with (``PERIOD_NAMES``), upper case."""
    code = str(freq)[:1].upper()
    if code not in PERIOD_NAMES:
        raise ValueError(f"freq must start with one of {tuple(PERIOD_NAMES)} (month, quarter, …)")
    return code


def period_start(dates: pd.Series, freq: str) -> pd.Series:
    """The first day of each date's period (``freq``: month, quarter, year or week)."""
    return dates.dt.to_period(period_code(freq)).dt.start_time


def period_label(period: pd.Timestamp, freq: str) -> str:
    """A period as text: ``2024-03``, ``2024Q1``, ``2024``, or a week's first day."""
    code = str(freq)[:1].upper()
    return str(pd.Period(period, freq=code)) if code in ("M", "Q", "Y") else date_text(period)


def stance_counts(stances: pd.DataFrame) -> pd.DataFrame:
    """Stances per holder and issue: one column per polarity, hedged and total.

    Columns: ``holder_id``, ``target``, ``support``, ``oppose``, ``conditional``,
    ``neutral``, ``hedged`` (how many of them are hedged), ``stances``; most stances first.
    """
    cols = ["holder_id", "target", *POLARITIES, "hedged", "stances"]
    if stances.empty:
        return empty_frame(cols)
    counts = pd.crosstab([stances["holder_id"], stances["target"]], stances["polarity"])
    counts = counts.reindex(columns=list(POLARITIES), fill_value=0)
    counts.columns.name = None
    g = stances.groupby(["holder_id", "target"])
    counts["hedged"] = g["hedged"].sum().astype("int64")
    counts["stances"] = g.size()
    out = counts.reset_index()[cols]
    return out.sort_values(
        ["stances", "holder_id", "target"], ascending=[False, True, True], ignore_index=True
    )


def holder_issue_summary(stances: pd.DataFrame, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per holder and issue: what they said, how often, how sure, and the latest.

    Columns: ``holder_id``, ``holder`` (English name), ``issue`` (id), ``support``,
    ``oppose``, ``conditional``, ``neutral``, ``stances``, ``hedged_share`` (0–1),
    ``outlets`` (distinct), ``first_date``, ``last_date``, ``latest_polarity``,
    ``latest_hedged``, ``latest_outlet``, ``latest_evidence`` (the cue-to-issue span of the
    latest stance; undated stances count as earlier than dated ones).
    """
    cols = [
        "holder_id",
        "holder",
        "issue",
        *POLARITIES,
        "stances",
        "hedged_share",
        "outlets",
        "first_date",
        "last_date",
        "latest_polarity",
        "latest_hedged",
        "latest_outlet",
        "latest_evidence",
    ]
    if stances.empty:
        return empty_frame(cols)
    pairs = _holder_issue_cells(stances)
    order = sorted(pairs, key=lambda k: (-pairs[k]["n"], str(k[0]), str(k[1])))
    names = speaker_names([h for h, _ in order], actors)
    data: dict[str, list] = {c: [] for c in cols}
    for h, t in order:
        cell = pairs[(h, t)]
        dates = cell["dates"]
        pol, hedged, outlet, evidence = cell["latest"]
        row = {
            "holder_id": h,
            "holder": names.get(str(h), h),
            "issue": t,
            **{p: cell["pols"].get(p, 0) for p in POLARITIES},
            "stances": cell["n"],
            "hedged_share": cell["hedged"] / cell["n"],
            "outlets": len(cell["outlets"]),
            "first_date": min(dates) if dates else pd.NaT,
            "last_date": max(dates) if dates else pd.NaT,
            "latest_polarity": pol,
            "latest_hedged": hedged,
            "latest_outlet": outlet,
            "latest_evidence": evidence,
        }
        for c in cols:
            data[c].append(row[c])
    # typed column by column: a frame of records cast afterwards cost 10 ms
    for c in [*POLARITIES, "stances", "outlets"]:
        data[c] = np.array(data[c], dtype=np.int64)
    for c in ("first_date", "last_date"):
        dates = pd.to_datetime(pd.Series(data[c], dtype=object))
        data[c] = dates if dates.dt.tz is not None else dates.astype("datetime64[ns]")
    data["hedged_share"] = np.array(data["hedged_share"], dtype=float)
    return pd.DataFrame(data, columns=cols)


def _holder_issue_cells(stances: pd.DataFrame) -> dict[tuple, dict]:
    """Per (holder, issue): stances, hedged, polarity counts, outlets, dates and the latest
    stance (by date, undated first, then document and offset; the later row on a tie)."""
    # One pass in plain dicts over a few hundred stances (a crosstab, three groupbys and
    # two merges cost ~50 ms on every filter change).
    pairs: dict[tuple, dict] = {}
    fields = ["holder_id", "target", "polarity", "hedged", "outlet", "date", "doc_id", "start"]
    values = [stances[c].tolist() for c in [*fields, "evidence"]]
    for h, t, pol, hedged, outlet, date, doc, start, evidence in zip(*values, strict=True):
        if safety.is_missing(h) or safety.is_missing(t):
            continue  # as a groupby would
        cell = pairs.setdefault(
            (h, t), {"n": 0, "hedged": 0, "pols": {}, "outlets": set(), "dates": []}
        )
        cell["n"] += 1
        cell["hedged"] += 0 if safety.is_missing(hedged) else int(bool(hedged))
        if not safety.is_missing(pol):
            cell["pols"][pol] = cell["pols"].get(pol, 0) + 1
        if not safety.is_missing(outlet):
            cell["outlets"].add(outlet)
        undated = safety.is_missing(date)
        if not undated:
            cell["dates"].append(date)
        # the latest: by date (undated first), document and offset; the later row on a tie
        offset = -1 if safety.is_missing(start) else start
        key = (not undated, 0 if undated else date, str(doc), offset)
        if "key" not in cell or key >= cell["key"]:
            cell.update(key=key, latest=(pol, hedged, outlet, evidence))
    return pairs


def _part(polarity: str, stances: int, hedged: int) -> str:
    text = polarity + (f" ×{stances}" if stances > 1 else "")
    if hedged == stances:
        return text + " (hedged)"
    return text + (f" ({hedged} hedged)" if hedged else "")


def outlet_comparison(
    stances: pd.DataFrame, actors: pd.DataFrame | None = None, *, outlets: list[str] | None = None
) -> pd.DataFrame:
    """For each holder and issue, the polarity each outlet reports, and whether they agree.

    Columns: ``holder_id``, ``holder``, ``issue``, ``agreement`` (``agree``: every outlet
    reports the same single polarity; ``differ``: the outlets' polarities are not all the
    same; ``one outlet``: only one outlet reports it), ``polarities`` (all polarities
    reported), then one column per outlet (``outlets``, default: by number of stances) with
    what it reports (e.g. ``oppose ×2, conditional (hedged)``) or empty; an outlet named
    like one of the first columns gets the column ``<name> (outlet)``. Rows with ``differ``
    first, then by number of outlets.
    """
    base = ["holder_id", "holder", "issue", "agreement", "polarities"]
    if stances.empty:
        return empty_frame(base)
    # Plain dicts over a few hundred stances: each pandas groupby here cost a millisecond
    # or more, on every filter change.
    reports = outlet_reports(stances)
    if outlets is None:
        counts = stances["outlet"].astype(str).value_counts()
        outlets = sorted(counts.index, key=lambda o: (-counts[o], o))
    columns = free_names(outlets, base, suffix=" (outlet)")
    pairs: dict[tuple[str, str], dict[str, dict]] = {}
    for (h, t, o), cell in sorted(reports.items()):
        pairs.setdefault((h, t), {})[o] = cell
    names = speaker_names([h for h, _ in pairs], actors)
    records, keys = [], []
    for (h, t), per_outlet in pairs.items():
        pols = {p for cell in per_outlet.values() for p in cell}
        if len(per_outlet) == 1:
            agreement = "one outlet"
        elif len(pols) == 1 and all(len(cell) == 1 for cell in per_outlet.values()):
            agreement = "agree"
        else:
            agreement = "differ"
        record = {
            "holder_id": h,
            "holder": names.get(str(h), h),
            "issue": t,
            "agreement": agreement,
            "polarities": ", ".join(p for p in POLARITIES if p in pols),
        }
        for o, col in zip(outlets, columns, strict=True):
            record[col] = cell_text(per_outlet[o]) if o in per_outlet else ""
        records.append(record)
        rank = {"differ": 0, "agree": 1, "one outlet": 2}[agreement]
        keys.append((rank, -len(per_outlet), str(h), str(t)))
    order = sorted(range(len(records)), key=keys.__getitem__)
    return pd.DataFrame([records[i] for i in order], columns=[*base, *columns])


def outlet_reports(stances: pd.DataFrame) -> dict[tuple, dict[str, list[int]]]:
    """What each outlet reports: ``(holder_id, target, outlet)`` → polarity → ``[stances,
    hedged]`` (rows with a missing key left out, as a groupby would)."""
    out: dict[tuple, dict[str, list[int]]] = {}
    cols = [stances[c].tolist() for c in ("holder_id", "target", "outlet", "polarity", "hedged")]
    for h, t, o, p, hedged in zip(*cols, strict=True):
        if any(safety.is_missing(v) for v in (h, t, o, p)):
            continue
        n = out.setdefault((h, t, o), {}).setdefault(p, [0, 0])
        n[0] += 1
        n[1] += 0 if safety.is_missing(hedged) else int(bool(hedged))
    return out


def cell_text(cell: dict[str, list[int]]) -> str:
    """One cell of ``outlet_reports`` as text: ``oppose ×2, conditional (hedged)``."""
    return ", ".join(_part(p, *cell[p]) for p in sorted(cell, key=POLARITIES.index))


@provider
def source_chains(
    tables,
    actors: pd.DataFrame | None = None,
    *,
    stances_only: bool = False,
) -> pd.DataFrame:
    """Which outlets rely on which cited outlets/agencies and speakers.

    Reads ``attribution`` (sentences with a speaker other than the outlet itself) and the
    article's outlet from ``documents``. With ``stances_only`` only sentences that carry a
    stance count. Columns: ``outlet``, ``cited_source`` (id, empty when the outlet quotes
    the speaker directly), ``via`` (its name, or "(directly)"), ``speaker_id``, ``speaker``
    (name), ``speaker_kind``, ``claims`` (sentences), ``hedged`` (of them hedged),
    ``stances`` (stances in those sentences), ``example_chain`` (a source chain, names).
    Most claims first.
    """
    cols = [
        "outlet",
        "cited_source",
        "via",
        "speaker_id",
        "speaker",
        "speaker_kind",
        "claims",
        "hedged",
        "stances",
        "example_chain",
    ]
    empty = empty_frame(cols)
    if not claims_readable(tables):
        return empty
    att = claim_rows(tables)
    if stances_only:
        att = att[att["stances"] > 0]
    if att.empty:
        return empty
    keys = ["outlet", "cited_source", "speaker_id", "speaker_kind"]
    g = att.groupby(keys)
    out = pd.DataFrame(
        {
            "claims": g.size(),
            "hedged": g["hedged"].sum().astype("int64"),
            "stances": g["stances"].sum().astype("int64"),
            "example_chain": g["source_chain"].first(),
        }
    ).reset_index()
    names = actor_names(actors)
    out["via"] = [speaker_name(c, names) if c else DIRECT for c in out["cited_source"]]
    out["speaker"] = [speaker_name(s, names) for s in out["speaker_id"]]
    out["example_chain"] = [
        chain_text(c, o, names) for c, o in zip(out["example_chain"], out["outlet"], strict=True)
    ]
    out = out.sort_values(
        ["claims", "outlet", "cited_source", "speaker_id"],
        ascending=[False, True, True, True],
        ignore_index=True,
    )
    return out[cols]


def stance_evidence(
    tables,
    actors: pd.DataFrame | None = None,
    *,
    holder: str | None = None,
    target: str | None = None,
    polarity: str | None = None,
    width: int = 70,
    limit: int = 200,
) -> pd.DataFrame:
    """Keyword in context for stances: each stance's evidence in its sentence.

    ``holder``/``target``/``polarity`` keep only matching stances. Columns: ``date``,
    ``outlet``, ``holder`` (English name), ``issue``, ``polarity``, ``hedged`` ("hedged" or
    "on record"), ``speaker`` (name), ``before``, ``match`` (the cue-to-issue span),
    ``after`` (up to ``width`` characters of the sentence on each side), ``doc_id``.
    Render with ``html.render(frame, **html.KWIC_LAYOUT)`` (right to left).
    """
    cols = [
        "date",
        "outlet",
        "holder",
        "issue",
        "polarity",
        "hedged",
        "speaker",
        "before",
        "match",
        "after",
        "doc_id",
    ]
    rows = stance_rows(tables)
    for col, value in (("holder_id", holder), ("target", target), ("polarity", polarity)):
        if value is not None and not rows.empty:
            rows = rows[rows[col] == value]
    rows = rows.head(limit)
    if rows.empty:
        return empty_frame(cols)
    names = speaker_names([*rows["holder_id"], *rows["speaker_id"]], actors)
    out = []
    for r in rows.itertuples(index=False):
        sent = str(r.sentence)
        lo, hi = r.start - r.sent_start, r.end - r.sent_start
        if not (0 <= lo <= hi <= len(sent)):  # sentence unknown: the evidence alone
            sent, lo, hi = str(r.evidence), 0, len(str(r.evidence))
        out.append(
            {
                "date": r.date,
                "outlet": r.outlet,
                "holder": names.get(r.holder_id, r.holder_id),
                "issue": r.target,
                "polarity": r.polarity,
                "hedged": "hedged" if r.hedged else "on record",
                "speaker": names.get(r.speaker_id, r.speaker_id),
                "before": " ".join(safety.clean(sent[max(0, lo - width) : lo]).split()),
                "match": " ".join(safety.clean(sent[lo:hi]).split()),
                "after": " ".join(safety.clean(sent[hi : hi + width]).split()),
                "doc_id": r.doc_id,
            }
        )
    return pd.DataFrame(out, columns=cols)


# --- rendered tables -----------------------------------------------------------------------


# --- figures ------------------------------------------------------------------------------

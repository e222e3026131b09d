"""Reading the records back: history, a trainee's progress, a class board, one call's turns."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Integer, Select, case, func, select
from sqlalchemy import cast as sql_cast
from sqlalchemy.engine import Connection, Row
from sqlalchemy.sql.expression import ColumnElement

from hotseat.conversation import PASS_MARK, Area, Outcome, band_of
from hotseat.moves import Lang
from hotseat.scenario.model import Mode
from hotseat.scorecard import SessionResult
from hotseat.store.codec import result_from_json
from hotseat.store.db import StoreError
from hotseat.store.records import (
    BoardRow,
    ClassBoard,
    Progress,
    RuleCount,
    ScenarioStats,
    ScorePoint,
    SessionRecord,
    StoredTurn,
)
from hotseat.store.roster import (
    class_pass_mark,
    clean_name,
    known_class,
    known_trainee,
    members,
)
from hotseat.store.schema import (
    SCORE_COLUMNS,
    FindingRow,
    Klass,
    Scorecard,
    SessionRow,
    Trainee,
    TurnRow,
)

RECENT = 50  # calls shown in full on the progress screen
AREAS = tuple(Area)  # iterating the enum class itself is slow, and this runs per row
AREA_COLUMNS = [SCORE_COLUMNS[a.value] for a in AREAS]


def _records_query() -> Select[*tuple[Any, ...]]:
    return (
        select(
            SessionRow.id,
            Trainee.name,
            Klass.name,
            SessionRow.scenario,
            SessionRow.scenario_hash,
            SessionRow.title,
            SessionRow.lang,
            SessionRow.mode,
            SessionRow.seed,
            SessionRow.intensity,
            SessionRow.clock_seconds,
            SessionRow.started_at,
            SessionRow.ended_at,
            SessionRow.outcome,
            SessionRow.stepped_out,
            SessionRow.overall,
            SessionRow.turns,
            *AREA_COLUMNS,
        )
        .join(Trainee, Trainee.id == SessionRow.trainee_id)
        .outerjoin(Klass, Klass.id == SessionRow.class_id)
    )


def _record(row: Row[*tuple[Any, ...]]) -> SessionRecord:
    (sid, trainee, cname, scenario, shash, title, lang, mode, seed, intensity, clock) = row[:11]
    started, ended, outcome, stepped, overall, turns = row[11:17]
    scores = row[17:]
    return SessionRecord(
        id=sid,
        trainee=trainee,
        class_name=cname,
        scenario=scenario,
        scenario_hash=shash,
        title=title,
        lang=cast(Lang, lang),
        mode=cast(Mode, mode),
        seed=seed,
        intensity=intensity,
        clock_seconds=clock,
        started_at=started,
        ended_at=ended,
        outcome=cast("Outcome | None", outcome),
        stepped_out=bool(stepped),
        overall=overall,
        areas=None if overall is None else dict(zip(AREAS, scores, strict=True)),
        turns=turns,
    )


def session(conn: Connection, session_id: int) -> SessionRecord:
    row = conn.execute(_records_query().where(SessionRow.id == session_id)).first()
    if row is None:
        raise StoreError(f"no session {session_id} (see `hotseat history`)")
    return _record(row)


def turns(conn: Connection, session_id: int) -> list[StoredTurn]:
    rows = conn.execute(
        select(
            TurnRow.turn,
            TurnRow.text,
            TurnRow.seconds,
            TurnRow.customer_line,
            TurnRow.reaction,
            TurnRow.mood,
        )
        .where(TurnRow.session_id == session_id)
        .order_by(TurnRow.turn)
    )
    return [StoredTurn(*row) for row in rows]


def opening(conn: Connection, session_id: int) -> str:
    return str(
        conn.execute(select(SessionRow.opening).where(SessionRow.id == session_id)).scalar_one()
    )


def result(conn: Connection, session_id: int) -> SessionResult | None:
    """The stored scorecard, or None for a call that never finished."""
    data = conn.execute(select(Scorecard.result).where(Scorecard.session_id == session_id)).scalar()
    return None if data is None else result_from_json(data)


def history(
    conn: Connection, trainee: str | None = None, limit: int | None = None
) -> list[SessionRecord]:
    """Calls newest first, for everyone or one trainee."""
    query = _records_query().order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
    if trainee is not None:
        query = query.where(SessionRow.trainee_id == known_trainee(conn, trainee))
    if limit is not None:
        query = query.limit(limit)
    return [_record(row) for row in conn.execute(query)]


def class_sessions(
    conn: Connection, class_name: str, class_only: bool = False
) -> list[SessionRecord]:
    """The calls a class board is built from, oldest first (see ``class_board``)."""
    cid = known_class(conn, class_name)
    query = (
        _records_query()
        .where(Trainee.name.in_(members(conn, cid)))
        .order_by(SessionRow.started_at, SessionRow.id)
    )
    if class_only:
        query = query.where(SessionRow.class_id == cid)
    return [_record(row) for row in conn.execute(query)]


def _broken(*by: Any) -> Select[*tuple[Any, ...]]:
    """Per ``by`` and rule: code, name, area, times broken and in how many calls."""
    return (
        select(
            *by,
            FindingRow.code,
            func.max(FindingRow.name),
            func.max(FindingRow.area),
            func.count(),
            func.count(func.distinct(FindingRow.session_id)),
        )
        .join(SessionRow, SessionRow.id == FindingRow.session_id)
        .group_by(*by, FindingRow.code)
    )


def _most_broken_first(rule: RuleCount) -> tuple[int, int, str]:
    """Most often broken first, then in more calls, then by code."""
    return (-rule.count, -rule.sessions, rule.code)


def rule_counts(conn: Connection, session_filter: Any) -> list[RuleCount]:
    """Rules broken in the selected calls, most often first (ties by code)."""
    rows = conn.execute(_broken().where(session_filter))
    counts = [RuleCount(code, name, Area(area), n, s) for code, name, area, n, s in rows]
    return sorted(counts, key=_most_broken_first)


def progress(conn: Connection, trainee: str, recent: int = RECENT) -> Progress:
    """Everything the progress screen shows, in four indexed queries whatever the history."""
    tid = known_trainee(conn, trainee)
    mine = SessionRow.trainee_id == tid
    scores = tuple(
        ScorePoint._make(row)
        for row in conn.execute(
            select(SessionRow.overall, *AREA_COLUMNS)
            .where(mine, SessionRow.ended_at.is_not(None), ~SessionRow.stepped_out)
            .order_by(SessionRow.started_at, SessionRow.id)
        )
    )
    latest = conn.execute(
        _records_query()
        .where(mine)
        .order_by(SessionRow.started_at.desc(), SessionRow.id.desc())
        .limit(recent)
    )
    resolved = case((SessionRow.outcome == "resolved", SessionRow.overall))
    # a drill the trainee stepped out of was never played to the end: it is no one's best
    ranked = case((~SessionRow.stepped_out, SessionRow.overall))
    stats = {
        key: ScenarioStats(key, cast(Lang, lang), calls, best, best_resolved)
        for key, lang, calls, best, best_resolved in conn.execute(
            select(
                SessionRow.scenario,
                func.max(SessionRow.lang),
                func.count(),
                func.max(ranked),
                func.max(resolved),
            )
            .where(mine)
            .group_by(SessionRow.scenario)
        )
    }
    return Progress(
        trainee=clean_name(trainee),
        calls=sum(s.calls for s in stats.values()),
        scores=scores,
        recent=tuple(_record(row) for row in latest),
        rules=tuple(rule_counts(conn, mine)),
        scenarios=stats,
    )


def class_board(conn: Connection, class_name: str, class_only: bool = False) -> ClassBoard:
    """Members ranked by their average overall score over finished calls.

    By default every call a member has made counts; ``class_only`` keeps only
    calls recorded for this class (e.g. its drill day). A drill the trainee
    stepped out of is counted as stepped out, never scored or ranked. Equal
    averages share a rank; members with no scored call come last, unranked.
    """
    cid = known_class(conn, class_name)
    roster = members(conn, cid)
    where: list[ColumnElement[bool]] = [
        SessionRow.ended_at.is_not(None),
        Trainee.name.in_(roster),
    ]
    if class_only:
        where.append(SessionRow.class_id == cid)
    stats = {
        row[0]: row
        for row in conn.execute(
            select(
                Trainee.name,
                func.count(),
                func.avg(case((~SessionRow.stepped_out, SessionRow.overall))),
                func.sum(sql_cast(SessionRow.stepped_out, Integer)),
                *(func.avg(case((~SessionRow.stepped_out, c))) for c in AREA_COLUMNS),
            )
            .join(Trainee, Trainee.id == SessionRow.trainee_id)
            .where(*where)
            .group_by(Trainee.name)
        )
    }
    worst = _worst_rules(conn, where)
    scored = sorted(
        (name for name in roster if name in stats and stats[name][2] is not None),
        key=lambda n: (-float(stats[n][2]), n),
    )
    own_mark = class_pass_mark(conn, cid)
    mark = PASS_MARK if own_mark is None else own_mark
    rows: list[BoardRow] = []
    for i, name in enumerate(scored):
        _, count, avg, stepped, *areas = stats[name]
        overall = round(float(avg))
        rank = rows[-1].rank if rows and rows[-1].overall == overall else i + 1
        rows.append(
            BoardRow(
                rank=rank,
                trainee=name,
                sessions=int(count),
                overall=overall,
                areas={a: round(float(v)) for a, v in zip(Area, areas, strict=True)},
                worst=worst.get(name),
                stepped_out=int(stepped or 0),
                band=band_of(overall, mark),
            )
        )
    for name in roster:
        if name in stats and stats[name][2] is None:  # only stepped-out drills so far
            rows.append(
                BoardRow(
                    None,
                    name,
                    int(stats[name][1]),
                    None,
                    None,
                    worst.get(name),
                    int(stats[name][3]),
                )
            )
    rows += [BoardRow(None, n, 0, None, None, None, 0) for n in roster if n not in stats]
    return ClassBoard(clean_name(class_name, "class"), tuple(rows), own_mark)


def _worst_rules(conn: Connection, where: Sequence[Any]) -> dict[str, RuleCount]:
    """Each trainee's most often broken rule (ties: in more calls, then by code)."""
    per: dict[str, list[RuleCount]] = defaultdict(list)
    for name, code, rname, area, n, s in conn.execute(
        _broken(Trainee.name).join(Trainee, Trainee.id == SessionRow.trainee_id).where(*where)
    ):
        per[name].append(RuleCount(code, rname, Area(area), n, s))
    return {name: min(counts, key=_most_broken_first) for name, counts in per.items()}

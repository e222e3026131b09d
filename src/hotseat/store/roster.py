"""Trainees and classes: adding, listing, removing, and the persisted draw for each class."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from hotseat.store.db import StoreError
from hotseat.store.lots import draw_lot, lot_rng
from hotseat.store.records import ClassInfo, Lot, TraineeInfo
from hotseat.store.schema import NAME_LENGTH, ClassMember, Draw, Klass, SessionRow, Trainee


def clean_name(name: str, what: str = "trainee") -> str:
    """Names are trimmed and normalized (NFC) so "王芳" typed twice is one person."""
    cleaned = unicodedata.normalize("NFC", name).strip()
    if not cleaned:
        raise StoreError(f"a {what} name cannot be empty")
    if len(cleaned) > NAME_LENGTH:
        raise StoreError(f"a {what} name is at most {NAME_LENGTH} characters")
    if any(unicodedata.category(c) in ("Cc", "Cf") for c in cleaned):
        raise StoreError(f"a {what} name cannot contain control characters: {cleaned!r}")
    return cleaned


def find_trainee(conn: Connection, name: str) -> int | None:
    found = conn.execute(select(Trainee.id).where(Trainee.name == clean_name(name))).scalar()
    return None if found is None else int(found)


def trainee_id(conn: Connection, name: str, now: datetime) -> int:
    """The trainee's id, adding them on first sight (safe against a concurrent first sight)."""
    name = clean_name(name)
    found = find_trainee(conn, name)
    if found is not None:
        return found
    try:
        with conn.begin_nested():
            conn.execute(insert(Trainee).values(name=name, created_at=now))
    except IntegrityError:
        pass  # someone else added them between our look and our insert
    return int(conn.execute(select(Trainee.id).where(Trainee.name == name)).scalar_one())


def known_trainee(conn: Connection, name: str) -> int:
    found = find_trainee(conn, name)
    if found is None:
        raise StoreError(f"no trainee named {clean_name(name)!r} (see `hotseat trainee list`)")
    return found


def known_class(conn: Connection, name: str, *, lock: bool = False) -> int:
    query = select(Klass.id).where(Klass.name == clean_name(name, "class"))
    if lock:
        query = query.with_for_update()
    found = conn.execute(query).scalar()
    if found is None:
        raise StoreError(f"no class named {clean_name(name, 'class')!r} (see `hotseat class list`)")
    return int(found)


def add_trainee(conn: Connection, name: str, now: datetime) -> bool:
    """True when the trainee is new."""
    if find_trainee(conn, name) is not None:
        return False
    trainee_id(conn, name, now)
    return True


def list_trainees(conn: Connection) -> list[TraineeInfo]:
    counts = dict(
        conn.execute(
            select(SessionRow.trainee_id, func.count()).group_by(SessionRow.trainee_id)
        ).all()
    )
    classes: dict[int, list[str]] = {}
    for tid, cname in conn.execute(
        select(ClassMember.trainee_id, Klass.name)
        .join(Klass, Klass.id == ClassMember.class_id)
        .order_by(Klass.name)
    ):
        classes.setdefault(tid, []).append(cname)
    return [
        TraineeInfo(name, int(counts.get(tid, 0)), tuple(classes.get(tid, ())))
        for tid, name in conn.execute(select(Trainee.id, Trainee.name).order_by(Trainee.name))
    ]


def remove_trainee(conn: Connection, name: str, purge: bool) -> int:
    """Remove a trainee; their calls go too, but only when ``purge`` says so.

    Returns how many calls were removed.
    """
    tid = known_trainee(conn, name)
    calls = int(
        conn.execute(
            select(func.count()).select_from(SessionRow).where(SessionRow.trainee_id == tid)
        ).scalar_one()
    )
    if calls and not purge:
        raise StoreError(
            f"{clean_name(name)!r} has {calls} recorded call(s); "
            "pass --purge to delete them with the trainee"
        )
    conn.execute(delete(Trainee).where(Trainee.id == tid))
    return calls


def create_class(conn: Connection, name: str, now: datetime) -> bool:
    """True when the class is new."""
    name = clean_name(name, "class")
    if conn.execute(select(Klass.id).where(Klass.name == name)).scalar() is not None:
        return False
    conn.execute(insert(Klass).values(name=name, created_at=now))
    return True


def set_pass_mark(conn: Connection, class_name: str, pass_mark: int | None) -> None:
    cid = known_class(conn, class_name)
    conn.execute(update(Klass).where(Klass.id == cid).values(pass_mark=pass_mark))


def class_pass_mark(conn: Connection, cid: int) -> int | None:
    found = conn.execute(select(Klass.pass_mark).where(Klass.id == cid)).scalar()
    return None if found is None else int(found)


def add_members(
    conn: Connection, class_name: str, names: Iterable[str], now: datetime
) -> list[str]:
    """Put trainees on a class roster, adding new trainees as needed; returns who joined."""
    cid = known_class(conn, class_name)
    present = set(
        conn.execute(select(ClassMember.trainee_id).where(ClassMember.class_id == cid)).scalars()
    )
    joined: list[str] = []
    for name in names:
        tid = trainee_id(conn, name, now)
        if tid not in present:
            conn.execute(insert(ClassMember).values(class_id=cid, trainee_id=tid))
            present.add(tid)
            joined.append(clean_name(name))
    return joined


def members(conn: Connection, cid: int) -> list[str]:
    return list(
        conn.execute(
            select(Trainee.name)
            .join(ClassMember, ClassMember.trainee_id == Trainee.id)
            .where(ClassMember.class_id == cid)
            .order_by(Trainee.name)
        ).scalars()
    )


def list_classes(conn: Connection) -> list[ClassInfo]:
    return [
        ClassInfo(name, tuple(members(conn, cid)))
        for cid, name in conn.execute(select(Klass.id, Klass.name).order_by(Klass.name))
    ]


def class_info(conn: Connection, name: str) -> ClassInfo:
    cid = known_class(conn, name)
    return ClassInfo(clean_name(name, "class"), tuple(members(conn, cid)))


def draw(conn: Connection, class_name: str, seed: int | None, now: datetime) -> Lot:
    """Draw the next trainee for a class and record it (the class row is locked meanwhile)."""
    cname = clean_name(class_name, "class")
    cid = known_class(conn, cname, lock=True)
    roster = members(conn, cid)
    if not roster:
        raise StoreError(f"class {cname!r} has no members: add some with `hotseat class add`")
    last = conn.execute(
        select(Draw.round, Draw.position).where(Draw.class_id == cid).order_by(Draw.id.desc())
    ).first()
    round_no, position = (int(last[0]), int(last[1])) if last else (1, 0)
    drawn = set(
        conn.execute(
            select(Trainee.name)
            .join(Draw, Draw.trainee_id == Trainee.id)
            .where(Draw.class_id == cid, Draw.round == round_no)
        ).scalars()
    )
    name, new_round, waiting = draw_lot(roster, drawn, lot_rng(seed, cname, round_no, position))
    if new_round:
        round_no, position = round_no + 1, 0
    position += 1
    tid = known_trainee(conn, name)
    conn.execute(
        insert(Draw).values(
            class_id=cid, trainee_id=tid, round=round_no, position=position, drawn_at=now
        )
    )
    return Lot(name, round_no, position, waiting)

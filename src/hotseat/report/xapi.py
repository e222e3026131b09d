"""xAPI statements, one per call, for a learning-record store (xAPI 1.0.3 / IEEE 9274.1.1).

Verbs come from ADL's vocabulary: a finished call ``passed`` or ``failed``
(resolved at or above ``PASS_MARK``), a drill the trainee stepped out of
``exited``, an interrupted call ``suspended`` (it can be resumed). Statement ids
are name-based UUIDs, so exporting the same call twice sends the same
statement and the store keeps one.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from urllib.parse import quote

from hotseat.conversation import Area
from hotseat.store.records import SessionRecord

DEFAULT_HOME = "https://hotseat.invalid/"
PASS_MARK = 60
ADL = "http://adlnet.gov/expapi/verbs/"
SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
LANG_TAGS = {"zh": "zh-CN", "en": "en"}


def verb_of(record: SessionRecord) -> str:
    if record.status == "interrupted":
        return "suspended"
    if record.stepped_out:
        return "exited"
    passed = record.outcome == "resolved" and (record.overall or 0) >= PASS_MARK
    return "passed" if passed else "failed"


def iso_duration(span: timedelta) -> str:
    """ISO 8601 duration with the 0.01 s precision xAPI keeps."""
    total = max(0.0, span.total_seconds())
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"PT{int(hours)}H{int(minutes)}M{seconds:.2f}S"


def timestamp(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def statement(record: SessionRecord, home: str = DEFAULT_HOME) -> dict[str, object]:
    home = home if home.endswith("/") else home + "/"
    ext = f"{home}xapi/extensions/"
    verb = verb_of(record)
    lang = LANG_TAGS.get(record.lang, record.lang)
    session_iri = f"{home}sessions/{record.id}"
    result: dict[str, object] = {"completion": record.status == "finished"}
    if record.overall is not None and record.areas is not None:
        result["score"] = {
            "scaled": record.overall / 100,
            "raw": record.overall,
            "min": 0,
            "max": 100,
        }
        result["success"] = verb == "passed"
        result["extensions"] = {
            f"{ext}outcome": record.outcome,
            f"{ext}area-scores": {a.value: record.areas[a] for a in Area},
        }
    if record.ended_at is not None:
        result["duration"] = iso_duration(record.ended_at - record.started_at)
    context: dict[str, object] = {
        "registration": str(uuid.uuid5(uuid.NAMESPACE_URL, session_iri)),
        "platform": "hotseat",
        "language": lang,
        "extensions": {
            f"{ext}mode": record.mode,
            f"{ext}seed": record.seed,
            f"{ext}scenario-sha256": record.scenario_hash,
        },
    }
    if record.class_name:
        context["contextActivities"] = {
            "grouping": [
                {
                    "objectType": "Activity",
                    "id": f"{home}classes/{quote(record.class_name, safe='')}",
                    "definition": {"name": {lang: record.class_name}},
                }
            ]
        }
    return {
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{session_iri}/{verb}")),
        "actor": {
            "objectType": "Agent",
            "name": record.trainee,
            "account": {"homePage": home, "name": record.trainee},
        },
        "verb": {"id": ADL + verb, "display": {"en-US": verb}},
        "object": {
            "objectType": "Activity",
            "id": f"{home}scenarios/{quote(record.scenario)}",
            "definition": {"type": SIMULATION, "name": {lang: record.title}},
        },
        "result": result,
        "context": context,
        "timestamp": timestamp(record.ended_at or record.started_at),
    }


def statements(
    records: Sequence[SessionRecord], home: str = DEFAULT_HOME
) -> list[dict[str, object]]:
    return [statement(r, home) for r in records]

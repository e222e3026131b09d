"""`hotseat live`: codes printed, wrong and expired codes refused clearly, lines exported."""

from __future__ import annotations

import re

import yaml
from click.testing import CliRunner

from hotseat.cli import main
from hotseat.live import Kind
from hotseat.scenario.model import Example, Scenario
from hotseat.store import open_store
from hotseat.store.live import LiveStore

from .conftest import fold


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["live", *args])
    return result.exit_code, result.stdout, result.stderr


def test_host_prints_a_code_the_trainee_can_join(sqlite_url: str) -> None:
    code_, out, _ = run(
        "host", "en/overcharged-data", "--no-tui", "--lang", "en", "--db", sqlite_url
    )
    assert code_ == 0
    code = re.search(r"hotseat live join ([A-Z0-9]{6})", out)
    assert code is not None
    store = open_store(sqlite_url)
    try:
        assert LiveStore(store).find(code.group(1)).scenario == "en/overcharged-data"
    finally:
        store.close()


def test_wrong_and_expired_codes_are_refused_in_both_languages(
    sqlite_url: str, scenario: Scenario
) -> None:
    from .conftest import host_call

    store = open_store(sqlite_url)
    live = LiveStore(store)
    info = host_call(live, scenario, trainee="Tom")
    status, _, err = run("join", "QQQQQQ", "--lang", "en", "--db", sqlite_url)
    assert status == 1 and "No live drill has the code QQQQQQ" in err
    status, _, err = run("watch", "abc", "--lang", "zh", "--db", sqlite_url)
    assert status == 1 and "不是加入码" in err
    live.append(info.id, "trainee", Kind.JOIN, "Tom")
    status, _, err = run("join", info.code, "--trainee", "Ann", "--lang", "en", "--db", sqlite_url)
    assert status == 1 and "Tom has already joined this drill as the trainee" in err
    live.append(info.id, "host", Kind.END, "resolved")
    status, _, err = run("join", info.code.lower(), "--lang", "zh", "--db", sqlite_url)
    assert status == 1 and f"加入码 {info.code} 已失效" in err
    store.close()


def test_export_writes_an_example_and_the_instructors_lines(
    sqlite_url: str, scenario: Scenario
) -> None:
    from .conftest import host_call

    store = open_store(sqlite_url)
    live = LiveStore(store)
    info = host_call(live, scenario, trainee="Tom")
    live.append(info.id, "trainee", Kind.JOIN, "Tom")
    live.append(info.id, "host", Kind.SAY, "Forty-two quid, for what?!", note="own")
    live.append(info.id, "trainee", Kind.REPLY, "That's our policy, you signed up yourself.", 3.0)
    live.append(info.id, "host", Kind.SAY, "Signed up? I never signed anything!", note="edited")
    live.append(info.id, "trainee", Kind.REPLY, "I understand. Could you tell me your number?", 3.0)
    live.append(info.id, "host", Kind.HANDOVER)
    live.append(info.id, "host", Kind.END, "hung_up")
    call = fold(live, info, scenario)
    saved = live.record(live.get(info.id), call)
    assert saved is not None
    by_code = run("export", info.code, "--db", sqlite_url)
    by_id = run("export", str(saved), "--db", sqlite_url)
    store.close()
    assert by_code[0] == 0 and by_code[1] == by_id[1]
    material = yaml.safe_load(by_code[1])
    (example,) = material["examples"]
    Example.model_validate(example)
    assert example["replies"] == [r.text for r in call.session.replies]
    assert example["kind"] == "failing" and example["expect"]["outcome"] == ["hung_up"]
    defend = call.session.exchanges[0].customer.reaction.value
    assert material["lines"] == {
        "opening": ["Forty-two quid, for what?!"],
        defend: ["Signed up? I never signed anything!"],
    }


def test_host_draws_the_trainee_from_the_class_roster(sqlite_url: str) -> None:
    store = open_store(sqlite_url)
    store.create_class("C1")
    store.add_members("C1", ["Ann", "Bo"])
    args = ["host", "en/overcharged-data", "--no-tui", "--lang", "en", "--db", sqlite_url]
    drawn = []
    for _ in range(2):
        status, out, _ = run(*args, "--class", "C1", "--draw")
        assert status == 0
        name = re.search(r"The lot falls on (\w+)\.", out)
        code = re.search(r"hotseat live join ([A-Z0-9]{6})", out)
        assert name is not None and code is not None
        info = LiveStore(store).find(code.group(1))
        assert (info.trainee, info.class_name) == (name.group(1), "C1")
        drawn.append(name.group(1))
    store.close()
    assert sorted(drawn) == ["Ann", "Bo"]  # nobody twice in a round
    status, _, err = run(*args, "--draw")
    assert status == 1 and "--class" in err

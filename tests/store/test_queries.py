"""Progress and class boards: what the practice screen and the drill-day board read."""

from __future__ import annotations

from hotseat.conversation import Area
from hotseat.scenario.model import Scenario
from hotseat.store import Store

from .calls import finding, result, turn


def _call(
    store: Store,
    scenario: Scenario,
    trainee: str,
    overall: int,
    codes: tuple[str, ...] = (),
    class_name: str | None = None,
    stepped_out: bool = False,
) -> int:
    rec = store.begin(trainee, scenario, "h", "drill", 0, class_name=class_name)
    found = tuple(finding(code, 1) for code in codes)
    rec.turn(turn(1, findings=found))
    rec.finish(result(overall=overall, areas=(overall,) * 5, findings=found), stepped_out)
    return rec.session_id


def test_progress_has_scores_oldest_first_recent_calls_rules_and_stats(
    store: Store, scenario: Scenario
) -> None:
    ids = [
        _call(store, scenario, "Ann", 40, ("AP002", "AP002", "PR001")),
        _call(store, scenario, "Ann", 75, ("AP002",)),
        _call(store, scenario, "Bob", 10, ("ET001",) * 5),
    ]
    unfinished = store.begin("Ann", scenario, "h", "practice", 0)
    unfinished.turn(turn(1, findings=(finding("PR001", 1),)))

    progress = store.progress("Ann")
    assert (progress.calls, progress.finished, progress.interrupted) == (3, 2, 1)
    assert [p.overall for p in progress.scores] == [40, 75]
    assert progress.scores[0] == (40, 40, 40, 40, 40, 40)
    assert [s.id for s in progress.recent] == [unfinished.session_id, ids[1], ids[0]]
    assert [s.id for s in store.progress("Ann", recent=1).recent] == [unfinished.session_id]
    assert [(r.code, r.count, r.sessions) for r in progress.rules] == [
        ("AP002", 3, 2),
        ("PR001", 2, 2),
    ]
    assert progress.rules[0].area is Area.AP
    (stats,) = progress.scenarios.values()
    assert (stats.scenario, stats.lang, stats.calls) == (scenario.key, "zh", 3)
    assert (stats.best, stats.best_resolved) == (75, 75)
    assert progress.best(scenario.key) == 75 and progress.best("zh/other") is None


def test_board_ranks_by_average_with_shared_ranks_and_worst_rule(
    store: Store, scenario: Scenario
) -> None:
    store.create_class("一班")
    store.add_members("一班", ["Ann", "Bob", "Cy", "Dee"])
    _call(store, scenario, "Ann", 60, ("AP002", "PR001", "PR001"))
    _call(store, scenario, "Ann", 80, ("PR001",))
    _call(store, scenario, "Bob", 70, ("ET001",), stepped_out=True)
    _call(store, scenario, "Cy", 90)
    _call(store, scenario, "Outsider", 100)  # not on the roster

    board = store.class_board("一班")
    rows = [(r.rank, r.trainee, r.overall, r.sessions) for r in board.rows]
    # Bob only stepped out of a drill: counted, never scored or ranked (issue 12)
    assert rows == [
        (1, "Cy", 90, 1),
        (2, "Ann", 70, 2),
        (None, "Bob", None, 1),
        (None, "Dee", None, 0),
    ]
    assert [r.band for r in board.rows] == ["pass", "pass", None, None]
    by_name = {r.trainee: r for r in board.rows}
    assert by_name["Ann"].worst is not None and by_name["Ann"].worst.code == "PR001"
    assert by_name["Ann"].worst.count == 3
    assert by_name["Bob"].stepped_out == 1
    assert by_name["Cy"].worst is None
    assert by_name["Ann"].areas == dict.fromkeys(Area, 70)


def test_the_class_pass_mark_bands_the_board(store: Store, scenario: Scenario) -> None:
    store.create_class("一班")
    store.add_members("一班", ["Ann", "Bob"])
    _call(store, scenario, "Ann", 75)
    _call(store, scenario, "Bob", 35)
    board = store.class_board("一班")
    assert board.pass_mark == 70 and [r.band for r in board.rows] == ["pass", "fail"]
    store.set_pass_mark("一班", 80)
    board = store.class_board("一班")
    assert board.pass_mark == 80 and [r.band for r in board.rows] == ["borderline", "fail"]
    assert board.to_json()["pass_mark"] == 80
    store.set_pass_mark("一班", None)
    assert store.class_board("一班").pass_mark == 70


def test_a_stepped_out_drill_is_nobody_s_best(store: Store, scenario: Scenario) -> None:
    _call(store, scenario, "Ann", 40)
    _call(store, scenario, "Ann", 95, stepped_out=True)
    progress = store.progress("Ann")
    assert [p.overall for p in progress.scores] == [40]
    assert progress.best(scenario.key) == 40


def test_board_can_keep_only_the_class_calls(store: Store, scenario: Scenario) -> None:
    store.create_class("drill-day")
    store.add_members("drill-day", ["Ann", "Bob"])
    _call(store, scenario, "Ann", 30, class_name="drill-day")
    _call(store, scenario, "Ann", 90)  # practice at home
    _call(store, scenario, "Bob", 50)

    everything = {r.trainee: r.overall for r in store.class_board("drill-day").rows}
    assert everything == {"Ann": 60, "Bob": 50}
    drill_only = store.class_board("drill-day", class_only=True)
    assert [(r.trainee, r.overall) for r in drill_only.rows] == [("Ann", 30), ("Bob", None)]
    assert store.history("Ann")[-1].class_name == "drill-day"


def test_interrupted_calls_do_not_count_on_the_board(store: Store, scenario: Scenario) -> None:
    store.create_class("c")
    store.add_members("c", ["Ann"])
    store.begin("Ann", scenario, "h", "drill", 0).turn(turn(1))
    (row,) = store.class_board("c").rows
    assert (row.rank, row.sessions) == (None, 0)

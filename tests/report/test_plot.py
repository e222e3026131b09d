"""The terminal score plot: fits the size asked for, averages long histories, never empty-handed."""

from __future__ import annotations

from hotseat.report.plot import averaged, score_plot
from hotseat.store.records import Progress, ScorePoint


def test_short_histories_are_plotted_point_for_point() -> None:
    assert averaged([10, 20, 30], room=5) == ([1.0, 2.0, 3.0], [10.0, 20.0, 30.0])


def test_long_histories_are_averaged_in_equal_runs() -> None:
    xs, ys = averaged([0, 100] * 50, room=10)  # 100 calls into 10 points
    assert len(xs) == len(ys) == 10
    assert ys == [50.0] * 10
    assert xs[0] == 5.5 and xs[-1] == 95.5  # each point sits mid-run


def test_plot_fills_the_size_asked_for(progress: Progress) -> None:
    plot = score_plot(progress.scores, 90, 20, "en")
    lines = plot.text.splitlines()
    assert len(lines) == 20
    assert "100┤" in plot.text
    assert plot.calls == 2
    assert [name for name, _ in plot.legend] == ["Overall", "AP", "PR", "CT", "ET", "EM"]
    tiny = score_plot(progress.scores, 5, 3, "en")
    assert len(tiny.text.splitlines()) >= 8 and "┤" in tiny.text


def test_ten_thousand_calls_plot_as_quickly_as_ten() -> None:
    many = [ScorePoint(*([i % 101] * 6)) for i in range(1, 10_001)]
    plot = score_plot(many, 80, 16, "zh")
    assert plot.calls == 10_000 and "10000" in plot.text and "通话" in plot.text


def test_no_finished_call_says_so() -> None:
    assert score_plot([], 80, 16, "zh").text == "还没有通话记录。"

"""The small pure parts of the TUI: pasted lines, timers, remembered choices, exports, catalog."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hotseat.report.files import export_path, export_stem
from hotseat.tui.catalog import (
    OpenFailed,
    Sources,
    load_catalog,
    matches,
    open_entry,
    read_cache,
    write_cache,
)
from hotseat.tui.render import clock_text, group_by_rule, highlighted, stars
from hotseat.tui.settings import (
    CONFIG_DIR_ENV,
    Remembered,
    load_remembered,
    save_remembered,
    settings_file,
)
from hotseat.tui.widgets.reply_input import join_lines


def test_pasted_chinese_lines_run_together_and_english_lines_get_a_space() -> None:
    assert join_lines("先生您好，\n我理解您的心情。\n") == "先生您好，我理解您的心情。"
    assert join_lines("I'm sorry.\n\n  I'll check it now.  ") == "I'm sorry. I'll check it now."
    assert join_lines("您好\nMr Chen") == "您好Mr Chen"
    assert join_lines("\n \n") == ""


def test_clock_text_counts_whole_seconds_and_never_goes_negative() -> None:
    assert clock_text(0) == "00:00"
    assert clock_text(187.9) == "03:07"
    assert clock_text(-4) == "00:00"
    assert stars(2) == "★★☆☆☆"


def test_settings_default_when_missing_or_damaged(tmp_path: Path) -> None:
    path = tmp_path / "tui.json"
    assert load_remembered(path) == Remembered()
    path.write_text("{not json", encoding="utf-8")
    assert load_remembered(path) == Remembered()
    path.write_text(json.dumps({"trainee": 3, "mode": "party", "theme": "neon"}), encoding="utf-8")
    assert load_remembered(path) == Remembered()


def test_settings_round_trip_and_env_override(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path / "cfg"))
    path = settings_file()
    assert path == tmp_path / "cfg" / "tui.json"
    chosen = Remembered(trainee="王小明", mode="drill", theme="textual-light")
    assert save_remembered(path, chosen) is None
    assert load_remembered(path) == chosen


def test_settings_write_failure_is_reported_not_raised(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    error = save_remembered(blocker / "tui.json", Remembered(trainee="a"))
    assert error is not None


def test_export_names_never_overwrite(tmp_path: Path) -> None:
    first = export_path(tmp_path, "王 小/明", "zh/late-parcel", "md")
    assert first.name == "hotseat-王-小-明-zh-late-parcel-1.md"
    first.write_text("x", encoding="utf-8")
    assert export_path(tmp_path, "王 小/明", "zh/late-parcel", "md").name.endswith("-2.md")
    assert export_stem("///", "x", "md").startswith("hotseat-trainee-")


def test_catalog_lists_broken_files_with_positions_and_filters_traditional(
    scenarios: Path,
) -> None:
    (scenarios / "zh" / "bad.yaml").write_text("version: 1\nid: bad\ntitel: x\n", encoding="utf-8")
    entries = load_catalog([scenarios])
    playable = [e for e in entries if not e.broken]
    broken = [e for e in entries if e.broken]
    assert {e.card.key for e in playable if e.card} == {"zh/late-parcel", "en/late-parcel"}
    assert [e.path.name for e in broken] == ["bad.yaml"]
    assert any(":3:1:" in p for p in broken[0].problems), broken[0].problems
    zh = next(e for e in playable if e.card and e.card.lang == "zh")
    assert matches(zh, "物流") and matches(zh, "物流 電商")  # Traditional 電商 finds 电商
    assert matches(zh, "ZH") and not matches(zh, "物流 retail")


def test_opening_a_file_that_changed_since_listing_fails_cleanly(scenarios: Path) -> None:
    entry = next(e for e in load_catalog([scenarios]) if not e.broken)
    assert open_entry(entry).scenario.id == "late-parcel"
    entry.path.write_text("version: [", encoding="utf-8")
    with pytest.raises(OpenFailed, match="S001"):
        open_entry(entry)
    entry.path.unlink()
    with pytest.raises(OpenFailed):
        open_entry(entry)


def test_highlights_cover_exactly_the_finding_spans() -> None:
    from hotseat.conversation import Area, Finding

    found = [
        Finding("ET001", "rude-language", Area.ET, "error", 1, 0, 4, "m", "t"),
        Finding("AP002", "stacked-apology", Area.AP, "warning", 1, 5, 5, "m", "t"),
    ]
    content = highlighted("你冷静点，好吗", found)
    assert [(s.start, s.end) for s in content.spans] == [(0, 4)]
    assert list(group_by_rule(reversed(found))) == ["ET001", "AP002"]  # errors first


def test_the_cached_list_round_trips_and_misses_on_other_sources(
    scenarios: Path, tmp_path: Path
) -> None:
    (scenarios / "en" / "bad.yaml").write_text("version: [", encoding="utf-8")
    entries = load_catalog([scenarios])
    cache = tmp_path / "cache" / "catalog.json"
    key = Sources(builtin=False, extra=(scenarios,)).key()
    assert read_cache(cache, key) is None
    write_cache(cache, key, entries)
    assert read_cache(cache, key) == entries
    assert read_cache(cache, Sources(builtin=True, extra=(scenarios,)).key()) is None
    damaged = {"format": 1, "sources": key, "entries": [{"path": 3}]}
    cache.write_text(json.dumps(damaged), encoding="utf-8")
    assert read_cache(cache, key) is None
    assert Sources(builtin=False, extra=(scenarios,)).dirs() == [scenarios]
    assert Sources(builtin=True).dirs()[0].name in ("scenarios", "_scenarios")


def test_a_call_table_too_wide_is_cut_in_its_text_columns_widest_first() -> None:
    from hotseat.report.text import cells, table
    from hotseat.tui.screens.progress import MIN_COLUMN, narrowed

    header = ["ID", "Started", "Scenario", "Mode", "Outcome", "Overall"]
    call = ["12", "2025-03-01 09:30", "en/unsolicited-package", "onboarding", "hung up on me", "71"]
    rows = [header, call]
    assert narrowed(rows, 200, [2, 3, 4]) == rows  # room enough: nothing cut
    cut = narrowed(rows, 70, [2, 3, 4])
    assert max(cells(line) for line in table(cut[0], cut[1:]).splitlines()) <= 70
    assert cut[1][:2] == rows[1][:2] and cut[1][5] == "71"  # only the text columns are cut
    assert cut[1][2].endswith("…") and cut[1][4].endswith("…")
    assert cut[1][2].startswith("en/unsol") and cut[1][4].startswith("hung u")
    squeezed = narrowed(rows, 10, [2, 3, 4])  # never below the header or the minimum
    assert [cells(c) for c in squeezed[1][2:5]] == [8, MIN_COLUMN, 7]


def test_reports_default_to_a_documents_folder_not_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hotseat.tui.options import default_export_dir

    monkeypatch.chdir(tmp_path)  # a source checkout, say
    folder = default_export_dir()
    assert folder.name == "hotseat reports"
    assert tmp_path not in (folder, *folder.parents)


def test_the_mood_chart_narrows_its_bars_before_it_drops_a_turn() -> None:
    """Issue 14.8: at 80 columns the chart used to drop the first turns without a word."""
    from hotseat.tui.widgets.mood_curve import fit_columns, turn_labels

    assert fit_columns(10, 40) == (3, 10)
    assert fit_columns(20, 40) == (2, 20)
    assert fit_columns(40, 40) == (1, 40)
    assert fit_columns(41, 40) == (1, 39)  # only now are turns left out
    assert turn_labels(0, 4, 3) == "0  1  2  3"
    assert turn_labels(0, 12, 1) == "0    5    10"
    assert turn_labels(3, 8, 2).startswith("    5")


async def test_the_mood_chart_shows_turn_0_or_says_turns_were_left_out() -> None:
    from textual.app import App, ComposeResult

    from hotseat.tui.widgets.mood_curve import MoodCurve

    class Chart(App[None]):
        def __init__(self, turns: int) -> None:
            super().__init__()
            self.turns = turns

        def compose(self) -> ComposeResult:
            moods = [(i * 7) % 100 for i in range(self.turns)]
            yield MoodCurve(moods, settle_at=30, hang_up_at=90, title="mood")

    for turns, shown_from in ((25, "    0"), (200, "  … ")):
        app = Chart(turns)
        async with app.run_test(size=(40, 8)) as pilot:
            await pilot.pause()
            bottom = str(app.query_one(MoodCurve).render()).splitlines()[-1]
            assert bottom.startswith(shown_from), bottom

"""Pilot tests: the real app driven key by key, asserting on widgets and on the messages posted."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from textual import events
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Button, Input, Markdown, OptionList, RadioButton, Static

from hotseat.tui.app import HotseatApp
from hotseat.tui.screens.confirm import ConfirmScreen
from hotseat.tui.screens.conversation import ConversationScreen
from hotseat.tui.screens.help import HelpScreen
from hotseat.tui.screens.home import HomeScreen
from hotseat.tui.screens.report import ReportScreen
from hotseat.tui.settings import load_remembered
from hotseat.tui.widgets.chat_log import ChatLog
from hotseat.tui.widgets.findings_panel import FindingsPanel
from hotseat.tui.widgets.mood_meter import MoodMeter
from hotseat.tui.widgets.reply_clock import ReplyClock
from hotseat.tui.widgets.reply_input import ReplyInput
from hotseat.tui.widgets.scenario_list import ScenarioList

from .conftest import FrozenClock
from .driving import Recording, bubbles, palette_hits, say, settle, start

Factory = Callable[..., HotseatApp]

SOOTHE_ZH = "非常抱歉让您着急了。您是说包裹七天还没到，物流三天没更新，对吧？换作是我也会着急的。"
PREFRAME_ZH = "为了尽快帮您处理，我需要跟您核实几个信息。请问您希望我们怎么处理？"
CONTACT_ZH = "好的。请问您的联系电话是？"
CLOSE_ZH = (
    "我跟您确认一下：包裹停在中转站三天没动，您希望生日前送到，联系电话139 0000 1234。"
    "我马上联系物流核实，24小时内给您回电。感谢您的耐心！"
)
RUDE_ZH = "你冷静一点，你听不懂吗？这不归我管。"
SORRY_ZH = "对不起对不起，真的非常抱歉！"


# -- home ---------------------------------------------------------------------------------


async def test_home_lists_scenarios_and_filters_as_you_type(app_factory: Factory) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await settle(pilot)
        listing = app.screen.query_one(ScenarioList)
        assert listing.option_count == 2
        assert "2" in str(listing.border_title)
        await pilot.press(*"retail")
        assert listing.option_count == 1
        assert listing.highlighted_entry is not None
        assert listing.highlighted_entry.card is not None
        assert listing.highlighted_entry.card.key == "en/late-parcel"
        app.screen.query_one("#filter", Input).value = "電商"  # Traditional finds 电商
        await pilot.pause()
        assert listing.highlighted_entry.card.key == "zh/late-parcel"
        app.screen.query_one("#filter", Input).value = "nothing-like-this"
        await pilot.pause()
        assert listing.option_count == 0
        status = app.screen.query_one("#list-status", Static)
        assert status.display and "nothing-like-this" in str(status.render())


async def test_broken_file_is_listed_with_its_error_and_cannot_start(
    app_factory: Factory, scenarios: Path
) -> None:
    good = (scenarios / "zh" / "late-parcel.yaml").read_text(encoding="utf-8")
    bad = good.replace("id: late-parcel", "id: typo").replace("difficulty: 2", "difficulty: hard")
    (scenarios / "zh" / "typo.yaml").write_text(bad, encoding="utf-8")
    app = app_factory()
    hook = Recording()
    async with app.run_test(message_hook=hook) as pilot:
        await settle(pilot)
        listing = app.screen.query_one(ScenarioList)
        assert listing.option_count == 3
        broken = [e for e in listing.entries if e.broken]
        assert [e.path.name for e in broken] == ["typo.yaml"]
        prompt = str(listing.get_option_at_index(2).prompt)
        assert "zh/typo.yaml:6:13: S004" in prompt
        listing.highlighted = 2
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert not hook.of(HomeScreen.StartCall)


async def test_a_scenario_that_breaks_or_vanishes_while_running_does_not_crash(
    app_factory: Factory, scenarios: Path
) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await settle(pilot)
        listing = app.screen.query_one(ScenarioList)
        (scenarios / "zh" / "late-parcel.yaml").write_text("version: [", encoding="utf-8")
        await pilot.press("enter")  # the zh scenario is listed first
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert [e.path.name for e in listing.entries if e.broken] == ["late-parcel.yaml"]
        (scenarios / "zh" / "late-parcel.yaml").unlink()
        listing.highlighted = 0
        await pilot.press("f5")
        await settle(pilot)
        assert [e.card.key for e in listing.entries if e.card] == ["en/late-parcel"]
        assert not [e for e in listing.entries if e.broken]


async def test_a_name_is_needed_and_then_remembered(app_factory: Factory, tmp_path: Path) -> None:
    app = app_factory(trainee=None)
    async with app.run_test() as pilot:
        await settle(pilot)
        name = app.screen.query_one("#trainee", Input)
        assert name.value == "" and name.has_focus
        await pilot.press("enter")  # to the filter
        await pilot.press("enter")  # start: refused, the name is missing
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen) and name.has_focus
        await pilot.press(*"Lin", "enter")  # Enter in the name box moves on to the list
        assert app.screen.query_one("#filter", Input).has_focus
        await start(pilot)
    remembered = load_remembered(tmp_path / "config" / "tui.json")
    assert remembered.trainee == "Lin" and remembered.mode == "onboarding"
    again = app_factory(trainee=None)
    async with again.run_test() as pilot:
        await settle(pilot)
        assert again.screen.query_one("#trainee", Input).value == "Lin"


# -- onboarding ---------------------------------------------------------------------------


async def test_onboarding_call_shows_feedback_hints_and_resolves(app_factory: Factory) -> None:
    app = app_factory()
    hook = Recording()
    async with app.run_test(message_hook=hook) as pilot:
        screen = await start(pilot)
        chat = screen.query_one(ChatLog)
        assert bubbles(screen, "customer")[0].startswith("你们这个快递")
        panel = screen.query_one(FindingsPanel)
        await pilot.press("f3")
        hints = [b.content.plain for b in panel.blocks if b.kind == "hint"]
        assert hints == [screen.session.hint()]
        mood_before = screen.query_one(MoodMeter).target
        for text in (SOOTHE_ZH, PREFRAME_ZH, CONTACT_ZH, CLOSE_ZH):
            await say(pilot, text)
        exchanged = hook.of(ConversationScreen.Exchanged)
        assert [m.result.reply.text for m in exchanged] == [
            SOOTHE_ZH, PREFRAME_ZH, CONTACT_ZH, CLOSE_ZH,
        ]  # fmt: skip
        assert screen.query_one(MoodMeter).target == screen.session.mood < mood_before
        cards = [b for b in panel.blocks if b.kind == "turn"]
        assert [c.title for c in cards] == ["第1轮", "第2轮", "第3轮", "第4轮"]  # one per reply
        ended = hook.of(ConversationScreen.Ended)
        assert [(e.outcome, e.stepped_out) for e in ended] == [("resolved", False)]
        assert screen.query_one(ReplyInput).disabled
        banner = screen.query_one("#banner", Static)
        assert banner.display and banner.has_class("-resolved")
        assert len(bubbles(screen, "trainee")) == 4
        assert len(bubbles(screen, "customer")) == 5  # the opening and four answers
        assert chat.virtual_size.height > chat.scrollable_content_region.height  # it scrolls
        assert chat.scroll_y == chat.max_scroll_y  # and shows the newest line
        await pilot.press("enter")  # the report button has the focus
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)


async def test_onboarding_marks_the_words_a_finding_quotes(app_factory: Factory) -> None:
    app = app_factory()
    hook = Recording()
    async with app.run_test(message_hook=hook) as pilot:
        screen = await start(pilot)
        await say(pilot, RUDE_ZH)
        result = hook.of(ConversationScreen.Exchanged)[0].result
        spans = [f for f in result.findings if f.end > f.start]
        assert spans, "a rude reply must produce a finding with evidence"
        [bubble] = [b for b in screen.query_one(ChatLog).blocks if b.kind == "trainee"]
        marked = {(s.start, s.end) for s in bubble.content.spans}
        assert {(f.start, f.end) for f in spans} <= marked
        panel_text = " ".join(b.content.plain for b in screen.query_one(FindingsPanel).blocks)
        assert spans[0].code in panel_text and spans[0].tip in panel_text


async def test_listen_key_sends_a_backchannel_in_the_scenario_language(
    app_factory: Factory,
) -> None:
    app = app_factory(lang="en")
    async with app.run_test() as pilot:
        screen = await start(pilot, "retail")
        await pilot.press("f2")
        await settle(pilot)
        assert bubbles(screen, "trainee") == ["I'm listening, go on."]
        assert screen.session.transcript[1].text == "I'm listening, go on."


def shown(widget: Widget) -> str:
    """What a widget draws, as text."""
    return " ".join(line.text for line in widget.render_lines(Region(0, 0, *widget.outer_size)))


async def test_while_the_customer_types_the_reply_box_holds_what_the_trainee_writes(
    app_factory: Factory,
) -> None:
    app = app_factory(typing_delay=1.5)  # long enough to act while the customer types
    hook = Recording()
    async with app.run_test(message_hook=hook) as pilot:
        screen = await start(pilot)
        chat, reply = screen.query_one(ChatLog), screen.query_one(ReplyInput)
        reply.value = SOOTHE_ZH
        await pilot.press("enter")
        await pilot.pause()
        assert reply.value == "" and chat.said("trainee") == [SOOTHE_ZH]  # in the same frame
        assert len(chat.said("customer")) == 1  # not answered yet, but typing
        assert "陈女士正在输入" in shown(chat)
        assert reply.locked and reply.has_class("-locked") and reply.has_focus
        reply.value = "我在听。"
        await pilot.press("enter")  # typed ahead: queued, and the box is free for the next line
        assert reply.value == "" and reply.queued == ("我在听。",)
        assert len(chat.said("trainee")) == 1
        await pilot.press(*"ok")  # the next line is its own reply, never glued to the first
        await pilot.pause(0.5)
        await settle(pilot)
        assert chat.said("trainee") == [SOOTHE_ZH, "我在听。"]  # sent once the customer was done
        assert len(chat.said("customer")) == 3 and not reply.locked
        assert "正在输入" not in shown(chat)
        assert reply.value == "ok" and reply.queued == ()


async def test_pasting_several_lines_sends_one_reply(app_factory: Factory) -> None:
    app = app_factory()
    hook = Recording()
    async with app.run_test(message_hook=hook) as pilot:
        screen = await start(pilot)
        reply = screen.query_one(ReplyInput)
        reply.post_message(events.Paste("非常抱歉。\n\n我理解您的心情。\n"))
        await pilot.pause()
        assert reply.value == "非常抱歉。我理解您的心情。"
        await pilot.press("enter")
        await settle(pilot)
        assert [m.result.reply.text for m in hook.of(ConversationScreen.Exchanged)] == [
            "非常抱歉。我理解您的心情。"
        ]
        await pilot.press("enter")  # a blank reply is never sent
        await settle(pilot)
        assert len(hook.of(ConversationScreen.Exchanged)) == 1


async def test_ending_the_call_asks_first(app_factory: Factory) -> None:
    app = app_factory()
    hook = Recording()
    async with app.run_test(message_hook=hook) as pilot:
        screen = await start(pilot)
        await pilot.press("f4")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert not screen.session.ended and app.screen is screen
        await pilot.press("f4")
        await pilot.press("y")
        await settle(pilot)
        assert [e.outcome for e in hook.of(ConversationScreen.Ended)] == ["abandoned"]
        assert screen.query_one("#banner", Static).has_class("-abandoned")
        assert screen.query_one("#to-report", Button).has_focus


# -- practice -----------------------------------------------------------------------------


async def test_practice_call_runs_quietly_to_the_end_and_the_report(
    app_factory: Factory,
) -> None:
    app = app_factory(mode="practice")
    hook = Recording()
    async with app.run_test(message_hook=hook, notifications=True) as pilot:
        screen = await start(pilot)
        assert screen.session.mode == "practice"
        assert not screen.query(FindingsPanel) and not screen.query(ReplyClock)
        await pilot.press("f3")  # hints come as a notice, not a panel
        await pilot.pause()
        assert any(n.message == screen.session.hint() for n in app._notifications)
        for text in (SOOTHE_ZH, PREFRAME_ZH, CONTACT_ZH, CLOSE_ZH):
            await say(pilot, text)
        assert [e.outcome for e in hook.of(ConversationScreen.Ended)] == ["resolved"]
        await pilot.press("enter")
        await settle(pilot)
        report = app.screen
        assert isinstance(report, ReportScreen) and report.result.mode == "practice"
        assert report.result.outcome == "resolved"


# -- drill --------------------------------------------------------------------------------


async def test_drill_clock_runs_out_and_the_customer_reacts_to_the_silence(
    app_factory: Factory, clock: FrozenClock
) -> None:
    app = app_factory(mode="drill", clock_seconds=30.0)
    hook = Recording()
    async with app.run_test(message_hook=hook) as pilot:
        screen = await start(pilot)
        assert not screen.query(FindingsPanel)  # no feedback until the end
        countdown = screen.query_one(ReplyClock)
        assert countdown.running and "00:30" in str(countdown.render())
        clock.advance(25)
        await pilot.pause(0.3)
        assert "00:05" in str(countdown.render()) and countdown.has_class("-urgent")
        assert not hook.of(ConversationScreen.Exchanged)
        clock.advance(6)
        await pilot.pause(0.3)
        await settle(pilot)
        exchanged = hook.of(ConversationScreen.Exchanged)
        assert len(exchanged) == 1 and exchanged[0].result.reply.silent
        assert exchanged[0].result.reply.seconds == 30.0
        assert bubbles(screen, "silence") == ["（沉默）"]
        assert bubbles(screen, "customer")[-1].startswith("哑巴了")  # the drill's harsh line
        assert countdown.running  # the trainee's time starts again
        assert screen.check_action("hint", ()) is False


async def test_step_out_stops_the_drill_at_once_and_records_why(app_factory: Factory) -> None:
    store = FakeStore()
    app = app_factory(mode="drill", store=store)
    hook = Recording()
    async with app.run_test(message_hook=hook) as pilot:
        screen = await start(pilot)
        await say(pilot, "您好，请您慢慢说。")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # no question asked, no report on screen
        assert not app.screen_stack.count(screen)
        ended = hook.of(ConversationScreen.Ended)
        assert [(e.outcome, e.stepped_out) for e in ended] == [("abandoned", True)]
    recorder = store.recorders[0]
    assert recorder.finished == [("abandoned", True)]
    assert len(recorder.turns) == 1


async def test_hang_up_is_unmistakable(app_factory: Factory) -> None:
    app = app_factory(mode="drill", intensity=3)
    hook = Recording()
    async with app.run_test(message_hook=hook) as pilot:
        screen = await start(pilot)
        for _ in range(6):
            if screen.session.ended:
                break
            await say(pilot, RUDE_ZH)
        assert screen.session.customer.intensity == 3  # the home screen's choice reached it
        assert [e.outcome for e in hook.of(ConversationScreen.Ended)] == ["hung_up"]
        banner = screen.query_one("#banner", Static)
        assert banner.display and banner.has_class("-hung-up")
        assert "陈女士挂断了电话" in str(banner.render())
        assert banner.region.width == screen.size.width  # full width
        meter = screen.query_one(MoodMeter)
        assert meter.has_class("-maxed") and round(meter.mood) == 100
        assert screen.query_one(ReplyInput).disabled
        assert bubbles(screen, "customer")[-1].startswith("算了")  # the last words
        assert screen.check_action("listen", ()) is None  # shown disabled


# -- report and export ------------------------------------------------------------------------


async def test_report_groups_findings_and_exports_three_formats(
    app_factory: Factory, tmp_path: Path
) -> None:
    app = app_factory()
    hook = Recording()
    async with app.run_test(message_hook=hook) as pilot:
        screen = await start(pilot)
        await say(pilot, SORRY_ZH)
        await say(pilot, SOOTHE_ZH)
        await pilot.press("f4", "y")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        report = app.screen
        assert isinstance(report, ReportScreen)
        result = report.result
        codes = sorted({f.code for f in result.findings})
        assert sorted(w.id.removeprefix("rule-") for w in report.query(".finding") if w.id) == codes
        marked = report.query_one("#transcript", ChatLog).said("trainee")
        assert marked == [SORRY_ZH, SOOTHE_ZH]
        for key in ("m", "h", "j"):
            await pilot.press(key)
        await pilot.pause()
        exported = hook.of(ReportScreen.Exported)
        assert [e.fmt for e in exported] == ["md", "html", "json"]
        for e in exported:
            assert e.path.parent == tmp_path / "exports" and e.path.is_file()
        data = json.loads(exported[2].path.read_text(encoding="utf-8"))
        assert data["scenario"] == "zh/late-parcel" and data["outcome"] == "abandoned"
        assert data["trainee"] == "小王"  # an export names who took the call
        markdown = exported[0].path.read_text(encoding="utf-8")
        assert "**学员:** 小王" in markdown and "> **小王:** " in markdown
        assert "<html" in exported[1].path.read_text(encoding="utf-8").lower()
        assert screen.session.result().scores.overall == result.scores.overall
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


# -- recording ----------------------------------------------------------------------------------


class FakeRecorder:
    def __init__(self) -> None:
        self.turns: list[Any] = []
        self.finished: list[tuple[str | None, bool]] = []

    def turn(self, result: Any) -> None:
        self.turns.append(result)

    def finish(self, result: Any, stepped_out: bool = False) -> None:
        self.finished.append((result.outcome, stepped_out))


class FakeStore:
    """Stands in for hotseat.store: records what the app asked it to save."""

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.begun: list[tuple[Any, ...]] = []
        self.recorders: list[FakeRecorder] = []

    def begin(self, trainee: str, scenario: Any, scenario_hash: str, mode: str, seed: int,
              **extra: Any) -> FakeRecorder:  # fmt: skip
        if self.fail:
            raise OSError("disk full")
        self.begun.append((trainee, scenario.key, len(scenario_hash), mode, seed, extra))
        self.recorders.append(FakeRecorder())
        return self.recorders[-1]


async def test_every_turn_is_saved_as_it_happens(app_factory: Factory) -> None:
    store = FakeStore()
    app = app_factory(store=store)
    async with app.run_test() as pilot:
        await start(pilot)
        await say(pilot, SOOTHE_ZH)
        await say(pilot, PREFRAME_ZH)
        app.records.close()  # wait for the writer thread
        assert len(store.recorders[0].turns) == 2
        assert store.recorders[0].finished == []  # still talking: not finished
    extra = {"intensity": 2, "clock_seconds": 30.0, "class_name": None}  # not a class drill
    assert store.begun == [("小王", "zh/late-parcel", 64, "onboarding", 0, extra)]


async def test_a_store_that_fails_costs_a_notice_not_the_call(app_factory: Factory) -> None:
    app = app_factory(store=FakeStore(fail=True))
    async with app.run_test(notifications=True) as pilot:
        screen = await start(pilot)
        await say(pilot, SOOTHE_ZH)
        app.records.close()
        await settle(pilot)
        assert len(screen.session.replies) == 1
        notes = [n for n in app._notifications if n.severity == "error"]
        assert notes and "disk full" in notes[0].message


@pytest.mark.parametrize("outcome_keys", [("f4", "y")])
async def test_calls_land_in_a_real_sqlite_store(
    app_factory: Factory, tmp_path: Path, outcome_keys: tuple[str, ...]
) -> None:
    url = f"sqlite:///{tmp_path / 'records.db'}"
    app = app_factory(record=True, db=url)
    async with app.run_test() as pilot:
        await start(pilot)
        await say(pilot, SOOTHE_ZH)
        await pilot.press(*outcome_keys)
        await settle(pilot)
    from hotseat.store import open_store

    store = open_store(url)
    try:
        [record] = store.history("小王")
    finally:
        store.close()
    assert (record.scenario, record.turns, record.outcome) == ("zh/late-parcel", 1, "abandoned")
    assert record.status == "finished" and not record.stepped_out


# -- help, palette, themes, languages ----------------------------------------------------------


async def test_help_lists_keys_and_every_rule(app_factory: Factory) -> None:
    from hotseat.rules import RULES

    app = app_factory(lang="en")
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        keys = str(help_screen.query_one("#key-table", Static).render())
        assert "F2" in keys and "Listen" in keys and "Step out" in keys
        assert "Ctrl+T" in keys and "Theme" in keys  # shown here though not in the footer
        rules = help_screen.query_one("#rule-list", OptionList)
        assert rules.option_count == len(RULES)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_help_explains_a_rule_in_chinese_words(app_factory: Factory) -> None:
    from hotseat.rules import RULES

    app = app_factory()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        text = app.screen.query_one("#rule-text", Markdown).source
        first = RULES[0]
        severity = {"error": "严重", "warning": "提醒", "info": "提示"}[first.severity]
        assert f"级别：{severity}" in text and "状态：稳定" in text  # the keyword only beside it


async def test_command_palette_offers_the_screen_commands(
    app_factory: Factory, tmp_path: Path
) -> None:
    app = app_factory(lang="en")
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+p")
        await pilot.pause()
        hits = await palette_hits(pilot, "theme")
        assert hits.option_count == 1  # ours only: Textual's own theme picker is left out
        await pilot.press("enter")
        await settle(pilot)
        assert app.theme == "textual-light"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-dark"
    assert load_remembered(tmp_path / "config" / "tui.json").theme == "textual-dark"


async def test_english_interface(app_factory: Factory) -> None:
    app = app_factory(lang="en")
    async with app.run_test() as pilot:
        screen = await start(pilot, "retail")
        assert screen.query_one(ReplyInput).placeholder.startswith("Type your reply")
        assert screen.query_one(MoodMeter).label == "Anger"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_nothing_spills_off_screen(
    app_factory: Factory, size: tuple[int, int], lang: str
) -> None:
    app = app_factory(mode="drill", lang=lang)  # drill shows the most: intensity, the clock
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for widget in app.screen.query("#setup > *, #mode-about, #filter, #scenarios"):
            assert widget.region.right <= size[0] - 1, widget  # inside the home padding
        assert app.screen.query_one("#mode-about").region.height == 1
        app.screen.query_one("#drill", RadioButton).value = False
        app.screen.query_one("#onboarding", RadioButton).value = True
        await pilot.pause()
        screen = await start(pilot)
        await say(pilot, SOOTHE_ZH)
        for widget in screen.query("#status > *, #body, #composer, #reply, Footer"):
            region = widget.region
            assert region.right <= size[0] and region.bottom <= size[1], widget
            assert region.width > 0 and region.height > 0, widget


# -- progress and the class board --------------------------------------------------------------


async def test_progress_shows_history_and_plays_the_recommended_scenario(
    app_factory: Factory, tmp_path: Path
) -> None:
    from hotseat.tui.screens.progress import ProgressScreen

    url = f"sqlite:///{tmp_path / 'records.db'}"
    app = app_factory(record=True, db=url)
    async with app.run_test() as pilot:
        await start(pilot)
        await say(pilot, SORRY_ZH)
        await pilot.press("f4", "y")
        await settle(pilot)
        await pilot.press("enter", "escape")  # the report, then home
        await settle(pilot)
        await pilot.press("f6")
        for _ in range(100):  # read on the records thread
            if isinstance(app.screen, ProgressScreen):
                break
            await pilot.pause(0.05)
        await pilot.pause()
        progress = app.screen
        assert isinstance(progress, ProgressScreen)
        assert progress.progress.trainee == "小王" and progress.progress.calls == 1
        advice = progress.recommendation
        assert advice is not None and advice.scenario.startswith("zh/")
        rules, advice_box = progress.query_one("#top-rules"), progress.query_one("#next")
        assert advice_box.region.y > rules.region.y  # 80 columns: stacked, so nothing wraps
        recent = progress.query_one("#recent")
        calls = str(recent.render()).splitlines()
        assert len(calls) == 3 and recent.content_size.height == 3  # a row a call, none wrapped
        assert max(cell_len(line) for line in calls) <= recent.content_size.width
        await pilot.resize_terminal(160, 48)
        await pilot.pause()
        assert advice_box.region.y == rules.region.y  # wide: side by side
        assert advice_box.region.x > rules.region.right - 1
        assert "zh/late-parcel" in str(recent.render())  # wide: nothing cut
        progress.query_one("#practise", Button).press()
        await settle(pilot)
        call = app.screen
        assert isinstance(call, ConversationScreen)
        assert call.session.mode == "practice"
        assert call.session.scenario.key == advice.scenario


async def test_f7_lists_the_classes_and_opens_the_highlighted_ones_board(
    app_factory: Factory, tmp_path: Path
) -> None:
    from hotseat.store import open_store
    from hotseat.tui.screens.class_board import ClassBoardScreen
    from hotseat.tui.screens.classes import ClassesScreen

    url = f"sqlite:///{tmp_path / 'records.db'}"
    store = open_store(url)
    try:
        for name in ("一班", "二班"):
            store.create_class(name)
        store.add_members("二班", ["小王", "小李"])
    finally:
        store.close()
    app = app_factory(record=True, db=url)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("f7")
        for _ in range(100):
            if isinstance(app.screen, ClassesScreen) and app.screen.known:
                break
            await pilot.pause(0.05)
        classes = app.screen
        assert isinstance(classes, ClassesScreen)
        assert [c.name for c in classes.known] == ["一班", "二班"]
        keys = str(classes.query_one("#classes").border_subtitle)
        assert "回车看榜单" in keys and "R 导出报告" in keys
        await pilot.press("down")
        assert "二班：小李、小王" in str(classes.query_one("#roster", Static).render())
        await pilot.press("enter")
        for _ in range(100):
            if isinstance(app.screen, ClassBoardScreen):
                break
            await pilot.pause(0.05)
        await pilot.pause()
        board = app.screen
        assert isinstance(board, ClassBoardScreen) and board.board.name == "二班"
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, HomeScreen)


async def test_without_records_progress_says_why(app_factory: Factory) -> None:
    app = app_factory(record=False)
    async with app.run_test(notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("--no-record" in n.message for n in app._notifications)


async def test_an_analyzer_that_cannot_load_is_reported_before_any_call(
    app_factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hotseat.language

    def broken(text: str, lang: str) -> None:
        raise ValueError("zh.yaml: lexicon.summary: expected a non-empty string")

    monkeypatch.setattr(hotseat.language, "analyze", broken)
    app = app_factory()
    async with app.run_test(notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)  # no call that could not be judged
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors and all("lexicon.summary" in n.message for n in errors)


async def test_a_huge_pasted_reply_is_taken_and_drawn(app_factory: Factory) -> None:
    app = app_factory()
    hook = Recording()
    async with app.run_test(message_hook=hook) as pilot:
        screen = await start(pilot)
        huge = "\n".join(["您好，我理解您的心情，我们一定会尽快处理。"] * 400)
        reply = screen.query_one(ReplyInput)
        reply.post_message(events.Paste(huge))
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        [exchanged] = hook.of(ConversationScreen.Exchanged)
        assert len(exchanged.result.reply.text) == len(huge) - huge.count("\n")
        assert len(bubbles(screen, "trainee")[0]) == len(exchanged.result.reply.text)


async def test_typing_is_speaking_the_drill_clock_holds_while_the_trainee_writes(
    app_factory: Factory, clock: FrozenClock
) -> None:
    """Issue 14.7: a half-typed reply is not dead air; only a long stop in writing is."""
    from hotseat.tui.widgets.reply_clock import TYPING_PAUSE_SECONDS

    app = app_factory(mode="drill", clock_seconds=30.0)
    hook = Recording()
    async with app.run_test(message_hook=hook) as pilot:
        screen = await start(pilot)
        countdown, reply = screen.query_one(ReplyClock), screen.query_one(ReplyInput)
        clock.advance(20)
        await pilot.press(*"I am")  # starts writing with 10 s left
        await pilot.pause(0.3)
        assert countdown.held and "00:10" in str(countdown.render())
        for _ in range(12):  # a minute of slow typing, a keystroke every 5 s
            clock.advance(5)
            await pilot.press("x")
            await pilot.pause(0.25)
        assert countdown.held and not hook.of(ConversationScreen.Exchanged)
        assert "00:10" in str(countdown.render())
        clock.advance(TYPING_PAUSE_SECONDS)  # then stops writing for long
        await pilot.pause(0.3)
        assert countdown.running and not countdown.held
        clock.advance(11)
        await pilot.pause(0.3)
        await settle(pilot)
        exchanged = hook.of(ConversationScreen.Exchanged)
        assert len(exchanged) == 1 and exchanged[0].result.reply.silent
        assert reply.value.startswith("I am")  # the draft is kept for the next turn...
        assert countdown.held  # ...and is still being written as far as the clock can tell
        reply.value = ""  # emptying the box is not writing: the clock runs again at once
        await pilot.pause(0.3)
        assert countdown.running and not countdown.held

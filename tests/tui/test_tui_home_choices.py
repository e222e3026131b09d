"""Pilot tests for choosing on the home screen: the mode by keyboard, and a scenario meant for
another mode (the walkthrough of issue 4: → then Tab chose nothing, and the call ran as Onboarding).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.command import CommandInput
from textual.pilot import Pilot
from textual.widgets import Input, Static

from hotseat.tui.app import HotseatApp
from hotseat.tui.screens.confirm import ConfirmScreen
from hotseat.tui.screens.conversation import ConversationScreen
from hotseat.tui.screens.home import HomeScreen
from hotseat.tui.screens.report import ReportScreen
from hotseat.tui.settings import load_remembered
from hotseat.tui.widgets.choice_row import ChoiceButton, ChoiceRow
from hotseat.tui.widgets.scenario_list import ScenarioList

from .driving import Recording, palette_hits, say, settle

Factory = Callable[..., HotseatApp]


def about(home: HomeScreen) -> str:
    return str(home.query_one("#mode-about", Static).render())


def marks(home: HomeScreen, row: str) -> str:
    """The row as plain text: each button's mark and label, as a text capture shows it."""
    return " ".join(str(b.render()).strip() for b in home.query_one(row).query(ChoiceButton))


async def home_of(pilot: Pilot[None]) -> HomeScreen:
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, HomeScreen)
    return screen


async def test_an_arrow_on_the_mode_row_chooses_and_the_call_runs_in_that_mode(
    app_factory: Factory, tmp_path: Path
) -> None:
    app = app_factory(trainee=None, lang="en")
    async with app.run_test() as pilot:
        home = await home_of(pilot)
        assert about(home).startswith("Mode: Onboarding — ")
        await pilot.press(*"Lee", "tab")  # the walkthrough: a name, Tab, →, Tab
        assert isinstance(app.focused, ChoiceRow) and app.focused.id == "mode"
        await pilot.press("right")
        assert home.mode == "drill"
        assert about(home).startswith("Mode: Drill — ")
        assert marks(home, "#mode") == "▐○▌ Onboarding ▐●▌ Drill ▐○▌ Practice"
        assert home.query_one("#intensity").display
        await pilot.press("tab", *"retail")  # typing on the intensity row goes to the filter
        search = home.query_one("#filter", Input)
        assert search.has_focus and search.value == "retail"
        await pilot.press("enter")
        await settle(pilot)
        call = app.screen
        assert isinstance(call, ConversationScreen)
        assert call.session.mode == "drill" and call.session.scenario.key == "en/late-parcel"
    assert load_remembered(tmp_path / "config" / "tui.json").mode == "drill"


async def test_arrows_step_from_the_chosen_mode_and_wrap(app_factory: Factory) -> None:
    app = app_factory(mode="practice")
    async with app.run_test() as pilot:
        home = await home_of(pilot)
        home.query_one("#mode").focus()
        await pilot.pause()
        await pilot.press("left")
        assert home.mode == "drill"  # from Practice, not from the first button
        await pilot.press("right", "right")
        assert home.mode == "onboarding"  # past the end, round to the start
        await pilot.press("up")
        assert home.mode == "practice"
        await pilot.press("enter")  # Enter leaves the row; it starts nothing
        assert home.query_one("#filter", Input).has_focus
        assert isinstance(app.screen, HomeScreen)


async def test_f2_cycles_the_mode_from_the_filter_and_says_which(app_factory: Factory) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        home = await home_of(pilot)
        search = home.query_one("#filter", Input)
        await pilot.press(*"物流")
        chosen = []
        for _ in range(3):
            await pilot.press("f2")
            chosen.append((home.mode, about(home).split(" — ")[0]))
        assert chosen == [
            ("drill", "模式：震撼演练"),
            ("practice", "模式：自主练习"),
            ("onboarding", "模式：新人培训"),
        ]
        assert search.has_focus and search.value == "物流"


async def test_typing_on_the_mode_row_adds_to_the_filter(app_factory: Factory) -> None:
    app = app_factory(lang="en")
    async with app.run_test() as pilot:
        home = await home_of(pilot)
        search = home.query_one("#filter", Input)
        await pilot.press(*"ret")
        home.query_one("#mode").focus()
        await pilot.pause()
        await pilot.press(*"ail", "backspace")
        assert search.has_focus and search.value == "retai"
        assert home.mode == "onboarding"  # the letters chose nothing


async def test_a_drill_only_part_that_hides_takes_the_focus_back_to_the_mode_row(
    app_factory: Factory,
) -> None:
    app = app_factory(mode="drill")
    async with app.run_test() as pilot:
        home = await home_of(pilot)
        home.query_one("#intensity").focus()
        await pilot.pause()
        await pilot.press("right")
        assert home.intensity == 3
        await pilot.press("f2")  # Practice: the intensity row goes away under the focus
        assert not home.query_one("#intensity").display
        assert app.focused is home.query_one("#mode")


async def test_the_palette_speaks_chinese_and_chooses_a_mode(app_factory: Factory) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        home = await home_of(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one(CommandInput).placeholder == "搜索命令…"
        hits = await palette_hits(pilot, "自主练习")
        assert str(hits.get_option_at_index(0).prompt).startswith("模式：自主练习")
        await pilot.press("enter")
        await settle(pilot)
        assert home.mode == "practice" and about(home).startswith("模式：自主练习 — ")


async def test_textuals_own_palette_entries_speak_chinese_too(app_factory: Factory) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await home_of(pilot)
        entries = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert {"退出", "按键", "截图"} <= set(entries), entries
        assert entries["退出"] == "立即退出 hotseat"
        assert not {"Quit", "Keys", "Screenshot", "Theme"} & set(entries)


# -- a scenario meant for another mode ---------------------------------------------------------


def drill_only(scenarios: Path) -> None:
    """A copy of the zh fixture that may only be played as a drill."""
    text = (scenarios / "zh" / "late-parcel.yaml").read_text(encoding="utf-8")
    text = text.replace("id: late-parcel", "id: drill-parcel").replace(
        "modes: [onboarding, drill, practice]", "modes: [drill]"
    )
    (scenarios / "zh" / "drill-parcel.yaml").write_text(text, encoding="utf-8")


async def test_a_scenario_for_another_mode_offers_it_and_yes_starts_it_there(
    app_factory: Factory, scenarios: Path, tmp_path: Path
) -> None:
    drill_only(scenarios)
    app = app_factory()
    async with app.run_test() as pilot:
        home = await home_of(pilot)
        listing = home.query_one(ScenarioList)
        await pilot.press(*"drill-parcel")
        assert listing.option_count == 1 and listing.border_title == "3 个场景中的 1 个"
        assert "仅限震撼演练" in str(listing.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await settle(pilot)
        offer = app.screen
        assert isinstance(offer, ConfirmScreen)
        question = str(offer.query_one("#question", Static).render())
        assert "不适用于新人培训" in question and "改用震撼演练模式开始吗" in question
        assert app.focused is offer.query_one("#yes")  # an offer waits on yes
        await pilot.press("y")
        await settle(pilot)
        call = app.screen
        assert isinstance(call, ConversationScreen)
        assert call.session.mode == "drill" and call.session.scenario.key == "zh/drill-parcel"
        assert home.mode == "drill"  # the home screen says what was played
    assert load_remembered(tmp_path / "config" / "tui.json").mode == "drill"


async def test_declining_the_offered_mode_changes_nothing(
    app_factory: Factory, scenarios: Path
) -> None:
    drill_only(scenarios)
    app = app_factory()
    hook = Recording()
    async with app.run_test(message_hook=hook) as pilot:
        home = await home_of(pilot)
        await pilot.press(*"drill-parcel", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is home and home.mode == "onboarding"
        assert not hook.of(HomeScreen.StartCall)


async def test_the_end_call_question_still_waits_on_no(app_factory: Factory) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        home = await home_of(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is not home
        await pilot.press("f4")
        await settle(pilot)
        question = app.screen
        assert isinstance(question, ConfirmScreen)
        assert app.focused is question.query_one("#no")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen) and not app.screen.session.ended


async def test_esc_on_a_solo_report_says_home(app_factory: Factory) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await home_of(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await say(pilot, "您好，请讲。")
        await pilot.press("f4", "y")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        report = app.screen
        assert isinstance(report, ReportScreen)
        assert report.active_bindings["escape"].binding.description == "返回首页"
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_a_drill_says_what_the_chosen_intensity_means(app_factory: Factory) -> None:
    app = app_factory(mode="drill")
    async with app.run_test() as pilot:
        home = await home_of(pilot)
        line = home.query_one("#intensity-about", Static)
        assert line.display and str(line.render()) == "强度 2：话更难听，火气涨得更快"
        home.query_one("#intensity").focus()
        await pilot.press("right")
        assert str(line.render()) == "强度 3：话更难听，火气涨得最快，最早挂电话"
        await pilot.press("f2")  # Practice has no intensity, nor a line about it
        assert not line.display


async def test_the_intensity_line_speaks_english_too(app_factory: Factory) -> None:
    app = app_factory(lang="en", mode="drill", intensity=1)
    async with app.run_test() as pilot:
        home = await home_of(pilot)
        line = str(home.query_one("#intensity-about", Static).render())
        assert line == "Intensity 1: the customer's usual words; anger rises at their usual pace"

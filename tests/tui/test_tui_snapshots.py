"""SVG snapshots of the main screens, each with what a reviewer should see.

The home, drill-opening, report and help snapshots depend on the TUI alone (the
report is drawn from a handmade result). The conversation and hang-up snapshots
play real replies through the analyzer, the rules and the persona: when those are
retuned on purpose, look at the new pictures and update them too.

Update after a deliberate change with:
    .venv/bin/pytest tests/tui/test_tui_snapshots.py --snapshot-update
and look at the new SVGs under tests/tui/__snapshots__/ before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Select

from hotseat.tui.app import HotseatApp

from .conftest import FIXTURES
from .driving import say, settle, start

Factory = Callable[..., HotseatApp]
Snap = Callable[..., bool]

SOOTHE_ZH = "非常抱歉让您着急了。您是说包裹七天还没到，物流三天没更新，对吧？换作是我也会着急的。"
RUDE_ZH = "你冷静一点，你听不懂吗？这不归我管。"


def test_home_zh(snap_compare: Snap, app_factory: Factory, scenarios: Path) -> None:
    """Home in Chinese at 80×24.

    The trainee box holds 小王, 新人培训 is the chosen mode with its one-line
    explanation below, and the list shows both fixture scenarios (title, language,
    stars, tags, description) and, last, a broken file in red with its
    `zh/typo.yaml:6:13: S004` error. No class row (not a drill). The footer lists
    F5/F6/F7/F8 (F8 接着打 resumes an interrupted call), ^q and F1 帮助 in full.
    """
    good = (scenarios / "zh" / "late-parcel.yaml").read_text(encoding="utf-8")
    bad = good.replace("id: late-parcel", "id: typo").replace("difficulty: 2", "difficulty: hard")
    (scenarios / "zh" / "typo.yaml").write_text(bad, encoding="utf-8")

    async def loaded(pilot: Pilot[Any]) -> None:
        await settle(pilot)

    assert snap_compare(app_factory(), run_before=loaded)


def test_conversation_zh(snap_compare: Snap, app_factory: Factory) -> None:
    """An onboarding call in Chinese at 80×24, after one soothing reply.

    Customer bubbles (陈女士) sit on the left, the trainee's (小王) on the right,
    Chinese text wrapped without ragged edges. The status line shows the caller,
    a mood meter that has dropped (▼), and 通话 00:00 (the clock is frozen). The
    点评 panel on the right has one card for 第1轮. The input is empty and ready.
    """

    async def one_reply(pilot: Pilot[Any]) -> None:
        await start(pilot)
        await say(pilot, SOOTHE_ZH)

    assert snap_compare(app_factory(), run_before=one_reply)


def test_conversation_zh_light(snap_compare: Snap, app_factory: Factory) -> None:
    """The same onboarding call as test_conversation_zh, in the light theme (Ctrl+T).

    Every colour comes from the theme: a light background, dark text, the bubbles'
    borders, the mood meter and the feedback card all readable, nothing left dark.
    """

    async def one_reply(pilot: Pilot[Any]) -> None:
        await start(pilot)
        await pilot.press("ctrl+t")
        await say(pilot, SOOTHE_ZH)

    assert snap_compare(app_factory(), run_before=one_reply)


def test_conversation_en_drill(snap_compare: Snap, app_factory: Factory) -> None:
    """A drill in English at 80×24, right after the customer's opening.

    No feedback panel (drills give none until the end); the status line shows
    the mood meter, "Call 00:00" and the reply clock "Reply in 00:30"; the footer
    offers F2 Listen, F4 End call and Esc Step out, and no Hint.
    """

    async def opened(pilot: Pilot[Any]) -> None:
        await start(pilot, "retail")

    assert snap_compare(app_factory(lang="en", mode="drill"), run_before=opened)


def test_hang_up_zh(snap_compare: Snap, app_factory: Factory) -> None:
    """The moment the customer hangs up, at 80×24.

    A full-width red banner says 陈女士挂断了电话 with 按回车查看报告 below it; the
    mood meter is full and red at 100 and the reply clock is gone; the input is
    greyed out and the 查看报告 button beside it has the focus. The last customer
    bubble is the hang-up line 算了，跟你说不清楚……
    """

    async def hang_up(pilot: Pilot[Any]) -> None:
        screen = await start(pilot)
        while not screen.session.ended:
            await say(pilot, RUDE_ZH)

    assert snap_compare(app_factory(mode="drill", intensity=3), run_before=hang_up)


def handmade_result() -> Any:
    """A finished drill written out by hand, so this snapshot shows the report screen only
    and does not change whenever the analyzer, the rules or the persona are tuned."""
    from hotseat.conversation import Area, Finding, Scores
    from hotseat.scenario.model import Element
    from hotseat.scorecard import SessionResult

    rude = "你冷静一点，你听不懂吗？"
    sorry = "对不起对不起，我马上帮您查，保证后天一定送到！"
    findings = (
        Finding("ET001", "rude-language", Area.ET, "error", 1, 0, 5,
                "第1轮用语不礼貌（「你冷静一点」）。",
                "不说“你冷静一点”，说“我明白您很着急，您慢慢说，我在听”。", "你冷静一点"),
        Finding("ET001", "rude-language", Area.ET, "error", 1, 6, 11,
                "第1轮用语不礼貌（「你听不懂吗」）。",
                "不说“你冷静一点”，说“我明白您很着急，您慢慢说，我在听”。", "你听不懂吗"),
        Finding("PR001", "guarantee", Area.PR, "error", 2, 14, 23,
                "第2轮打了包票（「保证后天一定送到」），这是你做不了主的结果。",
                "只承诺你能做到的：“我马上联系物流核实，24小时内给您回电。”", "保证后天一定送到"),
        Finding("AP002", "stacked-apology", Area.AP, "warning", 2, 0, 6,
                "第2轮一句话里道歉了两次（「对不起对不起」）。",
                "道歉一次就够，接着复述客户说的事实。", "对不起对不起"),
        Finding("CT001", "element-not-captured", Area.CT, "warning", 0, 0, 0,
                "通话结束时还没有记录到姓名与联系方式。",
                "铺垫之后一个一个问，把四个要素记全。"),
    )  # fmt: skip
    return SessionResult(
        scenario="zh/late-parcel",
        title="说好三天到，一周了还没影",
        lang="zh",
        mode="drill",
        seed=0,
        outcome="hung_up",
        scores=Scores({Area.AP: 85, Area.PR: 60, Area.CT: 80, Area.ET: 10, Area.EM: 70}, 58),
        findings=findings,
        elements={e: e in (Element.WHO, Element.WHAT) for e in Element},
        mood_start=62,
        moods=(100, 100),
        transcript=(
            ("customer", "你们这个快递到底还送不送了？说好三天到，今天都第七天了！"),
            ("trainee", rude),
            ("customer", "你什么态度？“你冷静一点”？再这样我就去平台投诉你们！"),
            ("trainee", sorry),
            ("customer", "算了，跟你说不清楚，我去消协投诉！"),
        ),
    )


def test_report_zh(snap_compare: Snap, app_factory: Factory, tmp_path: Path) -> None:
    """The report of a drill that went badly, at 100×40.

    The outcome line (结果：客户挂断了电话 · 震撼演练) on a red background; the score card
    with the overall score 58 and five area bars, ET nearly empty, then the key elements
    (two ✓, two ✗); the mood curve from 62 to 100 over turns 0-2; the findings grouped
    by rule, errors first (ET001 共2次, PR001), then AP002 and CT001, each message
    followed by → 建议说法; below, the transcript with the quoted words underlined.
    """
    from hotseat.scenario.library import load_scenario
    from hotseat.tui.screens.report import ReportScreen

    persona = load_scenario(FIXTURES / "zh" / "late-parcel.yaml").persona

    async def show(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        report = ReportScreen(
            handmade_result(), lang="zh", trainee="小王", persona=persona, export_dir=tmp_path
        )
        await pilot.app.push_screen(report)
        await pilot.pause()

    assert snap_compare(app_factory(), run_before=show, terminal_size=(100, 40))


def test_help_en(snap_compare: Snap, app_factory: Factory) -> None:
    """Help in English at 80×24, on the Keys tab, under a line saying Esc closes it.

    Keys grouped under Everywhere, Home, Class drill between calls, During a call and
    Report (F1 Help, Ctrl+T Theme, Ctrl+Q Quit, Enter Start, F5 Reload, F8 Resume,
    N Next draw, B Class board, F2 Listen, F3 Hint, F4 End call, Esc Step out, M/H/J
    exports...), then a note on Enter, pasting and Ctrl+P.
    A second tab, Rules, is available.
    """

    async def open_help(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(app_factory(lang="en"), run_before=open_help)


def test_lot_drawn_zh(snap_compare: Snap, app_factory: Factory, tmp_path: Path) -> None:
    """A class drill's lot, just drawn, in Chinese at 80×24 (a real SQLite store, seeded draw).

    Centred on the screen: 一班 · 说好三天到，一周了还没影 (class and scenario) in muted text,
    下一位 in bold, then the drawn name 小 李, spaced out, in a heavy accent-coloured
    box, then 第1轮 · 尚未上场：小王、张晓明, then 回车：开始接听 · Esc：返回（抽签结果保留）.
    The header reads 班级演练 — 一班. The footer offers ⏎ 开始, b 班级榜单 and esc 返回首页,
    and no n 抽下一位 (nobody has played yet).
    """
    from hotseat.store import open_store
    from hotseat.tui.screens.lot import LotScreen

    url = f"sqlite:///{tmp_path / 'records.db'}"
    store = open_store(url)
    try:
        store.create_class("一班")
        store.add_members("一班", ["小王", "小李", "张晓明"])
    finally:
        store.close()

    async def drawn(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        home = pilot.app.screen
        for _ in range(200):  # the classes come from the records thread
            if home.query_one("#class-row").display:
                break
            await pilot.pause(0.05)
        home.query_one("#drill-class", Select).value = "一班"
        await pilot.press("enter")
        for _ in range(200):
            if isinstance(pilot.app.screen, LotScreen) and pilot.app.screen.lot is not None:
                break
            await pilot.pause(0.05)
        await pilot.pause()

    assert snap_compare(app_factory(record=True, db=url, mode="drill"), run_before=drawn)


def test_no_line_of_a_chinese_snapshot_starts_with_closing_punctuation() -> None:
    """Issue 14.6's bar: every zh screen above, as drawn (the SVGs the tests compare
    against), keeps Chinese line breaking inside its frames, bubbles and cards."""
    import html
    import re

    from hotseat.tui.kinsoku import NO_LINE_START

    pictures = sorted((Path(__file__).parent / "__snapshots__").rglob("*_zh*.svg"))
    assert len(pictures) >= 5
    for picture in pictures:
        rows: dict[str, list[tuple[float, str]]] = {}
        svg = picture.read_text(encoding="utf-8")
        for x, y, text in re.findall(
            r'<text [^>]*x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>', svg
        ):
            rows.setdefault(y, []).append((float(x), html.unescape(text)))
        for y, parts in rows.items():
            line = "".join(text for _, text in sorted(parts)).replace("\xa0", " ")
            for cell in re.split(r"[│▎┃▌▐]", line):
                inner = cell.strip()
                assert not inner or inner[0] not in NO_LINE_START, (picture.name, y, line)

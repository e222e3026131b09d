"""SVG snapshots of the main screens, each with what a reviewer should see.

Update after a deliberate change with:
    .venv/bin/pytest tests/tui/test_tui_snapshots.py --snapshot-update
and look at the new SVGs under tests/tui/__snapshots__/ before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from hotseat.tui.app import HotseatApp

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
    `zh/typo.yaml:6:13: S004` error. The footer lists F5/F6/F7, F1 and Ctrl+T.
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
    mood meter is full and reversed at 100; the input is greyed out and the
    查看报告 button beside it has the focus. The last customer bubble is the
    hang-up line 算了，跟你说不清楚……
    """

    async def hang_up(pilot: Pilot[Any]) -> None:
        screen = await start(pilot)
        while not screen.session.ended:  # type: ignore[attr-defined]
            await say(pilot, RUDE_ZH)

    assert snap_compare(app_factory(mode="drill", intensity=3), run_before=hang_up)


def test_report_zh(snap_compare: Snap, app_factory: Factory) -> None:
    """The report of a call that went badly, at 100×40.

    The outcome line (客户挂断了电话 · 震撼演练) on a red background; the score card
    with the overall score and five area bars, then the key elements with ✓/✗; the
    mood curve climbing to 100 with turn numbers under it; the findings grouped by
    rule, errors first, each with the turn, the message and → 建议说法; the trainee's
    words are underlined in the transcript further down.
    """

    async def to_report(pilot: Pilot[Any]) -> None:
        screen = await start(pilot)
        while not screen.session.ended:  # type: ignore[attr-defined]
            await say(pilot, RUDE_ZH)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(
        app_factory(mode="drill", intensity=3), run_before=to_report, terminal_size=(100, 40)
    )


def test_help_en(snap_compare: Snap, app_factory: Factory) -> None:
    """Help in English at 80×24, on the Keys tab.

    Keys grouped under Everywhere, Home, During a call and Report (F1 Help, Ctrl+T
    Theme, Ctrl+Q Quit, Enter Start, F5 Reload, F2 Listen, F3 Hint, F4 End call,
    Esc Step out, M/H/J exports...), then a note on Enter, pasting and Ctrl+P.
    A second tab, Rules, is available.
    """

    async def open_help(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(app_factory(lang="en"), run_before=open_help)

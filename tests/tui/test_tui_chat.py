"""The chat and the feedback panel as drawn: sides, frames, wide text, re-wrapping, scrolling.

Both are one self-drawn widget each (BlockStack), so these tests read the lines
they draw, in a bare app with the hotseat stylesheet, at sizes the tests choose.
"""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.geometry import Region
from textual.strip import Strip
from textual.visual import VisualType

from hotseat.conversation import Area, Finding
from hotseat.tui.widgets.block_stack import BlockStack
from hotseat.tui.widgets.chat_log import ChatLog
from hotseat.tui.widgets.findings_panel import FindingsPanel

CSS = Path(__file__).resolve().parents[2] / "src" / "hotseat" / "tui" / "hotseat.tcss"
LONG_ZH = "你们这个快递到底还送不送了？说好三天到，今天都第七天了！我女儿后天过生日。"
RUDE = Finding(
    "ET001", "rude-language", Area.ET, "error", 1, 0, 5, "用语不礼貌。", "换个说法。", "你冷静一点"
)


class ChatApp(App[None]):
    CSS_PATH = str(CSS)

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):  # side by side, as on the conversation screen
            yield ChatLog(id="chat")
            yield FindingsPanel("zh", id="feedback")


def drawn(widget: BlockStack) -> list[Strip]:
    """The widget's rows as the screen gets them (padding and borders included)."""
    return widget.render_lines(Region(0, 0, *widget.outer_size))


def rows(widget: BlockStack) -> list[str]:
    return [strip.text for strip in drawn(widget)]


async def test_customer_left_trainee_right_titled_and_wrapped_by_cell_width() -> None:
    app = ChatApp()
    async with app.run_test(size=(60, 30)) as pilot:
        chat = app.query_one(ChatLog)
        chat.say("customer", "陈女士", LONG_ZH)
        chat.say("trainee", "小王", "您好，我是小王。", turn=1)
        await pilot.pause()
        lines = rows(chat)
        width = chat.outer_size.width
        assert all(cell_len(line) == width for line in lines)  # wide characters count double
        top = next(i for i, line in enumerate(lines) if "陈女士" in line)
        assert lines[top].lstrip().startswith("╭─ 陈女士 ─")  # left, title on the left
        mine = next(i for i, line in enumerate(lines) if "小王" in line)
        assert lines[mine].rstrip().endswith("─ 小王 ─╮")  # right, title on the right
        body = [line for line in lines[top + 1 : mine] if "│" in line]
        assert len(body) >= 2  # the long line wrapped
        assert "".join(line.strip().strip("│").strip() for line in body) == LONG_ZH
        assert len({cell_len(line[: line.rindex("│")]) for line in body}) == 1  # right edge aligned
        assert max(len(line.strip()) for line in body) < width  # a bubble never spans the chat


async def test_text_is_wrapped_again_when_the_chat_changes_width() -> None:
    app = ChatApp()
    async with app.run_test(size=(60, 30)) as pilot:
        chat = app.query_one(ChatLog)
        chat.say("customer", "陈女士", LONG_ZH)
        await pilot.pause()
        wide = [line for line in rows(chat) if "│" in line]
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        wider = [line for line in rows(chat) if "│" in line]
        assert len(wider) < len(wide)
        assert all(cell_len(line) == chat.outer_size.width for line in rows(chat))


async def test_a_short_chat_sits_at_the_bottom_and_a_long_one_follows_the_newest_line() -> None:
    app = ChatApp()
    async with app.run_test(size=(60, 20)) as pilot:
        chat = app.query_one(ChatLog)
        chat.note("来电：陈女士", tag="scene")
        await pilot.pause()
        lines = rows(chat)
        assert not lines[0].strip() and "来电" in lines[-2]  # then the gap below a note
        for n in range(12):
            chat.say("customer", "陈女士", f"第{n}句")
            await pilot.pause()
        assert chat.max_scroll_y > 0 and chat.scroll_y == chat.max_scroll_y
        assert any("第11句" in line for line in rows(chat))
        chat.scroll_home(animate=False, immediate=True)  # the trainee scrolls back
        await pilot.pause()
        chat.say("customer", "陈女士", "新的一句")
        await pilot.pause()
        assert chat.scroll_y == 0 and any("来电" in line for line in rows(chat))
        chat.scroll_end(animate=False, immediate=True)  # and back down: it follows again
        await pilot.pause()
        chat.say("customer", "陈女士", "再一句")
        await pilot.pause()
        assert chat.scroll_y == chat.max_scroll_y and any("再一句" in line for line in rows(chat))


async def test_typing_shows_below_the_last_line_and_goes_away() -> None:
    app = ChatApp()
    async with app.run_test(size=(60, 20)) as pilot:
        chat = app.query_one(ChatLog)
        chat.say("customer", "陈女士", "喂？")
        chat.typing("陈女士正在输入…")
        chat.say("trainee", "小王", "我在听。", turn=1)  # a line said meanwhile goes above it
        await pilot.pause()
        lines = [line.strip() for line in rows(chat) if line.strip()]
        assert lines[-1] == "陈女士正在输入…"
        chat.typing(None)
        await pilot.pause()
        assert not any("正在输入" in line for line in rows(chat))
        assert chat.said("trainee") == ["我在听。"]


async def test_marked_words_are_underlined_and_silence_and_notes_are_drawn() -> None:
    app = ChatApp()
    async with app.run_test(size=(60, 20)) as pilot:
        chat = app.query_one(ChatLog)
        chat.say("trainee", "小王", "你冷静一点，我在听。", turn=1)
        chat.silence("小王", "（沉默）")
        chat.mark(1, [RUDE])
        await pilot.pause()
        marked = [
            seg.text
            for strip in drawn(chat)
            for seg in strip
            if seg.style is not None and seg.style.underline
        ]
        assert "".join(marked) == "你冷静一点"
        assert chat.said("silence") == ["（沉默）"]
        assert any("（沉默）" in line for line in rows(chat))


async def test_theme_change_redraws_every_line_in_the_new_colours() -> None:
    app = ChatApp()
    async with app.run_test(size=(60, 20)) as pilot:
        chat = app.query_one(ChatLog)
        chat.note("来电：陈女士")
        chat.say("customer", "陈女士", "喂？")
        await pilot.pause()

        def backgrounds() -> set[object]:
            return {seg.style.bgcolor for strip in drawn(chat) for seg in strip if seg.style}

        [dark] = backgrounds()
        app.theme = "textual-light"
        await pilot.pause()
        assert backgrounds() != {dark} and len(backgrounds()) == 1  # no line left in the old


async def test_feedback_cards_replace_the_empty_note_and_the_newest_is_in_view() -> None:
    app = ChatApp()
    async with app.run_test(size=(60, 16)) as pilot:
        panel = app.query_one(FindingsPanel)
        await pilot.pause()
        assert [b.kind for b in panel.blocks] == ["empty"]
        for turn in range(1, 5):
            panel.show_turn(turn, [RUDE] if turn % 2 else [])
        panel.show_hint("您慢慢说，我在听。")
        await pilot.pause()
        assert [b.kind for b in panel.blocks] == ["turn"] * 4 + ["hint"]
        assert panel.cards.scroll_y == panel.cards.max_scroll_y > 0
        assert any("您慢慢说" in line for line in rows(panel.cards))


async def test_a_card_taller_than_the_panel_shows_from_its_first_finding() -> None:
    app = ChatApp()
    async with app.run_test(size=(60, 16)) as pilot:
        panel = app.query_one(FindingsPanel)
        panel.show_turn(1, [])
        await pilot.pause()
        many = [
            Finding(
                code,
                "rule",
                Area.AP,
                "warning",
                2,
                0,
                5,
                f"{code}：说得太多了。",
                "换个说法。",
                "对不起",
            )
            for code in ("AP001", "AP002", "AP003", "EM002")
        ]
        panel.show_turn(2, many)
        await pilot.pause()
        cards = panel.cards
        assert cards.max_scroll_y > cards.scroll_y > 0, "the card is taller than the panel"
        shown = [row for row in rows(cards) if row.strip()]
        assert "第2轮" in shown[0], shown  # the card's title edge is the first line shown
        panel.show_turn(3, [])
        await pilot.pause()
        assert cards.scroll_y == cards.max_scroll_y, "a short card after it is followed again"


async def test_text_is_selected_with_the_mouse_across_bubbles() -> None:
    app = ChatApp()
    async with app.run_test(size=(60, 20)) as pilot:
        chat = app.query_one(ChatLog)
        chat.say("customer", "陈女士", "喂？你好。")
        chat.say("trainee", "小王", "您好，我在听。", turn=1)
        await pilot.pause()
        lines = rows(chat)
        first = next(y for y, line in enumerate(lines) if "喂？" in line)
        mine = next(y for y, line in enumerate(lines) if "我在听" in line)
        start = cell_len(lines[first][: lines[first].index("你好")])
        end = cell_len(lines[mine][: lines[mine].index("在听")])
        await pilot.mouse_down(chat, offset=(start, first))
        await pilot.hover(chat, offset=(end, mine))
        await pilot.mouse_up(chat, offset=(end, mine))
        await pilot.pause()
        assert app.screen.get_selected_text() == "你好。\n您好，我在"
        plain = {seg.style.bgcolor for seg in drawn(chat)[0] if seg.style}  # a blank row
        shown = [
            seg.text
            for strip in drawn(chat)
            for seg in strip
            if seg.style is not None and seg.style.bgcolor not in plain
        ]
        assert "".join(shown) == "你好。您好，我在"  # drawn in the selection's colours


async def test_a_ticking_clock_redraws_only_when_its_text_changes() -> None:
    from hotseat.tui.widgets.clock_label import ClockLabel

    updates: list[bool] = []

    class Counted(ClockLabel):
        def update(self, content: VisualType = "", *, layout: bool = True) -> None:
            updates.append(layout)
            super().update(content, layout=layout)

    class ClockApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Counted("通话 00:00")

    app = ClockApp()
    async with app.run_test() as pilot:
        clock = app.query_one(Counted)
        for text in ("通话 00:00", "通话 00:00", "通话 00:01", "通话 100:00"):
            clock.show(text)
        await pilot.pause()
        assert str(clock.render()) == "通话 100:00"
        assert updates == [False, True]  # the same text: nothing; only wider text: a layout


KINSOKU_ZH = (
    "好的，您先别急。您是说，包裹七天还没到，物流三天没更新，对吧？"
    "换作是我，也会着急的！我马上帮您查：单号、收件地址、联系电话，都核对一遍。"
)


def line_openers(lines: list[str]) -> list[str]:
    """The first character of the text on each row, inside a frame or after an edge bar."""
    openers = []
    for line in lines:
        inner = line.strip().strip("│▎").strip()
        if inner and inner[0] not in "╭╰─":
            openers.append(inner[0])
    return openers


async def test_chinese_bubbles_never_start_a_line_with_closing_punctuation() -> None:
    """Issue 14.6: Chinese line breaking (禁则) at every width from narrow to wide; the
    text wraps at full rows everywhere else, and reads back whole."""
    from hotseat.tui.kinsoku import NO_LINE_START

    app = ChatApp()
    async with app.run_test(size=(100, 60)) as pilot:
        chat = app.query_one(ChatLog)
        panel = app.query_one(FindingsPanel)
        chat.say("customer", "陈女士", KINSOKU_ZH)
        chat.say("trainee", "小王", KINSOKU_ZH, turn=1)
        panel.show_turn(1, [RUDE])
        seen = 0
        for width in range(40, 101, 3):
            await pilot.resize_terminal(width, 60)
            await pilot.pause()
            for widget in (chat, panel):
                if widget.outer_size.width < 16:  # too narrow to hold a phrase: nothing to keep
                    continue
                openers = line_openers(rows(widget))
                seen += len(openers)
                assert not set(openers) & NO_LINE_START, (width, rows(widget))
        assert seen > 200
        assert KINSOKU_ZH in chat.said("customer")


def test_line_starts_keep_closing_marks_with_the_text_before_them() -> None:
    from rich._wrap import divide_line

    from hotseat.tui.kinsoku import NO_LINE_END, NO_LINE_START, line_starts

    text = KINSOKU_ZH + "「好」（注）" + KINSOKU_ZH
    moved = 0
    for width in range(8, 60):  # from where the longest unbreakable run, 「好」, fits
        starts = line_starts(text, width)
        pieces = [text[a:b] for a, b in zip([0, *starts], [*starts, len(text)], strict=True)]
        assert "".join(pieces) == text
        assert all(cell_len(p) <= width for p in pieces)
        assert not any(p[0] in NO_LINE_START for p in pieces[1:])
        assert not any(p[-1] in NO_LINE_END for p in pieces[:-1])
        moved += starts != divide_line(text, width)
    assert moved > 20  # the plain cell-width wrap would have broken these rules
    english = "Sorry, I'm listening: please, go on. “Quoted,” she said."
    for width in range(8, 40):
        assert line_starts(english, width) == divide_line(english, width)  # words stay whole


async def card_rows(prompt: object, widths: range) -> dict[int, list[str]]:
    """An option list holding one card, drawn at each width: the text of its rows."""
    from textual.widgets import OptionList
    from textual.widgets.option_list import Option

    class Cards(App[None]):
        def compose(self) -> ComposeResult:
            yield OptionList(Option(prompt))  # type: ignore[arg-type]

    drawn: dict[int, list[str]] = {}
    for width in widths:  # a fresh app at each size: nothing cached from another width
        app = Cards()
        async with app.run_test(size=(width, 40)) as pilot:
            await pilot.pause()
            listing = app.query_one(OptionList)
            rows = listing.render_lines(Region(0, 0, *listing.outer_size))
            frame = " │╭╮╰╯─▊▎▔▁"
            drawn[width] = [r.text.strip(frame) for r in rows if r.text.strip(frame)]
    return drawn


async def test_scenario_cards_keep_chinese_line_breaking_too() -> None:
    """The home list wraps its cards itself (an option list): the same rules hold there."""
    from textual.content import Content

    from hotseat.tui.kinsoku import NO_LINE_START, KinsokuText

    widths = range(16, 41, 3)
    kept = await card_rows(KinsokuText(Content(KINSOKU_ZH)), widths)
    plain = await card_rows(Content(KINSOKU_ZH), widths)
    for rows in kept.values():
        assert not [row for row in rows if row[0] in NO_LINE_START], rows
        assert "".join(rows) == KINSOKU_ZH
    assert any(row[0] in NO_LINE_START for rows in plain.values() for row in rows)

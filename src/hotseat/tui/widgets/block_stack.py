"""BlockStack: a scrolling column of framed blocks of text, drawn line by line (the Line API).

The chat and the feedback panel grow by one block per reply. As one widget that
draws its own lines, adding a block wraps only that block's text and appends its
lines: no widget is mounted, styled or laid out for it, so a reply costs the same
on the first turn and the fiftieth and is on screen within a frame. Each block's
lines are kept for the current width and theme, and drawn again when either changes.
Text can be selected with the mouse across blocks, as in any Textual text widget.

The widget draws its own margins too: with nothing left for the stylesheet to add
(padding, a border, a tint), its rows go to the screen as they are, and a row that
only moved when the column scrolled costs nothing to draw again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content
from textual.events import Resize
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual

from hotseat.tui.kinsoku import line_starts


@dataclass(frozen=True)
class Look:
    """How a kind of block is drawn; every colour is a component class, so themes apply."""

    text: str = ""
    """Component class of the text ("" for the widget's own colour)."""
    frame: str = ""
    """Component class of a rounded frame around the text ("" for no frame)."""
    title: str = ""
    """Component class of the title set in the frame's top edge (default: the frame's)."""
    edge: str = ""
    """Component class of a bar down the left side, instead of a frame."""
    right: bool = False
    """Sit at the right of the column, with the title at the right of the frame."""
    share: float = 1.0
    """Widest share of the column; below 1 the block shrinks to fit its text and title."""
    gap: int = 0
    """Blank lines after the block."""


@dataclass(eq=False)
class Block:
    """One block of the column: what it says, how it looks, and what its owner calls it."""

    kind: str
    content: Content
    look: Look
    title: str = ""
    tag: str = ""
    """What a block is about, for its owner (e.g. which kind of note)."""
    lines: list[Strip] | None = field(default=None, repr=False)
    """The block as drawn at the stack's current width and theme; None until drawn."""
    base: int = field(default=-1, repr=False)
    """Where its text starts in the stack's text (in lines), which mouse selection counts in."""


class BlockStack(ScrollView):
    """Blocks stacked top to bottom; only new or changed blocks are wrapped and drawn."""

    BOTTOM_UP: ClassVar[bool] = False
    """Sit a column shorter than the widget at its bottom, next to where new blocks appear."""

    MARGIN: ClassVar[int] = 1
    """Blank columns each side of the blocks (instead of the stylesheet's padding)."""

    DEFAULT_CSS = """
    BlockStack {
        overflow-x: hidden;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._blocks: list[Block] = []
        self._footer: Block | None = None
        self._lines: list[Strip] = []
        self._stale = True  # the joined lines no longer match the blocks
        self._width = 0  # the width the blocks' lines were drawn at
        self._theme: tuple[object, ...] = ()  # the styles they were drawn with
        self._restyled = True
        self._blank = Strip.blank(0)  # an empty line, in the widget's style, at its width
        self._top = 0

    # -- what the owner changes ---------------------------------------------------------

    @property
    def blocks(self) -> tuple[Block, ...]:
        """Every block, top to bottom (the footer is not one of them)."""
        return tuple(self._blocks)

    def add(self, block: Block) -> Block:
        """Append a block; only its own text is wrapped, the others keep their lines."""
        self._blocks.append(block)
        self._stale = True
        self._changed()
        return block

    def discard(self, kind: str) -> None:
        """Remove every block of a kind."""
        kept = [b for b in self._blocks if b.kind != kind]
        if len(kept) != len(self._blocks):
            self._blocks = kept
            self._stale = True
            self._changed()

    def redraw(self, block: Block, content: Content) -> None:
        """Give a block new text; the other blocks keep their lines."""
        block.content = content
        block.lines = None
        self._stale = True
        self._changed()

    def set_footer(self, block: Block | None) -> None:
        """A line kept below every block (or taken away with None)."""
        if block is self._footer:
            return
        self._footer = block
        self._stale = True
        self._changed()

    # -- mouse selection -----------------------------------------------------------------

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected text: the blocks' texts one after another, a line break between."""
        return selection.extract("\n".join(b.content.plain for b in self._every())), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self._forget()  # drawn again with the selection shown
        self.refresh()

    # -- drawing -------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._restyled = True  # compared with the styles the lines were drawn with, when drawn

    def on_resize(self, event: Resize) -> None:
        self._changed()

    def _changed(self) -> None:
        """Bring the scrollable height up to date with the blocks and redraw the widget."""
        if self.is_mounted:
            width = self.scrollable_content_region.width
            following = self.is_anchored and self.is_vertical_scroll_end
            self.virtual_size = Size(width, len(self._current(width)))
            if following:  # now, not at the next layout: that would draw the widget twice
                self.set_scroll(None, self.max_scroll_y)
            self.refresh()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As tall as its lines, when the stylesheet asks for ``height: auto``."""
        return len(self._current(width))

    def render_lines(self, crop: Region) -> list[Strip]:
        width, height = self.scrollable_content_region.size  # less the scrollbar, if shown
        lines = self._current(width)
        bottom_up = max(0, height - len(lines)) if self.BOTTOM_UP else 0
        self._top = self.scroll_offset.y - bottom_up  # the line shown in the widget's first row
        styles = self.styles
        if styles.gutter or styles.tint.a or self.opacity < 1:  # Textual's to draw, row by row
            return super().render_lines(crop)
        filters = self.get_line_filters()  # kept with each row: a row drawn before costs nothing
        background = self.background_colors[1]
        rows = []
        for y in crop.line_range:
            row = self.render_line(y)
            for line_filter in filters:
                row = row.apply_filter(line_filter, background)
            rows.append(row)
        if crop.column_span != (0, width):
            rows = [row.crop(*crop.column_span) for row in rows]
        return rows

    def render_line(self, y: int) -> Strip:
        index = self._top + y
        return self._lines[index] if 0 <= index < len(self._lines) else self._blank

    def _current(self, width: int) -> list[Strip]:
        """Every line at this width, redrawing only what the width, theme or owner changed."""
        if self._restyled:
            self._restyled = False
            theme = self._style_key()
            if theme != self._theme:
                self._theme = theme
                self._forget()
        if width != self._width:
            self._width = width
            self._forget()
        if self._blank.cell_length != width:
            self._blank = Strip.blank(width, self.visual_style.rich_style)
        if self._stale:
            self._stale = False
            base = 0
            for block in self._every():
                if block.base != base:  # a block above went away: its text offsets moved
                    block.base, block.lines = base, None
                base += block.content.plain.count("\n") + 1
            self._lines = [line for block in self._every() for line in self._drawn(block)]
        return self._lines

    def _every(self) -> list[Block]:
        return self._blocks if self._footer is None else [*self._blocks, self._footer]

    def _forget(self) -> None:
        self._blank = Strip.blank(0)
        for block in self._every():
            block.lines = None
        self._stale = True

    def _style_key(self) -> tuple[object, ...]:
        """What the drawn lines depend on besides the width: the widget's and its parts' styles."""
        parts = sorted(self._get_component_classes())
        return (self.visual_style, *(self.get_visual_style(part) for part in parts))

    def _drawn(self, block: Block) -> list[Strip]:
        if block.lines is None:
            margin = Segment(" " * self.MARGIN, self.visual_style.rich_style)
            lines = self._draw(block, self._width - 2 * self.MARGIN)
            block.lines = [Strip([margin, *line, margin], self._width) for line in lines]
        return block.lines

    def _draw(self, block: Block, width: int) -> list[Strip]:
        """Wrap the text by cell width, frame it, and place it in a row of the column."""
        look = block.look
        base = self.visual_style.rich_style
        text_style = self.get_visual_style(look.text) if look.text else self.visual_style
        chrome = 4 if look.frame else 3 if look.edge else 2  # frame or edge, and padding 1 + 1
        if width <= chrome:
            return []  # too narrow to hold a letter
        outer = max(chrome + 1, int(width * look.share))
        body = self._wrapped(self._selected(block), outer - chrome, text_style, block.base)
        if look.share < 1:  # as wide as the longest line, and the title
            inner = max([line.cell_length for line in body] + [cell_len(block.title) + 2])
            outer = min(outer, inner + chrome)
        inner = outer - chrome
        fill = text_style.rich_style
        pad = Segment(" ", base)
        if look.frame:
            border = self.get_visual_style(look.frame).rich_style
            side = Segment("│", border)
            title = self.get_visual_style(look.title or look.frame).rich_style
            lines = [_top_edge(inner + 2, block.title, border, title, right=look.right)]
            lines.extend(
                Strip([side, pad, *line.extend_cell_length(inner, fill), pad, side], outer)
                for line in body
            )
            lines.append(Strip([Segment("╰" + "─" * (inner + 2) + "╯", border)], outer))
        else:
            lead = [Segment("▎", self.get_visual_style(look.edge).rich_style)] if look.edge else []
            lines = [
                Strip([*lead, pad, *line.extend_cell_length(inner, fill), pad], outer)
                for line in body
            ]
        if outer < width:
            space = Segment(" " * (width - outer), base)
            if look.right:
                lines = [Strip([space, *line], width) for line in lines]
            else:
                lines = [Strip([*line, space], width) for line in lines]
        lines.extend(Strip.blank(width, base) for _ in range(look.gap))
        return lines

    def _wrapped(self, content: Content, width: int, style: Style, base: int) -> list[Strip]:
        """The text wrapped at ``width`` cells, Chinese line-breaking rules kept: each line
        is drawn on its own, its selection offsets moved to where it sits in the stack."""
        lines: list[Strip] = []
        for y, paragraph in enumerate(content.split("\n", allow_blank=True), base):
            starts = line_starts(paragraph.plain, width)
            pieces = paragraph.divide(starts)
            for n, (x, piece) in enumerate(zip([0, *starts], pieces, strict=True), 1):
                drawn = Visual.to_strips(
                    self,
                    piece if n == len(pieces) else piece.rstrip(),
                    width,
                    None,
                    style,
                    apply_selection=False,
                )
                lines.extend(_lifted(strip, x, y) for strip in drawn)
        return lines

    def _selected(self, block: Block) -> Content:
        """The block's text with the part the mouse selected in the selection's colours."""
        selection = self.text_selection
        if selection is None:
            return block.content
        style = Style.from_styles(self.screen.get_component_styles("screen--selection"))
        content, start = block.content, 0
        for y, line in enumerate(block.content.plain.split("\n"), block.base):
            if (span := selection.get_span(y)) is not None:
                first, last = span
                content = content.stylize(
                    style, start + first, start + (len(line) if last == -1 else last)
                )
            start += len(line) + 1
        return content


def _lifted(strip: Strip, columns: int, lines: int) -> Strip:
    """The strip with the text offsets it carries for mouse selection moved ``columns``
    right and ``lines`` down: a wrapped line counts its characters from 0, the paragraph
    from its start, and each block's text counts its lines from 0, the stack's from its
    first block."""
    if not (columns or lines):
        return strip
    segments = []
    for text, style, control in strip:
        if style is not None and (offset := style.meta.get("offset")) is not None:
            moved = (offset[0] + columns, offset[1] + lines)
            style += RichStyle.from_meta({"offset": moved})
        segments.append(Segment(text, style, control))
    return Strip(segments, strip.cell_length)


def _top_edge(span: int, title: str, border: RichStyle, titled: RichStyle, *, right: bool) -> Strip:
    """The top of a frame with its title set in: ╭─ title ───╮, or ╭─── title ─╮ at the right."""
    room = span - 4  # a dash and a space each side of the title
    if not title or room < 1:
        return Strip([Segment("╭" + "─" * span + "╮", border)], span + 2)
    name = Content(title).truncate(room, ellipsis=True).plain
    rest = "─" * (room - cell_len(name))
    before, after = ("╭" + rest + "─ ", " ─╮") if right else ("╭─ ", " ─" + rest + "╮")
    return Strip([Segment(before, border), Segment(name, titled), Segment(after, border)], span + 2)

"""The end-of-call scorecard: what a trainee and a trainer read, as data and as text."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len

from hotseat.conversation import Area, Finding, Outcome, Scores
from hotseat.i18n import colon, rule_label, t, turn_label
from hotseat.moves import Lang
from hotseat.rules.docs import texts
from hotseat.rules.praise import Praise
from hotseat.scenario.model import Element, Mode


@dataclass(frozen=True, slots=True)
class SessionResult:
    """Everything a finished (or interrupted) call produced; the JSON is a public format."""

    scenario: str
    title: str
    lang: Lang
    mode: Mode
    seed: int
    outcome: Outcome | None
    scores: Scores
    findings: tuple[Finding, ...]
    elements: dict[Element, bool]
    mood_start: int
    moods: tuple[int, ...]
    transcript: tuple[tuple[str, str], ...]
    praise: tuple[Praise, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "scenario": self.scenario,
            "title": self.title,
            "lang": self.lang,
            "mode": self.mode,
            "seed": self.seed,
            "outcome": self.outcome,
            "scores": self.scores.to_json(),
            "band": self.scores.band,
            "pass_mark": self.scores.pass_mark,
            "fail_below": self.scores.fail_below,
            "findings": [f.to_json() for f in self.findings],
            "elements": {e.value: ok for e, ok in self.elements.items()},
            "mood_start": self.mood_start,
            "mood": list(self.moods),
            "transcript": [{"speaker": s, "text": text} for s, text in self.transcript],
            "praise": [p.to_json() for p in self.praise],
            "score_lines": [
                {
                    "area": ln.area.value if ln.area else "overall",
                    "points": ln.points,
                    "reason": ln.reason,
                    "code": ln.code,
                    "turn": ln.turn,
                }
                for ln in self.scores.lines
            ],
        }

    def render_text(self, lang: Lang | None = None) -> str:
        """A plain-text report for the terminal: transcript, scores, elements, findings."""
        lang = lang or self.lang
        sep = colon(lang)
        out: list[str] = [f"== {self.title} ({self.scenario}) =="]
        out.append(f"-- {t('transcript', lang)} --")
        for speaker, text in self.transcript:
            out.append(f"{t(speaker, lang)}{sep}{text}")
        outcome = t(f"outcome.{self.outcome or 'ongoing'}", lang)
        out.append("")
        out.append(f"{t('outcome', lang)}{sep}{outcome}")
        out.append(f"-- {t('scores', lang)} --")
        names = {area: t(f"area.{area.value}", lang) for area in Area}
        width = max(22, *(cell_len(name) for name in names.values()))
        for area, name in names.items():  # padded by cells: a Chinese character is two wide
            pad = " " * (width - cell_len(name))
            out.append(f"  {area.value}  {name}{pad} {self.scores.areas[area]:>3}")
        band = texts(lang).labels[f"band_{self.scores.band}"]
        mark = f"{texts(lang).labels['pass_mark']} {self.scores.pass_mark}"
        out.append(f"  {t('overall', lang)}{sep}{self.scores.overall} ({band}; {mark})")
        out.append(f"-- {t('elements', lang)} --")
        for element, ok in self.elements.items():
            mark = t("captured" if ok else "missing", lang)
            out.append(f"  [{'x' if ok else ' '}] {t(f'element.{element.value}', lang)}{sep}{mark}")
        out.append(f"-- {t('findings', lang)} --")
        if not self.findings:
            out.append(f"  {t('no_findings', lang)}")
        for f in self.findings:
            where = turn_label(f.turn, lang)
            turn = f"（{where}）" if lang == "zh" else f" ({where})"
            out.append(f"  {rule_label(f.code, f.name, lang)}{turn}{sep}{f.message}")
            out.append(f"      {t('tip', lang)}{sep}{f.tip}")
        return "\n".join(out) + "\n"

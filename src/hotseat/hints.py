"""Model phrasings for the phase of the call the trainee is in (onboarding hints).

The phases follow the order trainers teach (BRIEF.md): let the customer finish
venting, soothe once with a summary and empathy, announce and ask questions one
at a time for the key elements, then close with a summary, a response time and
thanks.
"""

from __future__ import annotations

from enum import StrEnum

from hotseat.moves import Lang
from hotseat.scenario.model import Fact, Policy


class Phase(StrEnum):
    LISTEN = "listen"
    SOOTHE = "soothe"
    ASK = "ask"
    CLOSE = "close"


HINTS: dict[Lang, dict[Phase, str]] = {
    "zh": {
        Phase.LISTEN: (
            "客户还在气头上，先让他把话说完。只需简短回应表示在听，比如：“嗯，您请讲，我在听。”"
        ),
        Phase.SOOTHE: (
            "第一轮情绪发泄结束了，现在安抚一次：一句简短的安抚 + 复述客户说的事实 + 你自己的感受。"
            "比如：“先跟您说声抱歉。您是说……，对吧？换作是我，也会着急的。”"
        ),
        Phase.ASK: (
            "先说明要问问题，再一次只问一个，直奔关键要素。"
            "比如：“为了尽快帮您处理，我需要跟您核实几个信息。请问{label}是？”"
        ),
        Phase.CLOSE: (
            "要素都齐了，可以结束通话：复述确认记录 + 给出回复时限 + 致谢，不要再提问。"
            "比如：“我跟您确认一下……我们会在{hours}小时内给您回复。感谢您的耐心！”"
        ),
    },
    "en": {
        Phase.LISTEN: (
            "The customer is still venting. Let them finish; just show you're listening, "
            'e.g. "I\'m listening, please go on."'
        ),
        Phase.SOOTHE: (
            "The first round of venting is over. Soothe once: a short soothing phrase + a summary "
            "of what they told you + your own reaction. E.g. \"I'm sorry about this. So you're "
            "saying …, is that right? I'd be upset too.\""
        ),
        Phase.ASK: (
            "Announce your questions, then ask one at a time, aimed at the key elements. "
            'E.g. "So I can sort this out quickly, I need to check a few details. '
            'Could you tell me {label}?"'
        ),
        Phase.CLOSE: (
            "You have what you need: close with a summary of the record, the response time, and "
            "thanks; no more questions. E.g. \"Let me confirm … We'll get back to you within "
            '{hours} hours. Thank you for your patience."'
        ),
    },
}


def hint(phase: Phase, lang: Lang, policy: Policy, next_fact: Fact | None = None) -> str:
    """The model phrasing for one phase, filled with the scenario's details."""
    text = HINTS[lang][phase]
    hours = f"{policy.response_hours:g}"
    label = next_fact.label if next_fact else ("您的联系方式" if lang == "zh" else "your details")
    return text.replace("{hours}", hours).replace("{label}", label)

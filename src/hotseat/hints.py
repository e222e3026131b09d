"""Model phrasings for the phase of the call the trainee is in (onboarding hints).

The phases follow the order trainers teach (BRIEF.md): let the customer finish
venting, soothe once with a summary and empathy, announce and ask questions one
at a time for the key elements, then close with a summary, a response time and
thanks.

A hint models the question, never the answer: a fact's label is the report's
note of what the customer said ("联系人：陈女士，手机139…"), so the question is
written here, one per key element, and no scenario text goes into a hint.
"""

from __future__ import annotations

from enum import StrEnum

from hotseat.moves import Lang
from hotseat.scenario.model import Element, Fact, Policy


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
            "比如：“为了尽快帮您处理，我需要跟您核实几个信息。{question}”"
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
            '{question}"'
        ),
        Phase.CLOSE: (
            "You have what you need: close with a summary of the record, the response time, and "
            "thanks; no more questions. E.g. \"Let me confirm … We'll get back to you within "
            '{hours} hours. Thank you for your patience."'
        ),
    },
}


QUESTIONS: dict[Lang, dict[Element, str]] = {
    "zh": {
        Element.WHO: "请问您要反映的是哪项业务、哪笔费用，还是哪位工作人员？",
        Element.WHAT: "能跟我具体说说当时是怎么回事吗？",
        Element.DEMAND: "请问您希望我们怎么处理？",
        Element.CONTACT: "请问您怎么称呼？方便留一个联系电话吗？",
    },
    "en": {
        Element.WHO: "What exactly is the complaint about: which charge, service or person?",
        Element.WHAT: "Could you walk me through what happened?",
        Element.DEMAND: "What would you like us to do to put this right?",
        Element.CONTACT: "May I take your name and the best number to reach you on?",
    },
}


def hint(phase: Phase, lang: Lang, policy: Policy, next_fact: Fact | None = None) -> str:
    """The model phrasing for one phase: the policy's response time, and for the next
    missing key element a question that asks for it without giving it away."""
    element = next_fact.element if next_fact and next_fact.element else Element.CONTACT
    text = HINTS[lang][phase]
    hours = f"{policy.response_hours:g}"
    return text.replace("{hours}", hours).replace("{question}", QUESTIONS[lang][element])

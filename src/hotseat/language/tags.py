"""Bit masks for the lexicon categories, named once for every grammar module.

A hit's categories are an int mask so a clause's whole vocabulary is one OR
and every rule is a cheap bit test; the names below are what the rules read.
"""

from __future__ import annotations

from hotseat.language.matcher import BIT

APOLOGY = BIT["apology"]
APOLOGY_SOFT = BIT["apology_soft"]
EMPATHY = BIT["empathy"]
THANKS = BIT["thanks"]
SUMMARY = BIT["summary"]
GRIEVANCE = BIT["grievance"]
DESIRE = BIT["desire"]
PREFRAME = BIT["preframe"]
PRECURSOR = BIT["precursor"]
INQUIRY = BIT["inquiry"]
RUDE = BIT["rude"]
SARCASM = BIT["sarcasm"]
ADMISSION = BIT["admission"]
VERIFIED = BIT["verified"]
BACKCHANNEL = BIT["backchannel"]
CONTINUER = BIT["continuer"]
FILLER = BIT["filler"]
Q_TAG = BIT["q_tag"]
Q_WORD = BIT["q_word"]
Q_LEAD = BIT["q_lead"]
INDIRECT = BIT["indirect"]
AGENT = BIT["agent"]
COMMIT = BIT["commit"]
FUTURE = BIT["future"]
BENEFACTIVE = BIT["benefactive"]
ACTION = BIT["action"]
TRY = BIT["try"]
HEDGE = BIT["hedge"]
NEGATOR = BIT["negator"]
COMMIT_VERB = BIT["commit_verb"]
REFUSAL = BIT["refusal"]
NEG_COMMIT = BIT["neg_commit"]
DONE = BIT["done"]
PURPOSE = BIT["purpose"]
CONDITION = BIT["condition"]
GENERIC = BIT["generic"]
OURS = BIT["ours"]
FAULT = BIT["fault"]
HABITUAL = BIT["habitual"]
CUSTOMER_DO = BIT["customer_do"]
IN_CALL = BIT["in_call"]
GUARANTEE = BIT["guarantee"]
DEADLINE = BIT["deadline"]
COMPENSATION = BIT["compensation"]
CONJ = BIT["conj"]
CONTRAST = BIT["contrast"]
DEFEND = BIT["defend"]
DEFEND_BLAME = BIT["defend_blame"]
DEFEND_POLICY = BIT["defend_policy"]
DEFEND_CONTRACT = BIT["defend_contract"]
DEFEND_ALT = BIT["defend_alt"]
PROHIBIT = BIT["prohibit"]
CONDUCT = BIT["conduct"]
MOTIVE = BIT["motive"]
GAIN = BIT["gain"]
ELSEWHERE = BIT["elsewhere"]
FEEL = BIT["feel"]
FEEL_FRAME = BIT["feel_frame"]
REBUT = BIT["rebut"]
RECORD = BIT["record"]
PER = BIT["per"]
YOU_COND = BIT["you_cond"]
COUNTERFACTUAL = BIT["counterfactual"]
OUTCOME = BIT["outcome"]
UNRELATED = BIT["unrelated"]
OTHERS = BIT["others"]
EMPHATIC = BIT["emphatic"]
YOURS = BIT["yours"]
CAUSE = BIT["cause"]
REFLEXIVE = BIT["reflexive"]
HANG_UP = BIT["hang_up"]
VERDICT = BIT["verdict"]
DISOWN = BIT["disown"]
NOTED = BIT["noted"]
NOTICE = BIT["notice"]
STATED = BIT["stated"]
EVAL_FRAME = BIT["eval_frame"]
PERCEIVE = BIT["perceive"]

# Kinds of defending argument: each kind counts once in a reply.
DEFEND_ANY = DEFEND | DEFEND_BLAME | DEFEND_POLICY | DEFEND_CONTRACT | DEFEND_ALT
# A reply made only of these is a backchannel.
BACKCHANNEL_ONLY = BACKCHANNEL | CONTINUER | FILLER
FLAGS = GUARANTEE | DEADLINE | COMPENSATION
# Hits that do not change what a clause opens with.
GLUE = CONJ | FILLER
# A clause with one of these is more than a bare "明天就到账" elaborating a promise.
NOT_FLAG_ONLY = (
    APOLOGY | EMPATHY | THANKS | SUMMARY | GRIEVANCE | DESIRE | PREFRAME | RUDE | SARCASM
    | ADMISSION | DEFEND_ANY | NEGATOR | REFUSAL | HEDGE | HABITUAL | CUSTOMER_DO | PURPOSE
    | Q_WORD | Q_TAG | Q_LEAD | INQUIRY
)  # fmt: skip
# A clause with one of these is doing something other than committing.
# (A summary lead-in blocks through the summary context, which knows when the agent's own
# commitment comes first: "I'll note that you'd prefer a call" still commits.)
NO_PROMISE = (
    HABITUAL | CUSTOMER_DO | HEDGE | PREFRAME | DEFEND_ANY | THANKS | EMPATHY | ADMISSION | RUDE
    | SARCASM
)  # fmt: skip
# Without one of these a clause cannot commit to anything.
COMMITTING = (
    ACTION | COMMIT | FUTURE | NEG_COMMIT | TRY | BENEFACTIVE | COMPENSATION | PRECURSOR | OUTCOME
)

"""UI words in English and Simplified Chinese, shared by the CLI and the TUI.

Rule texts and customer lines live with the rules and the scenarios; this holds
only the labels around them, so a shell never hard-codes one language.
"""

from __future__ import annotations

import locale
import os

from hotseat.moves import Lang

TEXTS: dict[str, tuple[str, str]] = {
    # key: (en, zh)
    "outcome": ("Outcome", "结果"),
    "outcome.resolved": ("resolved", "顺利结束"),
    "outcome.hung_up": ("the customer hung up", "客户挂断了电话"),
    "outcome.abandoned": ("ended by the trainee", "学员中止了通话"),
    "outcome.turn_limit": ("turn limit reached", "达到轮次上限"),
    "outcome.unresolved": ("the customer would not let the call close", "客户不肯结束通话"),
    "outcome.ongoing": ("in progress", "进行中"),
    "scores": ("Scores", "得分"),
    "overall": ("Overall", "总分"),
    "area.AP": ("Apology & soothing", "道歉与安抚"),
    "area.PR": ("Promises", "承诺"),
    "area.CT": ("Control of the call", "通话掌控"),
    "area.ET": ("Etiquette", "礼仪"),
    "area.EM": ("Empathy", "同理心"),
    "elements": ("Key elements", "关键要素"),
    "element.who": ("who or what is complained about", "投诉对象"),
    "element.what": ("what happened", "事情经过"),
    "element.demand": ("what the customer wants", "客户诉求"),
    "element.contact": ("name and contact", "姓名与联系方式"),
    "captured": ("captured", "已记录"),
    "missing": ("missing", "未记录"),
    "findings": ("Findings", "问题"),
    "no_findings": ("No findings: a clean call.", "没有发现问题，处理得很规范。"),
    "tip": ("Say instead", "建议说法"),
    "turn": ("turn", "第{n}轮"),
    "whole_call": ("whole call", "整通电话"),
    "transcript": ("Transcript", "通话记录"),
    "customer": ("Customer", "客户"),
    "trainee": ("You", "你"),
    "mood": ("Anger", "怒气"),  # the meter: higher reads as angrier
    "points": ("Points", "得失分"),
    # -- the TUI -----------------------------------------------------------------------
    "mode.onboarding": ("Onboarding", "新人培训"),
    "mode.drill": ("Drill", "震撼演练"),
    "mode.practice": ("Practice", "自主练习"),
    "mode.onboarding.about": (
        "Feedback after every reply; F3 shows a model phrasing.",
        "每句回复后都有点评；按 F3 看示范说法。",
    ),
    "mode.drill.about": (
        "Harsh customer, a reply clock, no hints; Esc steps out.",
        "最难缠的客户，限时回复，结束才点评；按 Esc 随时退出。",
    ),
    "mode.practice.about": (
        "A quiet run on your own; the report comes at the end.",
        "自己安静练一通，结束后看报告。",
    ),
    "key.help": ("Help", "帮助"),
    "key.theme": ("Theme", "主题"),
    "key.quit": ("Quit", "退出"),
    "key.start": ("Start", "开始"),
    "key.reload": ("Reload", "重新加载"),
    "key.progress": ("Progress", "练习进度"),
    "key.class_board": ("Class board", "班级榜单"),
    "key.listen": ("Listen", "倾听"),
    "key.hint": ("Hint", "提示"),
    "key.end": ("End call", "结束通话"),
    "key.step_out": ("Step out", "退出演练"),
    "key.export_md": ("Markdown", "Markdown"),
    "key.export_html": ("HTML", "HTML"),
    "key.export_json": ("JSON", "JSON"),
    "key.home": ("Home", "返回首页"),
    "key.back_to_draw": ("Back to the draw", "回到抽签"),
    "key.mode": ("Mode", "切换模式"),
    "key.palette": ("Commands", "命令面板"),
    "key.back": ("Back", "返回"),
    "key.correct": ("Judge wrong?", "评分有误"),
    "key.close": ("Close", "关闭"),
    "key.class_report": ("Class report", "班级报告"),
    "key.open_call": ("Open the call", "查看这通电话"),
    "key.classes": ("Classes", "班级"),
    "key.no": ("No", "取消"),
    "key.resume": ("Resume", "接着打"),
    "key.next_draw": ("Next draw", "抽下一位"),
    "tui.subtitle": ("angry-customer training", "投诉电话模拟训练"),
    "tui.trainee": ("Trainee", "学员"),
    "tui.trainee_placeholder": ("your name", "你的名字"),
    "tui.mode": ("Mode", "模式"),
    "tui.intensity": ("Intensity", "强度"),
    "tui.intensity.about": ("Intensity {n}: {about}", "强度 {n}：{about}"),
    "tui.intensity.1": (
        "the customer's usual words; anger rises at their usual pace",
        "客户平常的说法，火气按平常的速度涨",
    ),
    "tui.intensity.2": ("harsher words; anger rises faster", "话更难听，火气涨得更快"),
    "tui.intensity.3": (
        "harsher words; anger rises fastest and they hang up soonest",
        "话更难听，火气涨得最快，最早挂电话",
    ),
    "tui.filter": ("Scenario", "场景"),
    "tui.filter_placeholder": (
        "type to filter by title, tag or language",
        "输入文字筛选：标题、标签、语言",
    ),
    "tui.filter_keys": ("↑↓ pick · Enter start", "↑↓ 选择 · 回车开始"),
    "tui.scenarios": ("{n} scenarios", "{n} 个场景"),
    "tui.scenarios_shown": ("{shown} of {n} scenarios", "{n} 个场景中的 {shown} 个"),
    "tui.only_modes": ("{modes} only", "仅限{modes}"),
    "tui.and": (" and ", "、"),
    "tui.broken_count": ("{n} broken", "{n} 个无法加载"),
    "tui.broken": ("cannot be loaded", "无法加载"),
    "tui.more_problems": ("… and {n} more", "……还有 {n} 处"),
    "tui.loading": ("Loading scenarios…", "正在加载场景…"),
    "tui.loading_then_start": (
        "Loading scenarios… the highlighted one starts as soon as they are in.",
        "正在加载场景…加载完毕后立即开始选中的场景。",
    ),
    "tui.no_scenarios": ("No scenarios found.", "没有找到任何场景。"),
    "tui.no_match": ("No scenario matches “{q}”.", "没有符合“{q}”的场景。"),
    "tui.lang.zh": ("Chinese", "中文"),
    "tui.lang.en": ("English", "英文"),
    "tui.pick_scenario": ("Pick a scenario first.", "请先选择一个场景。"),
    "tui.need_name": ("Who is training? Type your name first.", "请先填写学员姓名。"),
    "tui.mode_offer": (
        "“{title}” is made for {modes}, not {mode}. Start it in {offered} mode?",
        "“{title}”适用于{modes}，不适用于{mode}。改用{offered}模式开始吗？",
    ),
    "tui.start_in": ("Start in {mode}", "以{mode}开始"),
    "tui.scenario_failed": ("This scenario cannot be played", "该场景无法开始"),
    "tui.settings_failed": ("Could not remember your choices", "无法保存你的设置"),
    "tui.record_failed": ("This call is not being saved", "本次通话未能保存"),
    "tui.elapsed": ("Call", "通话"),
    "tui.clock": ("Reply in", "限时"),
    "tui.reply_placeholder": ("Type your reply, Enter to send", "输入回复，按回车发送"),
    "tui.typing": ("{name} is typing…", "{name}正在输入…"),
    "tui.silence": ("(silence)", "（沉默）"),
    "tui.listen_line": ("I'm listening, go on.", "嗯，您请讲。"),
    "tui.feedback": ("Feedback", "点评"),
    "tui.feedback_empty": (
        "After each reply, what to keep and what to fix appears here.",
        "每句回复后，这里会给出点评和建议说法。",
    ),
    "tui.turn_clean": ("Nothing to fix in this reply.", "这句回复没有问题。"),
    "tui.hint": ("Hint", "提示"),
    "tui.times": ("×{n}", "共{n}次"),
    "tui.banner.hung_up": ("{name} HUNG UP ON YOU", "{name}挂断了电话"),
    "tui.banner.resolved": (
        "Resolved: {name} accepted your close",
        "通话顺利结束：{name}接受了处理",
    ),
    "tui.banner.turn_limit": ("The call ran out of turns", "通话轮次已用完"),
    "tui.banner.abandoned": ("You ended the call", "你结束了通话"),
    "tui.banner.next": ("Press Enter for the report.", "按回车查看报告。"),
    "tui.see_report": ("See the report", "查看报告"),
    "tui.confirm_end": (
        "End this call now? It will be scored as ended by you.",
        "现在结束通话吗？本次将记为学员中止。",
    ),
    "tui.yes_end": ("End the call", "结束通话"),
    "tui.no_keep": ("Keep talking", "继续通话"),
    "tui.stepped_out": (
        "You stepped out of the drill. That's all right: take a breath, come back when ready.",
        "已退出演练。没关系，先缓一缓，准备好了再来。",
    ),
    "tui.report": ("Report", "报告"),
    "tui.mood_curve": ("Mood, turn by turn", "客户情绪（按轮次）"),
    "tui.exported": ("{fmt} report saved", "{fmt} 报告已导出"),
    "tui.sent_to_browser": ("{fmt} report sent to your browser", "{fmt} 报告已发送到浏览器下载"),
    "tui.export_failed": ("Export failed: {error}", "导出失败：{error}"),
    "tui.export_as": ("Export report as {fmt}", "导出报告为 {fmt}"),
    "tui.interrupted_waiting": (
        "{n} unfinished call(s), the latest {call}: F8 goes on with it.",
        "有 {n} 通没打完的电话，最近一通：{call}。按 F8 接着打。",
    ),
    "tui.help.keys": ("Keys", "按键"),
    "tui.help.close": (
        "Esc closes this help · ←→ switch between Keys and Rules",
        "按 Esc 关闭帮助 · ←→ 在“按键”和“规则”之间切换",
    ),
    "tui.help.rules": ("Rules", "规则"),
    "tui.help.everywhere": ("Everywhere", "任何界面"),
    "tui.help.home": ("Home", "首页"),
    "tui.help.call": ("During a call", "通话中"),
    "tui.help.report": ("Report", "报告"),
    "tui.help.lot": ("Class drill, between calls", "班级演练（两通之间）"),
    "tui.help.about": (
        "Enter sends a reply; a pasted multi-line text is sent as one reply. "
        "Ctrl+P opens the command palette.",
        "回车发送回复；粘贴多行文字会合并成一句回复。Ctrl+P 打开命令面板。",
    ),
    "tui.scenario_gone": ("Scenario {ref} is no longer listed.", "场景 {ref} 已不在列表中。"),
    "tui.no_records": (
        "Training records are off for this run (--no-record).",
        "本次运行没有开启训练记录（--no-record）。",
    ),
    "tui.classes": ("Classes", "班级"),
    "tui.classes_keys": (
        "↑↓ pick · Enter board · R report · Tab to type",
        "↑↓ 选择 · 回车看榜单 · R 导出报告 · Tab 去填写",
    ),
    "tui.members": ("{n} trainees", "{n} 名学员"),
    "tui.no_classes_yet": ("No classes yet: name one below.", "还没有班级，在下面起个名字就能建。"),
    "tui.roster_empty": ("nobody yet", "还没有学员"),
    "tui.class_new": ("New class", "新建班级"),
    "tui.class_new_placeholder": ("class name, then Enter", "输入班级名，回车新建"),
    "tui.class_add": ("Add trainees", "添加学员"),
    "tui.class_add_to": ("Add trainees to {name}", "给{name}添加学员"),
    "tui.class_add_placeholder": (
        "names separated by commas, then Enter",
        "多个名字用逗号或顿号隔开，回车添加",
    ),
    "tui.class_created": ("Class {name} created", "已新建班级「{name}」"),
    "tui.class_exists": ("There is already a class {name}", "已经有叫「{name}」的班级了"),
    "tui.class_joined": ("Added to {name}: {names}", "已加入{name}：{names}"),
    "tui.class_nobody_new": ("Everyone named is already in {name}", "这些学员都已经在{name}里了"),
    "tui.choice_keys": ("↑↓ pick · Enter choose · Esc cancel", "↑↓ 选择 · 回车确定 · Esc 取消"),
    "tui.class": ("Class drill", "班级演练"),
    "tui.class_none": ("No class: you face the customer", "不分班：自己上场"),
    "tui.class_about": (
        "Lots in {name}: whoever is drawn takes the call; Esc steps out.",
        "在{name}抽签，抽到谁谁上场；按 Esc 随时退出。",
    ),
    "tui.up_next": ("Up next", "下一位"),
    "tui.drawing": ("Drawing lots…", "正在抽签…"),
    "tui.lot_round": ("Round {n}", "第{n}轮"),
    "tui.lot_waiting": ("Still to go: {names}", "尚未上场：{names}"),
    "tui.lot_last": ("Last one this round", "本轮最后一位"),
    "tui.lot_begin": (
        "Enter: face the customer · Esc: back (the lot stands)",
        "回车：开始接听 · Esc：返回（抽签结果保留）",
    ),
    "tui.lot_went": ("{name}: {outcome}", "{name}：{outcome}"),
    "tui.lot_stepped_out": ("{name} stepped out of the drill", "{name}中途退出了演练"),
    "tui.lot_everyone": ("Everyone has gone this round.", "本轮全员都已上场。"),
    "tui.lot_next": (
        "N: draw the next trainee · B: class board · Esc: home",
        "N：抽下一位 · B：班级榜单 · Esc：返回首页",
    ),
    "tui.resume_pick": ("Which call should go on?", "继续哪一通电话？"),
    "tui.turns": ("{n} turns", "{n}轮"),
    "tui.no_interrupted": ("{name} has no interrupted calls.", "{name}没有中断的通话。"),
    "tui.resumed": (
        "Resumed: the call goes on from here.",
        "通话已恢复，从这里接着说。",
    ),
    "tui.resume_failed": ("This call cannot be resumed", "无法继续这通电话"),
    "tui.resume_unfaithful": (
        "Replaying the saved replies gave different customer lines (hotseat has changed "
        "since); the call goes on from the replay.",
        "重放已保存的回复时，客户的台词与当时不同（软件已更新）；将按重放结果继续。",
    ),
    "tui.records_failed": ("Could not read the training records", "无法读取训练记录"),
    "tui.core_failed": (
        "The reply analyzer could not load; calls cannot start",
        "回复分析器无法加载，暂时不能开始通话",
    ),
    "tui.palette_none": ("No matches found", "没有找到匹配的命令"),
    "tui.palette_search": ("Search for commands…", "搜索命令…"),
    "tui.cmd.start": ("Start a call on the highlighted scenario", "用选中的场景开始通话"),
    "tui.cmd.reload": ("Read the scenario folders again", "重新读取场景文件夹"),
    "tui.cmd.progress": (
        "Your scores over time and what to practise next",
        "历次得分与下一步练习建议",
    ),
    "tui.cmd.class_board": (
        "Classes: create one, add trainees, see its board, export its report",
        "班级：新建、添加学员、看榜单、导出报告",
    ),
    "tui.cmd.resume": ("Continue one of your interrupted calls", "继续你中断的通话"),
    "tui.cmd.listen": ("Say only that you are listening", "只表示你在听"),
    "tui.cmd.hint": ("A model phrasing for this point of the call", "当前阶段的示范说法"),
    "tui.cmd.end": ("End the call (asks first)", "结束通话（会先确认）"),
    "tui.cmd.step_out": ("Leave the drill at once", "立即退出演练"),
    "tui.cmd.export": ("Write the report to a file", "把报告写入文件"),
    "tui.cmd.help": ("Keys and rules", "按键与规则说明"),
    "tui.cmd.theme": ("Switch between dark and light", "切换深色/浅色主题"),
    # Textual's own palette entries, keyed by the title Textual gives them
    "tui.sys.Quit": ("Quit", "退出"),
    "tui.sys.Quit.help": ("Leave hotseat at once", "立即退出 hotseat"),
    "tui.sys.Keys": ("Keys", "按键"),
    "tui.sys.Keys.help": (
        "Show or hide the keys of the focused part",
        "显示或隐藏当前部件的按键说明",
    ),
    "tui.sys.Maximize": ("Maximize", "最大化"),
    "tui.sys.Maximize.help": ("Give the focused part the whole screen", "让当前部件占满屏幕"),
    "tui.sys.Minimize": ("Minimize", "还原"),
    "tui.sys.Minimize.help": ("Back to the normal layout", "恢复正常布局"),
    "tui.sys.Screenshot": ("Screenshot", "截图"),
    "tui.sys.Screenshot.help": (
        "Save an SVG picture of the screen",
        "把当前屏幕保存为 SVG 图片",
    ),
}


# -- live drills (issue 16): the instructor, trainee and projector seats, and `hotseat live` --
LIVE_TEXTS: dict[str, tuple[str, str]] = {
    "live.code": ("code", "加入码"),
    "live.code.malformed": (
        "'{code}' is not a join code: a code is 6 letters and digits, like K7MPQ3.",
        "“{code}”不是加入码：加入码由 6 位字母和数字组成，例如 K7MPQ3。",
    ),
    "live.code.unknown": (
        "No live drill has the code {code}: check it with the instructor.",
        "没有加入码为 {code} 的实战演练，请跟讲师核对一下。",
    ),
    "live.code.expired": (
        "That live drill has ended; its code {code} no longer works.",
        "这场实战演练已经结束，加入码 {code} 已失效。",
    ),
    "live.refused.seat": ("This seat cannot do that.", "这个席位不能做这个操作。"),
    "live.refused.ended": ("The call is over.", "通话已经结束了。"),
    "live.refused.taken": (
        "{name} has already joined this drill as the trainee.",
        "{name} 已经作为学员加入了这场演练。",
    ),
    "live.refused.not_you": (
        "This drill is for another trainee.",
        "这场演练是给另一位学员的。",
    ),
    "live.refused.wait": ("Wait for the customer to speak.", "请等客户说完再回复。"),
    "live.trainee": ("trainee", "学员"),
    "live.host": ("customer played by", "扮演客户"),
    "live.no_trainee": ("not joined yet", "尚未加入"),
    "live.host_title": ("you play the customer", "你来扮演客户"),
    "live.watch_title": ("projector view", "投屏视图"),
    "live.script_mood": ("script mood", "剧本情绪"),
    "live.reply_due": ("reply due", "回复倒计时"),
    "live.facts": ("Facts told (key elements)", "已透露的信息（关键要素）"),
    "live.harsh": ("Harshest lines (F5)", "最狠的台词（F5）"),
    "live.line_placeholder": (
        "The customer's line: Enter sends it",
        "客户要说的话，按回车发送",
    ),
    "live.suggestion": ("The script suggests this line", "剧本建议这样说"),
    "live.script_would": ("the script would end it now: {outcome}", "按剧本此刻会结束：{outcome}"),
    "live.waiting_reply": ("Waiting for the trainee's reply…", "等待学员回复……"),
    "live.you_speak": ("You are the customer", "由你扮演客户"),
    "live.script_speaks": ("The script answers (F9: take back)", "剧本在回答（F9 收回）"),
    "live.joined": ("{name} has joined as the trainee.", "{name} 以学员身份加入了。"),
    "live.handed_over": ("Handed over to the script.", "已交给剧本接管。"),
    "live.taken_back": ("The instructor is the customer again.", "讲师重新接手扮演客户。"),
    "live.moves": ("moves", "话术动作"),
    "live.move.apology": ("apology", "道歉"),
    "live.move.empathy": ("empathy", "共情"),
    "live.move.thanks": ("thanks", "致谢"),
    "live.move.question": ("question", "提问"),
    "live.move.promise": ("promise", "承诺"),
    "live.move.preframe": ("preframe", "预告"),
    "live.move.summary": ("summary", "复述确认"),
    "live.move.defend": ("defend", "辩解"),
    "live.move.rude": ("rude", "失礼"),
    "live.move.admission": ("admission", "过早认错"),
    "live.move.backchannel": ("backchannel", "应答"),
    "live.flag.guarantee": ("guarantee", "打包票"),
    "live.flag.deadline": ("deadline", "时限"),
    "live.flag.compensation": ("compensation", "赔偿"),
    "live.over": ("The call is over.", "通话已结束。"),
    "live.recorded": ("Saved as call #{id}.", "已保存为第 {id} 通记录。"),
    "live.saving": ("saving the call…", "正在保存通话……"),
    "live.saved_score": (
        "Saved as call #{id}: overall {overall}.",
        "已保存为第 {id} 通：总分 {overall}。",
    ),
    "live.waiting_opening": (
        "Live drill {code}: {host} is about to call. Get ready…",
        "实战演练 {code}：{host} 马上就要打进来了，请做好准备……",
    ),
    "live.trainee.end_by_host": (
        "The instructor ends a live call; Esc steps out.",
        "实战通话由讲师结束；按 Esc 可以退出。",
    ),
    "live.key.send_script": ("Send suggestion", "发送建议台词"),
    "live.key.harsh": ("Harsh lines", "狠话"),
    "live.key.facts": ("Facts", "信息"),
    "live.key.calmer": ("Calmer", "消点气"),
    "live.key.angrier": ("Angrier", "更火大"),
    "live.key.hand_over": ("Script / you", "剧本/你来"),
    "live.key.end": ("End: resolved", "结束：已解决"),
    "live.key.hang_up": ("Hang up", "挂断"),
    "live.home.host": ("Host a live drill", "主持实战演练"),
    "live.home.about": (
        "Play the highlighted scenario's customer yourself; a trainee joins with the code",
        "由你亲自扮演所选场景的客户，学员用加入码加入",
    ),
    "live.cli.code": (
        "Live drill {code} on {scenario}. The trainee joins with:  hotseat live join {code}",
        "实战演练 {code}（{scenario}）。学员加入命令：hotseat live join {code}",
    ),
    "live.cli.no_name": (
        "Who is the trainee? Give --trainee NAME.",
        "请用 --trainee 姓名 说明学员是谁。",
    ),
    "live.cli.changed": (
        "{scenario} has changed since the drill began; open it from the same file.",
        "演练开始后 {scenario} 已被修改，请使用同一个场景文件。",
    ),
    "live.cli.draw_needs_class": (
        "--draw draws from a class: give --class NAME too.",
        "--draw 要从班级里抽签，请同时给出 --class 班级名。",
    ),
    "live.cli.drawn": ("The lot falls on {name}.", "抽中了 {name}。"),
    "live.cli.exported": ("{n} customer lines written to {path}", "已把 {n} 句客户台词写入 {path}"),
}
TEXTS.update(LIVE_TEXTS)


def fill(pair: tuple[str, str], lang: Lang, **values: object) -> str:
    """One (en, zh) text in ``lang`` with ``{name}`` filled; every label table goes through it."""
    en, zh = pair
    text = zh if lang == "zh" else en
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def t(key: str, lang: Lang, **values: object) -> str:
    """The label for ``key`` in ``lang``, with ``{name}`` placeholders filled."""
    return fill(TEXTS[key], lang, **values)


def colon(lang: Lang) -> str:
    """The label separator: a full-width colon in Chinese, so the text after it wraps in place."""
    return "：" if lang == "zh" else ": "


def rule_label(code: str, name: str, lang: Lang) -> str:
    """A rule as a reader sees it: its code, then its name, which in Chinese is the rule's
    Chinese title (the name itself is an English slug, e.g. "PR001 打包票", not "guarantee")."""
    if lang != "zh":
        return f"{code} {name}"
    from hotseat.rules.registry import get_rule  # only when a rule is shown: the CLI stays light

    try:
        title = get_rule(code).doc(lang).title
    except KeyError:  # a code this version does not know (an old record): its slug still says
        title = name
    return f"{code} {title}"


def turn_label(turn: int, lang: Lang) -> str:
    """ "turn 3" / "第3轮", or "whole call" for call-level findings (turn 0)."""
    if turn == 0:
        return t("whole_call", lang)
    return t("turn", lang, n=turn) if lang == "zh" else f"{t('turn', lang)} {turn}"


def ui_lang(explicit: str | None = None) -> Lang:
    """The interface language: an explicit choice, else the locale (zh_* gives Chinese)."""
    if explicit in ("zh", "en"):
        return explicit  # type: ignore[return-value]
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    code = locale.getlocale()[0] or ""
    return "zh" if code.lower().startswith("zh") else "en"

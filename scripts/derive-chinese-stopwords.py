#!/usr/bin/env python3
"""Derives Sources/ParleyNLP/Resources/stopwords_zh.txt.

The Chinese list of stopwords-iso (PyPI stopwordsiso 0.7.1, `stopwords-iso.json`,
key "zh"; MIT licence, see Sources/ParleyNLP/Resources/STOPWORDS-ISO-NOTICE.txt),
less the words that carry intent, as Parley's English list keeps them
(`Stopwords.english`): negations (不 没 没有 别 …), question words (什么 怎么
哪 为什么 几 多少 …) and modal verbs (能 可以 要 想 …); punctuation entries are
left out too (they are no tokens). One word a line, sorted; not edited by hand.

How to run it, from the repository root:

    python3 -m venv /tmp/zhvenv && /tmp/zhvenv/bin/pip install stopwordsiso==0.7.1
    /tmp/zhvenv/bin/python scripts/derive-chinese-stopwords.py > Sources/ParleyNLP/Resources/stopwords_zh.txt
"""

import json
import os
import unicodedata

KEEP = set(
    "不 不是 不能 不会 不要 不用 不必 没 没有 别 未 无 非 勿 莫 "
    "什么 什么样 怎么 怎么办 怎么样 怎样 哪 哪儿 哪里 哪个 哪些 哪怕 为什么 为何 何 何时 何处 几 几时 多少 谁 吗 "
    "能 能否 可以 可 会 要 想 应该 应当 需要 得 必须 肯 敢 "
    "还 还是 已经 再".split()
)


def main():
    import stopwordsiso

    path = os.path.join(os.path.dirname(stopwordsiso.__file__), "stopwords-iso.json")
    with open(path, encoding="utf-8") as handle:
        words = json.load(handle)["zh"]
    kept = set()
    for word in words:
        word = word.strip()
        if not word or word in KEEP:
            continue
        if all(unicodedata.category(c).startswith(("P", "S", "Z")) for c in word):
            continue
        kept.add(word)
    print("# Derived by scripts/derive-chinese-stopwords.py from stopwords-iso's Chinese list (stopwordsiso 0.7.1,")
    print("# MIT licence: STOPWORDS-ISO-NOTICE.txt), less words that carry intent. Do not edit by hand.")
    for word in sorted(kept):
        print(word)


if __name__ == "__main__":
    main()

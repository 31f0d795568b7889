#!/usr/bin/env python3
"""Derives Sources/ParleyNLP/Resources/stopwords_LANG.txt for LANG zh or ja.

The language's list of stopwords-iso (PyPI stopwordsiso 0.7.1, `stopwords-iso.json`;
MIT licence, see Sources/ParleyNLP/Resources/STOPWORDS-ISO-NOTICE.txt), less the
words that carry intent, as Parley's English list keeps them (`Stopwords.english`):
negations (不 没 没有 别 …; ない ず …), question words (什么 怎么 哪 为什么 几 多少 …;
どこ 何 だれ どの …) and modal verbs (能 可以 要 想 …; できる …); punctuation entries
are left out too (they are no tokens). One word a line, sorted; not edited by hand.

Korean has no list: Korean words carry their particles ("주문은"), so whole-word
stopwords seldom match, and stopwords-iso's Korean list also holds feelings and
verbs of content ("좋아", "도착하다") and phrases with spaces, which never are one token.

How to run it, from the repository root:

    python3 -m venv /tmp/zhvenv && /tmp/zhvenv/bin/pip install stopwordsiso==0.7.1
    /tmp/zhvenv/bin/python scripts/derive-stopwords.py zh > Sources/ParleyNLP/Resources/stopwords_zh.txt
    /tmp/zhvenv/bin/python scripts/derive-stopwords.py ja > Sources/ParleyNLP/Resources/stopwords_ja.txt
"""

import argparse
import json
import os
import unicodedata

KEEP = {
    "zh": set(
        "不 不是 不能 不会 不要 不用 不必 没 没有 别 未 无 非 勿 莫 "
    "什么 什么样 怎么 怎么办 怎么样 怎样 哪 哪儿 哪里 哪个 哪些 哪怕 为什么 为何 何 何时 何处 几 几时 多少 谁 吗 "
    "能 能否 可以 可 会 要 想 应该 应当 需要 得 必须 肯 敢 "
    "还 还是 已经 再".split()
    ),
    # Negations (ない and its forms, ず, ん as in ません), question words and ability (できる).
    "ja": set("ない なかっ なく ず ん どこ 何 なに なん だれ どの でき できる".split()),
}
NAMES = {"zh": "Chinese", "ja": "Japanese"}


def main():
    import stopwordsiso

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("language", choices=sorted(KEEP))
    language = parser.parse_args().language

    path = os.path.join(os.path.dirname(stopwordsiso.__file__), "stopwords-iso.json")
    with open(path, encoding="utf-8") as handle:
        words = json.load(handle)[language]
    kept = set()
    for word in words:
        word = word.strip()
        if not word or word in KEEP[language]:
            continue
        if all(unicodedata.category(c).startswith(("P", "S", "Z")) for c in word):
            continue
        kept.add(word)
    print(f"# Derived by scripts/derive-stopwords.py {language} from stopwords-iso's {NAMES[language]} list (stopwordsiso 0.7.1,")
    print("# MIT licence: STOPWORDS-ISO-NOTICE.txt), less words that carry intent. Do not edit by hand.")
    for word in sorted(kept):
        print(word)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Derives Sources/ParleyNLP/Resources/vader_emoji_valences.txt.

VADER (vaderSentiment 3.3.2) scores an emoji by replacing it with its
description from emoji_utf8_lexicon.txt ("😀" -> "grinning face") and scoring
those words. Parley keeps, for each emoji, the sum of the lexicon valences of
its description's words (lower-cased; words not in the lexicon count 0),
rounded to 4 decimals, and leaves out emoji whose sum is 0. Lines keep the
order of emoji_utf8_lexicon.txt. (Parley looks an emoji up by its first
Unicode scalar, so of several sequences sharing one, the last line wins.)

How to run it, from the repository root (Python 3 standard library only;
emoji_utf8_lexicon.txt is not shipped with Parley, take it from PyPI's
vaderSentiment 3.3.2, MIT licence):

    python3 -m venv /tmp/vader && /tmp/vader/bin/pip install vaderSentiment==3.3.2
    python3 scripts/derive-vader-emoji-valences.py \
        --emoji "$(/tmp/vader/bin/python -c 'import vaderSentiment, os; print(os.path.dirname(vaderSentiment.__file__))')/emoji_utf8_lexicon.txt" \
        > Sources/ParleyNLP/Resources/vader_emoji_valences.txt

Without --emoji it imports vaderSentiment from the running interpreter to
find the file. The lexicon read is Parley's copy of vader_lexicon.txt
(--lexicon to use another).
"""

import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_LEXICON = os.path.join(HERE, "..", "Sources", "ParleyNLP", "Resources", "vader_lexicon.txt")


def read_lexicon(path):
    """token -> mean valence; a token listed twice keeps its last value, as in vaderSentiment."""
    lexicon = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            token, measure = line.split("\t")[0:2]
            lexicon[token] = float(measure)
    return lexicon


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lexicon", default=DEFAULT_LEXICON)
    parser.add_argument("--emoji", help="emoji_utf8_lexicon.txt of vaderSentiment 3.3.2")
    args = parser.parse_args()
    emoji_path = args.emoji
    if emoji_path is None:
        import vaderSentiment  # noqa: PLC0415 (only needed without --emoji)

        emoji_path = os.path.join(os.path.dirname(vaderSentiment.__file__), "emoji_utf8_lexicon.txt")
    lexicon = read_lexicon(args.lexicon)
    out = sys.stdout
    out.write("# Emoji valences for Parley's sentiment rules, derived from vaderSentiment 3.3.2\n")
    out.write("# (MIT licence, see VADER-LICENSE.txt) by scripts/derive-vader-emoji-valences.py:\n")
    out.write("# each emoji of emoji_utf8_lexicon.txt with the summed valence of its description's\n")
    out.write("# words in vader_lexicon.txt; emoji summing to 0 are left out. Do not edit by hand.\n")
    with open(emoji_path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line:
                continue
            emoji, description = line.split("\t")[0:2]
            total = round(sum(lexicon.get(word.lower(), 0.0) for word in description.split()), 4)
            if total != 0:
                out.write(f"{emoji}\t{total}\n")


if __name__ == "__main__":
    main()

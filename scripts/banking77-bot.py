#!/usr/bin/env python3
"""Writes BANKING77's training set as a Parley bot's files, for benchmarks on a big bot.

BANKING77 (Casanueva et al. 2020, CC BY 4.0; ../shared/datasets/banking77) has 77 intents
and 10,003 training examples. This writes OUT/intents/banking77.yml (every example, under
its category as the intent, lower-cased), OUT/responses/banking77.yml (one reply per intent, naming it)
and OUT/bot.yml (English, no office hours, no demo shop), so that

    parley serve --intents OUT/intents --responses OUT/responses --config OUT/bot.yml

serves a 77-intent bot, and `parley-bench chat --reload-token …` can retrain it while
customers chat (docs/BENCHMARKS.md). Needs only Python's standard library.

Usage: scripts/banking77-bot.py [--train ../shared/datasets/banking77/train.csv] OUT
"""

import argparse
import csv
import json
import os
import re
from collections import defaultdict


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", default="../shared/datasets/banking77/train.csv")
    parser.add_argument("out")
    arguments = parser.parse_args()

    examples = defaultdict(list)
    with open(arguments.train, newline="", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            # Parley's intent names are lower-case letters, digits and _ ("Refund_not_showing_up",
            # "reverted_card_payment?" in BANKING77).
            intent = re.sub(r"[^a-z0-9_]", "", row["category"].lower())
            examples[intent].append(" ".join(row["text"].split()))

    for folder in ("intents", "responses"):
        os.makedirs(os.path.join(arguments.out, folder), exist_ok=True)
    # JSON strings are YAML strings: quoting every example keeps `[`, `:` and `#` literal.
    with open(os.path.join(arguments.out, "intents", "banking77.yml"), "w", encoding="utf-8") as file:
        file.write("intents:\n")
        for intent in sorted(examples):
            file.write(f"  - intent: {intent}\n    examples:\n")
            for text in examples[intent]:
                file.write(f"      - {json.dumps(text, ensure_ascii=False)}\n")
    with open(os.path.join(arguments.out, "responses", "banking77.yml"), "w", encoding="utf-8") as file:
        file.write("responses:\n")
        for intent in sorted(examples):
            reply = "This is about " + intent.replace("_", " ") + "."
            file.write(f"  - intent: {intent}\n    replies:\n      - {json.dumps(reply)}\n")
    with open(os.path.join(arguments.out, "bot.yml"), "w", encoding="utf-8") as file:
        file.write("name: Bank Assistant\nlanguage: en\ndemo_shop: false\n")
    total = sum(len(texts) for texts in examples.values())
    print(f"{len(examples)} intents, {total} examples in {arguments.out}")


if __name__ == "__main__":
    main()

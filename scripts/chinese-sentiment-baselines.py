#!/usr/bin/env python3
"""Learned classifiers beside Parley's Chinese sentiment, on SnowNLP's reviews.

Trained on the lines at even positions of SnowNLP 0.12.3's `neg.txt` and
`pos.txt` (as the derived lexicon is) and measured on the odd ones, like
`scripts/measure-chinese-sentiment.py` (whose line selection and report this
script reuses; --unseen drops the odd lines that repeat an even line):

- `nb`: multinomial naive Bayes log-count ratios over character 1-2-grams
  (each n-gram once a line, in at least 2 lines, add-one smoothing), the sign
  of the summed ratios of a line's n-grams;
- `lr`: scikit-learn character 1-3-gram TF-IDF (sublinear tf, in at least 2
  lines) + LogisticRegression (C=4);
- `snownlp` (with --snownlp; about 20 minutes): SnowNLP's own classifier
  (`snownlp.sentiment.Sentiment`, naive Bayes over its words) trained on the
  even lines only, probability >= 0.5 positive: on the unseen lines it tells
  how far they are from reviews SnowNLP never saw;
- `parley+nb`, `parley+lr`: Parley's score taken back to VADER's sum
  (s * sqrt(15 / (1 - s^2))) plus --nb-weight (or --lr-weight) times the
  classifier's score.

For each it prints the report of Parley's labels or of the sign, and the best accuracy with
negative precision >= 0.90 when a threshold (at a half percentile of the
scores) is chosen on the measured lines themselves (optimistic: the threshold is fitted to the answers). With
--intents, also how many of the demo bot's examples `nb` calls polar with
|log-odds| >= 2 (Parley calls everyday requests neutral). Only reads the
reviews; copies nothing into the repository.

How to run it, from the repository root (a debug build of `parley` first):

    python3 -m venv /tmp/zhvenv && /tmp/zhvenv/bin/pip install snownlp==0.12.3 scikit-learn pyyaml
    /tmp/zhvenv/bin/python scripts/chinese-sentiment-baselines.py --half odd --unseen \\
        --intents examples/zh-shop/intents --responses examples/zh-shop/responses \\
        --config examples/zh-shop/bot.yml
"""

import argparse
import collections
import glob
import importlib.util
import json
import math
import os
import re
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ANNOTATION = re.compile(r"\[([^\]]+)\]\([^)]+\)")


def measure_module():
    spec = importlib.util.spec_from_file_location("measure", os.path.join(HERE, "measure-chinese-sentiment.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def normalized(text):
    return unicodedata.normalize("NFKC", text).lower()


def ngrams(text):
    text = normalized(text)
    return {text[i:i + n] for n in (1, 2) for i in range(len(text) - n + 1) if not text[i:i + n].isspace()}


def naive_bayes(lines):
    counts = {"negative": collections.Counter(), "positive": collections.Counter()}
    for line, label in lines:
        counts[label].update(ngrams(line))
    vocabulary = [g for g in set(counts["negative"]) | set(counts["positive"])
                  if counts["negative"][g] + counts["positive"][g] >= 2]
    totals = {label: sum(counts[label][g] for g in vocabulary) + len(vocabulary) for label in counts}
    return {g: math.log((counts["positive"][g] + 1) / totals["positive"])
            - math.log((counts["negative"][g] + 1) / totals["negative"]) for g in vocabulary}


def best_at_precision(scores, gold, report):
    """The report with the best accuracy and negative precision >= 0.90 among thresholds at every
    half percentile of the scores (negative below the threshold), or None."""
    ordered = sorted(scores)
    best = None
    for step in range(1, 200):
        threshold = ordered[len(ordered) * step // 200]
        result = report(["negative" if s < threshold else "positive" for s in scores], gold)
        if (result["negative_precision"] or 0) >= 0.9 and (best is None or result["accuracy"] > best["accuracy"]):
            best = dict(result, threshold=round(threshold, 3))
    return best


def demo_examples(folder):
    import yaml

    texts = []
    for name in sorted(glob.glob(os.path.join(folder, "**", "*.yml"), recursive=True)):
        with open(name, encoding="utf-8") as handle:
            for intent in (yaml.safe_load(handle) or {}).get("intents", []):
                texts += [ANNOTATION.sub(r"\1", str(example)) for example in intent.get("examples", [])]
    return texts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parley", default=".build/debug/parley")
    parser.add_argument("--intents", required=True)
    parser.add_argument("--responses", required=True)
    parser.add_argument("--config", required=True)
    parser.add_argument("--half", choices=["odd"], default="odd")
    parser.add_argument("--unseen", action="store_true")
    parser.add_argument("--snownlp", action="store_true", help="also SnowNLP's classifier trained on the even lines")
    parser.add_argument("--nb-weight", type=float, default=0.3, help="weight of nb beside Parley's sum")
    parser.add_argument("--lr-weight", type=float, default=20, help="weight of lr beside Parley's sum")
    args = parser.parse_args()

    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    measure = measure_module()
    training = measure.reviews(0, "even")
    items = measure.reviews(0, args.half, args.unseen)
    gold = [label for _, label in items]
    sentiments = measure.parley_scores(args.parley, args.intents, args.responses, args.config, items)
    parley = [score for score, _ in sentiments]
    parley_sum = [s * math.sqrt(15 / (1 - s * s)) if abs(s) < 1 else 0 for s in parley]

    weights = naive_bayes(training)
    nb = [sum(weights.get(g, 0) for g in ngrams(line)) for line, _ in items]
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), min_df=2, sublinear_tf=True,
                                 preprocessor=normalized)
    model = LogisticRegression(C=4, max_iter=2000)
    model.fit(vectorizer.fit_transform([line for line, _ in training]),
              [label == "positive" for _, label in training])
    lr = list(model.decision_function(vectorizer.transform([line for line, _ in items])))

    candidates = {"parley": parley_sum, "nb": nb, "lr": lr,
                  "parley+nb": [p + args.nb_weight * n for p, n in zip(parley_sum, nb)],
                  "parley+lr": [p + args.lr_weight * v for p, v in zip(parley_sum, lr)]}
    if args.snownlp:
        from snownlp import sentiment

        classifier = sentiment.Sentiment()
        classifier.train([line for line, label in training if label == "negative"],
                         [line for line, label in training if label == "positive"])
        candidates["snownlp"] = [classifier.classify(line) - 0.5 for line, _ in items]
    output = {"lines": len(items), "nb_features": len(weights)}
    for name, scores in candidates.items():
        signs = ([label for _, label in sentiments] if name == "parley"
                 else ["positive" if s > 0 else "negative" if s < 0 else "neutral" for s in scores])
        output[name] = {"labels": measure.report(signs, gold),
                        "best_at_negative_precision_0.90": best_at_precision(scores, gold, measure.report)}
    if args.intents:
        texts = demo_examples(args.intents)
        polar = sum(abs(sum(weights.get(g, 0) for g in ngrams(text))) >= 2 for text in texts)
        output["nb_polar_demo_examples"] = f"{polar} of {len(texts)}"
    print(json.dumps(output, indent=1))


if __name__ == "__main__":
    main()

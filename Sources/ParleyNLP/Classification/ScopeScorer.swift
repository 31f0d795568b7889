internal import Foundation

/// How surely a message is one of the bot's intents: the score its fallback threshold is set on
/// when the threshold is fitted (`fallback_threshold: auto`).
///
/// Two views of the top intent: its confidence (the softmax), and its *neighbour similarity*, the
/// highest cosine between the message's decision values (every intent's linear score, as a
/// direction) and those of a training example of that intent, each example's taken from a model
/// that did not see it (out of fold). A message of an intent the bot does not know can have a
/// confident top intent, but its pattern of scores over all intents seldom looks like any
/// example's. Each view is standardised by its mean and standard deviation over the training
/// examples' out-of-fold predictions, and so is their sum, the similarity weighted by how much it
/// helps on out-of-scope messages seen at training time (see `Evaluator`); the score is the logistic of that,
/// in (0, 1): 0.5 for a message as typical as the average example, about 0.05 three standard
/// deviations below it.
///
/// Measured on BANKING77 with a quarter of its intents held out (see docs/TRAINING.md): at the
/// same loss of in-scope accuracy it catches more of the held-out intents than the confidence
/// alone, which is what it replaces for the fallback. Parley's own method; no outside source.
public struct ScopeScorer: Sendable {
    /// The number of intents, so the length of every decision vector.
    public let classCount: Int
    /// Per intent, its examples' out-of-fold decision vectors scaled to unit length, one after
    /// another (`classCount` values each).
    public let neighbours: [[Float]]
    public let confidenceMean: Double
    public let confidenceDeviation: Double
    public let similarityMean: Double
    public let similarityDeviation: Double
    /// How much the similarity counts beside the confidence, from 0 (not at all) to 1 (as much).
    public let similarityWeight: Double
    /// The standard deviation of the two standardised views' weighted sum.
    public let sumDeviation: Double

    public init(
        classCount: Int, neighbours: [[Float]], confidenceMean: Double, confidenceDeviation: Double,
        similarityMean: Double, similarityDeviation: Double, similarityWeight: Double, sumDeviation: Double
    ) {
        self.classCount = classCount
        self.neighbours = neighbours
        self.confidenceMean = confidenceMean
        self.confidenceDeviation = confidenceDeviation
        self.similarityMean = similarityMean
        self.similarityDeviation = similarityDeviation
        self.similarityWeight = similarityWeight
        self.sumDeviation = sumDeviation
    }

    /// The same scorer without neighbours, for a similarity weighed at 0.
    public func withoutNeighbours() -> ScopeScorer {
        ScopeScorer(
            classCount: classCount, neighbours: neighbours.map { _ in [] }, confidenceMean: confidenceMean,
            confidenceDeviation: confidenceDeviation, similarityMean: similarityMean,
            similarityDeviation: similarityDeviation, similarityWeight: similarityWeight, sumDeviation: sumDeviation)
    }

    /// The score of a message whose top intent has `confidence` (0–1) and `similarity` (−1–1).
    public func score(confidence: Double, similarity: Double) -> Double {
        1 / (1 + exp(-sum(confidence: confidence, similarity: similarity) / max(sumDeviation, 1e-6)))
    }

    /// The two views standardised and added, the similarity weighted.
    func sum(confidence: Double, similarity: Double) -> Double {
        (confidence - confidenceMean) / max(confidenceDeviation, 1e-6)
            + similarityWeight * (similarity - similarityMean) / max(similarityDeviation, 1e-6)
    }

    /// The highest cosine between decision values `scores` (`classCount` of them) and an example
    /// of intent `intent`, leaving out that intent's example number `excluding` (its own vector,
    /// when the message is one of the examples); −1 when the intent has no other example.
    public func similarity(_ scores: [Float], to intent: Int, excluding: Int? = nil) -> Double {
        guard intent >= 0, intent < neighbours.count, scores.count == classCount else { return -1 }
        let unit = Self.unitLength(scores)
        let count = classCount
        var best: Float = -1
        unit.withUnsafeBufferPointer { unit in
            neighbours[intent].withUnsafeBufferPointer { rows in
                var row = 0
                var offset = 0
                while offset + count <= rows.count {
                    if row != excluding {
                        var dot: Float = 0
                        for k in 0..<count { dot += unit[k] * rows[offset + k] }
                        best = max(best, dot)
                    }
                    row += 1
                    offset += count
                }
            }
        }
        return Double(best)
    }

    /// The scorer fitted to out-of-fold predictions (their `confidences` and `similarities`, from
    /// `outOfFoldNeighbours`), with the similarity weighing `similarityWeight` (0–1) against the
    /// confidence.
    public init(
        classCount: Int, neighbours: [[Float]], confidences: [Double], similarities: [Double],
        similarityWeight: Double
    ) {
        let (confidenceMean, confidenceDeviation) = Self.meanAndDeviation(confidences)
        let (similarityMean, similarityDeviation) = Self.meanAndDeviation(similarities)
        let unscaled = ScopeScorer(
            classCount: classCount, neighbours: neighbours, confidenceMean: confidenceMean,
            confidenceDeviation: confidenceDeviation, similarityMean: similarityMean,
            similarityDeviation: similarityDeviation, similarityWeight: similarityWeight, sumDeviation: 1)
        let (_, sumDeviation) = Self.meanAndDeviation(
            zip(confidences, similarities).map { unscaled.sum(confidence: $0, similarity: $1) })
        self.init(
            classCount: classCount, neighbours: neighbours, confidenceMean: confidenceMean,
            confidenceDeviation: confidenceDeviation, similarityMean: similarityMean,
            similarityDeviation: similarityDeviation, similarityWeight: similarityWeight, sumDeviation: sumDeviation)
    }

    /// The neighbours of out-of-fold predictions, each example's decision values (`vectors`)
    /// under its intent (`labels`), and each example's similarity to its top intent (`predicted`),
    /// its own vector left out.
    public static func outOfFoldNeighbours(
        vectors: [[Float]], labels: [Int], predicted: [Int], classCount: Int
    ) -> (neighbours: [[Float]], similarities: [Double]) {
        var neighbours = [[Float]](repeating: [], count: classCount)
        var position = [Int](repeating: 0, count: vectors.count)
        for (index, vector) in vectors.enumerated() where labels[index] >= 0 && labels[index] < classCount {
            position[index] = neighbours[labels[index]].count / classCount
            neighbours[labels[index]] += unitLength(vector)
        }
        let scorer = ScopeScorer(
            classCount: classCount, neighbours: neighbours, confidenceMean: 0, confidenceDeviation: 1,
            similarityMean: 0, similarityDeviation: 1, similarityWeight: 1, sumDeviation: 1)
        let similarities = vectors.indices.map { index in
            scorer.similarity(
                vectors[index], to: predicted[index],
                excluding: predicted[index] == labels[index] ? position[index] : nil)
        }
        return (neighbours, similarities)
    }

    static func unitLength(_ vector: [Float]) -> [Float] {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? vector.map { $0 / norm } : vector
    }

    static func meanAndDeviation(_ values: [Double]) -> (Double, Double) {
        guard !values.isEmpty else { return (0, 1) }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        return (mean, variance.squareRoot())
    }
}

internal import Foundation

/// The trained intent classifier: TF-IDF features and a linear model.
///
/// An immutable value: share it across threads freely. Confidence is a
/// softmax over the linear models' decision values, sharpened by
/// `confidenceScale`, so a fallback threshold can be set on it.
public struct IntentClassifier: Sendable {
    /// Intent names, in class order.
    public let labels: [String]
    public let hasher: FeatureHasher
    public let vectorizer: TfidfVectorizer
    public let model: LinearModel
    /// Multiplies decision values before the softmax.
    public let confidenceScale: Float
    /// Corrects misspelt words before features are taken; nil leaves them.
    public let corrector: SpellingCorrector?
    /// Scores the top intent for the fallback (`IntentPrediction.inScope`); nil when the
    /// fallback threshold is a fixed number, which applies to the confidence.
    public let scope: ScopeScorer?

    public init(
        labels: [String],
        hasher: FeatureHasher,
        vectorizer: TfidfVectorizer,
        model: LinearModel,
        confidenceScale: Float,
        corrector: SpellingCorrector? = nil,
        scope: ScopeScorer? = nil
    ) {
        self.labels = labels
        self.hasher = hasher
        self.vectorizer = vectorizer
        self.model = model
        self.confidenceScale = confidenceScale
        self.corrector = corrector
        self.scope = scope
    }

    /// The same classifier with `scope` scoring its top intents.
    public func scored(by scope: ScopeScorer?) -> IntentClassifier {
        IntentClassifier(
            labels: labels, hasher: hasher, vectorizer: vectorizer, model: model, confidenceScale: confidenceScale,
            corrector: corrector, scope: scope)
    }

    /// The default sharpening of decision values into confidences.
    public static let defaultConfidenceScale: Float = 5

    /// Trains a classifier on preprocessed messages and their intent names.
    ///
    /// Labels are ordered by name, so the result does not depend on the order
    /// of the examples' files.
    public static func train(
        examples: [(text: PreprocessedText, intent: String)],
        features: FeatureConfiguration = FeatureConfiguration(),
        stopwords: Stopwords = .english,
        trainer: LinearSVMTrainer = LinearSVMTrainer(),
        confidenceScale: Float = defaultConfidenceScale
    ) -> IntentClassifier {
        let labels = Array(Set(examples.map(\.intent))).sorted()
        let classOf = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let hasher = FeatureHasher(configuration: features, stopwords: stopwords)
        let keys = examples.map { hasher.keys(of: $0.text) }
        let vectorizer = TfidfVectorizer.fit(keys, configuration: features)
        let vectors = keys.map(vectorizer.vectorize)
        let model = trainer.train(
            vectors: vectors,
            labels: examples.map { classOf[$0.intent]! },
            classCount: labels.count,
            dimension: vectorizer.dimension
        )
        return IntentClassifier(
            labels: labels,
            hasher: hasher,
            vectorizer: vectorizer,
            model: model,
            confidenceScale: confidenceScale,
            corrector: features.correctsSpelling ? SpellingCorrector.fit(examples.map(\.text)) : nil
        )
    }

    /// The share of `text`'s words (of an alphabetic script) that are in the model's vocabulary,
    /// from 0 to 1; 0 for a message without such words.
    public func knownWordShare(of text: PreprocessedText) -> Double {
        let text = corrector?.correct(text) ?? text
        var (words, known) = (0, 0)
        for (token, stem) in zip(text.tokens, text.stems) where token.kind == .word {
            words += 1
            if vectorizer.vocabulary.column(of: FeatureHasher.hash(stem, seed: FeatureHasher.wordSeed)) != nil {
                known += 1
            }
        }
        return words == 0 ? 0 : Double(known) / Double(words)
    }

    /// The `limit` most likely intents for `text`, most likely first; none
    /// when the message has no feature the model knows (empty, only emoji, an
    /// unknown script). Confidences are over all intents, so they sum to 1
    /// only when `limit` covers every intent.
    public func predict(_ text: PreprocessedText, limit: Int = .max) -> [IntentPrediction] {
        guard let scores = decisionValues(of: text) else { return [] }
        return predictions(fromDecisionValues: scores, limit: limit)
    }

    /// The linear models' decision values for `text`, one per intent in `labels` order; nil when
    /// the message has no feature the model knows.
    public func decisionValues(of text: PreprocessedText) -> [Float]? {
        let vector = vectorizer.vectorize(hasher.keys(of: corrector?.correct(text) ?? text))
        return vector.indices.isEmpty ? nil : model.scores(vector)
    }

    /// The `limit` most likely intents given decision values `scores` (see `predict`); the first
    /// has its `inScope` score when the classifier has a `scope`.
    public func predictions(fromDecisionValues scores: [Float], limit: Int) -> [IntentPrediction] {
        guard limit > 0, let top = scores.max() else { return [] }
        var total: Float = 0
        for score in scores { total += exp((score - top) * confidenceScale) }
        // Selection of the best `limit` classes: ties go to the earlier name.
        var ranked: [Int] = []
        ranked.reserveCapacity(min(limit, scores.count))
        for k in scores.indices {
            if ranked.count == limit, let last = ranked.last, scores[last] >= scores[k] { continue }
            var position = ranked.count
            while position > 0 && scores[ranked[position - 1]] < scores[k] { position -= 1 }
            ranked.insert(k, at: position)
            if ranked.count > limit { ranked.removeLast() }
        }
        var predictions = ranked.map { k in
            IntentPrediction(
                name: labels[k],
                confidence: Double(exp((scores[k] - top) * confidenceScale) / total),
                score: Double(scores[k])
            )
        }
        if let scope, let first = ranked.first {
            let similarity = scope.similarityWeight > 0 ? scope.similarity(scores, to: first) : 0
            predictions[0].inScope = scope.score(confidence: predictions[0].confidence, similarity: similarity)
        }
        return predictions
    }
}

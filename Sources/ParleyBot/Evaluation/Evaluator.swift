internal import Crypto
internal import Foundation
public import ParleyNLP

/// Measures how well a bot understands messages it was not trained on:
/// stratified k-fold cross-validation inside a training set, or train → test.
///
/// The fallback threshold is always fitted on training data alone (on
/// out-of-fold predictions), never on the test set: see `ThresholdFit`.
public struct Evaluator: Sendable {
    public var configuration: NLUConfiguration
    /// Messages with this label are out of scope: the bot should fall back.
    public var outOfScopeLabel: String
    public var folds: Int
    /// The points of in-scope accuracy the fitted threshold may cost.
    public var accuracyLoss: Double
    /// Out-of-scope messages, each classified by one fold's model when the
    /// threshold is fitted: by default the built-in generic sentences of the language.
    public var outOfScopeSentences: [String]

    public init(
        configuration: NLUConfiguration = NLUConfiguration(), outOfScopeLabel: String = "out_of_scope", folds: Int = 5,
        accuracyLoss: Double = 1.5, outOfScopeSentences: [String]? = nil
    ) {
        self.configuration = configuration
        self.outOfScopeLabel = outOfScopeLabel
        self.folds = folds
        self.accuracyLoss = accuracyLoss
        self.outOfScopeSentences = outOfScopeSentences ?? GenericSentences.forLanguage(configuration.language)
    }

    /// One message's gold label and the classifier's top guess.
    struct Outcome {
        var text: String
        var expected: String
        var predicted: String
        var confidence: Double
        /// The top intent's in-scope score (`ScopeScorer`), once there is a scorer.
        var inScope: Double? = nil
        /// The decision values in the order of all the training set's intents; nil when the
        /// message had no known feature.
        var decisionValues: [Float]? = nil

        /// What the fallback threshold is compared with.
        var fallbackScore: Double { inScope ?? confidence }
    }

    /// How many misunderstood messages a report lists.
    static let mistakeLimit = 100

    /// Stratified k-fold cross-validation over `examples`.
    public func crossValidate(_ examples: [LabeledExample]) throws(EvaluationError) -> EvaluationReport {
        try checkTrainable(examples)
        let ((outcomes, generic, seconds), scope) = scored(outOfFold(examples), labels: Self.labels(of: examples))
        var fit = ThresholdFit.fit(outcomes + generic, outOfScopeLabel: outOfScopeLabel, accuracyLoss: accuracyLoss)
        fit.similarityWeight = scope.similarityWeight
        return report(
            outcomes, fit: fit, mode: "cross_validation", folds: folds, trainExamples: examples.count,
            trainSeconds: seconds)
    }

    /// Trains on `train` and measures on `test`.
    public func evaluate(train: [LabeledExample], test: [LabeledExample]) throws(EvaluationError) -> EvaluationReport {
        try checkTrainable(train)
        guard !test.isEmpty else { throw .noTestExamples }
        let clock = ContinuousClock()
        let started = clock.now
        let trained = configuration.train(train)
        let seconds = (clock.now - started).seconds
        let (outOfFold, scope) = scored(outOfFold(train), labels: trained.labels)
        var fit = ThresholdFit.fit(
            outOfFold.outcomes + outOfFold.generic, outOfScopeLabel: outOfScopeLabel, accuracyLoss: accuracyLoss)
        fit.similarityWeight = scope.similarityWeight
        let outcomes = predict(trained.scored(by: scope), test)
        return report(
            outcomes, fit: fit, mode: "test", folds: nil, trainExamples: train.count, trainSeconds: seconds)
    }

    /// The fallback threshold for a classifier trained on `examples`, fitted from their
    /// out-of-fold predictions, and the in-scope scorer it applies to.
    public func fitThreshold(_ examples: [LabeledExample]) throws(EvaluationError) -> (
        fit: ThresholdFit, scope: ScopeScorer
    ) {
        try checkTrainable(examples)
        let ((outcomes, generic, _), scope) = scored(outOfFold(examples), labels: Self.labels(of: examples))
        var fit = ThresholdFit.fit(outcomes + generic, outOfScopeLabel: outOfScopeLabel, accuracyLoss: accuracyLoss)
        fit.similarityWeight = scope.similarityWeight
        return (fit, scope)
    }

    /// The intents of `examples` in a classifier's order.
    static func labels(of examples: [LabeledExample]) -> [String] { Set(examples.map(\.intent)).sorted() }

    /// How much the neighbour similarity may count beside the confidence (`ScopeScorer`).
    static let similarityWeights = [0, 0.25, 0.5, 0.75, 1.0]

    /// Out-of-fold outcomes with their in-scope scores: a `ScopeScorer` fitted on the examples'
    /// outcomes (each example's own vector left out of its neighbours), which also scores the
    /// generic sentences. The similarity's weight is the one of `similarityWeights` under which
    /// the threshold fitted within `accuracyLoss` catches the most out-of-scope messages (the
    /// trainers' and the generic sentences), the highest of equals; 1 without any.
    func scored(
        _ outOfFold: (outcomes: [Outcome], generic: [Outcome], seconds: Double), labels: [String]
    ) -> (outcomes: (outcomes: [Outcome], generic: [Outcome], seconds: Double), scope: ScopeScorer) {
        let classOf = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let vectored = outOfFold.outcomes.indices.filter { outOfFold.outcomes[$0].decisionValues != nil }
        let (neighbours, similarities) = ScopeScorer.outOfFoldNeighbours(
            vectors: vectored.map { outOfFold.outcomes[$0].decisionValues! },
            labels: vectored.map { classOf[outOfFold.outcomes[$0].expected] ?? -1 },
            predicted: vectored.map { classOf[outOfFold.outcomes[$0].predicted] ?? -1 }, classCount: labels.count)
        let confidences = vectored.map { outOfFold.outcomes[$0].confidence }
        // The generic sentences' similarities, the same under every weight.
        let unweighted = ScopeScorer(
            classCount: labels.count, neighbours: neighbours, confidences: confidences, similarities: similarities,
            similarityWeight: 1)
        let genericSimilarities = outOfFold.generic.map { outcome in
            outcome.decisionValues.flatMap { values in
                classOf[outcome.predicted].map { unweighted.similarity(values, to: $0) }
            }
        }
        var best: (recall: Double, scope: ScopeScorer, outcomes: [Outcome], generic: [Outcome])?
        for weight in Self.similarityWeights {
            let scope = ScopeScorer(
                classCount: labels.count, neighbours: neighbours, confidences: confidences,
                similarities: similarities, similarityWeight: weight)
            var outcomes = outOfFold.outcomes
            for (index, similarity) in zip(vectored, similarities) {
                outcomes[index].inScope = scope.score(confidence: outcomes[index].confidence, similarity: similarity)
            }
            let generic = zip(outOfFold.generic, genericSimilarities).map { outcome, similarity in
                var outcome = outcome
                if let similarity {
                    outcome.inScope = scope.score(confidence: outcome.confidence, similarity: similarity)
                }
                return outcome
            }
            let fit = ThresholdFit.fit(outcomes + generic, outOfScopeLabel: outOfScopeLabel, accuracyLoss: accuracyLoss)
            let recall = fit.chosen.outOfScopeRecall ?? 0
            if best == nil || recall >= best!.recall { best = (recall, scope, outcomes, generic) }
        }
        // Weighed at 0, the neighbours change nothing: the model keeps none.
        let scope = best!.scope.similarityWeight > 0 ? best!.scope : best!.scope.withoutNeighbours()
        return ((best!.outcomes, best!.generic, outOfFold.seconds), scope)
    }

    func checkTrainable(_ examples: [LabeledExample]) throws(EvaluationError) {
        let intents = Set(examples.map(\.intent))
        guard intents.count >= 2 else { throw .tooFewIntents(intents.count) }
        guard folds >= 2 else { throw .tooFewFolds(folds) }
    }

    /// Out-of-fold predictions for every example, predictions of every one of
    /// `outOfScopeSentences` (labelled out of scope; each by one fold's model),
    /// and the mean training time.
    func outOfFold(_ examples: [LabeledExample]) -> (outcomes: [Outcome], generic: [Outcome], seconds: Double) {
        let assignment = Self.stratifiedFolds(examples, folds: folds)
        var outcomes = [Outcome?](repeating: nil, count: examples.count)
        var generic: [Outcome] = []
        let sentences = outOfScopeSentences.map {
            LabeledExample(text: $0, intent: outOfScopeLabel, location: SourceLocation(file: "generic", line: 1))
        }
        let labels = Self.labels(of: examples)
        var seconds = 0.0
        let clock = ContinuousClock()
        for fold in 0..<folds {
            let trainIndices = examples.indices.filter { assignment[$0] != fold }
            let testIndices = examples.indices.filter { assignment[$0] == fold }
            guard !testIndices.isEmpty, Set(trainIndices.map { examples[$0].intent }).count >= 2 else { continue }
            let started = clock.now
            let classifier = configuration.train(trainIndices.map { examples[$0] })
            seconds += (clock.now - started).seconds
            for (index, outcome) in zip(
                testIndices, predict(classifier, testIndices.map { examples[$0] }, labels: labels))
            {
                outcomes[index] = outcome
            }
            // Each generic sentence once, by one fold's model: none of them is ever trained on.
            generic += predict(
                classifier, sentences.indices.filter { $0 % folds == fold }.map { sentences[$0] }, labels: labels)
        }
        return (outcomes.compactMap { $0 }, generic, seconds / Double(folds))
    }

    /// The top intent of each example; decision values in the order of `labels` (the whole
    /// training set's intents, which a fold's classifier may lack some of: those get the fold's
    /// lowest value).
    func predict(_ classifier: IntentClassifier, _ examples: [LabeledExample], labels: [String]? = nil) -> [Outcome] {
        let preprocessor = configuration.preprocessor
        let labels = labels ?? classifier.labels
        let columns = labels.map { classifier.labels.firstIndex(of: $0) }
        return examples.map { example in
            let values = classifier.decisionValues(of: preprocessor.preprocess(example.text))
            let top = values.flatMap { classifier.predictions(fromDecisionValues: $0, limit: 1).first }
            let lowest = values?.min() ?? 0
            return Outcome(
                text: example.text, expected: example.intent, predicted: top?.name ?? outOfScopeLabel,
                confidence: top?.confidence ?? 0, inScope: top?.inScope,
                decisionValues: values.map { values in columns.map { $0.map { values[$0] } ?? lowest } })
        }
    }

    /// Fold numbers (0 to `folds` − 1) that spread every intent's examples
    /// evenly: within an intent the examples are dealt round the folds in the
    /// order of a hash of their text (`rank`; the same text twice by position),
    /// starting at a fold given by the intent's name. So a fold does not depend
    /// on the files' order, and adding or removing an example moves only
    /// examples of its own intent (those after it in that order), never
    /// another intent's: a reload's before-and-after comparison sees the
    /// change, not a reshuffle.
    static func stratifiedFolds(_ examples: [LabeledExample], folds: Int) -> [Int] {
        var byIntent: [String: [Int]] = [:]
        for (index, example) in examples.enumerated() { byIntent[example.intent, default: []].append(index) }
        var assignment = [Int](repeating: 0, count: examples.count)
        for (intent, indices) in byIntent {
            let dealt = indices.map { (hash: Self.rank(examples[$0].text), index: $0) }
                .sorted { ($0.hash, $0.index) < ($1.hash, $1.index) }
            let start = Int(Self.rank(intent) % UInt64(folds))
            for (position, example) in dealt.enumerated() { assignment[example.index] = (start + position) % folds }
        }
        return assignment
    }

    /// The first 8 bytes of the SHA-256 of `text`, as a number: an order of
    /// texts that no other text changes.
    static func rank(_ text: String) -> UInt64 {
        SHA256.hash(data: Data(text.utf8)).prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The answer after the fallback threshold: the intent, or out of scope.
    func apply(_ threshold: Double, to outcome: Outcome) -> String {
        outcome.fallbackScore < threshold ? outOfScopeLabel : outcome.predicted
    }

    /// The outcomes' top confidences in 20 bins of 0.05, right and wrong apart.
    static func histogram(_ outcomes: [Outcome]) -> [EvaluationReport.HistogramBin] {
        var bins = (0..<20).map {
            EvaluationReport.HistogramBin(lower: Double($0) / 20, upper: Double($0 + 1) / 20, correct: 0, wrong: 0)
        }
        for outcome in outcomes {
            let index = min(19, max(0, Int(outcome.confidence * 20)))
            if outcome.predicted == outcome.expected { bins[index].correct += 1 } else { bins[index].wrong += 1 }
        }
        return bins
    }

    func report(
        _ outcomes: [Outcome], fit: ThresholdFit, mode: String, folds: Int?, trainExamples: Int, trainSeconds: Double
    ) -> EvaluationReport {
        let threshold = fit.threshold
        let hasOutOfScope = outcomes.contains { $0.expected == outOfScopeLabel }
        let answers = outcomes.map { hasOutOfScope ? apply(threshold, to: $0) : $0.predicted }
        let correct = zip(outcomes, answers).filter { $0.expected == $1 }.count
        var truePositives: [String: Int] = [:]
        var predictedCount: [String: Int] = [:]
        var support: [String: Int] = [:]
        var confusions: [String: [String: Int]] = [:]
        for (outcome, answer) in zip(outcomes, answers) {
            support[outcome.expected, default: 0] += 1
            predictedCount[answer, default: 0] += 1
            if answer == outcome.expected {
                truePositives[answer, default: 0] += 1
            } else {
                confusions[outcome.expected, default: [:]][answer, default: 0] += 1
            }
        }
        var perIntent: [String: EvaluationReport.Scores] = [:]
        for intent in support.keys {
            let tp = Double(truePositives[intent] ?? 0)
            let precision = tp / Double(max(predictedCount[intent] ?? 0, 1))
            let recall = tp / Double(support[intent]!)
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            perIntent[intent] = .init(precision: precision, recall: recall, f1: f1, support: support[intent]!)
        }
        let pairs = confusions.flatMap { expected, row in
            row.map { EvaluationReport.Confusion(expected: expected, predicted: $0.key, count: $0.value) }
        }.sorted { ($0.count, $1.expected, $1.predicted) > ($1.count, $0.expected, $0.predicted) }
        var report = EvaluationReport(
            mode: mode,
            folds: folds,
            trainExamples: trainExamples,
            testExamples: outcomes.count,
            accuracy: Double(correct) / Double(max(outcomes.count, 1)),
            macroF1: perIntent.values.map(\.f1).reduce(0, +) / Double(max(perIntent.count, 1)),
            trainSeconds: trainSeconds,
            perIntent: perIntent,
            confusedPairs: Array(pairs.prefix(10)),
            confusions: pairs,
            confidenceHistogram: Self.histogram(outcomes),
            threshold: threshold,
            thresholdFit: fit,
            mistakes: zip(outcomes, answers).filter { $0.0.expected != $0.1 }
                .sorted { ($0.0.confidence, $1.0.text) > ($1.0.confidence, $0.0.text) }
                .prefix(Self.mistakeLimit)
                .map { .init(text: $0.0.text, expected: $0.0.expected, predicted: $0.1, confidence: $0.0.confidence) }
        )
        if hasOutOfScope {
            let inScope = zip(outcomes, answers).filter { $0.0.expected != outOfScopeLabel }
            let outOfScope = zip(outcomes, answers).filter { $0.0.expected == outOfScopeLabel }
            let flagged = answers.filter { $0 == outOfScopeLabel }.count
            let caught = outOfScope.filter { $0.1 == outOfScopeLabel }.count
            report.outOfScopeLabel = outOfScopeLabel
            report.inScopeAccuracy =
                Double(inScope.filter { $0.0.expected == $0.1 }.count) / Double(max(inScope.count, 1))
            report.oosRecall = Double(caught) / Double(max(outOfScope.count, 1))
            report.oosPrecision = Double(caught) / Double(max(flagged, 1))
            report.outOfScopeCurve = ThresholdFit.curve(outcomes, outOfScopeLabel: outOfScopeLabel)
        }
        return report
    }
}

/// Why an evaluation could not run.
public enum EvaluationError: Error, Sendable, CustomStringConvertible {
    case tooFewIntents(Int)
    case tooFewFolds(Int)
    case noTestExamples

    public var description: String {
        switch self {
        case .tooFewIntents(let count): "training data has \(count) intent(s); at least 2 are needed"
        case .tooFewFolds(let count): "cross-validation needs at least 2 folds, not \(count)"
        case .noTestExamples: "the test set has no messages"
        }
    }
}

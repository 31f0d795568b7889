public import Foundation

/// The NLP pipeline: preprocessing, then intent classification, entity
/// extraction and sentiment.
///
/// A value built from an immutable trained model: share it across threads
/// freely. A retrain builds a new pipeline; whoever holds the old one keeps
/// using it until they let go.
public struct Pipeline: Sendable {
    public let preprocessor: TextPreprocessor
    public let classifier: IntentClassifier?
    public let entityExtractor: EntityExtractor
    public let sentimentAnalyzer: SentimentAnalyzer
    /// How many ranked intents an analysis keeps.
    public let rankedIntentLimit: Int

    public init(
        preprocessor: TextPreprocessor,
        classifier: IntentClassifier?,
        entityExtractor: EntityExtractor = EntityExtractor(),
        sentimentAnalyzer: SentimentAnalyzer = .english,
        rankedIntentLimit: Int = 5
    ) {
        self.preprocessor = preprocessor
        self.classifier = classifier
        self.entityExtractor = entityExtractor
        self.sentimentAnalyzer = sentimentAnalyzer
        self.rankedIntentLimit = rankedIntentLimit
    }

    /// Analyses one message; relative dates resolve against `reference`.
    public func analyze(_ text: String, reference: Date = Date()) -> Analysis {
        let preprocessed = preprocessor.preprocess(text)
        let intents = classifier?.predict(preprocessed, limit: rankedIntentLimit) ?? []
        return Analysis(
            text: text,
            tokens: preprocessed.tokens,
            stems: preprocessed.stems,
            intents: intents,
            entities: entityExtractor.extract(preprocessed, reference: reference),
            sentiment: sentimentAnalyzer.analyze(text)
        )
    }
}

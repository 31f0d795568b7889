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

    /// Messages with more parts than this are not split: a long letter is not a list of questions.
    public static let maximumParts = 6

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
        let (intents, parts) = classify(preprocessed)
        var analysis = Analysis(
            text: text,
            tokens: preprocessed.tokens,
            stems: preprocessed.stems,
            intents: intents,
            entities: entityExtractor.extract(preprocessed, reference: reference),
            sentiment: sentimentAnalyzer.analyze(text)
        )
        analysis.parts = parts
        return analysis
    }

    /// The ranked intents of a message and, when it has two to `maximumParts`
    /// parts (`MessageParts`), each part with its most likely intent: a whole
    /// message can be confidently one intent while its parts ask for two.
    ///
    /// A message in scripts the bot's language does not use (`WritingScripts`) is read only when
    /// the bot was trained on at least half of its words ("hello", "PayPal?" to a Chinese bot):
    /// letters shared by chance ("where is my order" and "bye") or one known word among many
    /// ("can I pay by bank transfer" and "Apple Pay") are no reading, so it gets no intent.
    public func classify(_ message: PreprocessedText) -> (intents: [IntentPrediction], parts: [Analysis.Part]) {
        guard let classifier else { return ([], []) }
        if WritingScripts.isInAnotherScript(message.text, language: preprocessor.language)
            && classifier.knownWordShare(of: message) < 0.5
        {
            return ([], [])
        }
        let intents = classifier.predict(message, limit: rankedIntentLimit)
        let ranges = MessageParts.ranges(of: message.text, tokens: message.tokens, limit: Self.maximumParts + 1)
        guard (2...Self.maximumParts).contains(ranges.count) else { return (intents, []) }
        let scalars = Array(message.text.unicodeScalars)
        let parts = ranges.map { range in
            let text = String(String.UnicodeScalarView(scalars[range]))
            return Analysis.Part(
                text: text, start: range.lowerBound, end: range.upperBound,
                intent: classifier.predict(preprocessor.preprocess(text), limit: 1).first)
        }
        return (intents, parts)
    }
}

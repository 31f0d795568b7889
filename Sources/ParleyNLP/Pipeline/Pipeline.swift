/// The NLP pipeline: preprocessing, then intent classification.
///
/// A value built from an immutable trained model: share it across threads
/// freely. A retrain builds a new pipeline; whoever holds the old one keeps
/// using it until they let go.
public struct Pipeline: Sendable {
    public let preprocessor: TextPreprocessor
    public let classifier: IntentClassifier?
    /// How many ranked intents an analysis keeps.
    public let rankedIntentLimit: Int

    public init(preprocessor: TextPreprocessor, classifier: IntentClassifier?, rankedIntentLimit: Int = 5) {
        self.preprocessor = preprocessor
        self.classifier = classifier
        self.rankedIntentLimit = rankedIntentLimit
    }

    /// Analyses one message.
    public func analyze(_ text: String) -> Analysis {
        let preprocessed = preprocessor.preprocess(text)
        let intents = classifier?.predict(preprocessed, limit: rankedIntentLimit) ?? []
        return Analysis(text: text, tokens: preprocessed.tokens, stems: preprocessed.stems, intents: intents)
    }
}

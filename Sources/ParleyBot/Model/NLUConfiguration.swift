public import ParleyNLP

/// How a bot's messages are understood: language, features and the
/// classifier's training settings. The defaults are tuned by cross-validation
/// on real support queries and suit most bots.
public struct NLUConfiguration: Sendable {
    /// A BCP 47 language code; English gets stemming and stopwords, Chinese and
    /// Japanese character n-grams across words (`FeatureConfiguration.forLanguage`).
    public var language: String
    public var features: FeatureConfiguration
    public var stopwords: Stopwords
    public var trainer: LinearSVMTrainer
    public var confidenceScale: Float
    /// The points of in-scope accuracy a fallback threshold fitted at training time may
    /// cost (`fallback_threshold: auto`); nil fits none.
    public var fallbackAccuracyLoss: Double?

    public init(
        language: String = "en",
        features: FeatureConfiguration? = nil,
        stopwords: Stopwords? = nil,
        trainer: LinearSVMTrainer = LinearSVMTrainer(),
        confidenceScale: Float = IntentClassifier.defaultConfidenceScale,
        fallbackAccuracyLoss: Double? = nil
    ) {
        self.language = language
        self.features = features ?? FeatureConfiguration.forLanguage(language)
        self.stopwords = stopwords ?? Stopwords.forLanguage(language)
        self.trainer = trainer
        self.confidenceScale = confidenceScale
        self.fallbackAccuracyLoss = fallbackAccuracyLoss
    }

    /// The preprocessor for this configuration's language.
    public var preprocessor: TextPreprocessor { TextPreprocessor(language: language) }

    /// Trains an intent classifier on labelled examples.
    public func train(_ examples: [LabeledExample]) -> IntentClassifier {
        let preprocessor = self.preprocessor
        return IntentClassifier.train(
            examples: examples.map { (preprocessor.preprocess($0.text), $0.intent) },
            features: features,
            stopwords: stopwords,
            trainer: trainer,
            confidenceScale: confidenceScale
        )
    }
}

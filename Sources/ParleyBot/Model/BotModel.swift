public import Foundation
public import ParleyNLP

/// Trains and loads a bot's model from its `intents/` folder.
public enum BotModel {
    /// Trains on the folder's files and returns the artifact (not yet written).
    /// With `configuration.fallbackAccuracyLoss` set, also fits the fallback
    /// threshold and the in-scope score it applies to from out-of-fold
    /// predictions (`ThresholdFit`, `ScopeScorer`), which trains the classifier
    /// once more per fold.
    public static func train(_ data: BotTrainingData, configuration: NLUConfiguration) throws(TrainingDataError)
        -> ModelArtifact
    {
        let intents = Set(data.intents.map(\.name))
        guard intents.count >= 2 else {
            let location = data.intents.first?.location ?? SourceLocation(file: "intents", line: 1)
            throw .invalid([ValidationIssue(location, "at least two intents are needed to train a classifier")])
        }
        let examples = data.examples
        let fitted = configuration.fallbackAccuracyLoss.flatMap { loss in
            try? Evaluator(configuration: configuration, accuracyLoss: loss).fitThreshold(examples)
        }
        return ModelArtifact(
            classifier: configuration.train(examples).scored(by: fitted?.scope),
            language: configuration.language,
            sourceHash: data.sourceHash,
            exampleCount: examples.count,
            entities: data.entities,
            fallback: fitted?.fit
        )
    }

    /// The model for `data` (a loaded intents folder): the artifact at
    /// `modelPath` when it was trained from exactly these files and settings,
    /// otherwise a newly trained one, written to `modelPath`.
    public static func load(
        _ data: BotTrainingData,
        modelPath: String,
        configuration: NLUConfiguration
    ) throws -> (artifact: ModelArtifact, retrained: Bool) {
        if let existing = try? ModelArtifact.read(from: modelPath),
            isCurrent(existing, for: data, configuration: configuration)
        {
            return (existing, false)
        }
        let artifact = try train(data, configuration: configuration)
        try artifact.write(to: modelPath)
        return (artifact, true)
    }

    /// Whether `artifact` was trained from exactly `data`'s files with
    /// `configuration`'s language, stopwords and fallback fit.
    public static func isCurrent(_ artifact: ModelArtifact, for data: BotTrainingData, configuration: NLUConfiguration)
        -> Bool
    {
        artifact.metadata.sourceHash == data.sourceHash && artifact.metadata.language == configuration.language
            && artifact.metadata.stopwords == configuration.stopwords.words.sorted()
            && artifact.metadata.fallback?.accuracyLoss == configuration.fallbackAccuracyLoss
    }

    /// The pipeline that analyses messages with `artifact`, resolving dates in `timeZone` and
    /// reading numeric dates in `dateOrder`.
    public static func pipeline(
        for artifact: ModelArtifact, timeZone: TimeZone = .current, dateOrder: DateOrder = .monthFirst
    ) throws -> Pipeline {
        Pipeline(
            preprocessor: TextPreprocessor(language: artifact.metadata.language),
            classifier: artifact.classifier,
            entityExtractor: try EntityExtractor(
                records: artifact.metadata.entities, timeZone: timeZone, language: artifact.metadata.language,
                dateOrder: dateOrder),
            sentimentAnalyzer: .forLanguage(artifact.metadata.language)
        )
    }
}

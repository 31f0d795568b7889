import Foundation
import ParleyBot
import ParleyNLP
import ParleyTestSupport
import Testing

@Suite struct BotModelTests {
    @Test func trainsAModelThatUnderstandsNewPhrasings() throws {
        let folder = try TemporaryFolder()
        try folder.write("intents/shop.yml", ShopFixture.intents)
        let data = try IntentFiles.load(folder: folder.path + "/intents")
        let pipeline = try BotModel.pipeline(for: try BotModel.train(data, configuration: NLUConfiguration()))
        #expect(pipeline.analyze("where's my parcel??").intent?.name == "order_status")
        #expect(pipeline.analyze("I'd like a refund for my purchase").intent?.name == "refund")
        #expect(pipeline.analyze("I forgot my pasword").intent?.name == "password_reset")
        let ranked = pipeline.analyze("hello!").intents
        #expect(ranked.first?.name == "greet")
        #expect(ranked.map(\.confidence) == ranked.map(\.confidence).sorted(by: >))
        #expect(abs(ranked.map(\.confidence).reduce(0, +) - 1) < 1e-3)
    }

    @Test func trainingIsDeterministicAndTheArtifactRoundTrips() throws {
        let folder = try TemporaryFolder()
        try folder.write("intents/shop.yml", ShopFixture.intents)
        let data = try IntentFiles.load(folder: folder.path + "/intents")
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let first = try BotModel.train(data, configuration: NLUConfiguration())
        let second = try BotModel.train(data, configuration: NLUConfiguration())
        let firstBytes = try ModelArtifact(
            classifier: first.classifier, language: "en", sourceHash: data.sourceHash, exampleCount: 28, createdAt: date
        ).encoded()
        let secondBytes = try ModelArtifact(
            classifier: second.classifier, language: "en", sourceHash: data.sourceHash, exampleCount: 28,
            createdAt: date
        ).encoded()
        #expect(firstBytes == secondBytes)

        let path = folder.path + "/model/model.parley"
        try first.write(to: path)
        let loaded = try ModelArtifact.read(from: path)
        #expect(loaded.metadata.sourceHash == data.sourceHash)
        let message = "my order A-12345 is late"
        #expect(
            try BotModel.pipeline(for: loaded).analyze(message).intents
                == (try BotModel.pipeline(for: first).analyze(message).intents))
    }

    @Test func loadRetrainsOnlyWhenTheFilesChange() throws {
        let folder = try TemporaryFolder()
        try folder.write("intents/shop.yml", ShopFixture.intents)
        let intents = folder.path + "/intents"
        let model = folder.path + "/.parley/model.parley"
        #expect(
            try BotModel.load(IntentFiles.load(folder: intents), modelPath: model, configuration: NLUConfiguration())
                .retrained)
        #expect(
            try !BotModel.load(IntentFiles.load(folder: intents), modelPath: model, configuration: NLUConfiguration())
                .retrained)
        try folder.write("intents/shop.yml", ShopFixture.intents + "\n  - entity: product\n    values: [mug]\n")
        #expect(
            try BotModel.load(IntentFiles.load(folder: intents), modelPath: model, configuration: NLUConfiguration())
                .retrained)
    }

    @Test func anAutomaticThresholdIsFittedIntoTheModelAndUsedByTheBot() throws {
        let folder = try TemporaryFolder()
        try folder.write("intents/shop.yml", ShopFixture.intents)
        try folder.write(
            "responses/shop.yml",
            """
            responses:
              - intent: order_status
                replies: ["It is on its way."]
              - intent: refund
                replies: ["Refunds take 5 days."]
              - intent: greet
                replies: ["Hello!"]
              - intent: password_reset
                replies: ["Use the reset link."]
            """)
        let data = try IntentFiles.load(folder: folder.path + "/intents")
        let fitted = try BotModel.train(data, configuration: NLUConfiguration(fallbackAccuracyLoss: 1.5))
        let fit = try #require(fitted.metadata.fallback)
        #expect(fit.accuracyLoss == 1.5)
        #expect(fit.noFallbackAccuracy - fit.chosen.inScopeAccuracy <= 0.015 + 1e-9)
        #expect(fit.curve.count == 101 && fit.curve[0].threshold == 0 && fit.curve[100].threshold == 1)
        #expect(fit.curve.map(\.inScopeAccuracy) == fit.curve.map(\.inScopeAccuracy).sorted(by: >=))
        // The built-in generic sentences are the out-of-scope messages.
        #expect(fit.outOfScopeMessages > 0 && fit.chosen.outOfScopeRecall != nil)
        #expect(try BotModel.train(data, configuration: NLUConfiguration()).metadata.fallback == nil)

        let path = folder.path + "/model.parley"
        try fitted.write(to: path)
        let loaded = try ModelArtifact.read(from: path)
        #expect(loaded.metadata.fallback == fit)
        // The threshold applies to the in-scope score, which the model file carries.
        let scope = try #require(loaded.classifier.scope)
        #expect(fit.similarityWeight == scope.similarityWeight)
        // Out-of-fold vectors of every example, unless the similarity weighs nothing.
        let vectors = scope.similarityWeight > 0 ? data.examples.count * loaded.classifier.labels.count : 0
        #expect(scope.neighbours.map(\.count).reduce(0, +) == vectors)
        #expect(fitted.classifier.scope?.neighbours == scope.neighbours)
        let message = "where is my order A-12345"
        let top = try #require(BotModel.pipeline(for: loaded).analyze(message).intent)
        let original = try BotModel.pipeline(for: fitted).analyze(message).intent
        #expect(top.inScope != nil && top.inScope == original?.inScope)
        #expect(top.fallbackScore == top.inScope)
        #expect(try BotModel.train(data, configuration: NLUConfiguration()).classifier.scope == nil)
        // Damaged counts of neighbours are a corrupt file, not an overflow.
        var damaged = fitted
        damaged.metadata.scope?.neighbours = fitted.classifier.labels.map { _ in 1 << 62 }
        try damaged.write(to: path)
        #expect(throws: ModelArtifactError.self) { try ModelArtifact.read(from: path) }

        try folder.write("bot.yml", "name: Shop Bot\n")
        let paths = Bot.Paths(
            intents: folder.path + "/intents", responses: folder.path + "/responses",
            configuration: folder.path + "/bot.yml", model: folder.path + "/auto.parley")
        #expect(try Bot.load(paths).bot.policy.configuration.fallbackThreshold == fit.threshold)
        try folder.write("bot.yml", "name: Shop Bot\nfallback_threshold: 0.42\n")
        #expect(try Bot.load(paths).bot.policy.configuration.fallbackThreshold == 0.42)
    }

    @Test func aCorruptModelFileIsAClearError() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("model.parley", "PARLEYM1 not really")
        #expect(throws: ModelArtifactError.self) { try ModelArtifact.read(from: path) }
    }

    @Test func oneIntentIsNotEnoughToTrain() throws {
        let folder = try TemporaryFolder()
        try folder.write("intents/one.yml", "intent: greet\nexamples: [hi, hello]\n")
        let data = try IntentFiles.load(folder: folder.path + "/intents")
        #expect(throws: TrainingDataError.self) { try BotModel.train(data, configuration: NLUConfiguration()) }
    }
}

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

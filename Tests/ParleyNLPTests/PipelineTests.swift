import ParleyNLP
import Testing

@Suite struct PipelineTests {
    static let pipeline: Pipeline = {
        let preprocessor = TextPreprocessor(language: "en")
        let examples: [(String, String)] = [
            ("where is my order", "order_status"), ("has my parcel shipped", "order_status"),
            ("track my package", "order_status"), ("when will my delivery arrive", "order_status"),
            ("I want my money back", "refund"), ("please refund me", "refund"),
            ("how long do refunds take", "refund"), ("can I get a refund", "refund"),
            ("hello", "greet"), ("hi there", "greet"), ("good morning", "greet"),
        ]
        let classifier = IntentClassifier.train(examples: examples.map { (preprocessor.preprocess($0.0), $0.1) })
        return Pipeline(preprocessor: preprocessor, classifier: classifier)
    }()

    @Test func ranksIntentsWithConfidences() {
        let analysis = Self.pipeline.analyze("Where is my parcel?")
        #expect(analysis.intent?.name == "order_status")
        #expect(analysis.intents.count == 3)
        #expect(analysis.stems == ["where", "is", "my", "parcel", "?"])
    }

    @Test func toleratesTypos() {
        #expect(Self.pipeline.analyze("plese refnd me").intent?.name == "refund")
    }

    @Test func messagesWithoutWordsHaveNoIntent() {
        #expect(Self.pipeline.analyze("").intents.isEmpty)
        #expect(Self.pipeline.analyze("  \t ").intents.isEmpty)
        #expect(Self.pipeline.analyze("😡😡").intents.isEmpty)
        #expect(Self.pipeline.analyze("😡😡").tokens.count >= 1)
    }

    @Test func analysesHugeAndMixedScriptMessages() {
        let huge = String(repeating: "refund please ", count: 75_000)
        #expect(Self.pipeline.analyze(huge).intent?.name == "refund")
        let mixed = Self.pipeline.analyze("hello 你好 привет مرحبا 🙂")
        #expect(mixed.tokens.map(\.text).contains("привет"))
        #expect(mixed.intent?.name == "greet")
    }
}

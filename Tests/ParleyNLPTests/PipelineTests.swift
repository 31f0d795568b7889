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

    @Test func emojiAreFeaturesWithoutTheirSkinTone() {
        let preprocessor = TextPreprocessor(language: "en")
        let examples: [(String, String)] = [
            ("yes", "affirm"), ("yes please", "affirm"), ("👍", "affirm"), ("sure 👌", "affirm"),
            ("no", "deny"), ("no thanks", "deny"), ("👎", "deny"), ("nope", "deny"),
        ]
        let classifier = IntentClassifier.train(examples: examples.map { (preprocessor.preprocess($0.0), $0.1) })
        let pipeline = Pipeline(preprocessor: preprocessor, classifier: classifier)
        #expect(pipeline.analyze("👍").intent?.name == "affirm")
        #expect(pipeline.analyze("👍🏽").intent?.name == "affirm")
        #expect(pipeline.analyze("👍\u{FE0F}").intent?.name == "affirm")
        #expect(pipeline.analyze("👎🏿").intent?.name == "deny")
        #expect(pipeline.analyze("👍🏽").tokens.map(\.text) == ["👍🏽"])
        #expect(pipeline.analyze("👍🏽").tokens.map(\.normalized) == ["👍"])
    }

    @Test func twoRequestsInOneMessageAreSplitIntoParts() {
        let pipeline = Self.pipeline
        let analysis = pipeline.analyze("where is my order and how long do refunds take?")
        #expect(analysis.parts.map(\.text) == ["where is my order", "how long do refunds take?"])
        #expect(analysis.parts.map(\.intent?.name) == ["order_status", "refund"])
        #expect(analysis.parts.map(\.start) == [0, 22])
        let sentences = pipeline.analyze("Hello. I want my money back. Where is my parcel?")
        #expect(sentences.parts.map(\.intent?.name) == ["greet", "refund", "order_status"])
        // One request in one part: nothing to split.
        #expect(pipeline.analyze("where is my order").parts.isEmpty)
        #expect(
            pipeline.analyze("where is my order and where is my parcel?").parts.map(\.intent?.name) == [
                "order_status", "order_status",
            ])
    }

    /// Bad input: the analysis ends, and says something sensible (its time is
    /// measured with `parley parse`, see docs/TRAINING.md).
    @Test func analysesPathologicalMessages() {
        let emoji = Self.pipeline.analyze(String(repeating: "😡", count: 10_000))
        #expect(emoji.tokens.count == 10_000)
        #expect(emoji.intents.isEmpty)
        #expect(emoji.sentiment.label == .negative)
        let sentences = Self.pipeline.analyze(String(repeating: "Where is my order? ", count: 5_000))
        #expect(sentences.intent?.name == "order_status")
        #expect(sentences.parts.isEmpty)
        let word = Self.pipeline.analyze(String(repeating: "a", count: 100_000))
        #expect(word.tokens.count == 1)
        #expect(word.parts.isEmpty)
    }
}

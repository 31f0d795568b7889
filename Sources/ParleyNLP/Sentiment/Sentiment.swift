/// How a customer feels in one message.
public struct Sentiment: Sendable, Hashable, Codable {
    /// The three labels a score falls into.
    public enum Label: String, Sendable, Hashable, Codable {
        case negative, neutral, positive
    }

    /// From -1 (furious) to 1 (delighted); 0 when nothing in the message carries feeling.
    public var score: Double
    public var label: Label

    public init(score: Double) {
        self.score = score
        label = score >= Self.threshold ? .positive : score <= -Self.threshold ? .negative : .neutral
    }

    /// Scores within ±0.05 are neutral, as in VADER.
    public static let threshold = 0.05
}

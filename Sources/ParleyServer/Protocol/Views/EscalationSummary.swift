internal import Foundation
public import ParleyStore

/// What an agent reads before taking a conversation: what the customer wanted
/// so far, what they mentioned, and how their mood went.
public struct EscalationSummary: Sendable, Hashable, Codable {
    /// The intents of the customer's messages, first seen first, without repeats.
    public var intents: [String]
    /// Entities the customer mentioned, latest text per type.
    public var entities: [String: String]
    /// Sentiment of each customer message, oldest first (−1 … 1).
    public var sentiment: [Double]
    /// `improving`, `worsening` or `steady` (from the first half to the second), `unknown` with one message or none.
    public var trend: String
    /// Customer messages so far.
    public var messages: Int
    /// The customer's latest message.
    public var lastMessage: String?

    /// The summary of a conversation without customer messages yet.
    public init() {
        intents = []
        entities = [:]
        sentiment = []
        trend = Self.trend([])
        messages = 0
        lastMessage = nil
    }

    /// Summarises a transcript.
    public init(transcript: [StoredMessage]) {
        self.init()
        for message in transcript { include(message) }
    }

    /// Brings the summary up to date with one more message of the conversation
    /// (only the customer's count).
    public mutating func include(_ message: StoredMessage) {
        guard message.sender == .customer else { return }
        if let intent = message.intent, !intents.contains(intent) { intents.append(intent) }
        for entity in message.entities { entities[entity.type] = entity.text }
        if let score = message.sentimentScore {
            sentiment.append(score)
            trend = Self.trend(sentiment)
        }
        messages += 1
        lastMessage = message.text
    }

    static func trend(_ scores: [Double]) -> String {
        guard scores.count > 1 else { return "unknown" }
        let half = scores.count / 2
        let before = scores[..<half].reduce(0, +) / Double(half)
        let after = scores[half...].reduce(0, +) / Double(scores.count - half)
        if after - before > 0.2 { return "improving" }
        if before - after > 0.2 { return "worsening" }
        return "steady"
    }
}

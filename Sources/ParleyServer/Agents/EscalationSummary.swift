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

    /// Summarises a transcript.
    public init(transcript: [StoredMessage]) {
        let customer = transcript.filter { $0.sender == .customer }
        var intents: [String] = []
        var entities: [String: String] = [:]
        for message in customer {
            if let intent = message.intent, !intents.contains(intent) { intents.append(intent) }
            for entity in message.entities { entities[entity.type] = entity.text }
        }
        self.intents = intents
        self.entities = entities
        sentiment = customer.compactMap(\.sentimentScore)
        messages = customer.count
        lastMessage = customer.last?.text
        trend = Self.trend(sentiment)
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

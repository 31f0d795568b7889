/// One day of the CRM report.
public struct DailyCounts: Sendable, Hashable, Codable {
    /// The day, `YYYY-MM-DD` in UTC.
    public var day: String
    public var conversations: Int
    public var customerMessages: Int
    /// Customer messages per intent (the bot's top intent).
    public var intents: [String: Int]
    /// Conversations per channel.
    public var channels: [String: Int]
    /// Customer messages per sentiment label.
    public var sentiment: [String: Int]
    /// Bot answers that asked the customer to rephrase.
    public var fallbacks: Int
    public var escalations: Int
    /// Escalated conversations among the day's conversations, 0 to 1.
    public var escalationRate: Double
    /// The day's conversations closed as resolved.
    public var resolved: Int
    /// Conversations that became tickets that day (nobody could answer: a person will write).
    public var tickets: Int

    enum CodingKeys: String, CodingKey {
        case day, conversations, intents, channels, sentiment, fallbacks, escalations, resolved, tickets
        case customerMessages = "customer_messages"
        case escalationRate = "escalation_rate"
    }
}

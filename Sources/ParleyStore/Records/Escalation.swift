public import Foundation

/// A conversation handed to humans: why, when, and who took it.
public struct Escalation: Sendable, Hashable, Codable {
    /// Assigned by the store; nil before it is stored.
    public var id: Int64?
    public var conversationId: String
    /// A readable reason ("customer asked for a human").
    public var reason: String
    /// The policy rule that fired (`handover_intent`, `negative_sentiment`, …).
    public var rule: String
    /// Higher goes first.
    public var priority: Int
    public var queuedAt: Date
    public var takenAt: Date?
    /// The agent who took it.
    public var takenBy: String?
    public var resolvedAt: Date?

    public init(
        id: Int64? = nil, conversationId: String, reason: String, rule: String, priority: Int = 0,
        queuedAt: Date = Date(), takenAt: Date? = nil, takenBy: String? = nil, resolvedAt: Date? = nil
    ) {
        self.id = id
        self.conversationId = conversationId
        self.reason = reason
        self.rule = rule
        self.priority = priority
        self.queuedAt = queuedAt
        self.takenAt = takenAt
        self.takenBy = takenBy
        self.resolvedAt = resolvedAt
    }
}

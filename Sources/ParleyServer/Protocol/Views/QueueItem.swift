public import Foundation
public import ParleyBot

/// A conversation waiting for an agent, as agents see it in the queue.
public struct QueueItem: Sendable, Hashable, Codable {
    public var conversationId: String
    public var customerId: String
    public var customerName: String?
    public var vip: Bool
    /// Why it was escalated, readable ("asked for a person").
    public var reason: String
    /// The rule that escalated it.
    public var rule: EscalationReason
    /// 2 VIP, 1 angry or unhappy, 0 otherwise.
    public var priority: Int
    public var queuedAt: Date
    /// 1 is next.
    public var position: Int
    public var summary: EscalationSummary
    /// The agent it is offered to now, if any.
    public var offeredTo: String?

    /// Order of the queue: one priority level counts as five minutes of waiting.
    func urgency(at now: Date) -> Double {
        Double(priority) * 300 + now.timeIntervalSince(queuedAt)
    }
}

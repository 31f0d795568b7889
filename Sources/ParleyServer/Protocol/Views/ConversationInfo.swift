public import Foundation
public import ParleyStore

/// A conversation as agents (and the API) see it.
public struct ConversationInfo: Sendable, Hashable, Codable {
    public var id: String
    public var customerId: String
    public var channel: String
    public var status: Conversation.Status
    public var startedAt: Date
    public var updatedAt: Date
    public var closedAt: Date?
    public var assignedAgentId: String?
    public var outcome: ConversationOutcome?
    /// The customer's rating, 1 to 5.
    public var rating: Int?
    /// When it became a ticket.
    public var ticketAt: Date?
    /// Where the customer asked to be written to, for a ticket.
    public var ticketEmail: String?

    public init(_ conversation: Conversation) {
        id = conversation.id
        customerId = conversation.customerId
        channel = conversation.channel
        status = conversation.status
        startedAt = conversation.startedAt
        updatedAt = conversation.updatedAt
        closedAt = conversation.closedAt
        assignedAgentId = conversation.assignedAgentId
        outcome = conversation.outcome
        rating = conversation.rating
        ticketAt = conversation.ticketAt
        ticketEmail = conversation.ticketEmail
    }
}

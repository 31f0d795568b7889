public import Foundation

/// One conversation between a customer and the bot or an agent.
public struct Conversation: Sendable, Hashable, Codable {
    /// Who is answering the customer.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case bot, queued
        case withAgent = "with_agent"
        /// Nobody could answer (out of office hours, or no agent took it in
        /// time): a person will write to the customer. The bot still answers
        /// meanwhile.
        case ticket
        case closed

        /// "bot, queued, with_agent, ticket or closed".
        public static var names: String {
            let all = allCases.map(\.rawValue)
            return all.dropLast().joined(separator: ", ") + " or " + all.last!
        }
    }

    public var id: String
    public var customerId: String
    /// "web", "tcp", "api", "terminal", …
    public var channel: String
    public var status: Status
    public var startedAt: Date
    public var updatedAt: Date
    public var closedAt: Date?
    public var assignedAgentId: String?
    /// How it ended.
    public var outcome: ConversationOutcome?
    /// The customer's satisfaction rating, 1 to 5.
    public var rating: Int?
    /// When it became a ticket (kept once the ticket is answered or closed).
    public var ticketAt: Date?
    /// Where the customer asked to be written to, for a ticket.
    public var ticketEmail: String?
    /// Lowercase hex SHA-256 of the conversation token the customer's client
    /// resumes it with (nil for conversations from before tokens: they cannot be resumed).
    public var tokenHash: String?

    public init(
        id: String = UUID().uuidString, customerId: String, channel: String, status: Status = .bot,
        startedAt: Date = Date(), updatedAt: Date = Date(), closedAt: Date? = nil, assignedAgentId: String? = nil,
        outcome: ConversationOutcome? = nil, rating: Int? = nil, ticketAt: Date? = nil, ticketEmail: String? = nil,
        tokenHash: String? = nil
    ) {
        self.id = id
        self.customerId = customerId
        self.channel = channel
        self.status = status
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.closedAt = closedAt
        self.assignedAgentId = assignedAgentId
        self.outcome = outcome
        self.rating = rating
        self.ticketAt = ticketAt
        self.ticketEmail = ticketEmail
        self.tokenHash = tokenHash
    }
}

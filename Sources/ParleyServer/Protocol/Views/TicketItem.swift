public import Foundation
public import ParleyBot

/// A ticket as agents see it: a conversation nobody could answer, where a
/// person will write to the customer.
public struct TicketItem: Sendable, Hashable, Codable {
    public var conversationId: String
    public var customerId: String
    public var customerName: String?
    /// Where to write: the address the customer gave, else the one on their record; nil when unknown yet.
    public var email: String?
    public var channel: String
    /// When it became a ticket.
    public var ticketAt: Date
    /// Why: "outside office hours" or "nobody took it in time".
    public var reason: String
    public var summary: EscalationSummary

    public init(
        conversationId: String, customerId: String, customerName: String?, email: String?, channel: String,
        ticketAt: Date, reason: String, summary: EscalationSummary
    ) {
        self.conversationId = conversationId
        self.customerId = customerId
        self.customerName = customerName
        self.email = email
        self.channel = channel
        self.ticketAt = ticketAt
        self.reason = reason
        self.summary = summary
    }
}

/// Whether agents are in, as the console and `/health` show it.
public struct OfficeHoursInfo: Sendable, Hashable, Codable {
    /// Whether agents are in now (always, when the bot has no office hours).
    public var open: Bool
    /// The hours, e.g. "Mon–Fri 09:00–17:30 (Europe/London)"; nil when agents are always in.
    public var hours: String?
    /// When agents next come in or leave; nil when that never changes.
    public var nextChange: Date?
    /// "agents are in until 17:30 (Europe/London)", "agents are away until Monday 09:00 (Europe/London)".
    public var description: String

    public init(open: Bool, hours: String?, nextChange: Date?, description: String) {
        self.open = open
        self.hours = hours
        self.nextChange = nextChange
        self.description = description
    }
}

extension OfficeHoursInfo {
    /// The state of `hours` at `now`; agents are always in without office hours.
    init(_ hours: OfficeHours?, at now: Date) {
        guard let hours else {
            self.init(open: true, hours: nil, nextChange: nil, description: "agents are always in (no office hours)")
            return
        }
        self.init(
            open: hours.isOpen(at: now), hours: hours.summary, nextChange: hours.nextChange(after: now),
            description: hours.describe(at: now))
    }
}

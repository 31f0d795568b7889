/// Why a conversation was handed to humans. Stored by its raw value (the
/// escalation's `rule`, and the rule of the message that escalated).
public enum EscalationReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// The escalation rules send VIP customers to a person.
    case vipCustomer = "vip_customer"
    /// A message's sentiment was at or below `sentiment_below`.
    case negativeSentiment = "negative_sentiment"
    /// `negative_streak` negative messages in a row.
    case negativeStreak = "negative_streak"
    /// The intent's response hands over (`handover: true`).
    case handoverIntent = "handover_intent"
    /// `fallbacks_in_a_row` messages in a row the bot did not understand.
    case repeatedFallback = "repeated_fallback"
    /// The customer asked for a person outright (`/human`, the widget's button).
    case humanRequest = "human_request"
    /// An agent took the conversation from the bot without an escalation.
    case agentTakeover = "agent_takeover"
    /// The conversation waits again: its agent left, or the server restarted.
    case requeued
    /// An action's answer asked for a person (`handover: true`).
    case actionHandover = "action_handover"
    /// An action failed and its response says `on_error: escalate`.
    case actionFailed = "action_failed"

    /// The reason as agents read it in the queue.
    public var readable: String {
        switch self {
        case .vipCustomer: "VIP customer"
        case .negativeSentiment: "angry customer"
        case .negativeStreak: "unhappy for several messages"
        case .handoverIntent, .humanRequest: "asked for a person"
        case .repeatedFallback: "the bot did not understand"
        case .agentTakeover: "taken over from the bot"
        case .requeued: "waiting for an agent again"
        case .actionHandover: "the shop's system asked for a person"
        case .actionFailed: "the shop's system did not answer"
        }
    }

    /// The queue's order: 2 VIP, 1 angry or unhappy, 0 otherwise (higher goes first).
    public var priority: Int {
        switch self {
        case .vipCustomer: 2
        case .negativeSentiment, .negativeStreak: 1
        case .handoverIntent, .repeatedFallback, .humanRequest, .agentTakeover, .requeued, .actionHandover,
            .actionFailed:
            0
        }
    }
}

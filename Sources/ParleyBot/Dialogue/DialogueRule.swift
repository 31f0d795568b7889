/// The rule behind a message: why the bot answered as it did, or which step
/// of the conversation a bot or system message records. Stored and sent by
/// its raw value (`intent`, `missing_order_id`, `negative_sentiment`, …).
public enum DialogueRule: Sendable, Hashable, RawRepresentable, Codable, CustomStringConvertible {
    /// The intent's reply.
    case intent
    /// The replies to two requests in one message (`answer_two_intents`).
    case twoIntents
    /// The answer to a pending question gave the missing entity.
    case slotFilled
    /// The pending question is asked again.
    case slotStillMissing
    /// The intent needs the entity named and asks for it (`missing_order_id`).
    case missing(entity: String)
    case confirmationNeeded
    case confirmationUnclear
    /// The message is an entity alone ("A-10234") that intents' replies need, with no request:
    /// the bot asks what to do with it and keeps it as a slot (`entity_only`).
    case entityOnly
    /// No intent at all (nothing the model knows).
    case noIntent
    case confidenceBelowThreshold
    /// The message is written in scripts the bot's language does not use (`other_language`).
    case otherLanguage
    /// The intent has no response file entry.
    case noResponseForIntent
    /// A human has the conversation: the bot is silent.
    case agentHasConversation
    /// The conversation waits for a human: the bot is silent.
    case waitingForAgent
    /// Handed to humans (or, out of office hours, offered to take a message) for this reason.
    case escalation(EscalationReason)
    /// The bot's greeting when a conversation starts.
    case greeting
    /// The bot's message when an agent hands the conversation back.
    case handedBack
    /// The bot's message when nobody took the conversation in time (it becomes a ticket).
    case noAgent
    /// The record of an agent joining.
    case agentJoined
    /// The record of an agent closing the conversation.
    case closed
    /// The customer's comment with their rating.
    case ratingComment
    /// The customer gave the email address a ticket asked for: the bot says a person will write there.
    case ticketEmail
    /// An action answered with a named outcome (`outcome_not_found`), whose reply variant was said.
    case actionOutcome(String)
    /// An action failed (timeout, error, an answer that is not JSON): its `on_error` reply was said.
    case actionFailed

    private static let fixed: [String: DialogueRule] = [
        "intent": .intent, "two_intents": .twoIntents, "slot_filled": .slotFilled,
        "slot_still_missing": .slotStillMissing,
        "confirmation_needed": .confirmationNeeded, "confirmation_unclear": .confirmationUnclear,
        "no_intent": .noIntent, "confidence_below_threshold": .confidenceBelowThreshold,
        "other_language": .otherLanguage,
        "no_response_for_intent": .noResponseForIntent, "agent_has_conversation": .agentHasConversation,
        "waiting_for_agent": .waitingForAgent, "greeting": .greeting, "handed_back": .handedBack,
        "no_agent": .noAgent, "agent_joined": .agentJoined, "closed": .closed, "rating_comment": .ratingComment,
        "ticket_email": .ticketEmail, "action_error": .actionFailed, "entity_only": .entityOnly,
    ]
    private static let missingPrefix = "missing_"
    private static let outcomePrefix = "outcome_"

    public init?(rawValue: String) {
        if let rule = Self.fixed[rawValue] {
            self = rule
        } else if let reason = EscalationReason(rawValue: rawValue) {
            self = .escalation(reason)
        } else if rawValue.hasPrefix(Self.outcomePrefix), rawValue.count > Self.outcomePrefix.count {
            self = .actionOutcome(String(rawValue.dropFirst(Self.outcomePrefix.count)))
        } else if rawValue.hasPrefix(Self.missingPrefix), rawValue.count > Self.missingPrefix.count {
            self = .missing(entity: String(rawValue.dropFirst(Self.missingPrefix.count)))
        } else {
            return nil
        }
    }

    public var rawValue: String {
        switch self {
        case .intent: "intent"
        case .twoIntents: "two_intents"
        case .slotFilled: "slot_filled"
        case .slotStillMissing: "slot_still_missing"
        case .missing(let entity): Self.missingPrefix + entity
        case .confirmationNeeded: "confirmation_needed"
        case .confirmationUnclear: "confirmation_unclear"
        case .entityOnly: "entity_only"
        case .noIntent: "no_intent"
        case .confidenceBelowThreshold: "confidence_below_threshold"
        case .otherLanguage: "other_language"
        case .noResponseForIntent: "no_response_for_intent"
        case .agentHasConversation: "agent_has_conversation"
        case .waitingForAgent: "waiting_for_agent"
        case .escalation(let reason): reason.rawValue
        case .greeting: "greeting"
        case .handedBack: "handed_back"
        case .noAgent: "no_agent"
        case .agentJoined: "agent_joined"
        case .closed: "closed"
        case .ratingComment: "rating_comment"
        case .ticketEmail: "ticket_email"
        case .actionOutcome(let name): Self.outcomePrefix + name
        case .actionFailed: "action_error"
        }
    }

    public var description: String { rawValue }

    /// The escalation reason, when the rule is one.
    public var escalationReason: EscalationReason? {
        if case .escalation(let reason) = self { return reason }
        return nil
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let rule = Self(rawValue: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "unknown dialogue rule \"\(text)\""))
        }
        self = rule
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

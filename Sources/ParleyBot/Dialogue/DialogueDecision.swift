/// What the bot does with one customer message, and why.
public struct DialogueDecision: Sendable, Hashable, Codable {
    public enum Action: String, Sendable, Hashable, Codable {
        /// Answer with the intent's reply.
        case reply
        /// Ask for a missing entity, or what to do with one given alone.
        case ask
        /// Ask the customer to confirm before acting.
        case confirm
        /// Ask the customer to rephrase.
        case fallback
        /// Hand the conversation to a human.
        case escalate
        /// Agents are away; offer to take a message.
        case outOfHours = "out_of_hours"
        /// Say nothing: a human has the conversation.
        case silent
    }

    public var action: Action
    /// The text to send; nil when silent.
    public var text: String?
    public var quickReplies: [String]
    /// The intent acted on, if any.
    public var intent: String?
    /// The rule that decided, e.g. `confidence_below_threshold`, `human_request`, `negative_sentiment`.
    public var rule: DialogueRule
    /// The numbers behind the decision: `confidence`, `threshold`, `sentiment`, …
    public var scores: [String: Double]
    /// An action to call before answering: the decision is not final (`text`
    /// is nil) until its owner performs the call and hands the outcome to
    /// `DialoguePolicy.complete`.
    public var call: ActionCall? = nil
    /// The action whose answer (or failure) this reply is based on.
    public var performed: String? = nil
    /// The rule the customer's message was read under, when the reply's `rule`
    /// is another: `slot_filled` when the message answered the bot's question
    /// and an action's outcome (`outcome_shipped`) then made the reply. What the
    /// customer's stored message records; nil when it is `rule`.
    public var messageRule: DialogueRule? = nil

    /// Why the conversation goes to humans, when the bot hands it over (`escalate`).
    public var escalation: EscalationReason? {
        action == .escalate ? rule.escalationReason : nil
    }
}

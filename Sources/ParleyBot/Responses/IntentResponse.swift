/// What the bot says for one intent.
public struct IntentResponse: Sendable {
    /// An entity the reply needs, and the question that asks for it.
    public struct Requirement: Sendable {
        public var entity: String
        public var question: ResponseTemplate
    }

    public var intent: String
    /// Reply variants; the bot takes them in turn.
    public var replies: [ResponseTemplate]
    /// Entities that must be known before replying.
    public var requires: [Requirement]
    /// A yes/no question asked once every requirement is met, before replying.
    public var confirm: ResponseTemplate?
    /// Quick replies offered with the reply.
    public var buttons: [String]
    /// Whether this intent hands the conversation to a human.
    public var handover: Bool
    /// The action (`bot.yml` `actions:`) called before replying; its answer fills `{{result.…}}`.
    public var action: String?
    /// Reply variants for the named outcomes an action may answer with (`not_found`, `already_shipped`).
    public var outcomes: [String: [ResponseTemplate]] = [:]
    /// For an outcome whose reply asks for a required entity again (`not_found` asking to check
    /// the order number), that entity: the bot forgets the value it had and waits for a new one
    /// to answer the same intent.
    public var outcomeAsks: [String: String] = [:]
    /// What to do when the action fails: a reply (the bot's `action_error` message when nil), or escalate.
    public var onError: OnError?

    /// What a response does when its action fails.
    public enum OnError: Sendable {
        case reply(ResponseTemplate)
        case escalate
    }
    public var location: SourceLocation
}

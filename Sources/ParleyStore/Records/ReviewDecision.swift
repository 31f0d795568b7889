public import Foundation

/// What a trainer decided about a message of the review inbox; a decided
/// message leaves the inbox. Erased with its message.
public struct ReviewDecision: Sendable, Hashable, Codable {
    /// The decision. Stored by raw value.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The message became an example of an existing intent (`intent`).
        case assigned
        /// The message became the first example of a new intent (`intent`).
        case newIntent = "new_intent"
        /// No intent should answer it: the bot was right to fall back.
        case outOfScope = "out_of_scope"
        /// Nothing to learn from it.
        case dismissed
    }

    /// The customer message decided on (`StoredMessage.id`).
    public var messageId: Int64
    public var kind: Kind
    /// The intent the message went to (`assigned`, `newIntent`); nil otherwise.
    public var intent: String?
    /// Who: `user:ana`, `token:3f9a02c1`, `cli`.
    public var decidedBy: String
    public var decidedAt: Date

    public init(messageId: Int64, kind: Kind, intent: String? = nil, decidedBy: String, decidedAt: Date = Date()) {
        self.messageId = messageId
        self.kind = kind
        self.intent = intent
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
    }
}

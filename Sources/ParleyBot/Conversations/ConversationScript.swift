public import Foundation

/// A scripted conversation: customer lines and what the bot must do with each.
public struct ConversationScript: Sendable {
    /// One customer message and the expectations on the bot's answer.
    public struct Turn: Sendable {
        public var customer: String
        public var intent: String?
        public var action: DialogueDecision.Action?
        public var rule: String?
        /// Text the reply must contain (case-insensitive).
        public var replyContains: [String]
        public var location: SourceLocation
    }

    public var name: String
    public var customer: CustomerProfile
    /// The clock for office hours and relative dates; now when absent.
    public var at: Date?
    public var turns: [Turn]
    public var location: SourceLocation
    /// Whether the bot's actions fail as if the shop's systems were down (`actions: down`).
    public var actionsDown = false
}

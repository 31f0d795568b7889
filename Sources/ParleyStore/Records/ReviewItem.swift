/// A customer message for trainers to review: the bot did not understand it,
/// was unsure of it, or answered it just before a person took over.
public struct ReviewItem: Sendable, Hashable {
    /// Why the message is in the review inbox. Stored by raw value nowhere: read from the messages.
    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
        /// The bot asked the customer to rephrase.
        case fallback
        /// The bot answered, with a confidence below the review's limit.
        case lowConfidence = "low_confidence"
        /// The bot's last answer before an agent wrote in the conversation.
        case takenOver = "taken_over"
    }

    public var message: StoredMessage
    public var reason: Reason

    public init(message: StoredMessage, reason: Reason) {
        self.message = message
        self.reason = reason
    }
}

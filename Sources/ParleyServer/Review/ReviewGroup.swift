public import Foundation
public import ParleyStore

/// One group of the review inbox, as `parley review --format json` prints it
/// and `GET /api/admin/review` answers it: similar messages with their count,
/// first and last date, and why each is there.
public struct ReviewGroup: Sendable, Encodable {
    public struct Message: Sendable, Encodable {
        public var id: Int64?
        public var text: String
        public var reason: ReviewItem.Reason
        public var sentAt: Date
        public var intent: String?
        public var confidence: Double?
    }

    /// The stems the group's messages share most.
    public var label: String
    public var count: Int
    public var first: Date
    public var last: Date
    /// How many messages came for each reason.
    public var reasons: [String: Int]
    /// Newest first.
    public var messages: [Message]

    public init(label: String, items: [ReviewItem]) {
        self.label = label
        count = items.count
        first = items.map(\.message.sentAt).min() ?? Date()
        last = items.map(\.message.sentAt).max() ?? Date()
        reasons = Dictionary(grouping: items, by: \.reason.rawValue).mapValues(\.count)
        messages = items.map {
            Message(
                id: $0.message.id, text: $0.message.text, reason: $0.reason, sentAt: $0.message.sentAt,
                intent: $0.message.intent, confidence: $0.message.confidence)
        }
    }
}

import Foundation
import ParleyStore

/// One group of the review inbox as `parley review --format json` prints it.
struct ReviewGroup: Encodable {
    struct Message: Encodable {
        var id: Int64?
        var text: String
        var reason: ReviewItem.Reason
        var sentAt: Date
        var intent: String?
        var confidence: Double?
    }

    /// The stems the group's messages share most.
    var label: String
    var count: Int
    var first: Date
    var last: Date
    /// How many messages came for each reason.
    var reasons: [String: Int]
    var messages: [Message]

    init(label: String, items: [ReviewItem]) {
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

public import ParleyStore

/// What a review decision did: the messages decided on, and the files it
/// wrote (`parley reload` then puts new examples and intents live).
public struct ReviewOutcome: Sendable, Encodable {
    public var decision: ReviewDecision.Kind
    /// The intent the messages went to (`assigned`, `new_intent`).
    public var intent: String?
    public var messageIds: [Int64]
    /// Each file written, and for an existing intent's file the lines added (from 1).
    public var files: [WrittenFile]

    /// The audit log's `detail` for the decision: "assigned: messages 12, 13".
    public var auditDetail: String {
        "\(decision.rawValue): messages " + messageIds.map(String.init).joined(separator: ", ")
    }

    public struct WrittenFile: Sendable, Encodable {
        public var path: String
        public var lines: [Int]?
    }
}

internal import Foundation
internal import ParleyStore

/// The queue's rules, apart from the desk actor that applies them: which
/// waiting conversation comes first, and which agent is offered it.
enum QueueRules {
    /// An agent as the offer rule sees them.
    struct Candidate: Sendable, Hashable {
        var id: String
        var status: User.Status
        /// Whether the agent has a connection open.
        var connected: Bool
        /// Conversations the agent has plus offers they have not answered.
        var load: Int
        var capacity: Int
    }

    /// Whether `first` goes before `second`: the more urgent first (one
    /// priority level counts as five minutes of waiting), then by conversation id.
    static func precedes(_ first: QueueItem, _ second: QueueItem, at now: Date) -> Bool {
        let (left, right) = (first.urgency(at: now), second.urgency(at: now))
        return left != right ? left > right : first.conversationId < second.conversationId
    }

    /// The agent to offer a conversation to: available, connected, with room,
    /// not among those who declined it; the least busy first, then by id. Nil when nobody fits.
    static func agent(among candidates: some Sequence<Candidate>, declinedBy: Set<String>) -> String? {
        candidates.filter {
            $0.status == .available && $0.connected && $0.load < $0.capacity && !declinedBy.contains($0.id)
        }
        .min { $0.load != $1.load ? $0.load < $1.load : $0.id < $1.id }?.id
    }
}

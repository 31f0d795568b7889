import Foundation
import ParleyBot
import ParleyStore
import Testing

@testable import ParleyServer

@Suite struct QueueRulesTests {
    static let now = Date(timeIntervalSince1970: 1_764_000_000)

    static func item(_ id: String, priority: Int, waitedMinutes: Double) -> QueueItem {
        QueueItem(
            conversationId: id, customerId: "c-\(id)", customerName: nil, vip: priority == 2, reason: "r",
            rule: .humanRequest, priority: priority, queuedAt: now.addingTimeInterval(-waitedMinutes * 60),
            position: 0, summary: EscalationSummary(), offeredTo: nil)
    }

    @Test func aPriorityLevelCountsAsFiveMinutesOfWaiting() {
        let vip = Self.item("a", priority: 2, waitedMinutes: 0)
        let angry = Self.item("b", priority: 1, waitedMinutes: 4)
        let patient = Self.item("c", priority: 0, waitedMinutes: 11)
        let ordered = [angry, patient, vip].sorted { QueueRules.precedes($0, $1, at: Self.now) }
        #expect(ordered.map(\.conversationId) == ["c", "a", "b"])
        // Equal urgency: by conversation id, so the order never flickers.
        let twin = Self.item("d", priority: 0, waitedMinutes: 11)
        #expect(QueueRules.precedes(patient, twin, at: Self.now))
    }

    @Test func offersGoToTheLeastBusyAvailableConnectedAgentWithRoom() {
        let candidates = [
            QueueRules.Candidate(id: "ana", status: .available, connected: true, load: 2, capacity: 3),
            QueueRules.Candidate(id: "bo", status: .available, connected: true, load: 1, capacity: 3),
            QueueRules.Candidate(id: "cy", status: .away, connected: true, load: 0, capacity: 3),
            QueueRules.Candidate(id: "di", status: .available, connected: false, load: 0, capacity: 3),
            QueueRules.Candidate(id: "ed", status: .available, connected: true, load: 1, capacity: 1),
        ]
        #expect(QueueRules.agent(among: candidates, declinedBy: []) == "bo")
        #expect(QueueRules.agent(among: candidates, declinedBy: ["bo"]) == "ana")
        #expect(QueueRules.agent(among: candidates, declinedBy: ["ana", "bo"]) == nil)
    }
}

import Foundation
import GRDB
import ParleyTestSupport
import Testing

@testable import ParleyStore

@Suite struct ConversationTransitionTests {
    func greeting(_ conversation: Conversation) -> StoredMessage {
        StoredMessage(conversationId: conversation.id, sender: .bot, text: "Hi!", rule: "greeting")
    }

    @Test func startKeepsWhatTheStoreKnowsAndIsOneTransaction() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.file("crm.sqlite"))
        try await store.save(Customer(id: "shop-1", name: "Ana", vip: true))
        let before = store.writeTransactions
        let conversation = Conversation(customerId: "shop-1", channel: "web")
        let recorded = try await store.record(
            .start(
                conversation, customer: Customer(id: "shop-1", name: "Mallory", email: "ana@example.com"),
                greeting: greeting(conversation)))
        #expect(store.writeTransactions == before + 1)
        #expect(recorded.customer?.name == "Ana" && recorded.customer?.vip == true)
        #expect(recorded.customer?.email == "ana@example.com")
        #expect(recorded.messages.first?.id != nil)
        #expect(try await store.conversation(id: conversation.id) != nil)
        #expect(try await store.transcript(conversationId: conversation.id).map(\.text) == ["Hi!"])
    }

    @Test func anEscalatingExchangeStoresEverythingInOneTransaction() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.file("crm.sqlite"))
        var conversation = Conversation(customerId: "c", channel: "web")
        _ = try await store.record(.start(conversation, customer: Customer(id: "c"), greeting: greeting(conversation)))
        let before = store.writeTransactions
        conversation.status = .queued
        let escalation = Escalation(
            conversationId: conversation.id, reason: "angry customer", rule: "negative_sentiment", priority: 1)
        let recorded = try await store.record(
            .exchange(
                conversation,
                messages: [
                    StoredMessage(conversationId: conversation.id, sender: .customer, text: "this is awful"),
                    StoredMessage(conversationId: conversation.id, sender: .bot, text: "Let me find a person."),
                ], opening: escalation, customerEmail: "c@example.com"))
        #expect(store.writeTransactions == before + 1)
        #expect(recorded.escalation?.id != nil)
        #expect(recorded.messages.compactMap(\.id).count == 2)
        #expect(try await store.conversation(id: conversation.id)?.status == .queued)
        #expect(try await store.openEscalation(conversationId: conversation.id)?.rule == "negative_sentiment")
        #expect(try await store.customer(id: "c")?.email == "c@example.com")
    }

    @Test func aTransitionThatFailsLeavesNothingOfItBehind() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.file("crm.sqlite"))
        var conversation = Conversation(customerId: "c", channel: "web")
        _ = try await store.record(.start(conversation, customer: Customer(id: "c"), greeting: greeting(conversation)))
        conversation.status = .queued
        // The second message names a conversation that does not exist: its insert fails.
        await #expect(throws: (any Error).self) {
            try await store.record(
                .exchange(
                    conversation,
                    messages: [
                        StoredMessage(conversationId: conversation.id, sender: .customer, text: "help"),
                        StoredMessage(conversationId: "no-such-conversation", sender: .bot, text: "…"),
                    ],
                    opening: Escalation(conversationId: conversation.id, reason: "asked", rule: "human_request")))
        }
        #expect(try await store.conversation(id: conversation.id)?.status == .bot)
        #expect(try await store.openEscalation(conversationId: conversation.id) == nil)
        #expect(try await store.transcript(conversationId: conversation.id).map(\.text) == ["Hi!"])
    }

    @Test func takingOverAndHandingBackUpdateTheOpenEscalation() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.file("crm.sqlite"))
        var conversation = Conversation(customerId: "c", channel: "web", status: .queued)
        _ = try await store.record(.start(conversation, customer: Customer(id: "c"), greeting: greeting(conversation)))
        var escalation = try #require(
            try await store.record(
                .exchange(
                    conversation, messages: [],
                    opening: Escalation(conversationId: conversation.id, reason: "asked", rule: "human_request"))
            ).escalation)
        conversation.status = .withAgent
        conversation.assignedAgentId = "ana"
        escalation.takenBy = "ana"
        escalation.takenAt = Date()
        let note = StoredMessage(conversationId: conversation.id, sender: .system, text: "Ana joined")
        let taken = try await store.record(.takeOver(conversation, escalation: escalation, note: note))
        #expect(taken.escalation?.id == escalation.id)
        #expect(try await store.openEscalation(conversationId: conversation.id)?.takenBy == "ana")
        conversation.status = .bot
        conversation.assignedAgentId = nil
        escalation.resolvedAt = Date()
        let back = StoredMessage(conversationId: conversation.id, sender: .bot, text: "I'm back.")
        _ = try await store.record(.handBack(conversation, resolving: escalation, message: back))
        #expect(try await store.openEscalation(conversationId: conversation.id) == nil)
        #expect(try await store.escalationQueue().isEmpty)
        #expect(try await store.conversation(id: conversation.id)?.status == .bot)
    }

    @Test func agentMessagesFromBeforeTheAuthorColumnUpgrade() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("crm.sqlite")
        do {
            let store = try SQLiteCRMStore(path: path)
            let conversation = Conversation(customerId: "c", channel: "web", status: .withAgent)
            _ = try await store.record(
                .start(conversation, customer: Customer(id: "c"), greeting: greeting(conversation)))
            _ = try await store.record(
                .agentMessage(
                    conversation,
                    message: StoredMessage(
                        conversationId: conversation.id, sender: .agent, text: "Hello, Ana here", agentId: "ana")))
        }
        // Put the file back as version 3 left it: the agent's id in `rule`, no `agentId` column.
        try await DatabaseQueue(path: path).write { db in
            try db.execute(sql: "UPDATE message SET rule = agentId WHERE sender = 'agent'")
            try db.execute(sql: "ALTER TABLE message DROP COLUMN agentId")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v4'")
        }
        let upgraded = try SQLiteCRMStore(path: path)
        let conversation = try #require(try await upgraded.conversations(status: nil, limit: 1).first)
        let agentMessage = try #require(
            try await upgraded.transcript(conversationId: conversation.id).first { $0.sender == .agent })
        #expect(agentMessage.agentId == "ana")
        #expect(agentMessage.rule == nil)
    }
}

import Foundation
import ParleyTestSupport
import Testing

@testable import ParleyStore

@Suite struct RetentionTests {
    @Test func oldConversationsGoAndCustomersLeftWithNoneGoWithThem() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.file("crm.sqlite"))
        let now = Date()
        let old = now.addingTimeInterval(-40 * 86_400)
        func conversation(_ customer: String, lastActive: Date) async throws -> Conversation {
            let conversation = Conversation(
                customerId: customer, channel: "web", startedAt: lastActive, updatedAt: lastActive)
            _ = try await store.record(
                .start(
                    conversation, customer: Customer(id: customer, name: customer),
                    greeting: StoredMessage(
                        conversationId: conversation.id, sender: .bot, text: "Hi", sentAt: lastActive)))
            return conversation
        }
        _ = try await conversation("gone", lastActive: old)
        _ = try await conversation("stays", lastActive: old)
        let recent = try await conversation("stays", lastActive: now)
        let report = try await store.eraseConversations(lastActiveBefore: now.addingTimeInterval(-30 * 86_400))
        #expect(report == ErasureReport(customers: 1, conversations: 2, messages: 2, escalations: 0))
        #expect(try await store.customer(id: "gone") == nil)
        #expect(try await store.conversations(status: nil, limit: 10).map(\.id) == [recent.id])
        #expect(try await store.customer(id: "stays")?.name == "stays")
        #expect(
            try await store.eraseConversations(lastActiveBefore: now.addingTimeInterval(-30 * 86_400))
                == ErasureReport(customers: 0, conversations: 0, messages: 0, escalations: 0))
    }
}

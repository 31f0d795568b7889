import Foundation
import ParleyStore
import Testing

@Suite struct SQLiteCRMStoreTests {
    func message(_ conversation: String, _ text: String, sender: StoredMessage.Sender = .customer) -> StoredMessage {
        StoredMessage(
            conversationId: conversation, sender: sender, text: text, intent: "order_status", confidence: 0.93,
            alternatives: [.init(name: "order_status", confidence: 0.93), .init(name: "refund", confidence: 0.03)],
            entities: [.init(type: "order_id", value: "A-10234", text: "A-10234", start: 9, end: 16)],
            sentimentScore: -0.2, sentimentLabel: "negative", modelVersion: "abc123", action: "reply", rule: "intent",
            scores: ["confidence": 0.93])
    }

    @Test func storesCustomersConversationsAndAnnotatedMessages() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.file("crm.sqlite"))
        let customer = Customer(
            name: "Ana", email: "ana@example.com", attributes: ["plan": "gold"], tags: ["returning"])
        try await store.save(customer)
        let conversation = Conversation(customerId: customer.id, channel: "web")
        try await store.save(conversation)
        let first = try await store.append(message(conversation.id, "where is A-10234?"))
        let second = try await store.append(message(conversation.id, "It is on its way.", sender: .bot))
        #expect(first.id != nil && second.id! > first.id!)
        let transcript = try await store.transcript(conversationId: conversation.id)
        #expect(transcript.map(\.text) == ["where is A-10234?", "It is on its way."])
        #expect(transcript[0].entities.first?.value == "A-10234")
        #expect(transcript[0].alternatives.count == 2)
        #expect(transcript[0].scores["confidence"] == 0.93)
        let history = try #require(try await store.history(customerId: customer.id, messageLimit: 10))
        #expect(history.customer.attributes == ["plan": "gold"])
        #expect(history.conversations.map(\.id) == [conversation.id])
        #expect(history.recentMessages.first?.sender == .bot)
    }

    @Test func acknowledgedWritesSurviveReopening() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("crm.sqlite")
        let customer = Customer(name: "Bo")
        let conversation = Conversation(customerId: customer.id, channel: "tcp")
        do {
            let store = try SQLiteCRMStore(path: path)
            try await store.save(customer)
            try await store.save(conversation)
            _ = try await store.append(message(conversation.id, "hello"))
        }
        let reopened = try SQLiteCRMStore(path: path)
        #expect(try await reopened.transcript(conversationId: conversation.id).map(\.text) == ["hello"])
        #expect(try await reopened.integrityCheck() == "ok")
    }

    @Test func concurrentWritesAreAllCommittedInOrderPerConversation() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.file("crm.sqlite"))
        let customer = Customer()
        try await store.save(customer)
        let conversations = (0..<20).map { _ in Conversation(customerId: customer.id, channel: "web") }
        for conversation in conversations { try await store.save(conversation) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for conversation in conversations {
                group.addTask {
                    for turn in 0..<25 { _ = try await store.append(self.message(conversation.id, "message \(turn)")) }
                }
            }
            try await group.waitForAll()
        }
        for conversation in conversations {
            let texts = try await store.transcript(conversationId: conversation.id).map(\.text)
            #expect(texts == (0..<25).map { "message \($0)" })
        }
    }

    @Test func erasingACustomerRemovesTheirConversationsAndMessages() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.file("crm.sqlite"))
        let customer = Customer(name: "Cy", email: "cy@example.com")
        let other = Customer(name: "Di")
        try await store.save(customer)
        try await store.save(other)
        let conversation = Conversation(customerId: customer.id, channel: "web")
        let kept = Conversation(customerId: other.id, channel: "web")
        try await store.save(conversation)
        try await store.save(kept)
        _ = try await store.append(message(conversation.id, "my secret address is 1 Elm Street"))
        _ = try await store.append(message(kept.id, "hello"))
        let report = try await store.erase(customerId: customer.id)
        #expect(report == ErasureReport(customers: 1, conversations: 1, messages: 1))
        #expect(try await store.customer(id: customer.id) == nil)
        #expect(try await store.transcript(conversationId: conversation.id).isEmpty)
        #expect(try await store.transcript(conversationId: kept.id).count == 1)
    }

    @Test func aFileThatIsNoDatabaseIsAClearError() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("crm.sqlite")
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: StoreError.self) { try SQLiteCRMStore(path: path) }
        #expect(error.description.contains(path))
    }
}

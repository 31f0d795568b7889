import ParleyBot
import ParleyStore
import ParleyTestSupport
import Testing

@Suite struct FallbackInboxTests {
    func message(_ text: String) -> StoredMessage {
        StoredMessage(conversationId: "c", sender: .customer, text: text, action: "fallback")
    }

    @Test func groupsSimilarMessagesLargestFirst() {
        let groups = FallbackInbox().group([
            message("do you sell gift wrapping?"), message("can I get gift wrapping"),
            message("is there gift wrapping"),
            message("how do I become a supplier"), message("gift wrapping please"),
        ])
        #expect(groups.count == 2)
        #expect(groups[0].messages.count == 4)
        #expect(groups[0].label.contains("wrap"))
        #expect(groups[1].messages.map(\.text) == ["how do I become a supplier"])
    }

    @Test func theStoreListsOnlyMessagesTheBotFellBackOn() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteCRMStore(path: folder.path + "/crm.sqlite")
        let customer = Customer()
        try await store.save(customer)
        let conversation = Conversation(customerId: customer.id, channel: "test")
        try await store.save(conversation)
        var understood = message("where is my order")
        understood.conversationId = conversation.id
        understood.action = "reply"
        var missed = message("blorp")
        missed.conversationId = conversation.id
        _ = try await store.append(understood)
        _ = try await store.append(missed)
        #expect(try await store.fallbackInbox(limit: 10).map(\.text) == ["blorp"])
    }
}

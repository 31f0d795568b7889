import Foundation
import ParleyStore
import Testing

@testable import ParleyServer

/// What clients send is kept whole or refused whole, and what is erased stays erased.
@Suite(.timeLimit(.minutes(10))) struct DataHygieneTests {
    @Test(arguments: [
        ClientMessage.message(.init(text: "my order is A-1\u{0}0234")),
        .hello(.init(customer: .init(name: "Eve\u{0}lyn"))),
        .hello(.init(customer: .init(id: "shop-1001\u{0}x", identityHash: TestServer.identityHash("shop-1001\u{0}x")))),
        .message(.init(text: "bell \u{7}")), .message(.init(text: "delete \u{7F}")),
    ])
    func controlCharactersAreRefusedWholeAndNothingIsStored(message: ClientMessage) async throws {
        let server = try await TestServer.start()
        let events = Collected<ServerEvent>()
        var connection = ChatConnection(service: server.service, channel: "web", outbox: events.append)
        await connection.receive(message)
        let error = try await events.first { $0.type == .error }.event
        #expect(error.code == .invalidMessage)
        #expect(error.errorMessage?.contains("control characters such as U+00") == true)
        #expect(connection.conversationId == nil)
        #expect(try await server.service.store.conversations(status: nil, limit: 10).isEmpty)
        #expect(try await server.service.store.searchCustomers("shop-1001", limit: 10).isEmpty)
        // Tabs and line breaks are text like any other.
        await connection.receive(.message(.init(text: "line one\nline\ttwo\r\n")))
        let conversation = try #require(connection.conversationId)
        let transcript = try await server.service.store.transcript(conversationId: conversation)
        #expect(transcript.contains { $0.text == "line one\nline\ttwo\r\n" })
        try await server.stop()
    }

    @Test func aCustomerErasedDuringTheirConversationIsNotWrittenBack() async throws {
        let server = try await TestServer.start()
        let events = Collected<ServerEvent>()
        var connection = ChatConnection(service: server.service, channel: "web", outbox: events.append)
        let identity = CustomerIdentity(id: "c-9", identityHash: TestServer.identityHash("c-9"), name: "Nia")
        await connection.receive(.hello(.init(customer: identity)))
        await connection.receive(.message(.init(text: "where is my order")))
        _ = try await events.first { $0.text == "What is your order number?" }
        // `parley erase` runs beside the server, on the same file.
        let report = try await server.service.store.erase(customerId: "c-9")
        #expect(report.customers == 1 && report.conversations == 1)
        await connection.receive(.message(.init(text: "A-10234, and my name is Nia")))
        let error = try await events.first { $0.type == .error }.event
        #expect(error.code == .unknownConversation)
        #expect(try await server.service.store.customer(id: "c-9") == nil)
        #expect(try await server.service.store.conversations(status: nil, limit: 10).isEmpty)
        #expect(server.service.activeConversations == 0)
        await connection.close()
        try await server.stop()
    }
}

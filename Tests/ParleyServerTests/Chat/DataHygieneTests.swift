import Foundation
import ParleyStore
import Testing

@testable import ParleyServer

/// What clients send is kept whole or refused whole, and what is erased stays erased.
@Suite(.timeLimit(.minutes(10))) struct DataHygieneTests {
    /// C0 and C1 (U+0080–U+009F: U+009B is CSI, which starts a terminal's escape sequence) are
    /// refused; the refusal names the field as the client sent it.
    @Test(arguments: [
        (ClientMessage.message(.init(text: "my order is A-1\u{0}0234")), "text", "U+0000"),
        (.hello(.init(customer: .init(name: "Eve\u{0}lyn"))), "customer.name", "U+0000"),
        (
            .hello(
                .init(customer: .init(id: "shop-1001\u{0}x", identityHash: TestServer.identityHash("shop-1001\u{0}x")))),
            "customer.id", "U+0000"
        ),
        (.message(.init(text: "bell \u{7}")), "text", "U+0007"),
        (.message(.init(text: "delete \u{7F}")), "text", "U+007F"),
        (.message(.init(text: "red \u{9B}31mALERT")), "text", "U+009B"),
        (.message(.init(text: "next\u{85}line")), "text", "U+0085"),
        (.hello(.init(customer: .init(name: "Eve", email: "eve@example.com\u{9F}"))), "customer.email", "U+009F"),
        (.hello(.init(customer: .init(phone: "\u{80}555 0100"))), "customer.phone", "U+0080"),
        (.hello(.init(conversationId: "c\u{9B}2J", conversationToken: "t")), "conversation_id", "U+009B"),
    ])
    func controlCharactersAreRefusedWholeAndNothingIsStored(message: ClientMessage, field: String, character: String)
        async throws
    {
        let server = try await TestServer.start()
        let events = Collected<ServerEvent>()
        var connection = ChatConnection(service: server.service, channel: "web", outbox: events.append)
        await connection.receive(message)
        let error = try await events.first { $0.type == .error }.event
        #expect(error.code == .invalidMessage)
        #expect(
            error.errorMessage?.hasPrefix("\"\(field)\" must not contain control characters such as \(character)")
                == true,
            "\(error.errorMessage ?? "")")
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

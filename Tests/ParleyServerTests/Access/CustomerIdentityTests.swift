import Foundation
import ParleyServer
import ParleyStore
import Testing

/// A claimed customer id is trusted only with the shop's `identity_hash`, and
/// a conversation is resumed only with its own token.
@Suite(.timeLimit(.minutes(10))) struct CustomerIdentityTests {
    struct Opened: Decodable {
        var conversationId: String
        var conversationToken: String?
        var customerId: String?
        var replies: [ServerEvent]
    }

    static func opened(_ exchange: HTTPExchange) throws -> Opened {
        try APIRoutesTests.decode(Opened.self, exchange)
    }

    static func hello(id: String, hash: String?) -> String {
        let hashField = hash.map { #","identity_hash":"\#($0)""# } ?? ""
        return
            #"{"text":"hi","customer":{"id":"\#(id)"\#(hashField),"name":"Mallory","email":"m@evil.example","phone":"+44 20 7946 0000"}}"#
    }

    @Test func aClaimedIdWithoutTheShopsHashIsAnAnonymousConversation() async throws {
        try await InProcessApp.test { (service, send) async throws in
            let victim = Customer(id: "shop-1", name: "Vera", vip: true)
            try await service.store.save(victim)
            for hash in [nil, "00", TestServer.identityHash("shop-2"), String(repeating: "g", count: 64)] {
                let exchange = try await send("POST", "/api/messages", body: Self.hello(id: "shop-1", hash: hash))
                #expect(exchange.status == 200)
                let opened = try Self.opened(exchange)
                #expect(opened.customerId != "shop-1", "hash \(hash ?? "none")")
                #expect(opened.replies.first?.text?.contains("Vera") == false)
                // What the client gave stays with its own anonymous record.
                #expect(try await service.store.customer(id: opened.customerId ?? "")?.email == "m@evil.example")
            }
            let stored = try #require(try await service.store.customer(id: "shop-1"))
            #expect(stored.name == "Vera" && stored.email == nil && stored.phone == nil)
            #expect(
                try await service.store.history(customerId: "shop-1", messageLimit: 10)?.conversations.isEmpty == true)
        }
    }

    @Test func theShopsHashOpensTheCustomersOwnRecord() async throws {
        try await InProcessApp.test { (service, send) async throws in
            try await service.store.save(Customer(id: "shop-1", name: "Vera"))
            let exchange = try await send(
                "POST", "/api/messages",
                body: Self.hello(id: "shop-1", hash: TestServer.identityHash("shop-1").uppercased()))
            let opened = try Self.opened(exchange)
            #expect(opened.customerId == "shop-1")
            #expect(opened.replies.first?.text?.contains("Vera") == true)
        }
    }

    @Test func withoutAnIdentitySecretNoClaimedIdIsTrusted() async throws {
        try await InProcessApp.test(access: AccessSettings()) { (_, send) async throws in
            let exchange = try await send(
                "POST", "/api/messages", body: Self.hello(id: "shop-1", hash: TestServer.identityHash("shop-1")))
            #expect(try Self.opened(exchange).customerId != "shop-1")
        }
    }

    @Test func aConversationIsResumedOnlyWithItsOwnToken() async throws {
        try await InProcessApp.test { (_, send) async throws in
            let opened = try Self.opened(
                try await send("POST", "/api/messages", body: #"{"text":"where is my order A-10234"}"#))
            let token = try #require(opened.conversationToken)
            #expect(token.count >= 43)  // 256 bits in base64url
            let other = try Self.opened(try await send("POST", "/api/messages", body: #"{"text":"hi"}"#))
            for guess in [nil, "", "x", other.conversationToken] {
                let tokenField = guess.map { #","conversation_token":"\#($0)""# } ?? ""
                let exchange = try await send(
                    "POST", "/api/messages",
                    body: #"{"conversation_id":"\#(opened.conversationId)"\#(tokenField),"text":"what did I say?"}"#)
                #expect(exchange.status == 404, "token \(guess ?? "none")")
                #expect(!exchange.body.contains("A-10234"))
            }
            let resumed = try await send(
                "POST", "/api/messages",
                body:
                    #"{"conversation_id":"\#(opened.conversationId)","conversation_token":"\#(token)","text":"thanks"}"#
            )
            #expect(resumed.status == 200)
        }
    }
}

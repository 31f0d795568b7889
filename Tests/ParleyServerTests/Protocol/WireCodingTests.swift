import Foundation
import ParleyBot
import ParleyStore
import Testing

@testable import ParleyServer

@Suite struct WireCodingTests {
    static let profile = AgentProfile(id: "ana", name: "Ana", status: .available, capacity: 3, conversations: ["c-1"])

    static var item: QueueItem {
        var summary = EscalationSummary()
        summary.include(
            StoredMessage(
                conversationId: "c-1", sender: .customer, text: "where is A-10234", intent: "order_status",
                entities: [.init(type: "order_id", value: "A-10234", text: "A-10234", start: 9, end: 16)],
                sentimentScore: -0.4))
        return QueueItem(
            conversationId: "c-1", customerId: "shop-1", customerName: "Bo", vip: false, reason: "angry customer",
            rule: .negativeSentiment, priority: 1, queuedAt: Date(timeIntervalSince1970: 1_764_000_000), position: 1,
            summary: summary, offeredTo: "ana")
    }

    /// A JSON object, for comparing without regard to key order.
    static func object(_ json: String) -> NSDictionary? {
        try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary
    }

    @Test(arguments: [
        #"{"type":"signed_in","agent":{"id":"ana","name":"Ana","status":"available","capacity":3,"conversations":[]},"token":"t","expires_at":"2026-11-30T14:00:00Z"}"#,
        #"{"type":"released","conversation_id":"c-1","outcome":"handed_back","agent_id":"ana"}"#,
        #"{"type":"error","code":"not_yours","message":"conversation c-1 is not yours; take it first"}"#,
    ])
    func agentEventsReadAsTheyAreWritten(json: String) throws {
        let event = try WireCoding.decode(AgentEvent.self, from: json)
        #expect(Self.object(event.json()) == Self.object(json))
    }

    @Test func queueAndOfferRoundTrip() throws {
        for event in [
            AgentEvent.queue(.init(queue: [Self.item], queueLength: 1)),
            .offer(.init(conversationId: "c-1", item: Self.item)),
        ] {
            let decoded = try WireCoding.decode(AgentEvent.self, from: event.json())
            #expect(Self.object(decoded.json()) == Self.object(event.json()))
        }
        #expect(
            AgentEvent.offer(.init(conversationId: "c-1", item: Self.item)).json().contains(
                #""rule":"negative_sentiment""#))
    }

    @Test func customerEventsKeepTheirDocumentedKeys() throws {
        let welcome = ServerEvent.welcome(
            .init(conversationId: "c-1", customerId: "shop-1", resumed: false, status: .bot))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(welcome.json().utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["type", "conversation_id", "customer_id", "resumed", "status"])
        #expect(object["type"] as? String == "welcome")
        let decoded = try WireCoding.decode(ServerEvent.self, from: welcome.json())
        #expect(Self.object(decoded.json()) == Self.object(welcome.json()))
    }

    @Test func clientMessagesDecodeByTypeAndSayWhatIsWrong() throws {
        #expect(
            try WireCoding.decode(ClientMessage.self, from: #"{"type":"message","text":"hi","analysis":true}"#)
                == .message(.init(text: "hi", analysis: true)))
        #expect(
            try WireCoding.decode(
                ClientMessage.self, from: #"{"type":"hello","conversation_id":"c-1","last_message_id":4}"#)
                == .hello(.init(conversationId: "c-1", lastMessageId: 4)))
        #expect(throws: WireDecodingError.unknownType("shout")) {
            try WireCoding.decode(ClientMessage.self, from: #"{"type":"shout"}"#)
        }
        #expect(throws: WireDecodingError.invalidFields(type: "rating")) {
            try WireCoding.decode(ClientMessage.self, from: #"{"type":"rating","score":"five"}"#)
        }
        #expect(throws: WireDecodingError.invalidFields(type: "take")) {
            try WireCoding.decode(AgentMessage.self, from: #"{"type":"take"}"#)
        }
    }
}

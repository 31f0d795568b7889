import Foundation
import HummingbirdWSClient
import Logging
import NIOWebSocket
import ParleyBot
import ParleyNLP
import ParleyServer
import ParleyStore
import Testing

/// A customer on `/ws` and an agent on `/agent/ws`, over real sockets.
@Suite(.timeLimit(.minutes(10))) struct AgentWebSocketChannelTests {
    @Test func anAgentIsOfferedTheConversationTakesItRepliesAndHandsItBack() async throws {
        let server = try await TestServer.start()
        try await server.addAgent("ana", name: "Ana")
        let agent = WebSocketPeer<AgentEvent>(url: server.agentURL)
        agent.send(#"{"type":"login","agent":"ana","password":"\#(TestServer.agentPassword)"}"#)
        let signedIn = try await agent.first { $0.type == .signedIn }
        #expect(signedIn.agent?.id == "ana" && signedIn.token != nil)

        let customer = WebSocketPeer<ServerEvent>(url: server.webSocketURL)
        customer.send(
            #"{"type":"hello","customer":{"id":"c-7","identity_hash":"\#(TestServer.identityHash("c-7"))","name":"Bo"}}"#
        )
        let id = try #require(try await customer.first { $0.type == .welcome }.conversationId)
        customer.send(#"{"type":"message","text":"I want to talk to a person"}"#)
        #expect(try await customer.first { $0.type == .waiting }.position == 1)
        #expect(customer.received.events.contains { $0.action == .escalate })

        let offer = try await agent.first { $0.type == .offer }
        #expect(offer.conversationId == id && offer.item?.reason == "asked for a person")
        agent.send(#"{"type":"take","conversation_id":"\#(id)"}"#)
        let view = try await agent.first { $0.type == .conversation }
        #expect(view.view?.messages.contains { $0.sender == .customer && $0.intent == "human" } == true)
        #expect(try await customer.first { $0.type == .agentJoined }.agent == "Ana")

        customer.send(#"{"type":"message","text":"my parcel came broken"}"#)
        #expect(try await customer.first { $0.type == .received }.status == .withAgent)
        _ = try await agent.first { $0.entry?.sender == .customer && $0.entry?.text == "my parcel came broken" }

        agent.send(#"{"type":"say","conversation_id":"\#(id)","text":"Sorry, Bo! A new one is on its way."}"#)
        let said = try await customer.first { $0.from == .agent }
        #expect(said.agent == "Ana" && said.text == "Sorry, Bo! A new one is on its way.")

        agent.send(#"{"type":"handback","conversation_id":"\#(id)"}"#)
        #expect(try await customer.first { $0.type == .agentLeft }.status == .bot)
        customer.send(#"{"type":"message","text":"refund please"}"#)
        _ = try await customer.first { $0.text == "Refunds take 5 days." }
        let events = customer.received.events
        let joined = try #require(events.firstIndex { $0.type == .agentJoined })
        let left = try #require(events.firstIndex { $0.type == .agentLeft })
        #expect(!events[joined..<left].contains { $0.from == .bot })
        let released = try await agent.first { $0.type == .released }
        #expect(released.conversationId == id && released.outcome == .handedBack)
        #expect(try await server.service.store.escalationQueue().isEmpty)
        try await customer.close()
        try await agent.close()
        try await server.stop()
    }

    @Test func badAgentFramesGetClearErrors() async throws {
        let server = try await TestServer.start()
        let agent = WebSocketPeer<AgentEvent>(url: server.agentURL)
        for frame in ["not json", #"{"type":"queue"}"#, #"{"type":"resume","token":"made-up"}"#] {
            agent.send(frame)
        }
        try await agent.received.wait(within: 30) { $0.count == 3 }
        #expect(agent.received.events.map(\.code) == [.invalidJSON, .unauthorized, .unauthorized])
        try await agent.close()
        try await server.stop()
    }
}

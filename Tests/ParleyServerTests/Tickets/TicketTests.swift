import Foundation
import ParleyBot
import ParleyClient
import ParleyStore
import Testing

@testable import ParleyServer

/// Conversations nobody can answer become tickets that stay in sight: in the
/// store with their own status, in the API, and in the agents' tickets.
@Suite(.timeLimit(.minutes(10))) struct TicketTests {
    typealias Customer = AgentDeskTests.Customer
    typealias Desk = AgentDeskTests.Desk

    @Test func everyOutOfHoursHandoverRequestEndsAsAVisibleTicket() async throws {
        let server = try await TestServer.start(bot: TestServer.alwaysClosed)
        try await server.addAgent("ana", name: "Ana")
        var desk = Desk(server)
        _ = try await desk.login("ana")
        let hours = try await desk.events.first { $0.type == .officeHours }.event.officeHours
        #expect(hours?.open == false)
        var ids: [String] = []

        // The line protocol, as a person at a terminal and as JSON lines.
        for request in ["/human", "I want to talk to a person", "get me a human"] {
            try await LineClient.withConnection(host: "127.0.0.1", port: server.ports.line) { client in
                try await client.send(request)
                let opening = try await LineServerTests.lines(3, &client)
                ids.append(String(opening[0].split(separator: " ")[2]))
                #expect(opening[2].hasPrefix("bot> Our team is away"), "\(opening)")
            }
        }
        for request in [#"{"type":"human"}"#, #"{"type":"message","text":"real person please"}"#] {
            try await LineClient.withConnection(host: "127.0.0.1", port: server.ports.line) { client in
                try await client.send(#"{"type":"hello"}"#)
                let welcome = try ServerEvent(json: try await client.readLine() ?? "")
                _ = try await client.readLine()
                try await client.send(request)
                let reply = try ServerEvent(json: try await client.readLine() ?? "")
                #expect(reply.action == .outOfHours)
                ids.append(try #require(welcome.conversationId))
            }
        }
        // The WebSocket.
        for request in [#"{"type":"human"}"#, #"{"type":"message","text":"can I talk to an agent"}"#] {
            let peer = WebSocketPeer<ServerEvent>(url: server.webSocketURL)
            peer.send(#"{"type":"hello"}"#)
            let welcome = try await peer.first { $0.type == .welcome }
            peer.send(request)
            let reply = try await peer.first { $0.action == .outOfHours }
            #expect(reply.text?.contains("email") == true)
            ids.append(try #require(welcome.conversationId))
            try await peer.close()
        }
        // The REST channel.
        for text in ["I want to talk to a person", "let me speak to a human"] {
            let exchange = try await HTTPExchange.send(
                "POST", "/api/messages", port: server.ports.http, body: #"{"text":"\#(text)"}"#)
            #expect(exchange.status == 200)
            let answer = try JSONSerialization.jsonObject(with: Data(exchange.body.utf8)) as? [String: Any]
            let replies = answer?["replies"] as? [[String: Any]] ?? []
            #expect(replies.contains { $0["action"] as? String == "out_of_hours" }, "\(exchange.body)")
            ids.append(try #require(answer?["conversation_id"] as? String))
        }

        // Every one of them is a ticket, in the store, the API, the agents' tickets and the report.
        let stored = try await server.service.store.conversations(status: .ticket, limit: 100)
        #expect(Set(stored.map(\.id)) == Set(ids))
        #expect(stored.allSatisfy { $0.ticketAt != nil && $0.outcome == nil })
        let listed = try await HTTPExchange.send(
            "GET", "/api/conversations?status=ticket", port: server.ports.http,
            token: try await server.service.issueToken(.agent))
        #expect(listed.status == 200)
        for id in ids { #expect(listed.body.contains(id)) }
        await desk.send("tickets")
        let tickets = try await desk.events.first { $0.tickets?.count == ids.count }.event.tickets
        #expect(Set(tickets?.tickets.map(\.conversationId) ?? []) == Set(ids))
        #expect(tickets?.tickets.allSatisfy { $0.reason == "outside office hours" } == true)
        let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        let report = try await server.service.store.dailyReport(from: today, to: today)
        #expect(report.first?.tickets == ids.count)
        // Nobody was offered anything: no person could answer.
        #expect(await server.service.desk.queue().isEmpty)
        #expect(!desk.events.events.contains { $0.type == .offer })
        try await server.stop()
    }

    @Test func anEmailGivenForATicketIsAcknowledgedWhateverItLooksLike() async throws {
        let server = try await TestServer.start(bot: TestServer.alwaysClosed)
        var customer = Customer(server)
        let id = try await customer.start()
        await customer.connection.receive(ClientMessage.human)
        _ = try await customer.events.first { $0.action == .outOfHours }
        // Looks like an order question; the address is what matters.
        await customer.connection.receive(
            ClientMessage.message(.init(text: "where is my order A-10234? write to ana@example.com", analysis: true)))
        let thanks = try await customer.events.first { $0.reply?.decision?.rule == .ticketEmail }
        #expect(thanks.event.text?.contains("ana@example.com") == true)
        #expect(thanks.event.text?.contains("will write") == true)
        let stored = try await server.service.store.conversation(id: id)
        #expect(stored?.status == .ticket && stored?.ticketEmail == "ana@example.com")
        try await server.stop()
    }

    @Test func anAgentAnswersOneTicketAndClosesAnother() async throws {
        let server = try await TestServer.start(bot: TestServer.alwaysClosed)
        try await server.addAgent("ana", name: "Ana")
        var first = Customer(server)
        let answered = try await first.start()
        await first.connection.receive(ClientMessage.human)
        await first.connection.receive(ClientMessage.message(.init(text: "bo@example.com")))
        var second = Customer(server)
        let spam = try await second.start()
        await second.connection.receive(ClientMessage.human)
        var desk = Desk(server)
        _ = try await desk.login("ana")
        await desk.send("tickets")
        let listed = try await desk.events.first { $0.tickets?.count == 2 }.event.tickets
        #expect(listed?.tickets.first { $0.conversationId == answered }?.email == "bo@example.com")

        // A note with a terminal's escape sequence in it is refused, and the ticket stays open.
        await desk.connection.receive(
            AgentMessage.answer(.init(conversationId: answered, note: "Wrote \u{9B}2J about the refund")))
        let refused = try await desk.events.first { $0.type == .error }.event.message
        #expect(refused?.contains("\"note\"") == true && refused?.contains("U+009B") == true)
        #expect(try await server.service.store.conversation(id: answered)?.status == .ticket)
        await desk.connection.receive(
            AgentMessage.answer(.init(conversationId: answered, note: "Wrote about the refund")))
        await desk.connection.receive(AgentMessage.close(.init(conversationId: spam, outcome: "spam")))
        _ = try await desk.events.first { $0.tickets?.count == 0 }
        let done = try await server.service.store.conversation(id: answered)
        #expect(done?.status == .closed && done?.outcome == .answered)
        let note = try await server.service.store.transcript(conversationId: answered).last
        #expect(note?.text == "Ana answered the ticket by email (to bo@example.com): Wrote about the refund")
        #expect(try await server.service.store.conversation(id: spam)?.outcome == .spam)
        // Once answered, it is no ticket any more.
        await desk.connection.receive(AgentMessage.answer(.init(conversationId: answered)))
        _ = try await desk.events.first { $0.type == .error && $0.message?.contains("not an open ticket") == true }
        try await server.stop()
    }
}

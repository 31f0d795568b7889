import Foundation
import ParleyClient
import ParleyServer
import ParleyStore
import Testing

@Suite(.timeLimit(.minutes(10))) struct LineServerTests {
    /// Reads `count` lines.
    static func lines(_ count: Int, _ client: inout LineClient) async throws -> [String] {
        var lines: [String] = []
        for _ in 0..<count { lines.append(try await client.readLine() ?? "(closed)") }
        return lines
    }

    @Test func aPersonAtATerminalChatsWithPrefixedLinesAndCommands() async throws {
        let server = try await TestServer.start()
        try await LineClient.withConnection(host: "127.0.0.1", port: server.ports.line) { client in
            // A name with a control character is refused at once, not echoed and then refused with every message.
            try await client.send("/name Ana\u{9B}X")
            let refusedName = try await client.readLine() ?? ""
            #expect(refusedName.hasPrefix("error> a name must not contain control characters such as U+009B"))
            try await client.send("/name Ana")
            #expect(try await client.readLine() == "parley> hello Ana")
            try await client.send("hello")
            let opening = try await Self.lines(4, &client)
            #expect(opening[0].hasPrefix("parley> conversation "))
            #expect(opening[1].hasPrefix("bot> ") && opening[1].contains("Ana"))
            #expect(opening[2] == "bot> Hi! How can I help?")
            #expect(opening[3] == "bot> [Where is my order?] [Refunds]")
            try await client.send("where is my order A-10234")
            #expect(try await client.readLine() == "bot> Order A-10234 is on its way.")
            try await client.send("red \u{9B}31mALERT")
            let refused = try await client.readLine() ?? ""
            #expect(
                refused.hasPrefix("error> \"text\" must not contain control characters such as U+009B"), "\(refused)")
            try await client.send("/nonsense")
            #expect(try await client.readLine()?.hasPrefix("error> unknown command /nonsense") == true)
            try await client.send("/human")
            #expect(try await client.readLine()?.hasPrefix("bot> ") == true)
            #expect(try await client.readLine() == "parley> waiting for a person: you are number 1 in the queue")
            try await client.send("are you there?")
            #expect(try await client.readLine() == "parley> a person will answer you here")
            try await client.send("/quit")
            #expect(try await client.readLine() == "parley> bye")
            #expect(try await client.readLine() == nil)
        }
        let conversations = try await server.service.store.conversations(status: .queued, limit: 5)
        #expect(conversations.first?.channel == "tcp")
        try await server.stop()
    }

    @Test func aFirstLineInJSONSwitchesToJSONLines() async throws {
        let server = try await TestServer.start()
        try await LineClient.withConnection(host: "127.0.0.1", port: server.ports.line) { client in
            try await client.send(#"{"type":"hello","customer":{"name":"Bo"}}"#)
            let welcome = try ServerEvent(json: try await client.readLine() ?? "")
            #expect(welcome.type == .welcome)
            _ = try await client.readLine()
            try await client.send(#"{"type":"message","text":"I want a refund"}"#)
            let reply = try ServerEvent(json: try await client.readLine() ?? "")
            #expect(reply.text == "Refunds take 5 days.")
            try await client.send("hello, not JSON")
            #expect(try ServerEvent(json: try await client.readLine() ?? "").code == .invalidJSON)
        }
        try await server.stop()
    }

    @Test func badLinesGetAnErrorAndTheNextLineIsAnswered() async throws {
        var limits = ChatLimits()
        limits.maxMessageBytes = 1024
        let server = try await TestServer.start(limits: limits)
        try await LineClient.withConnection(host: "127.0.0.1", port: server.ports.line) { client in
            try await client.send(bytes: [0x68, 0xFF, 0xFE, 0x69, 0x0A])
            #expect(try await client.readLine() == "error> that line was not valid UTF-8 and was dropped")
            // Sent in pieces, so the server sees the line grow past the limit before its end.
            for _ in 0..<8 { try await client.send(bytes: Array(repeating: 0x61, count: 1000)) }
            try await client.send("still the same line\nrefund please")
            #expect(try await client.readLine() == "error> that line was longer than 1024 bytes and was dropped")
            let answer = try await Self.lines(3, &client)
            #expect(answer.last == "bot> Refunds take 5 days.")
        }
        try await server.stop()
    }

    @Test func aClientThatNeverReadsDoesNotHoldUpOthers() async throws {
        let server = try await TestServer.start()
        let flood = Task {
            try await LineClient.withConnection(host: "127.0.0.1", port: server.ports.line) { client in
                let line = Array(#"{"type":"message","text":"where is my order A-10234, it is late"}"#.utf8) + [0x0A]
                for _ in 0..<4000 { try await client.send(bytes: line) }
                try await Task.sleep(for: .seconds(30))
            }
        }
        try await Task.sleep(for: .milliseconds(200))
        try await LineClient.withConnection(host: "127.0.0.1", port: server.ports.line) { client in
            for _ in 0..<5 {
                try await client.send("refund please")
                var line = ""
                while !line.hasPrefix("bot> Refunds") { line = try await client.readLine() ?? "bot> Refunds (closed)" }
                #expect(line == "bot> Refunds take 5 days.")
            }
        }
        flood.cancel()
        _ = await flood.result
        try await server.stop()
    }

    @Test func aFloodOfMessagesIsRateLimitedAndNothingRefusedIsStored() async throws {
        // A slow rate, so a busy machine's slow handling does not refill the bucket before the flood is read.
        var limits = ChatLimits()
        limits.messagesPerSecond = 0.2
        limits.burst = 20
        limits.refusalHoldSeconds = 1
        let server = try await TestServer.start(limits: limits)
        let (replies, limited, conversation) = try await LineClient.withConnection(
            host: "127.0.0.1", port: server.ports.line
        ) { client in
            try await client.send(#"{"type":"hello"}"#)
            let welcome = try ServerEvent(json: try await client.readLine() ?? "")
            _ = try await client.readLine()
            let message = #"{"type":"message","text":"refund please"}"# + "\n"
            try await client.send(bytes: Array(String(repeating: message, count: 60).utf8))
            var replies = 0
            var limited = 0
            while let line = try await client.readLine() {
                let event = try ServerEvent(json: line)
                if event.type == .reply { replies += 1 }
                if event.code == .rateLimited { limited += 1 }
            }
            return (replies, limited, welcome.conversationId ?? "")
        }
        // After `burst` refusals in a row the connection is closed (after the hold): the rest is never read.
        #expect(replies >= 20)
        #expect(limited >= 20)
        #expect(replies + limited < 60)
        let stored = try await server.service.store.transcript(conversationId: conversation)
        #expect(stored.count == 1 + 2 * replies)
        try await server.stop()
    }

    /// The `/resume ID TOKEN` command a new conversation's first line gives.
    static func resumeCommand(_ welcome: String) throws -> String {
        let command = try #require(welcome.range(of: "/resume ").map { welcome[$0.lowerBound...] })
        return String(command.dropLast(command.hasSuffix(")") ? 1 : 0))
    }

    @Test func resumingFromATerminalReplaysTheConversation() async throws {
        let server = try await TestServer.start()
        let (id, resume) = try await LineClient.withConnection(host: "127.0.0.1", port: server.ports.line) { client in
            try await client.send("where is my order")
            let opening = try await Self.lines(3, &client)
            #expect(opening[2] == "bot> What is your order number?")
            return (String(opening[0].split(separator: " ")[2]), try Self.resumeCommand(opening[0]))
        }
        try await LineClient.withConnection(host: "127.0.0.1", port: server.ports.line) { client in
            try await client.send("/resume \(id) not-the-token")
            #expect(
                try await client.readLine()?.hasPrefix("error> no conversation \(id) with that conversation_token")
                    == true)
        }
        try await LineClient.withConnection(host: "127.0.0.1", port: server.ports.line) { client in
            try await client.send(resume)
            let replay = try await Self.lines(3, &client)
            #expect(replay[0] == "parley> resumed conversation \(id)")
            #expect(replay[2] == "bot> What is your order number?")
            try await client.send("A-10234")
            #expect(try await client.readLine() == "bot> Order A-10234 is on its way.")
        }
        try await server.stop()
    }

    @Test func anAgentWorksFromATerminal() async throws {
        let server = try await TestServer.start()
        try await server.addAgent("ana", name: "Ana")
        try await LineClient.withConnection(host: "127.0.0.1", port: server.ports.line) { customer in
            try await customer.send("/human")
            let opening = try await Self.lines(4, &customer)
            let id = String(opening[0].split(separator: " ")[2])
            #expect(opening[3] == "parley> waiting for a person: you are number 1 in the queue")
            try await LineClient.withConnection(host: "127.0.0.1", port: server.ports.line) { agent in
                try await agent.send("/agent login ana wrong password")
                #expect(try await agent.readLine()?.hasPrefix("error> sign in first") == true)
                try await agent.send("/agent login ana \(TestServer.agentPassword)")
                #expect(try await Self.until("parley> signed in as Ana", &agent))
                try await agent.send("/queue")
                #expect(try await Self.until("queue> 1. \(id) customer: asked for a person; ", &agent))
                try await agent.send("/take \(id)")
                #expect(try await Self.until("parley> \(id.prefix(8)) taken by ana", &agent))
                #expect(try await customer.readLine() == "parley> Ana joined the conversation")
                try await agent.send("Hello, I'm Ana. How can I help?")
                #expect(try await customer.readLine() == "Ana> Hello, I'm Ana. How can I help?")
                try await customer.send("my order never came")
                #expect(try await Self.until("\(id.prefix(8)) customer> my order never came", &agent))
                try await agent.send("/handback")
                #expect(try await customer.readLine() == "parley> Ana handed you back to the bot")
                #expect(try await customer.readLine()?.hasPrefix("bot> ") == true)
            }
        }
        try await server.stop()
    }

    /// Reads lines until one starts with `prefix`; false if the connection ends first.
    static func until(_ prefix: String, _ client: inout LineClient) async throws -> Bool {
        while let line = try await client.readLine() {
            if line.hasPrefix(prefix) { return true }
        }
        return false
    }
}

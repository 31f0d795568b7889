internal import Foundation
internal import NIOCore

/// One TCP line-protocol connection: the first line decides the mode. A JSON
/// object switches to JSON Lines with the WebSocket's schema; anything else is
/// a person at a terminal (netcat), who gets the bot's lines prefixed and
/// commands starting with "/".
struct LineSession: Sendable {
    enum Mode {
        case human, json
    }

    private let service: ChatService
    /// Sends lines (joined by newlines) to the client, in order; never blocks.
    private let send: @Sendable (String) -> Void
    private var customer: ChatConnection?
    private var agent: AgentConnection?
    private var mode: Mode?
    /// The name given with `/name` before the conversation started.
    private var name: String?
    /// The conversation an agent at the terminal works in: the last taken or opened.
    private var current: String?
    private let maxLength: Int

    init(service: ChatService, send: @escaping @Sendable (String) -> Void) {
        self.service = service
        self.send = send
        maxLength = service.limits.maxMessageBytes
    }

    /// Handles one frame; returns whether to close the connection (after what was sent).
    mutating func receive(_ frame: LineFrame, receivedAt: ContinuousClock.Instant = .now) async -> Bool {
        let bytes: ByteBuffer
        switch frame {
        case .tooLong:
            refuse(.tooLarge, "that line was longer than \(maxLength) bytes and was dropped")
            return false
        case .line(let line):
            bytes = line
        }
        guard let text = String(validating: bytes.readableBytesView, as: UTF8.self) else {
            refuse(.invalidUTF8, "that line was not valid UTF-8 and was dropped")
            return false
        }
        if mode == nil {
            guard !text.allSatisfy(\.isWhitespace) else { return false }
            let mode: Mode = text.first(where: { !$0.isWhitespace }) == "{" ? .json : .human
            self.mode = mode
            let send = self.send
            customer = ChatConnection(service: service, channel: "tcp") { event in
                if mode == .json { return send(event.json()) }
                let lines = Self.lines(event)
                if !lines.isEmpty { send(lines.joined(separator: "\n")) }
            }
        }
        if mode == .json {
            await customer?.receive(json: text, receivedAt: receivedAt)
            return false
        }
        let line = text.trimmingCharacters(in: .whitespaces)
        if agent != nil { return await agentCommand(line) }
        return await human(line, receivedAt: receivedAt)
    }

    /// Ends the connection's hold on its conversation, or the agent's connection to the desk.
    mutating func close() async {
        await customer?.close()
        await agent?.close()
    }

    private mutating func human(_ text: String, receivedAt: ContinuousClock.Instant) async -> Bool {
        guard text.hasPrefix("/") else {
            if !text.isEmpty { await customerSends(ClientMessage(type: "message", text: text), receivedAt: receivedAt) }
            return false
        }
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch parts[0] {
        case "/help":
            say(Self.help)
        case "/name":
            guard customer?.conversationId == nil else {
                say(["your name can be given before your first message only"])
                return false
            }
            guard !argument.isEmpty else {
                say(["usage: /name YOUR NAME"])
                return false
            }
            name = argument
            say(["hello \(argument)"])
        case "/human":
            await customerSends(ClientMessage(type: "human"), receivedAt: receivedAt)
        case "/resume":
            guard customer?.conversationId == nil else {
                say(["this connection already has a conversation"])
                return false
            }
            let words = argument.split(separator: " ")
            guard let id = words.first else {
                say(["usage: /resume CONVERSATION_ID"])
                return false
            }
            await customerSends(
                ClientMessage(
                    type: "hello", conversationId: String(id), lastMessageId: words.count > 1 ? Int64(words[1]) : 0),
                receivedAt: receivedAt)
        case "/rate":
            guard let score = Int(argument), (1...5).contains(score) else {
                say(["usage: /rate N, N from 1 to 5"])
                return false
            }
            await customer?.receive(ClientMessage(type: "rating", score: score), receivedAt: receivedAt)
        case "/agent":
            let words = argument.split(separator: " ", maxSplits: 2).map(String.init)
            guard words.count == 3, words[0] == "login" else {
                say(["usage: /agent login NAME PASSWORD"])
                return false
            }
            guard customer?.conversationId == nil else {
                say(["this connection already has a customer conversation; sign in on a new connection"])
                return false
            }
            let send = self.send
            var agent = AgentConnection(service: service) { event in
                let lines = AgentLines.lines(event)
                if !lines.isEmpty { send(lines.joined(separator: "\n")) }
            }
            await agent.receive(AgentMessage(type: "login", agent: words[1], password: words[2]))
            if agent.signedIn != nil { self.agent = agent }
        case "/quit":
            say(["bye"])
            return true
        default:
            send("error> unknown command \(parts[0]); /help lists the commands")
        }
        return false
    }

    /// A line from a signed-in agent: a command, or text to say in the current conversation.
    private mutating func agentCommand(_ text: String) async -> Bool {
        guard var agent else { return false }
        defer { self.agent = agent }
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        let command = text.hasPrefix("/") ? parts[0] : "/say"
        let words = argument.split(separator: " ").map(String.init)
        func needsCurrent() -> String? {
            guard let current else {
                send("error> take or open a conversation first: /queue, then /take ID")
                return nil
            }
            return current
        }
        switch command {
        case "/help":
            say(AgentLines.help)
        case "/queue", "/active":
            await agent.receive(AgentMessage(type: String(command.dropFirst())))
        case "/status":
            await agent.receive(AgentMessage(type: "status", status: argument))
        case "/take", "/open":
            guard let id = words.first else {
                say(["usage: \(command) CONVERSATION_ID"])
                return false
            }
            await agent.receive(AgentMessage(type: String(command.dropFirst()), conversationId: id))
            current = id
        case "/decline":
            await agent.receive(AgentMessage(type: "decline", conversationId: words.first))
        case "/say":
            let text = text.hasPrefix("/") ? argument : text
            guard !text.isEmpty else { return false }
            guard let id = needsCurrent() else { return false }
            await agent.receive(AgentMessage(type: "say", conversationId: id, text: text))
        case "/handback":
            guard let id = needsCurrent() else { return false }
            await agent.receive(AgentMessage(type: "handback", conversationId: id))
        case "/close":
            guard let id = needsCurrent() else { return false }
            await agent.receive(AgentMessage(type: "close", conversationId: id, outcome: argument))
        case "/quit":
            say(["bye"])
            return true
        default:
            send("error> unknown command \(command); /help lists the commands")
        }
        return false
    }

    private mutating func customerSends(_ message: ClientMessage, receivedAt: ContinuousClock.Instant) async {
        if customer?.conversationId == nil && message.type != "hello" {
            await customer?.receive(
                ClientMessage(type: "hello", customer: name.map { CustomerIdentity(name: $0) }), receivedAt: receivedAt)
        }
        await customer?.receive(message, receivedAt: receivedAt)
    }

    /// Lines from Parley itself, prefixed `parley>`.
    private func say(_ lines: [String]) {
        send(lines.map { "parley> " + $0 }.joined(separator: "\n"))
    }

    /// An event as a person reads it.
    static func lines(_ event: ServerEvent) -> [String] {
        switch event.type {
        case .welcome:
            let id = event.conversationId ?? ""
            return [
                event.resumed == true
                    ? "parley> resumed conversation \(id)"
                    : "parley> conversation \(id) (to come back to it later: /resume \(id))"
            ]
        case .reply:
            let who = event.agent ?? event.from ?? "bot"
            var lines = (event.text ?? "").split(separator: "\n", omittingEmptySubsequences: false).map {
                "\(who)> \($0)"
            }
            if let buttons = event.quickReplies, !buttons.isEmpty {
                lines.append("\(who)> [" + buttons.joined(separator: "] [") + "]")
            }
            return lines
        case .received:
            return event.status == "with_agent" ? [] : ["parley> a person will answer you here"]
        case .typing:
            return ["parley> \(event.agent ?? event.from ?? "someone") is typing…"]
        case .waiting:
            return ["parley> waiting for a person: you are number \(event.position ?? 0) in the queue"]
        case .agentJoined:
            return ["parley> \(event.agent ?? "an agent") joined the conversation"]
        case .agentLeft:
            return [
                event.status == "bot"
                    ? "parley> \(event.agent ?? "the agent") handed you back to the bot"
                    : "parley> \(event.agent ?? "the agent") left; waiting for another person"
            ]
        case .closed:
            return ["parley> the conversation is closed (\(event.outcome ?? "done")); rate it 1-5 with /rate N"]
        case .rated:
            return ["parley> thank you for your rating"]
        case .error:
            return ["error> " + (event.message ?? event.code?.rawValue ?? "error")]
        }
    }

    private func refuse(_ code: ErrorCode, _ message: String) {
        service.metrics.error(code)
        let event = ServerEvent.error(code, message)
        send(mode == .json ? event.json() : Self.lines(event).joined(separator: "\n"))
    }

    static let help = [
        "Type a message and press Enter; the bot's lines start with \"bot>\".",
        "/name NAME           give your name (before your first message)",
        "/human               talk to a person",
        "/resume ID           continue an earlier conversation",
        "/rate N              rate the conversation from 1 to 5",
        "/agent login NAME PASSWORD   sign in as an agent (/help then lists the agent commands)",
        "/quit                leave",
        "A first line that is a JSON object switches to JSON Lines (see the README).",
    ]
}

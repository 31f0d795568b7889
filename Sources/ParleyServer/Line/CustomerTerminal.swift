internal import Foundation

/// A customer at a terminal on the line protocol: plain lines are messages,
/// lines starting with "/" are commands; the bot's lines come back prefixed.
struct CustomerTerminal: Sendable {
    /// What the line session does after a line.
    enum Next: Sendable {
        case stay
        /// The person signed in as an agent: the connection is theirs now.
        case signedIn(AgentTerminal)
        case quit
    }

    /// The commands, by the word that starts them.
    private enum Command: String {
        case help = "/help"
        case name = "/name"
        case human = "/human"
        case resume = "/resume"
        case rate = "/rate"
        case agent = "/agent"
        case quit = "/quit"
    }

    private let service: ChatService
    private let send: @Sendable (String) -> Void
    /// The client's IP address: an agent signing in from this terminal is audited with it.
    private let address: String?
    private var connection: ChatConnection
    /// The name given with `/name` before the conversation started.
    private var name: String?

    init(service: ChatService, address: String?, send: @escaping @Sendable (String) -> Void) {
        self.service = service
        self.address = address
        self.send = send
        connection = ChatConnection(service: service, channel: "tcp", address: address) { event in
            let lines = CustomerLines.lines(event)
            if !lines.isEmpty { send(lines.joined(separator: "\n")) }
        }
    }

    /// Handles one line (trimmed).
    mutating func receive(_ text: String, receivedAt: ContinuousClock.Instant) async -> Next {
        guard text.hasPrefix("/") else {
            if !text.isEmpty { await customerSends(.message(.init(text: text)), receivedAt: receivedAt) }
            return .stay
        }
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        guard let command = Command(rawValue: parts[0]) else {
            send("error> unknown command \(parts[0]); /help lists the commands")
            return .stay
        }
        switch command {
        case .help:
            say(Self.help)
        case .name:
            if connection.conversationId != nil {
                say(["your name can be given before your first message only"])
            } else if argument.isEmpty {
                say(["usage: /name YOUR NAME"])
            } else if let character = ControlCharacters.first(in: argument) {
                // Refused now, as the hello would refuse it with every later message.
                send(
                    "error> a name must not contain control characters such as \(ControlCharacters.name(character));"
                        + " it was not kept")
            } else {
                name = argument
                say(["hello \(argument)"])
            }
        case .human:
            await customerSends(.human, receivedAt: receivedAt)
        case .resume:
            let words = argument.split(separator: " ")
            if connection.conversationId != nil {
                say(["this connection already has a conversation"])
            } else if words.count >= 2 {
                let last = words.count > 2 ? Int64(words[2]) : 0
                await connection.receive(
                    .hello(
                        .init(
                            conversationId: String(words[0]), conversationToken: String(words[1]), lastMessageId: last)),
                    receivedAt: receivedAt)
            } else {
                say(["usage: /resume CONVERSATION_ID TOKEN (both given when the conversation started)"])
            }
        case .rate:
            guard let score = Int(argument), (1...5).contains(score) else {
                say(["usage: /rate N, N from 1 to 5"])
                return .stay
            }
            await connection.receive(.rating(.init(score: score)), receivedAt: receivedAt)
        case .agent:
            return await signIn(argument)
        case .quit:
            say(["bye"])
            return .quit
        }
        return .stay
    }

    /// `/agent login NAME PASSWORD`: the connection becomes the agent's when the sign-in works.
    private func signIn(_ argument: String) async -> Next {
        let words = argument.split(separator: " ", maxSplits: 2).map(String.init)
        guard words.count == 3, words[0] == "login" else {
            say(["usage: /agent login NAME PASSWORD"])
            return .stay
        }
        guard connection.conversationId == nil else {
            say(["this connection already has a customer conversation; sign in on a new connection"])
            return .stay
        }
        var agent = AgentTerminal(service: service, address: address, send: send)
        return await agent.signIn(words[1], password: words[2]) ? .signedIn(agent) : .stay
    }

    /// Whether the customer was refused what they cannot go on without (`ChatConnection.endsConnection`).
    var endsConnection: Bool { connection.endsConnection }

    /// Ends the connection's hold on its conversation.
    mutating func close() async {
        await connection.close()
    }

    private mutating func customerSends(_ message: ClientMessage, receivedAt: ContinuousClock.Instant) async {
        if connection.conversationId == nil {
            await connection.receive(
                .hello(.init(customer: name.map { CustomerIdentity(name: $0) })), receivedAt: receivedAt)
            // Refused (too many conversations, say): the refusal was sent; the message has nowhere to go.
            guard connection.conversationId != nil else { return }
        }
        await connection.receive(message, receivedAt: receivedAt)
    }

    /// Lines from Parley itself, prefixed `parley>`.
    private func say(_ lines: [String]) {
        send(lines.map { "parley> " + $0 }.joined(separator: "\n"))
    }

    static let help = [
        "Type a message and press Enter; the bot's lines start with \"bot>\".",
        "/name NAME           give your name (before your first message)",
        "/human               talk to a person",
        "/resume ID TOKEN     continue an earlier conversation",
        "/rate N              rate the conversation from 1 to 5",
        "/agent login NAME PASSWORD   sign in as an agent (/help then lists the agent commands)",
        "/quit                leave",
        "A first line that is a JSON object switches to JSON Lines (see docs/PROTOCOL.md).",
    ]
}

internal import Foundation

/// An agent at a terminal on the line protocol, once signed in: commands
/// start with "/", any other line is said in the current conversation.
struct AgentTerminal: Sendable {
    /// The commands, by the word that starts them.
    private enum Command: String {
        case help = "/help"
        case queue = "/queue"
        case active = "/active"
        case status = "/status"
        case take = "/take"
        case open = "/open"
        case decline = "/decline"
        case say = "/say"
        case handback = "/handback"
        case close = "/close"
        case tickets = "/tickets"
        case answer = "/answer"
        case quit = "/quit"
    }

    private let send: @Sendable (String) -> Void
    private var connection: AgentConnection
    /// The conversation the agent works in: the last taken or opened.
    private var current: String?

    init(service: ChatService, address: String?, send: @escaping @Sendable (String) -> Void) {
        self.send = send
        connection = AgentConnection(service: service, address: address) { event in
            let lines = AgentLines.lines(event)
            if !lines.isEmpty { send(lines.joined(separator: "\n")) }
        }
    }

    /// Signs in; returns whether it worked (the error was sent when not).
    mutating func signIn(_ name: String, password: String) async -> Bool {
        await connection.receive(.login(.init(agent: name, password: password)))
        return connection.signedIn != nil
    }

    /// Handles one line (trimmed); returns whether to close the connection.
    mutating func receive(_ text: String) async -> Bool {
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        let word = text.hasPrefix("/") ? parts[0] : Command.say.rawValue
        guard let command = Command(rawValue: word) else {
            send("error> unknown command \(word); /help lists the commands")
            return false
        }
        let firstWord = argument.split(separator: " ").first.map(String.init)
        switch command {
        case .help:
            send(AgentLines.help.map { "parley> " + $0 }.joined(separator: "\n"))
        case .queue:
            await connection.receive(.queue)
        case .active:
            await connection.receive(.active)
        case .status:
            await connection.receive(.status(.init(status: argument)))
        case .take, .open:
            guard let id = firstWord else {
                send("parley> usage: \(command.rawValue) CONVERSATION_ID")
                return false
            }
            let reference = AgentMessage.ConversationReference(conversationId: id)
            await connection.receive(command == .take ? .take(reference) : .open(reference))
            current = id
        case .decline:
            await connection.receive(.decline(.init(conversationId: firstWord ?? "")))
        case .say:
            let said = text.hasPrefix("/") ? argument : text
            guard !said.isEmpty, let id = needsCurrent() else { return false }
            await connection.receive(.say(.init(conversationId: id, text: said)))
        case .handback:
            guard let id = needsCurrent() else { return false }
            await connection.receive(.handback(.init(conversationId: id)))
        case .close:
            guard let id = needsCurrent() else { return false }
            await connection.receive(.close(.init(conversationId: id, outcome: argument)))
        case .tickets:
            await connection.receive(.tickets)
        case .answer:
            guard let id = needsCurrent() else { return false }
            await connection.receive(.answer(.init(conversationId: id, note: argument)))
        case .quit:
            send("parley> bye")
            return true
        }
        return false
    }

    /// Ends the agent's connection to the desk.
    mutating func close() async {
        await connection.close()
    }

    private func needsCurrent() -> String? {
        guard let current else {
            send("error> take or open a conversation first: /queue, then /take ID")
            return nil
        }
        return current
    }
}

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

    private var connection: ChatConnection
    private var mode: Mode?
    /// The name given with `/name` before the conversation started.
    private var name: String?
    private let maxLength: Int

    init(service: ChatService) {
        connection = ChatConnection(service: service, channel: "tcp")
        maxLength = service.limits.maxMessageBytes
    }

    /// The lines to send back for one frame, and whether to close the connection after them.
    mutating func receive(_ frame: LineFrame, receivedAt: ContinuousClock.Instant = .now) async -> (
        lines: [String], close: Bool
    ) {
        let bytes: ByteBuffer
        switch frame {
        case .tooLong:
            return (refuse(.tooLarge, "that line was longer than \(maxLength) bytes and was dropped"), false)
        case .line(let line):
            bytes = line
        }
        guard let text = String(validating: bytes.readableBytesView, as: UTF8.self) else {
            return (refuse(.invalidUTF8, "that line was not valid UTF-8 and was dropped"), false)
        }
        if mode == nil {
            guard !text.allSatisfy(\.isWhitespace) else { return ([], false) }
            mode = text.first(where: { !$0.isWhitespace }) == "{" ? .json : .human
        }
        if mode == .json {
            return (await connection.receive(json: text, receivedAt: receivedAt).map { $0.json() }, false)
        }
        return await human(text.trimmingCharacters(in: .whitespaces), receivedAt: receivedAt)
    }

    /// Ends the connection's hold on its conversation.
    mutating func close() async {
        await connection.close()
    }

    private mutating func human(_ text: String, receivedAt: ContinuousClock.Instant) async -> (
        lines: [String], close: Bool
    ) {
        guard text.hasPrefix("/") else {
            if text.isEmpty { return ([], false) }
            return (await send(ClientMessage(type: "message", text: text), receivedAt: receivedAt), false)
        }
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch parts[0] {
        case "/help":
            return (Self.help.map { "parley> " + $0 }, false)
        case "/name":
            guard connection.conversationId == nil else {
                return (["parley> your name can be given before your first message only"], false)
            }
            guard !argument.isEmpty else { return (["parley> usage: /name YOUR NAME"], false) }
            name = argument
            return (["parley> hello \(argument)"], false)
        case "/human":
            return (await send(ClientMessage(type: "human"), receivedAt: receivedAt), false)
        case "/resume":
            guard connection.conversationId == nil else {
                return (["parley> this connection already has a conversation"], false)
            }
            let words = argument.split(separator: " ")
            guard let id = words.first else { return (["parley> usage: /resume CONVERSATION_ID"], false) }
            return (
                await send(
                    ClientMessage(
                        type: "hello", conversationId: String(id), lastMessageId: words.count > 1 ? Int64(words[1]) : 0
                    ), receivedAt: receivedAt), false
            )
        case "/quit":
            return (["parley> bye"], true)
        default:
            return (["error> unknown command \(parts[0]); /help lists the commands"], false)
        }
    }

    private mutating func send(_ message: ClientMessage, receivedAt: ContinuousClock.Instant) async -> [String] {
        var events: [ServerEvent] = []
        if connection.conversationId == nil && message.type != "hello" {
            events = await connection.receive(
                ClientMessage(type: "hello", customer: name.map { CustomerIdentity(name: $0) }), receivedAt: receivedAt)
        }
        events += await connection.receive(message, receivedAt: receivedAt)
        return events.flatMap(Self.lines)
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
            let who = event.from ?? "bot"
            var lines = (event.text ?? "").split(separator: "\n", omittingEmptySubsequences: false).map {
                "\(who)> \($0)"
            }
            if let buttons = event.quickReplies, !buttons.isEmpty {
                lines.append("\(who)> [" + buttons.joined(separator: "] [") + "]")
            }
            return lines
        case .received:
            return ["parley> a person will answer you here"]
        case .typing:
            return ["parley> \(event.from ?? "someone") is typing…"]
        case .rated:
            return ["parley> thank you for your rating"]
        case .error:
            return ["error> " + (event.message ?? event.code?.rawValue ?? "error")]
        }
    }

    private func refuse(_ code: ErrorCode, _ message: String) -> [String] {
        connection.service.metrics.error(code)
        let event = ServerEvent.error(code, message)
        return mode == .json ? [event.json()] : Self.lines(event)
    }

    static let help = [
        "Type a message and press Enter; the bot's lines start with \"bot>\".",
        "/name NAME           give your name (before your first message)",
        "/human               talk to a person",
        "/resume ID           continue an earlier conversation",
        "/quit                leave",
        "A first line that is a JSON object switches to JSON Lines (see the README).",
    ]
}

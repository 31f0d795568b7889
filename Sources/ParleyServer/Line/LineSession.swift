internal import Foundation
internal import NIOCore

/// One TCP line-protocol connection. Its first line decides what it is: a
/// JSON object switches to JSON Lines with the WebSocket's schema
/// (`ChatConnection`); anything else is a person at a terminal (netcat), a
/// customer (`CustomerTerminal`) who may sign in as an agent (`AgentTerminal`).
struct LineSession: Sendable {
    private enum Mode: Sendable {
        /// No line with text yet.
        case undecided
        case json(ChatConnection)
        case customer(CustomerTerminal)
        case agent(AgentTerminal)
    }

    private let service: ChatService
    /// Sends lines (joined by newlines) to the client, in order; never blocks.
    private let send: @Sendable (String) -> Void
    private var mode = Mode.undecided
    private let maxLength: Int
    /// The client's IP address, for the audit log.
    private let address: String?

    init(service: ChatService, address: String?, send: @escaping @Sendable (String) -> Void) {
        self.service = service
        self.address = address
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
        switch mode {
        case .undecided:
            guard !text.allSatisfy(\.isWhitespace) else { return false }
            if text.first(where: { !$0.isWhitespace }) == "{" {
                let send = self.send
                mode = .json(ChatConnection(service: service, channel: "tcp", address: address) { send($0.json()) })
            } else {
                mode = .customer(CustomerTerminal(service: service, address: address, send: send))
            }
            return await receive(frame, receivedAt: receivedAt)
        case .json(var connection):
            await connection.receive(json: text, receivedAt: receivedAt)
            mode = .json(connection)
            return await closesAfterRefusal(connection.endsConnection)
        case .customer(var terminal):
            let next = await terminal.receive(text.trimmingCharacters(in: .whitespaces), receivedAt: receivedAt)
            switch next {
            case .stay:
                mode = .customer(terminal)
                return await closesAfterRefusal(terminal.endsConnection)
            case .signedIn(let agent):
                await terminal.close()
                mode = .agent(agent)
            case .quit:
                mode = .customer(terminal)
                return true
            }
            return false
        case .agent(var terminal):
            let quit = await terminal.receive(text.trimmingCharacters(in: .whitespaces))
            mode = .agent(terminal)
            return quit
        }
    }

    /// Ends the connection's hold on its conversation, or the agent's connection to the desk.
    mutating func close() async {
        switch mode {
        case .undecided: break
        case .json(var connection): await connection.close()
        case .customer(var terminal): await terminal.close()
        case .agent(var terminal): await terminal.close()
        }
        mode = .undecided
    }

    /// Whether to close after the customer's connection was refused what it
    /// cannot go on without (`ChatConnection.endsConnection`): then first
    /// waits, unread, as long as `RefusalHold` says.
    private func closesAfterRefusal(_ ends: Bool) async -> Bool {
        guard ends else { return false }
        await service.refusalHold.hold()
        return true
    }

    private func refuse(_ code: ErrorCode, _ message: String) {
        service.metrics.error(code)
        let event = ServerEvent.error(code, message)
        if case .json = mode {
            send(event.json())
        } else {
            send(CustomerLines.lines(event).joined(separator: "\n"))
        }
    }
}

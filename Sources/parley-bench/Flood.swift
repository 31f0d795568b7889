import Foundation
import ParleyClient

/// An abusive client for `parley-bench chat --flood`: from one address of
/// this machine (127.0.0.2 by default: the server's loopback exemption
/// covers only 127.0.0.1 and ::1), `workers` tasks each open a line
/// connection, start a conversation, write `burst` messages at once without
/// waiting, read every answer, and start again, as fast as the server lets
/// them, until the deadline.
struct Flood: Sendable {
    let host: String
    let port: Int
    let source: String
    let workers: Int
    let burst: Int

    /// What the flood did and what the server answered it.
    struct Counts: Sendable {
        var connections = 0
        /// Connections that failed to open, or that the server closed at once.
        var refusedConnections = 0
        var messagesSent = 0
        var replies = 0
        /// `rate_limited` answers: a message, or a new conversation, refused.
        var rateLimited = 0
        var otherErrors = 0

        /// Counts one line the server sent the flood.
        mutating func record(_ line: String) {
            if line.contains(#""type":"reply""#) {
                replies += 1
            } else if line.contains(#""rate_limited""#) {
                rateLimited += 1
            } else if line.contains(#""type":"error""#) || line.hasPrefix("error>") {
                otherErrors += 1
            }
        }

        /// Adds `other`'s counts to these.
        mutating func add(_ other: Counts) {
            connections += other.connections
            refusedConnections += other.refusedConnections
            messagesSent += other.messagesSent
            replies += other.replies
            rateLimited += other.rateLimited
            otherErrors += other.otherErrors
        }

        var report: [String: ReportValue] {
            [
                "flood_connections": .int(connections), "flood_refused_connections": .int(refusedConnections),
                "flood_messages_sent": .int(messagesSent), "flood_replies": .int(replies),
                "flood_rate_limited": .int(rateLimited), "flood_other_errors": .int(otherErrors),
            ]
        }
    }

    /// Floods until `deadline`; the counts. Throws when this machine cannot
    /// connect from `source` at all (an address it does not have).
    func run(until deadline: ContinuousClock.Instant) async throws -> Counts {
        try await LineClient.withConnection(host: host, port: port, localAddress: source) { _ in }
        let message = #"{"type":"message","text":"where is my order A-10234"}"#
        let batch = ([#"{"type":"hello"}"#] + Array(repeating: message, count: burst)).joined(separator: "\n")
        return await withTaskGroup(of: Counts.self) { group in
            for _ in 0..<workers {
                group.addTask {
                    var counts = Counts()
                    while ContinuousClock.now < deadline {
                        counts.add(await connection(sending: batch) ?? Counts(refusedConnections: 1))
                        counts.connections += 1
                    }
                    return counts
                }
            }
            return await group.reduce(into: Counts()) { $0.add($1) }
        }
    }

    /// One flooding connection: writes `batch` and counts the answers, for
    /// at most 5 seconds; nil when it could not connect or ran out of time.
    private func connection(sending batch: String) async -> Counts? {
        await withTaskGroup(of: Counts?.self) { group in
            group.addTask {
                try? await LineClient.withConnection(host: host, port: port, localAddress: source) { client in
                    try await client.send(batch)
                    var answers = Counts(messagesSent: burst)
                    // The answer to hello (a welcome and the greeting, or a refusal), then one per message.
                    var lines = 0
                    var expected = burst + 1
                    while lines < expected, let line = try await client.readLine() {
                        if lines == 0, line.contains(#""type":"welcome""#) { expected += 1 }
                        lines += 1
                        answers.record(line)
                    }
                    // Refused at once: one line (too many connections, the server is busy), then closed.
                    if lines <= 1 { answers.refusedConnections += 1 }
                    return answers
                }
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(5))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}

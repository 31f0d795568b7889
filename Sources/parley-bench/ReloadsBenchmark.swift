import ArgumentParser
import Foundation
import ParleyBot
import ParleyClient

/// `parley-bench reloads`: reloads in a row on a running server, and its memory after each.
struct ReloadsBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reloads",
        abstract: "Reload a running server's bot again and again; print its resident memory after each.",
        discussion: """
            Each round adds one example to --intent in the server's intents folder (IntentFileEditor, as \
            the review inbox does), so that every reload retrains, and asks POST /api/admin/reload with \
            a trainer's --token; then reads rss_bytes from /health (after --settle seconds). The examples are taken out again \
            at the end. Prints each reload's seconds and RSS, and the last RSS against the first.
            """
    )

    @Option(help: "The server's HTTP address, HOST:PORT.") var server = "127.0.0.1:8080"
    @Option(help: "An API token with the trainer or admin role.") var token: String
    @Option(help: "The running server's intents folder.") var intents = "intents"
    @Option(help: "The intent the probe examples go to.") var intent = "small_talk"
    @Option(help: "Reloads in a row.") var count = 20
    @Option(
        help:
            "Seconds to wait after each reload before reading the memory (the server hands freed heap back every 10 s)."
    )
    var settle = 0.0

    func run() async throws {
        let parts = server.split(separator: ":")
        guard parts.count == 2, let port = Int(parts[1]) else { throw ValidationError("--server must be HOST:PORT") }
        let host = String(parts[0])
        let editor = IntentFileEditor(folder: intents)
        var originals: [String: String] = [:]
        var seconds: [Double] = []
        var rss: [Int] = []
        defer {
            for (path, text) in originals { try? text.write(toFile: path, atomically: true, encoding: .utf8) }
        }
        for round in 1...count {
            let data = try IntentFiles.load(folder: intents)
            if let file = data.intents.first(where: { $0.name == intent })?.location.file, originals[file] == nil {
                originals[file] = try String(contentsOfFile: file, encoding: .utf8)
            }
            _ = try editor.append(["reload probe \(round) \(UUID().uuidString.prefix(8))"], to: intent)
            let answer = try await Self.request(host, port, "POST", "/api/admin/reload", token: token)
            guard let result = answer.json, result["status"] as? String == "reloaded" else {
                throw ValidationError("reload \(round) was not reloaded: \(answer.body)")
            }
            seconds.append(result["seconds"] as? Double ?? 0)
            if settle > 0 { try await Task.sleep(for: .seconds(settle)) }
            let health = try await Self.request(host, port, "GET", "/health", token: nil)
            rss.append(health.json?["rss_bytes"] as? Int ?? 0)
            print(
                String(
                    format: "reload %d: %.2f s, rss %.1f MB", round, seconds.last ?? 0,
                    Double(rss.last ?? 0) / 1_048_576))
        }
        try printJSON([
            "benchmark": .string("reloads"),
            "reloads": .int(count),
            "settle_seconds": .double(settle),
            "reload_seconds_p50": .double(percentile(seconds.sorted(), 0.5)),
            "reload_seconds_max": .double(seconds.max() ?? 0),
            "rss_first_mb": .double(Double(rss.first ?? 0) / 1_048_576),
            "rss_last_mb": .double(Double(rss.last ?? 0) / 1_048_576),
            "rss_max_mb": .double(Double(rss.max() ?? 0) / 1_048_576),
            "rss_last_over_first": .double(Double(rss.last ?? 0) / Double(max(1, rss.first ?? 1))),
        ])
    }

    /// One HTTP/1.1 request on a fresh connection: the body, and the body as a JSON object.
    static func request(_ host: String, _ port: Int, _ method: String, _ path: String, token: String?) async throws
        -> (body: String, json: [String: Any]?)
    {
        let body = try await LineClient.withConnection(host: host, port: port) { client in
            var request = "\(method) \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\nContent-Length: 0\r\n"
            if let token { request += "Authorization: Bearer \(token)\r\n" }
            try await client.send(bytes: Array((request + "\r\n").utf8))
            while let header = try await client.readLine(), !header.isEmpty {}
            var lines: [String] = []
            while let line = try await client.readLine() { lines.append(line) }
            return lines.joined(separator: "\n")
        }
        return (body, try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }
}

import ParleyClient

/// One HTTP/1.1 request over a fresh connection, read until the server closes it.
struct HTTPExchange {
    var status: Int
    var body: String
    /// The answer's header lines, as sent ("Set-Cookie: …").
    var headerLines: [String] = []

    /// `token` goes in an `Authorization: Bearer` header; `headers` are sent as given.
    static func send(
        _ method: String, _ path: String, port: Int, body: String? = nil, token: String? = nil,
        headers: [String: String] = [:]
    ) async throws -> HTTPExchange {
        try await LineClient.withConnection(host: "127.0.0.1", port: port) { client in
            var request = "\(method) \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
            if let token { request += "Authorization: Bearer \(token)\r\n" }
            for (name, value) in headers.sorted(by: { $0.key < $1.key }) { request += "\(name): \(value)\r\n" }
            if let body {
                request += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body
            } else {
                request += "\r\n"
            }
            try await client.send(bytes: Array(request.utf8))
            let statusLine = try await client.readLine() ?? ""
            var headerLines: [String] = []
            while let header = try await client.readLine(), !header.isEmpty { headerLines.append(header) }
            var lines: [String] = []
            while let line = try await client.readLine() { lines.append(line) }
            let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") ?? 0
            return HTTPExchange(status: status, body: lines.joined(separator: "\n"), headerLines: headerLines)
        }
    }
}

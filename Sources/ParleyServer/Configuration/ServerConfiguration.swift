public import Foundation
internal import NIOCore
internal import Yams

/// How `parley serve` runs: addresses, the CRM store and the limits. Each
/// setting comes from the first of: a command-line flag, an environment
/// variable, the settings file (`parley.yml`), the default.
///
/// ```yaml
/// host: 0.0.0.0            # PARLEY_HOST
/// port: 8080               # PARLEY_PORT: HTTP, WebSocket (/ws), API
/// line_port: 7070          # PARLEY_LINE_PORT: the TCP line protocol
/// store: parley.sqlite     # PARLEY_STORE
/// max_message_bytes: 16384 # PARLEY_MAX_MESSAGE_BYTES
/// max_connections: 16384   # PARLEY_MAX_CONNECTIONS: customers' connections
/// max_agent_connections: 1024     # PARLEY_MAX_AGENT_CONNECTIONS: agents' connections, apart
/// max_connections_per_address: 20 # PARLEY_MAX_CONNECTIONS_PER_ADDRESS
/// conversations_per_address: 6    # PARLEY_CONVERSATIONS_PER_ADDRESS: new conversations per period
/// conversation_period_hours: 12   # PARLEY_CONVERSATION_PERIOD_HOURS
/// requests_per_minute_per_address: 3000 # PARLEY_REQUESTS_PER_MINUTE_PER_ADDRESS: HTTP requests
/// http_idle_timeout: 60    # PARLEY_HTTP_IDLE_TIMEOUT: seconds an HTTP connection may stay silent
/// line_idle_timeout: 1800  # PARLEY_LINE_IDLE_TIMEOUT: seconds a line connection may stay silent
/// exempt_loopback: true    # PARLEY_EXEMPT_LOOPBACK: 127.0.0.1 and ::1 skip the per-address limits
/// refusal_hold_seconds: 2  # PARLEY_REFUSAL_HOLD_SECONDS: a connection refused for abuse waits unread, then closes
/// tls_cert: cert.pem       # PARLEY_TLS_CERT: with tls_key, HTTPS/WSS and TLS on the line port
/// tls_key: key.pem         # PARLEY_TLS_KEY
/// allowed_origins: ""      # PARLEY_ALLOWED_ORIGINS: comma-separated sites whose pages may use /ws and the API
/// trusted_proxies: ""      # PARLEY_TRUSTED_PROXIES: comma-separated proxy addresses whose X-Forwarded-For counts
/// messages_per_second: 10  # PARLEY_MESSAGES_PER_SECOND, per conversation
/// burst: 20                # PARLEY_BURST, per conversation
/// queue_timeout: 300       # PARLEY_QUEUE_TIMEOUT: seconds before a waiting conversation becomes a ticket
/// offer_timeout: 30        # PARLEY_OFFER_TIMEOUT: seconds before an unanswered offer goes to the next agent
/// agent_session_hours: 8   # PARLEY_AGENT_SESSION_HOURS: how long an agent's sign-in lasts
/// agent_grace: 10          # PARLEY_AGENT_GRACE: seconds a disconnected agent keeps their conversations
/// identity_secret: …       # PARLEY_IDENTITY_SECRET: signs customer ids (identity_hash); unset: no id is trusted
/// open_metrics_on_loopback: true # PARLEY_OPEN_METRICS_ON_LOOPBACK: /metrics without a token from 127.0.0.1/::1
/// retention_days: 0        # PARLEY_RETENTION_DAYS: erase conversations inactive this long, daily (0: keep)
/// ```
public struct ServerConfiguration: Sendable, Hashable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var linePort = 7070
    public var store = "parley.sqlite"
    public var limits = ChatLimits()
    public var desk = DeskSettings()
    public var access = AccessSettings()
    /// PEM files of the server's certificate chain and private key: with both, every port speaks TLS.
    public var tlsCertificate: String?
    public var tlsKey: String?
    /// Conversations last active longer ago than this many days are erased once a day; 0 keeps them.
    public var retentionDays = 0

    public init() {}

    /// One setting: its key in the file and its environment variable.
    public enum Setting: String, Sendable, CaseIterable {
        case host, port, store, burst
        case linePort = "line_port"
        case maxMessageBytes = "max_message_bytes"
        case maxConnections = "max_connections"
        case maxAgentConnections = "max_agent_connections"
        case maxConnectionsPerAddress = "max_connections_per_address"
        case conversationsPerAddress = "conversations_per_address"
        case conversationPeriodHours = "conversation_period_hours"
        case requestsPerMinutePerAddress = "requests_per_minute_per_address"
        case httpIdleTimeout = "http_idle_timeout"
        case lineIdleTimeout = "line_idle_timeout"
        case exemptLoopback = "exempt_loopback"
        case refusalHoldSeconds = "refusal_hold_seconds"
        case trustedProxies = "trusted_proxies"
        case allowedOrigins = "allowed_origins"
        case tlsCert = "tls_cert"
        case tlsKey = "tls_key"
        case messagesPerSecond = "messages_per_second"
        case queueTimeout = "queue_timeout"
        case offerTimeout = "offer_timeout"
        case agentSessionHours = "agent_session_hours"
        case agentGrace = "agent_grace"
        case identitySecret = "identity_secret"
        case openMetricsOnLoopback = "open_metrics_on_loopback"
        case retentionDays = "retention_days"

        public var environmentVariable: String { "PARLEY_" + rawValue.uppercased() }
    }

    /// The defaults, overridden by the settings file at `path` (if it exists)
    /// and then by `PARLEY_*` variables of `environment`.
    public static func load(
        file path: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ServerConfigurationError) -> ServerConfiguration {
        var configuration = ServerConfiguration()
        if FileManager.default.fileExists(atPath: path) {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
            else { throw .invalid(source: path, problem: "cannot read the file as UTF-8") }
            let node: Node?
            do {
                node = try Yams.compose(yaml: text)
            } catch {
                throw .invalid(source: path, problem: "invalid YAML: \(error)")
            }
            if let node {
                guard let mapping = node.mapping else {
                    throw .invalid(source: path, problem: "expected settings such as 'port: 8080'")
                }
                for (key, value) in mapping {
                    let name = key.scalar?.string ?? "?"
                    let source = "\(path):\(key.mark?.line ?? 1)"
                    guard let setting = Setting(rawValue: name) else {
                        let known = Setting.allCases.map(\.rawValue).sorted().joined(separator: ", ")
                        throw .invalid(source: source, problem: "unknown setting '\(name)' (expected \(known))")
                    }
                    guard let scalar = value.scalar?.string else {
                        throw .invalid(source: source, problem: "'\(name)' must be a single value")
                    }
                    try configuration.set(setting, scalar, source: source)
                }
            }
        }
        for setting in Setting.allCases {
            if let value = environment[setting.environmentVariable] {
                try configuration.set(setting, value, source: setting.environmentVariable)
            }
        }
        return configuration
    }

    /// Sets one setting from text, checking its type and range.
    public mutating func set(_ setting: Setting, _ text: String, source: String) throws(ServerConfigurationError) {
        func number(_ range: ClosedRange<Int>) throws(ServerConfigurationError) -> Int {
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
                throw .invalid(
                    source: source,
                    problem:
                        "'\(setting.rawValue)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'"
                )
            }
            return value
        }
        /// The comma-separated items of the text, trimmed, empty ones left out.
        func list() -> [String] {
            text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        func flag() throws(ServerConfigurationError) -> Bool {
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "yes", "on", "1": return true
            case "false", "no", "off", "0": return false
            default:
                throw .invalid(source: source, problem: "'\(setting.rawValue)' must be true or false, not '\(text)'")
            }
        }
        func rate() throws(ServerConfigurationError) -> Double {
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value > 0, value.isFinite else {
                throw .invalid(source: source, problem: "'\(setting.rawValue)' must be a number above 0, not '\(text)'")
            }
            return value
        }
        switch setting {
        case .host:
            guard !text.isEmpty else { throw .invalid(source: source, problem: "'host' must not be empty") }
            host = text
        case .port: port = try number(0...65535)
        case .linePort: linePort = try number(0...65535)
        case .store:
            guard !text.isEmpty else { throw .invalid(source: source, problem: "'store' must not be empty") }
            store = text
        case .maxMessageBytes: limits.maxMessageBytes = try number(256...(16 << 20))
        case .maxConnections: limits.maxConnections = try number(1...1_000_000)
        case .maxAgentConnections: limits.maxAgentConnections = try number(1...100_000)
        case .maxConnectionsPerAddress: limits.maxConnectionsPerAddress = try number(1...1_000_000)
        case .conversationsPerAddress: limits.conversationsPerAddress = try number(1...1_000_000)
        case .conversationPeriodHours: limits.conversationPeriodHours = try rate()
        case .requestsPerMinutePerAddress: limits.requestsPerMinutePerAddress = try number(1...10_000_000)
        case .httpIdleTimeout: limits.httpIdleSeconds = try number(1...86_400)
        case .lineIdleTimeout: limits.lineIdleSeconds = try number(1...604_800)
        case .exemptLoopback: limits.exemptLoopback = try flag()
        case .refusalHoldSeconds: limits.refusalHoldSeconds = try number(0...60)
        case .tlsCert, .tlsKey:
            guard FileManager.default.isReadableFile(atPath: text) else {
                throw .invalid(source: source, problem: "'\(setting.rawValue)': cannot read '\(text)'")
            }
            if setting == .tlsCert { tlsCertificate = text } else { tlsKey = text }
        case .allowedOrigins:
            let origins = list()
            guard
                origins.allSatisfy({ origin in
                    guard let url = URL(string: origin), let scheme = url.scheme, url.host != nil else { return false }
                    return (scheme == "http" || scheme == "https") && (url.path.isEmpty || url.path == "/")
                })
            else {
                throw .invalid(
                    source: source,
                    problem:
                        "'allowed_origins' is a comma-separated list such as https://shop.example.com, not '\(text)'")
            }
            access.allowedOrigins = origins
        case .trustedProxies:
            let addresses = list()
            guard addresses.allSatisfy(Self.isIPAddress) else {
                throw .invalid(
                    source: source,
                    problem: "'trusted_proxies' is a comma-separated list of IP addresses, not '\(text)'")
            }
            limits.trustedProxies = addresses
        case .messagesPerSecond: limits.messagesPerSecond = try rate()
        case .burst: limits.burst = try rate()
        case .queueTimeout: desk.queueTimeoutSeconds = try number(1...86_400)
        case .offerTimeout: desk.offerTimeoutSeconds = try number(1...3_600)
        case .agentSessionHours: desk.agentSessionHours = try number(1...720)
        case .agentGrace: desk.agentGraceSeconds = try number(0...3_600)
        case .retentionDays: retentionDays = try number(0...36_500)
        case .identitySecret:
            guard text.utf8.count >= 32 else {
                throw .invalid(
                    source: source,
                    problem: "'identity_secret' must be at least 32 characters (e.g. `openssl rand -hex 32`)")
            }
            access.identitySecret = text
        case .openMetricsOnLoopback: access.openMetricsOnLoopback = try flag()
        }
    }

    /// Whether `text` is an IPv4 or IPv6 address (as `SocketAddress` reads it).
    private static func isIPAddress(_ text: String) -> Bool {
        (try? SocketAddress(ipAddress: text, port: 0)) != nil
    }
}

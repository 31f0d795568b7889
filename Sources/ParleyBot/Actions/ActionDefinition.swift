public import Foundation

/// An action the bot can take in the shop's own systems: a webhook defined
/// once in `bot.yml` under `actions:` and named by responses (`action:`).
///
/// ```yaml
/// secrets:
///   shop: {env: SHOP_WEBHOOK_SECRET}   # from the environment (or a text, for a demo)
/// actions:
///   order_status:
///     url: https://shop.example.com/parley/order-status   # or a path on this server: /demo/shop/…
///     method: POST          # POST (default), PUT, PATCH or GET
///     timeout: 3            # seconds for each try (default 3)
///     retries: 1            # more tries after a timeout, a refused connection or a 5xx (default 0)
///     headers: {X-Shop: example}
///     secret: shop          # signs each request: X-Parley-Signature: t=UNIX_TIME,v1=HMAC-SHA256(secret, "t.body")
/// ```
public struct ActionDefinition: Sendable, Hashable {
    public var name: String
    /// `http://…` or `https://…`, or a path starting with `/` on this Parley server (the demo shop).
    public var url: String
    public var method: String
    /// Seconds for each try.
    public var timeout: Double
    /// Further tries after a timeout, a refused connection or a 5xx answer.
    public var retries: Int
    public var headers: [String: String]
    /// The secret's name under `secrets:`, when requests are signed.
    public var secretName: String?
    /// The secret's value (resolved from the environment or the file).
    public var secret: String?
    public var location: SourceLocation

    public init(
        name: String, url: String, method: String = "POST", timeout: Double = 3, retries: Int = 0,
        headers: [String: String] = [:], secretName: String? = nil, secret: String? = nil,
        location: SourceLocation = SourceLocation(file: "bot.yml", line: 1)
    ) {
        self.name = name
        self.url = url
        self.method = method
        self.timeout = timeout
        self.retries = retries
        self.headers = headers
        self.secretName = secretName
        self.secret = secret
        self.location = location
    }

    /// Whether the URL is a path on this Parley server rather than another host.
    public var isLocal: Bool { url.hasPrefix("/") }
}

/// A call of an action the policy decided on: performed by the conversation's
/// owner (`ActionPerformer`), then given back to `DialoguePolicy.complete`.
public struct ActionCall: Sendable, Hashable, Codable {
    /// The action's name in `bot.yml`.
    public var name: String
    /// The intent whose response named it.
    public var intent: String
    /// What is sent: the conversation, the customer, the intent, entities, slots and the message.
    public var request: JSONValue

    public init(name: String, intent: String, request: JSONValue) {
        self.name = name
        self.intent = intent
        self.request = request
    }
}

/// What came of an action: the answer's JSON object, or why there is none.
public enum ActionOutcome: Sendable, Hashable {
    case answered(JSONValue)
    case failed(ActionFailure)
}

/// Why an action gave no usable answer.
public enum ActionFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// No answer within the action's timeout.
    case timeout(seconds: Double)
    /// An answer whose status is not 2xx.
    case status(Int)
    /// An answer that is not a JSON object.
    case notJSON
    /// An answer over the size limit.
    case tooLarge(bytes: Int)
    /// The connection failed (refused, reset, name unknown).
    case unreachable(String)
    /// The answer named an outcome the response has no reply for, and no `reply` of its own.
    case unknownOutcome(String)
    /// No action of that name, or nothing here can call it.
    case notConfigured(String)

    public var description: String {
        switch self {
        case .timeout(let seconds): "no answer within \(seconds) s"
        case .status(let status): "answered HTTP \(status)"
        case .notJSON: "the answer is not a JSON object"
        case .tooLarge(let bytes): "the answer is over \(bytes) bytes"
        case .unreachable(let reason): "unreachable: \(reason)"
        case .unknownOutcome(let name): "outcome '\(name)' has no reply in the response"
        case .notConfigured(let reason): reason
        }
    }

    /// A short name for logs and metrics: `timeout`, `status`, `not_json`, …
    public var kind: String {
        switch self {
        case .timeout: "timeout"
        case .status: "status"
        case .notJSON: "not_json"
        case .tooLarge: "too_large"
        case .unreachable: "unreachable"
        case .unknownOutcome: "unknown_outcome"
        case .notConfigured: "not_configured"
        }
    }
}

/// Performs the calls the policy decides on. Must not block the caller's thread: the server's
/// performer sends HTTP requests (AsyncHTTPClient) and awaits their answers.
public protocol ActionPerformer: Sendable {
    func perform(_ call: ActionCall, definition: ActionDefinition) async -> ActionOutcome
}

/// Performs nothing: every call fails as not configured (tests and tools without a shop).
public struct NoActions: ActionPerformer {
    public init() {}

    public func perform(_ call: ActionCall, definition: ActionDefinition) async -> ActionOutcome {
        .failed(.notConfigured("actions are not performed here"))
    }
}

extension ActionPerformer {
    /// Performs `call` as `configuration` defines its action.
    public func perform(_ call: ActionCall, in configuration: BotConfiguration) async -> ActionOutcome {
        guard let definition = configuration.actions[call.name] else {
            return .failed(.notConfigured("no action '\(call.name)' in the bot's settings"))
        }
        return await perform(call, definition: definition)
    }
}

internal import AsyncHTTPClient
public import Foundation
internal import NIOConcurrencyHelpers
internal import NIOCore
internal import NIOHTTP1
public import ParleyBot

/// Performs actions over HTTP (AsyncHTTPClient, on its own event loops): the
/// request JSON, signed when the action has a secret, each try bounded by the
/// action's timeout, retried after a timeout, a refused connection or a 5xx.
/// The answer must be a 2xx JSON object of at most `maxAnswerBytes`. Nothing
/// here blocks a thread: a slow shop delays only the conversation waiting for it.
public final class WebhookActions: ActionPerformer {
    /// Answers over this size are refused (and not read further).
    public static let maxAnswerBytes = 1 << 20

    private let client: HTTPClient
    /// Where paths (`/demo/shop/…`) go: this server's own address, once it listens.
    private let base = NIOLockedValueBox<String?>(nil)

    /// Sends through AsyncHTTPClient's shared client (its own event loops).
    public convenience init() {
        self.init(client: .shared)
    }

    init(client: HTTPClient) {
        self.client = client
    }

    /// This server's own address, for actions whose URL is a path: `http://127.0.0.1:8080`.
    public func setBase(_ url: String) {
        base.withLockedValue { $0 = url }
    }

    public func perform(_ call: ActionCall, definition: ActionDefinition) async -> ActionOutcome {
        let url: String
        if definition.isLocal {
            guard let base = base.withLockedValue({ $0 }) else {
                return .failed(.notConfigured("the server's own address is not known yet"))
            }
            url = base + definition.url
        } else {
            url = definition.url
        }
        let body = definition.method == "GET" ? Data() : call.request.json
        var failure = ActionFailure.notConfigured("not tried")
        for attempt in 0...definition.retries {
            if attempt > 0 { try? await Task.sleep(for: .milliseconds(100 * attempt)) }
            switch await send(url, body: body, call: call, definition: definition) {
            case .success(let answer):
                return .answered(answer)
            case .failure(let error):
                failure = error
                switch error {
                case .timeout, .unreachable: continue
                case .status(let status) where status >= 500: continue
                default: return .failed(error)
                }
            }
        }
        return .failed(failure)
    }

    /// One try, bounded by the action's timeout (reading the answer included).
    private func send(_ url: String, body: Data, call: ActionCall, definition: ActionDefinition) async -> Result<
        JSONValue, ActionFailure
    > {
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: definition.method)
        request.headers.add(name: "User-Agent", value: "Parley")
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "X-Parley-Action", value: call.name)
        for (name, value) in definition.headers { request.headers.replaceOrAdd(name: name, value: value) }
        if definition.method != "GET" {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        if let secret = definition.secret {
            let timestamp = Int(Date().timeIntervalSince1970)
            request.headers.add(name: "X-Parley-Timestamp", value: String(timestamp))
            request.headers.add(
                name: WebhookSignature.header, value: WebhookSignature.sign(body, secret: secret, timestamp: timestamp))
        }
        let timeout = definition.timeout
        let client = self.client
        let prepared = request
        return await withTaskGroup(of: Result<JSONValue, ActionFailure>?.self) { group in
            group.addTask {
                do {
                    let response = try await client.execute(
                        prepared, timeout: .milliseconds(Int64(timeout * 1000) + 50))
                    guard (200..<300).contains(Int(response.status.code)) else {
                        return .failure(.status(Int(response.status.code)))
                    }
                    let bytes = try await response.body.collect(upTo: Self.maxAnswerBytes)
                    guard let answer = JSONValue.decode(Data(bytes.readableBytesView)), case .object = answer else {
                        return .failure(.notJSON)
                    }
                    return .success(answer)
                } catch is NIOTooManyBytesError {
                    return .failure(.tooLarge(bytes: Self.maxAnswerBytes))
                } catch let error as HTTPClientError
                    where error == .deadlineExceeded || error == .readTimeout || error == .cancelled
                {
                    return Task.isCancelled ? nil : .failure(.timeout(seconds: timeout))
                } catch {
                    return Task.isCancelled ? nil : .failure(.unreachable("\(error)"))
                }
            }
            group.addTask {
                try? await Task.sleep(for: .milliseconds(Int64(timeout * 1000)))
                return Task.isCancelled ? nil : .failure(.timeout(seconds: timeout))
            }
            var outcome: Result<JSONValue, ActionFailure> = .failure(.timeout(seconds: timeout))
            if let first = await group.next(), let first { outcome = first }
            group.cancelAll()
            return outcome
        }
    }
}

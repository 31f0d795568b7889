internal import Foundation
internal import Hummingbird
internal import Logging
internal import NIOCore
internal import ParleyBot
internal import ParleyStore

/// The trainers' review inbox over HTTP (`ReviewInbox`, the code `parley
/// review` runs), for trainers and admins (`Permission.train`) with an API
/// token or the console's session (with its CSRF token for the `POST`s):
///
/// - `GET /api/admin/review?page=1&limit=20&window=1000&below=0.6` → a `ReviewPage`:
///   the groups of the latest `window` messages to review, biggest first.
/// - `POST /api/admin/review/assign` `{"message_ids", "intent"}` → 200 `ReviewOutcome`:
///   the messages are appended to the intent's file; 404 an unknown intent (deleted meanwhile).
/// - `POST /api/admin/review/intents` `{"message_ids", "intent", "description", "reply"}` → 201:
///   a new intent file and response file.
/// - `POST /api/admin/review/out-of-scope` and `/dismiss` `{"message_ids"}` → 200, no file changed.
///
/// Refusals change nothing: 400 bad input, 401 no credentials, 403 a role
/// that may not train or no CSRF token, 404 unknown messages (or not a
/// customer's) or intent, 409
/// an intent, file or example that exists already, 422 files that do not
/// validate or a message that cannot be an example (`ReviewError.readsAsAnnotation`,
/// `.otherLanguage`), 503 a server not started from the bot's files.
struct ReviewRoutes: Sendable {
    let service: ChatService

    /// The body of every decision: the messages it is about.
    struct Decision: Decodable, Sendable {
        var messageIds: [Int64]
    }

    /// `POST /api/admin/review/assign` body.
    struct Assignment: Decodable, Sendable {
        var messageIds: [Int64]
        var intent: String
    }

    /// `POST /api/admin/review/intents` body.
    struct NewIntent: Decodable, Sendable {
        var messageIds: [Int64]
        var intent: String
        var description: String
        /// The new intent's reply (a Mustache template): every intent needs one to go live.
        var reply: String
    }

    func add(to router: Router<ServerRequestContext>) {
        let review = router.trainersGroup("/api/admin/review", service: service)
        review.get { request, _ in
            let page = try Self.number(request, "page", default: 1, in: 1...1_000_000)
            let limit = try Self.number(request, "limit", default: 20, in: 1...100)
            let window = try Self.number(request, "window", default: 1000, in: 1...10_000)
            let below = try Self.confidence(request)
            return WireBody(
                try await answer { inbox in
                    try await inbox.page(page, limit: limit, lowConfidenceBelow: below, window: window)
                })
        }
        review.post("assign") { request, context in
            let body = try await decode(Assignment.self, request, context)
            return WireBody(try await decide(context) { try await $0.assign(body.messageIds, to: body.intent, by: $1) })
        }
        review.post("intents") { request, context in
            let body = try await decode(NewIntent.self, request, context)
            let outcome = try await decide(context) {
                try await $0.createIntent(
                    body.intent, description: body.description, reply: body.reply, from: body.messageIds, by: $1)
            }
            return EditedResponse(status: .created, response: WireBody(outcome))
        }
        review.post("out-of-scope") { request, context in
            let body = try await decode(Decision.self, request, context)
            return WireBody(try await decide(context) { try await $0.markOutOfScope(body.messageIds, by: $1) })
        }
        review.post("dismiss") { request, context in
            let body = try await decode(Decision.self, request, context)
            return WireBody(try await decide(context) { try await $0.dismiss(body.messageIds, by: $1) })
        }
        MethodNotAllowedRoutes.add(to: router, path: "/api/admin/review", allowed: [.get])
        for path in ["assign", "intents", "out-of-scope", "dismiss"] {
            MethodNotAllowedRoutes.add(to: router, path: RouterPath("/api/admin/review/" + path), allowed: [.post])
        }
    }

    /// Runs a decision (`body` gets the inbox and who decides) as the
    /// request's principal, and records it in the audit log: who, the
    /// intent, the decision and the message ids.
    private func decide(
        _ context: ServerRequestContext, _ body: (ReviewInbox, String) async throws -> ReviewOutcome
    ) async throws -> ReviewOutcome {
        let actor = context.identity?.actor ?? "anonymous"
        let outcome = try await answer { try await body($0, actor) }
        await service.audit.record(
            .review, actor: actor, target: outcome.intent, address: context.clientAddress, detail: outcome.auditDetail)
        return outcome
    }

    /// Runs `body` on the service's review inbox, turning its refusals into HTTP answers.
    private func answer<Value>(_ body: (ReviewInbox) async throws -> Value) async throws -> Value {
        guard let inbox = service.review else {
            throw HTTPError(
                .serviceUnavailable,
                message: "this server was not started from the bot's files, so it has no review inbox")
        }
        do {
            return try await body(inbox)
        } catch let error as ReviewError {
            throw HTTPError(Self.status(error), message: error.description)
        } catch let error as TrainingDataError {
            throw HTTPError(
                .unprocessableContent, message: "the bot's files do not validate, so none was changed:\n\(error)")
        } catch let error as HTTPError {
            throw error
        } catch {
            service.logger.error("review inbox failed", metadata: ["error": "\(error)"])
            throw HTTPError(.serviceUnavailable, message: "the CRM store could not be read or written; try again later")
        }
    }

    static func status(_ error: ReviewError) -> HTTPResponse.Status {
        switch error {
        case .noMessages: .badRequest
        case .unknownMessages, .notCustomerMessages: .notFound
        case .edit(.unknownIntent): .notFound
        case .edit(.alreadyAnExample), .edit(.noListToExtend): .conflict
        case .edit(.invalidAfterwards), .readsAsAnnotation, .otherLanguage: .unprocessableContent
        case .create(.invalidName), .create(.emptyText): .badRequest
        case .create(.alreadyAnIntent), .create(.fileExists), .create(.alreadyAnExample): .conflict
        case .create(.invalidAfterwards): .unprocessableContent
        }
    }

    private static func number(_ request: Request, _ name: String, default value: Int, in range: ClosedRange<Int>)
        throws -> Int
    {
        guard let text = request.uri.queryParameters[Substring(name)] else { return value }
        guard let number = Int(String(text)), range.contains(number) else {
            throw HTTPError(
                .badRequest, message: "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    private static func confidence(_ request: Request) throws -> Double {
        guard let text = request.uri.queryParameters["below"] else { return 0.6 }
        guard let below = Double(String(text)), (0...1).contains(below) else {
            throw HTTPError(.badRequest, message: "below must be a confidence from 0 to 1")
        }
        return below
    }

    private func decode<Body: Decodable>(_ type: Body.Type, _ request: Request, _ context: ServerRequestContext)
        async throws -> Body
    {
        let buffer = try await request.body.collect(upTo: service.limits.maxMessageBytes)
        do {
            return try context.requestDecoder.decode(Body.self, from: Data(buffer.readableBytesView))
        } catch {
            throw HTTPError(.badRequest, message: DecodingError.badBodyMessage(error))
        }
    }
}

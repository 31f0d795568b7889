internal import Foundation
internal import Hummingbird
internal import HummingbirdAuth
internal import HummingbirdWebSocket
internal import NIOCore
internal import ParleyBot
internal import ParleyStore

/// The HTTP API: analysis, the REST chat channel, reads of conversations and
/// customers, health and metrics. Bodies and answers are JSON (snake_case keys).
/// Reads of the CRM need an API token whose role may read it (`Permission`);
/// `/metrics` too, unless asked from the loopback address and
/// `open_metrics_on_loopback` is on.
struct APIRoutes: Sendable {
    let service: ChatService
    let startedAt = ContinuousClock.now

    /// `POST /api/parse` body.
    struct ParseRequest: Decodable, Sendable {
        var text: String
    }

    /// `POST /api/messages` body.
    struct MessageRequest: Decodable, Sendable {
        var text: String
        var conversationId: String?
        /// Needed with `conversationId`: the token the first answer gave.
        var conversationToken: String?
        var customer: CustomerIdentity?
        var analysis: Bool?
    }

    /// `POST /api/messages` answer.
    struct MessageResponse: ResponseEncodable {
        var conversationId: String
        /// A new conversation's token: send it with `conversation_id` to continue the conversation.
        var conversationToken: String?
        var customerId: String?
        var replies: [ServerEvent]
    }

    /// `POST /api/admin/reload` body (optional).
    struct ReloadRequest: Decodable, Sendable {
        /// Reload even when the new model scores worse than the running one or a conversation test fails.
        var force: Bool?

        init(force: Bool? = nil) {
            self.force = force
        }
    }

    /// `GET /api/conversations/{id}` answer.
    struct ConversationResponse: ResponseEncodable {
        var conversation: ConversationInfo
        var messages: [MessageEntry]
    }

    /// `GET /api/customers/{id}` answer: the profile, conversations (most recent first) and latest messages.
    struct CustomerResponse: ResponseEncodable {
        var customer: CustomerInfo
        var conversations: [ConversationInfo]
        var recentMessages: [MessageEntry]
    }

    struct Health: ResponseEncodable {
        var status: String
        /// The model answering now; a reload that retrained changes it.
        var modelVersion: String
        /// The replies and settings answering now; any reload that went live changes it.
        var repliesVersion: String
        var conversationsInMemory: Int
        var connections: Int
        var uptimeSeconds: Double
        var rssBytes: Int?
        var cpuSeconds: Double?
        /// Whether agents are in now (bot.yml `office_hours`); outside them escalations become tickets.
        var officeHours: OfficeHoursInfo
    }

    func add(to router: Router<ServerRequestContext>) {
        router.get("/health") { _, _ in health() }
        let authenticator = BearerTokenAuthenticator(store: service.store, audit: service.audit)
        router.group("/metrics").add(middleware: authenticator)
            .add(middleware: LoopbackOrPermission(permission: .readMetrics, service: service))
            .get { _, _ in
                Response(
                    status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                    body: .init(
                        byteBuffer: ByteBuffer(
                            string: service.metrics.prometheusText(storeTransactions: service.store.writeTransactions))
                    ))
            }
        router.post("/api/parse") { request, context in
            let body = try await decode(ParseRequest.self, request, context)
            return WireBody(service.parse(body.text))
        }
        router.post("/api/messages") { request, context in
            try await message(try await decode(MessageRequest.self, request, context), from: context.clientAddress)
        }
        router.trainersGroup("/api/admin/reload", service: service)
            .post { request, context in
                let buffer = try await request.body.collect(upTo: service.limits.maxMessageBytes)
                let body =
                    buffer.readableBytes == 0
                    ? ReloadRequest() : try decode(ReloadRequest.self, buffer: buffer, context)
                let result = await service.reload(
                    by: context.identity?.actor ?? "anonymous", address: context.clientAddress,
                    force: body.force ?? false)
                return EditedResponse(
                    status: HTTPResponse.Status(code: result.httpStatus), response: WireBody(result))
            }
        let conversations = router.group("/api/conversations").add(middleware: authenticator)
            .add(middleware: PermissionMiddleware(permission: .readConversations, audit: service.audit))
        let customers = router.group("/api/customers").add(middleware: authenticator)
            .add(middleware: PermissionMiddleware(permission: .readCustomers, audit: service.audit))
        conversations.get { request, _ in
            let status = try request.uri.queryParameters["status"].map { text in
                guard let status = Conversation.Status(rawValue: String(text)) else {
                    throw HTTPError(.badRequest, message: "status must be \(Conversation.Status.names)")
                }
                return status
            }
            let limit = try limit(request)
            return WireBody(
                try await service.store.conversations(status: status, limit: limit).map(ConversationInfo.init))
        }
        conversations.get("{id}") { _, context in
            let id = try context.parameters.require("id")
            guard let conversation = try await service.store.conversation(id: id) else {
                throw HTTPError(.notFound, message: "no conversation \(id)")
            }
            return ConversationResponse(
                conversation: ConversationInfo(conversation),
                messages: try await service.store.transcript(conversationId: id).map(MessageEntry.init))
        }
        customers.get { request, _ in
            guard let query = request.uri.queryParameters["q"], !query.isEmpty else {
                throw HTTPError(.badRequest, message: "give the text to search for as ?q=")
            }
            return WireBody(
                try await service.store.searchCustomers(String(query), limit: try limit(request)).map(CustomerInfo.init)
            )
        }
        customers.get("{id}") { _, context in
            let id = try context.parameters.require("id")
            guard let history = try await service.store.history(customerId: id, messageLimit: 100) else {
                throw HTTPError(.notFound, message: "no customer \(id)")
            }
            return CustomerResponse(
                customer: CustomerInfo(history.customer),
                conversations: history.conversations.map(ConversationInfo.init),
                recentMessages: history.recentMessages.map(MessageEntry.init))
        }
        for path in [
            "/health", "/metrics", "/api/conversations", "/api/conversations/{id}", "/api/customers",
            "/api/customers/{id}",
        ] {
            MethodNotAllowedRoutes.add(to: router, path: RouterPath(path), allowed: [.get])
        }
        for path in ["/api/parse", "/api/messages", "/api/admin/reload"] {
            MethodNotAllowedRoutes.add(to: router, path: RouterPath(path), allowed: [.post])
        }
    }

    /// The REST channel: one message in, the bot's answers out. A refused
    /// message is an HTTP error: 400 (blank text, a control character),
    /// 429 (rate limited, with `Retry-After`), 503 (the store failed). The
    /// body is checked whole before a conversation is opened for it: a
    /// refused body stores nothing.
    private func message(_ body: MessageRequest, from address: String?) async throws -> MessageResponse {
        let hello = ClientMessage.hello(
            .init(
                customer: body.customer, conversationId: body.conversationId,
                conversationToken: body.conversationToken))
        let message = ClientMessage.message(.init(text: body.text, analysis: body.analysis))
        if let refusal = ChatConnection.refusal(of: hello) ?? ChatConnection.refusal(of: message) {
            service.metrics.error(refusal.code)
            throw HTTPError(refusal.code.httpStatus, message: refusal.message)
        }
        let collected = EventCollector()
        var connection = ChatConnection(service: service, channel: "api", address: address, outbox: collected.append)
        await connection.receive(hello)
        if case .error(let error) = collected.events.first(where: { $0.kind == .error }) {
            throw Self.httpError(error, retryAfter: service.limits.secondsPerConversation)
        }
        await connection.receive(message)
        await connection.close()
        let events = collected.events
        if case .error(let error) = events.last {
            throw Self.httpError(error, retryAfter: 1 / service.limits.messagesPerSecond)
        }
        guard case .welcome(let welcome) = events.first else {
            throw HTTPError(.serviceUnavailable, message: "the conversation could not be opened; try again later")
        }
        return MessageResponse(
            conversationId: welcome.conversationId, conversationToken: welcome.conversationToken,
            customerId: welcome.customerId, replies: Array(events.dropFirst()))
    }

    /// A refusal of the REST channel: 404 (unknown conversation), 429 (rate
    /// limited: `Retry-After`, RFC 9110 §10.2.3, says in whole seconds when
    /// the allowance is back, `retryAfter` rounded up), 503 (not stored), 400
    /// (anything else the client sent wrong).
    private static func httpError(_ error: ErrorEvent, retryAfter: Double) -> HTTPError {
        guard error.code == .rateLimited else { return HTTPError(error.code.httpStatus, message: error.message) }
        let seconds = max(1, Int(retryAfter.rounded(.up)))
        return HTTPError(error.code.httpStatus, headers: [.retryAfter: "\(seconds)"], message: error.message)
    }

    private func health() -> Health {
        let bot = service.bot
        let uptime = ContinuousClock.now - startedAt
        return Health(
            status: "ok", modelVersion: bot.modelVersion, repliesVersion: bot.repliesVersion,
            conversationsInMemory: service.activeConversations,
            connections: service.metrics.openConnections,
            uptimeSeconds: Double(uptime.components.seconds) + Double(uptime.components.attoseconds) / 1e18,
            rssBytes: ProcessMemory.residentBytes(), cpuSeconds: ProcessCPU.seconds(),
            officeHours: service.desk.officeHoursInfo())
    }

    private func limit(_ request: Request) throws -> Int {
        guard let text = request.uri.queryParameters["limit"] else { return 50 }
        guard let limit = Int(String(text)), (1...1000).contains(limit) else {
            throw HTTPError(.badRequest, message: "limit must be a whole number from 1 to 1000")
        }
        return limit
    }

    /// The body, read up to the message size limit and decoded with the
    /// context's request decoder (the wire's JSON convention); 400 when it does not fit.
    private func decode<Body: Decodable>(
        _ type: Body.Type, _ request: Request, _ context: ServerRequestContext
    ) async throws -> Body {
        try decode(type, buffer: try await request.body.collect(upTo: service.limits.maxMessageBytes), context)
    }

    /// `buffer` (a body already read) decoded as `decode(_:_:_:)` does.
    private func decode<Body: Decodable>(_ type: Body.Type, buffer: ByteBuffer, _ context: ServerRequestContext)
        throws -> Body
    {
        do {
            return try context.requestDecoder.decode(Body.self, from: Data(buffer.readableBytesView))
        } catch {
            throw HTTPError(.badRequest, message: DecodingError.badBodyMessage(error))
        }
    }
}

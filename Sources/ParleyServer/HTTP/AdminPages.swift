internal import Foundation
internal import Hummingbird
internal import HummingbirdAuth
internal import Logging
internal import NIOCore
internal import ParleyStore

/// The trainers' pages, for trainers and admins (`Permission.train`) with an
/// API token or the console's session:
///
/// - `GET /admin/evaluation`: the running model's evaluation report, the same
///   self-contained HTML page (inline SVG, no scripts) as `parley evaluate
///   --html` (`BotReloader.evaluationPage`). The first request for a model
///   version waits for the cross-validation; 503 when the server was not
///   started from the bot's files or the report could not be made.
///
/// The pages may name anything a trainer wrote, so they are served with a
/// policy that runs no script and loads nothing from anywhere.
struct AdminPages: Sendable {
    let service: ChatService

    static let policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"

    func add(to router: Router<ServerRequestContext>) {
        let pages = router.group("/admin")
            .add(middleware: BearerTokenAuthenticator(store: service.store, audit: service.audit))
            .add(middleware: ConsoleSessionAuthenticator(service: service))
            .add(middleware: PermissionMiddleware(permission: .train, audit: service.audit))
        pages.get("evaluation") { _, _ in
            let page: String?
            do {
                page = try await service.evaluationPage()
            } catch {
                service.logger.error("evaluation page failed", metadata: ["error": "\(error)"])
                throw HTTPError(.serviceUnavailable, message: "the evaluation could not be made: \(error)")
            }
            guard let page else {
                throw HTTPError(
                    .serviceUnavailable,
                    message: "this server was not started from the bot's files, so it cannot evaluate")
            }
            return Self.html(page)
        }
        MethodNotAllowedRoutes.add(to: router, path: "/admin/evaluation", allowed: [.get])
    }

    static func html(_ page: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store", .contentSecurityPolicy: policy,
            ],
            body: .init(byteBuffer: ByteBuffer(string: page)))
    }
}

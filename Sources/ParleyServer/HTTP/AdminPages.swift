internal import Foundation
internal import Hummingbird
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
/// - `GET /admin?from=YYYY-MM-DD&to=YYYY-MM-DD&channel=web`: the dashboard
///   (`DashboardPage`, from `CRMStore.dashboard`, the figures of `parley report
///   --format json`); the last 7 days of every channel by default; 400 for a
///   day that is not `YYYY-MM-DD`.
///
/// The pages may name anything a trainer wrote, so they are served with a
/// policy that runs no script and loads nothing from anywhere.
struct AdminPages: Sendable {
    let service: ChatService

    static let policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"

    func add(to router: Router<ServerRequestContext>) {
        let pages = router.trainersGroup("/admin", service: service)
        pages.get { request, _ in
            let (from, to) = try Self.days(request)
            let channel = request.uri.queryParameters["channel"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
            let report: DashboardReport
            do {
                report = try await service.store.dashboard(from: from, to: to, channel: channel)
            } catch {
                throw HTTPError(.serviceUnavailable, message: "the CRM store could not be read; try again later")
            }
            return Self.html(DashboardPage.html(report))
        }
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
        MethodNotAllowedRoutes.add(to: router, path: "/admin", allowed: [.get])
        MethodNotAllowedRoutes.add(to: router, path: "/admin/evaluation", allowed: [.get])
    }

    /// The `from` and `to` days of the request (`YYYY-MM-DD`): by default the last 7 days up to today (UTC).
    static func days(_ request: Request) throws -> (from: String, to: String) {
        let format = Date.ISO8601FormatStyle().year().month().day()
        func day(_ name: String, default value: Date) throws -> String {
            guard let text = request.uri.queryParameters[Substring(name)].map(String.init) else {
                return value.formatted(format)
            }
            guard text.utf8.count == 10, (try? format.parse(text)) != nil else {
                throw HTTPError(.badRequest, message: "\(name) must be a day such as 2026-11-25")
            }
            return text
        }
        let now = Date()
        return (try day("from", default: now.addingTimeInterval(-6 * 86_400)), try day("to", default: now))
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

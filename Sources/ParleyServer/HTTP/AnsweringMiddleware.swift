internal import Hummingbird

/// Marks each request as being answered on its connection until its
/// response is ready, so that `IdleConnectionCloser` does not close the
/// connection of a client waiting for a slow answer.
struct AnsweringMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    func handle(
        _ request: Request, context: ServerRequestContext,
        next: (Request, ServerRequestContext) async throws -> Response
    ) async throws -> Response {
        IdleConnectionCloser.count(1, on: context.channel)
        defer { IdleConnectionCloser.count(-1, on: context.channel) }
        return try await next(request, context)
    }
}

internal import Hummingbird

/// Answers 429 (with `Retry-After`) to an address beyond its HTTP requests
/// per minute (`requests_per_minute_per_address`).
struct RequestRateMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    let service: ChatService

    func handle(
        _ request: Request, context: ServerRequestContext,
        next: (Request, ServerRequestContext) async throws -> Response
    ) async throws -> Response {
        guard service.addressLimiter.allowRequest(context.clientAddress) else {
            service.metrics.limited(.requestsPerAddress)
            throw HTTPError(
                .tooManyRequests, headers: [.retryAfter: "60"],
                message: "too many requests from your address; wait a minute and try again")
        }
        return try await next(request, context)
    }
}

internal import HTTPTypes
internal import Hummingbird

/// What browsers are told with every answer: no MIME sniffing, no referrer
/// leaving the server, no framing of its pages; and CORS for the shop's
/// sites (`allowed_origins`): their pages may call the API (`/api/messages`
/// from a shop's own chat front end), preflights included. Requests from
/// other origins get no CORS headers, so browsers keep the answer from them.
struct BrowserSecurityMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    let origins: OriginPolicy
    /// Served over TLS: browsers are told to use HTTPS only (a year, RFC 6797).
    let strictTransport: Bool

    func handle(
        _ request: Request, context: ServerRequestContext,
        next: (Request, ServerRequestContext) async throws -> Response
    ) async throws -> Response {
        let origin = request.headers[.origin].flatMap { origins.isAllowed($0) ? $0 : nil }
        var response: Response
        if request.method == .options, origin != nil, request.headers[.accessControlRequestMethod] != nil {
            response = Response(status: .noContent)
            response.headers[.accessControlAllowMethods] = "GET, POST"
            response.headers[.accessControlAllowHeaders] = "Content-Type, Authorization"
            response.headers[.accessControlMaxAge] = "600"
        } else {
            do {
                response = try await next(request, context)
            } catch let error as any HTTPResponseError {
                response = try error.response(from: request, context: context)
            }
        }
        if let origin {
            response.headers[.accessControlAllowOrigin] = origin
            response.headers[.vary] = "Origin"
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.xFrameOptions] = "DENY"
        if strictTransport { response.headers[.strictTransportSecurity] = "max-age=31536000" }
        return response
    }
}

extension HTTPField.Name {
    static let referrerPolicy = Self("Referrer-Policy")!
    static let xFrameOptions = Self("X-Frame-Options")!
}

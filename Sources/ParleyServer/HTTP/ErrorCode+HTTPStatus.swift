internal import HTTPTypes

extension ErrorCode {
    /// The HTTP status a refusal with this code answers with, wherever the
    /// HTTP API turns a protocol or desk refusal into an answer: 401, 403,
    /// 404 (an unknown conversation), 429, 503, and 400 for the rest (what the
    /// client sent wrong).
    var httpStatus: HTTPResponse.Status {
        switch self {
        case .unauthorized, .sessionExpired: .unauthorized
        case .forbidden: .forbidden
        case .unknownConversation: .notFound
        case .rateLimited: .tooManyRequests
        case .unavailable: .serviceUnavailable
        default: .badRequest
        }
    }
}

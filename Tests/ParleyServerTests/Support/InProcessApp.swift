import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ParleyServer
import ParleyTestSupport

/// The server's application driven in process (HummingbirdTesting's router
/// mode: no HTTP socket), with the shop bot and a store in a temporary folder.
enum InProcessApp {
    /// Builds the application and runs `test` with a client of it; `send`
    /// answers like an exchange over a socket.
    static func test<Value: Sendable>(
        limits: ChatLimits = ChatLimits(), access: AccessSettings = TestServer.access,
        _ test: @Sendable (_ service: ChatService, _ send: Send) async throws -> Value
    ) async throws -> Value {
        let folder = try TemporaryFolder()
        let (service, configuration) = try await TestServer.service(in: folder, limits: limits, access: access)
        let app = try await buildApplication(configuration: configuration, service: service, logger: service.logger)
        return try await app.test(.router) { client in
            try await test(service, Send(client: client))
        }
    }

    /// Sends one request to the application in process.
    struct Send: Sendable {
        let client: any TestClientProtocol

        /// `token` goes in an `Authorization: Bearer` header.
        func callAsFunction(_ method: String, _ path: String, body: String? = nil, token: String? = nil)
            async throws -> HTTPExchange
        {
            var headers: HTTPFields = body == nil ? [:] : [.contentType: "application/json"]
            if let token { headers[.authorization] = "Bearer \(token)" }
            let response = try await client.execute(
                uri: path, method: HTTPRequest.Method(method) ?? .get, headers: headers,
                body: body.map { ByteBuffer(string: $0) })
            return HTTPExchange(status: Int(response.status.code), body: String(buffer: response.body))
        }

        /// Sends a request with `headers` and no body; the whole response.
        func raw(_ method: String, _ path: String, headers: HTTPFields) async throws -> TestResponse {
            try await client.execute(uri: path, method: HTTPRequest.Method(method) ?? .get, headers: headers, body: nil)
        }
    }
}

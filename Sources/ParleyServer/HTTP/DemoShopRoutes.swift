internal import Foundation
internal import HTTPTypes
internal import Hummingbird
internal import NIOCore
internal import ParleyBot

/// The demo shop's API under `/demo/shop/` (`DemoShop`), served when the
/// bot's settings say `demo_shop: true`: what the shipped bot's actions call.
/// A request must carry a valid, fresh `X-Parley-Signature` made with the
/// secret of one of the bot's actions on this server, when they have one:
/// the demo shop checks requests as a real shop's endpoint should.
struct DemoShopRoutes: Sendable {
    let shop: DemoShop
    /// The secrets the demo shop accepts signatures from (those of the actions whose URL is a path here).
    let secrets: [String]

    func add(to router: Router<ServerRequestContext>) {
        router.post("/demo/shop/{area}/{operation}") { request, context in
            let area = try context.parameters.require("area")
            let operation = try context.parameters.require("operation")
            let buffer = try await request.body.collect(upTo: 64 * 1024)
            let body = Data(buffer.readableBytesView)
            if !secrets.isEmpty {
                let header = request.headers[HTTPField.Name(WebhookSignature.header)!] ?? ""
                guard secrets.contains(where: { WebhookSignature.verify(header, body: body, secret: $0) }) else {
                    return Self.json(.unauthorized, .object(["error": .string("missing, wrong or stale signature")]))
                }
            }
            guard let json = JSONValue.decode(body) else {
                return Self.json(.badRequest, .object(["error": .string("the body must be JSON")]))
            }
            let (status, answer) = shop.handle("\(area)/\(operation)", request: json)
            return Self.json(HTTPResponse.Status(code: status), answer)
        }
    }

    private static func json(_ status: HTTPResponse.Status, _ value: JSONValue) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: value.json)))
    }
}

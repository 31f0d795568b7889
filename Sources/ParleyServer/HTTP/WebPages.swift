internal import Foundation
internal import Hummingbird
internal import HummingbirdWebSocket
internal import NIOCore

/// The web pages Parley serves, shipped as resources (plain HTML, CSS and
/// JavaScript; no build step): the demo page with the widget at `/`, the
/// embeddable widget at `/widget.js`, and the agent console at `/agent`.
/// Each is read once, at start-up.
struct WebPages: Sendable {
    /// A served file: its path, the resource it comes from, and its type.
    private struct Page: Sendable {
        var path: RouterPath
        var resource: String
        var contentType: String
    }

    private static let pages = [
        Page(path: "/", resource: "index.html", contentType: "text/html; charset=utf-8"),
        Page(path: "/widget.js", resource: "widget.js", contentType: "text/javascript; charset=utf-8"),
        Page(path: "/agent", resource: "agent.html", contentType: "text/html; charset=utf-8"),
        Page(path: "/agent/console.js", resource: "console.js", contentType: "text/javascript; charset=utf-8"),
        Page(path: "/agent/console.css", resource: "console.css", contentType: "text/css; charset=utf-8"),
    ]

    /// Scripts only from this server, no inline script, connections back to it:
    /// even text that slipped into the page as HTML could not run.
    private static let policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; img-src 'self' data:; frame-ancestors 'none'"

    func add(to router: Router<ServerRequestContext>) {
        for page in Self.pages {
            let body = Self.read(page.resource)
            var headers: HTTPFields = [.contentType: page.contentType, .cacheControl: "no-cache"]
            if page.contentType.hasPrefix("text/html") {
                headers[.contentSecurityPolicy] = Self.policy
            }
            let response = Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
            router.get(page.path) { _, _ in response
            }
        }
    }

    private static func read(_ resource: String) -> ByteBuffer {
        guard let url = Bundle.module.url(forResource: resource, withExtension: nil, subdirectory: "Web"),
            let data = try? Data(contentsOf: url)
        else {
            // The resources are part of the build; missing ones mean a broken installation.
            fatalError("Parley's web resource \(resource) is missing from \(Bundle.module.bundlePath)")
        }
        return ByteBuffer(bytes: data)
    }
}

internal import Foundation
internal import Hummingbird
internal import HummingbirdWebSocket
internal import NIOCore

/// The web pages Parley serves, shipped as resources (plain HTML, CSS and
/// JavaScript; no build step): the demo page with the widget at `/` (its styles at `/demo.css`), the
/// embeddable widget at `/widget.js`, and the agent console at `/agent`.
/// Each is read once, at start-up. The widget and the console show their words
/// in the bot's language (`language` in bot.yml, read at each request so a reload
/// that changes it is seen): the server writes it into the console page's
/// `<html lang>` and the widget's `serverLanguage`, where their catalogues pick it up.
/// The demo page has a version per catalogue language (`index.zh-CN.html`), chosen the same way.
struct WebPages: Sendable {
    /// The bot's language code (BCP 47, such as "en" or "zh"), asked at each request.
    var language: @Sendable () -> String = { "en" }

    /// A served file: its path, the resource it comes from, and its type.
    private struct Page: Sendable {
        var path: RouterPath
        var resource: String
        var contentType: String
        /// The resource served instead for a catalogue language other than English, by language.
        var translations: [String: String] = [:]
    }

    private static let pages = [
        Page(
            path: "/", resource: "index.html", contentType: "text/html; charset=utf-8",
            translations: ["zh-CN": "index.zh-CN.html"]),
        Page(path: "/demo.css", resource: "demo.css", contentType: "text/css; charset=utf-8"),
        Page(path: "/widget.js", resource: "widget.js", contentType: "text/javascript; charset=utf-8"),
        Page(path: "/agent", resource: "agent.html", contentType: "text/html; charset=utf-8"),
        Page(path: "/agent/console.js", resource: "console.js", contentType: "text/javascript; charset=utf-8"),
        Page(path: "/agent/console.css", resource: "console.css", contentType: "text/css; charset=utf-8"),
    ]

    /// Scripts only from this server, no inline script, connections back to it:
    /// even text that slipped into the page as HTML could not run.
    private static let policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; img-src 'self' data:; frame-ancestors 'none'"

    /// The text in a page that the bot's language replaces, with `LANGUAGE` for the code.
    private static let languageMarks = [
        "agent.html": "<html lang=\"LANGUAGE\">", "widget.js": "var serverLanguage = \"LANGUAGE\";",
    ]

    func add(to router: Router<ServerRequestContext>) {
        for page in Self.pages {
            let body = Self.read(page.resource)
            var headers: HTTPFields = [.contentType: page.contentType, .cacheControl: "no-cache"]
            if page.contentType.hasPrefix("text/html") {
                headers[.contentSecurityPolicy] = Self.policy
            }
            let language = self.language
            if !page.translations.isEmpty {
                let english = Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
                let translated = page.translations.mapValues {
                    Response(status: .ok, headers: headers, body: .init(byteBuffer: Self.read($0)))
                }
                router.get(page.path) { _, _ in translated[Self.catalogue(for: language())] ?? english }
                continue
            }
            if let mark = Self.languageMarks[page.resource] {
                let text = String(buffer: body)
                let english = mark.replacingOccurrences(of: "LANGUAGE", with: "en")
                guard text.contains(english) else {
                    fatalError("Parley's web resource \(page.resource) lacks \(english)")
                }
                let headers = headers
                router.get(page.path) { _, _ in
                    // A code of letters, '-' and '_' only (BotConfiguration checks it), so it cannot leave the quotes.
                    let code = language().filter { $0.isASCII && ($0.isLetter || $0 == "-" || $0 == "_") }
                    let page = text.replacingOccurrences(
                        of: english, with: mark.replacingOccurrences(of: "LANGUAGE", with: code.isEmpty ? "en" : code))
                    return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
                }
                continue
            }
            let response = Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
            router.get(page.path) { _, _ in response
            }
        }
    }

    /// The catalogue language of the widget and the console for a bot's language code:
    /// "zh-CN" for any Chinese, otherwise "en" (as `widget.js` and `console.js` choose).
    private static func catalogue(for code: String) -> String {
        code.lowercased().hasPrefix("zh") ? "zh-CN" : "en"
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

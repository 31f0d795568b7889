import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ParleyServer
import ParleyTestSupport
import Testing

/// The widget and the console learn the bot's language from the pages the
/// server serves, and every word of the console page is in each catalogue.
@Suite(.timeLimit(.minutes(10))) struct WebPagesTests {
    /// The console page, the widget script and the demo page served by a bot with `settings`.
    func pages(settings: String?) async throws -> (console: String, widget: String, demo: String) {
        let folder = try TemporaryFolder()
        let (service, configuration) = try await TestServer.service(in: folder, bot: settings)
        let app = try await buildApplication(configuration: configuration, service: service, logger: service.logger)
        return try await app.test(.router) { client in
            let console = try await client.execute(uri: "/agent", method: .get)
            let widget = try await client.execute(uri: "/widget.js", method: .get)
            let demo = try await client.execute(uri: "/", method: .get)
            let styles = try await client.execute(uri: "/demo.css", method: .get)
            #expect(console.status == .ok && widget.status == .ok && demo.status == .ok && styles.status == .ok)
            #expect(String(buffer: demo.body).contains("href=\"/demo.css\""))
            #expect(String(buffer: styles.body).contains(":lang(zh) body"))
            #expect(demo.headers[.contentSecurityPolicy] != nil)
            return (String(buffer: console.body), String(buffer: widget.body), String(buffer: demo.body))
        }
    }

    @Test func aChineseBotsPagesSayChinese() async throws {
        let served = try await pages(settings: "language: zh\n")
        #expect(served.console.contains("<html lang=\"zh\">"))
        #expect(served.widget.contains("var serverLanguage = \"zh\";"))
        #expect(served.demo.contains("<html lang=\"zh-CN\">"))
        #expect(served.demo.contains("data-greeting=\"您好！"))
    }

    @Test func anEnglishBotsPagesSayEnglish() async throws {
        let served = try await pages(settings: nil)
        #expect(served.console.contains("<html lang=\"en\">"))
        #expect(served.widget.contains("var serverLanguage = \"en\";"))
        #expect(served.demo.contains("<html lang=\"en\">"))
        #expect(served.demo.contains("data-greeting=\"Hi! "))
    }

    @Test func everyWordOfTheConsolePageIsInBothCatalogues() throws {
        let web = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/ParleyServer/Web")
        let page = try String(contentsOf: web.appendingPathComponent("agent.html"), encoding: .utf8)
        let script = try String(contentsOf: web.appendingPathComponent("console.js"), encoding: .utf8)
        let keys = try Regex(#"data-i18n(?:-label|-placeholder)?="(\w+)""#)
        let found = page.matches(of: keys).compactMap { $0.output[1].substring.map(String.init) }
        #expect(found.count > 40)
        let zh = try #require(script.range(of: "\"zh-CN\": {"))
        for key in Set(found) {
            // Once in the English catalogue (before "zh-CN") and once in the Chinese one.
            #expect(script[..<zh.lowerBound].contains(" \(key): "), "\(key) in en")
            #expect(script[zh.upperBound...].contains(" \(key): "), "\(key) in zh-CN")
        }
    }
}

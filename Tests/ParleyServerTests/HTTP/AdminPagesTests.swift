import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ParleyBot
import ParleyServer
import ParleyStore
import Testing

/// The trainers' pages under `/admin`: the dashboard and the running model's evaluation report.
@Suite(.timeLimit(.minutes(10))) struct AdminPagesTests {
    @Test func theEvaluationPageIsTheRunningModelsReportForTrainersAndAdminsOnly() async throws {
        try await InProcessApp.test { (service, send) async throws in
            let trainer = try await service.issueToken(.trainer)
            let response = try await send.raw(
                "GET", "/admin/evaluation", headers: [.authorization: "Bearer \(trainer)"])
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            let page = String(buffer: response.body)
            #expect(page.contains("<svg") && !page.contains("<script"))
            #expect(page.contains("model \(service.bot.modelVersion)"))
            for intent in ["order_status", "refund", "greet", "password_reset", "human"] {
                #expect(page.contains(intent), "\(intent)")
            }
            let again = try await send.raw("GET", "/admin/evaluation", headers: [.authorization: "Bearer \(trainer)"])
            #expect(String(buffer: again.body) == page)

            #expect(try await send("GET", "/admin/evaluation").status == 401)
            #expect(
                try await send("GET", "/admin/evaluation", token: try await service.issueToken(.agent)).status == 403)
        }
    }

    @Test func theDashboardDrawsTheStoresFiguresForTheChosenDaysAndChannel() async throws {
        try await InProcessApp.test { (service, send) async throws in
            for text in ["hello", "hi team", "garden gnomes catalogue", "I want to talk to a person"] {
                let body = String(decoding: try JSONEncoder().encode(["text": text]), as: UTF8.self)
                #expect(try await send("POST", "/api/messages", body: body).status == 200)
            }
            let today = String(Date().formatted(.iso8601).prefix(10))
            let report = try await service.store.dashboard(from: today, to: today, channel: "api")
            #expect(report.conversations == 4 && report.customerMessages == 4)
            #expect(report.days.map(\.day) == [today])
            #expect(report.busiestHours.reduce(0, +) == 4)
            #expect(report.topIntents.first == DashboardReport.Count(name: "greet", count: 2))
            // The fallback's best guess is no intent the customer asked for: only the three understood count.
            #expect(report.topIntents.map(\.count).reduce(0, +) == 3)
            #expect(report.escalationReasons.map(\.count) == [1] && report.escalationRate == 0.25)
            #expect(report.fallbackRate.map { $0 > 0 && $0 < 1 } == true)
            let web = try await service.store.dashboard(from: today, to: today, channel: "web")
            #expect(web.conversations == 0 && web.topIntents.isEmpty)

            let trainer = try await service.issueToken(.trainer)
            let page = try await send("GET", "/admin?channel=api&from=\(today)&to=\(today)", token: trainer)
            #expect(page.status == 200)
            #expect(page.body.contains("<svg") && !page.body.contains("<script"))
            #expect(page.body.contains("<b>4</b>conversations") && page.body.contains("greet"))
            let other = try await send("GET", "/admin?channel=web", token: trainer)
            #expect(other.status == 200 && other.body.contains("<b>0</b>conversations"))
            let tagged = try await send("GET", "/admin?channel=%3Cb%3Ex", token: trainer)
            #expect(tagged.body.contains("&lt;b&gt;x") && !tagged.body.contains("<b>x"))
            #expect(try await send("GET", "/admin?from=yesterday", token: trainer).status == 400)
            #expect(try await send("GET", "/admin?from=&to=", token: trainer).status == 400)
            #expect(try await send("GET", "/admin").status == 401)
            #expect(try await send("GET", "/admin", token: try await service.issueToken(.agent)).status == 403)
        }
    }
}

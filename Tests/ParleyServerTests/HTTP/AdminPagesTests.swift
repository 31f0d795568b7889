import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ParleyBot
import ParleyServer
import ParleyStore
import Testing

/// The trainers' pages under `/admin`: the running model's evaluation report.
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
}

import Foundation
import ParleyStore

/// Audit entries for what an operator did with the `parley` command: the
/// actor is `cli:` and the operating-system user, the address `local`.
enum CommandLineAudit {
    static var actor: String {
        let environment = ProcessInfo.processInfo.environment
        return "cli:" + (environment["SUDO_USER"] ?? environment["USER"] ?? NSUserName())
    }

    static func record(
        _ action: AuditEntry.Action, target: String? = nil, detail: String? = nil, in store: some CRMStore
    ) async throws {
        try await store.audit(
            AuditEntry(actor: actor, action: action, target: target, address: "local", detail: detail))
    }
}

internal import Foundation
public import Logging
public import ParleyStore

/// Writes the audit log for the server: who signed in (or failed to), took
/// over, handed back or closed a conversation, and every refused request. An
/// entry the store cannot take is logged instead: the audit never stops the
/// work it describes.
public struct AuditTrail: Sendable {
    let store: any CRMStore
    let logger: Logger

    public init(store: any CRMStore, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    /// Appends `action` by `actor` on `target`, from `address`.
    public func record(
        _ action: AuditEntry.Action, actor: String, target: String? = nil, address: String?, detail: String? = nil
    ) async {
        let entry = AuditEntry(
            actor: actor, action: action, target: target, address: address, detail: detail)
        do {
            try await store.audit(entry)
        } catch {
            logger.error(
                "audit entry not stored",
                metadata: [
                    "action": "\(action.rawValue)", "actor": "\(actor)", "target": "\(target ?? "")",
                    "error": "\(error)",
                ])
        }
    }
}

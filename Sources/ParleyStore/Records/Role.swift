/// What a user or an API token may do. Stored by raw value (`agent`, `trainer`, `admin`).
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    /// Answers customers at the desk and reads the CRM.
    case agent
    /// Teaches the bot: reads what customers wrote, reviews and reloads.
    case trainer
    /// Everything, including users, tokens, exports, erasures and the audit log.
    case admin
}

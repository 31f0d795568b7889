public import Foundation

/// One line of the audit log: who did what, to what, when and from where. It
/// names ids, never what customers wrote, and is kept when a customer is erased.
public struct AuditEntry: Sendable, Hashable, Codable {
    /// What happened. Stored by raw value.
    public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
        case signIn = "sign_in"
        case signInRefused = "sign_in_refused"
        case signOut = "sign_out"
        case accessRefused = "access_refused"
        case takeOver = "take_over"
        case handBack = "hand_back"
        case close
        case export
        case erase
        case reload
        /// A trainer's review decision (`target`: the intent, if any; `detail`: the decision and the message ids).
        case review
        case userAdded = "user_added"
        case userChanged = "user_changed"
        case userRemoved = "user_removed"
        case tokenCreated = "token_created"
        case tokenRevoked = "token_revoked"
    }

    /// Assigned by the store; nil before it is stored.
    public var id: Int64?
    public var at: Date
    /// Who: `user:ana`, `token:k3x9…`, `cli:root`, or `anonymous`.
    public var actor: String
    public var action: Action
    /// What it was done to: a conversation, customer, user or token id.
    public var target: String?
    /// The client's address, or `local` for the command line.
    public var address: String?
    /// Why it was refused, or a short detail ("role admin").
    public var detail: String?

    public init(
        id: Int64? = nil, at: Date = Date(), actor: String, action: Action, target: String? = nil,
        address: String? = nil, detail: String? = nil
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.target = target
        self.address = address
        self.detail = detail
    }
}

public import ParleyStore

/// Who made a request: a signed-in user or an API token, and its role.
public struct Principal: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case user, token
    }

    public var kind: Kind
    /// The user's sign-in name or the token's id.
    public var id: String
    public var role: Role

    public init(kind: Kind, id: String, role: Role) {
        self.kind = kind
        self.id = id
        self.role = role
    }

    /// How the audit log names it: `user:ana`, `token:3f9a02c1`.
    public var actor: String { "\(kind.rawValue):\(id)" }
}

public import Foundation

/// A bearer token for the HTTP API, as stored: only the SHA-256 of the secret
/// is kept, so a copy of the store does not hand out working tokens.
public struct AccessToken: Sendable, Hashable, Codable {
    /// A short public id to name the token by (`parley tokens revoke ID`).
    public var id: String
    /// What the token is for ("crm-sync", "grafana").
    public var name: String
    public var role: Role
    /// Lowercase hex SHA-256 of the secret.
    public var secretHash: String
    public var createdAt: Date
    public var lastUsedAt: Date?
    /// Set when the token was revoked: it no longer opens anything.
    public var revokedAt: Date?

    public init(
        id: String, name: String, role: Role, secretHash: String, createdAt: Date = Date(), lastUsedAt: Date? = nil,
        revokedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.secretHash = secretHash
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }
}

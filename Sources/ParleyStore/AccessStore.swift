public import Foundation

/// Who may sign in and what they did: users, API tokens and the audit log.
/// Part of every `CRMStore`.
public protocol AccessStore: Sendable {
    /// Inserts or updates a user by id.
    func save(_ user: User) async throws
    func user(id: String) async throws -> User?
    /// Every user, by id.
    func users() async throws -> [User]
    /// Removes a user; false when there was none.
    func removeUser(id: String) async throws -> Bool
    /// Inserts or updates a token by id.
    func save(_ token: AccessToken) async throws
    /// The token whose secret hashes to `secretHash`, revoked or not.
    func accessToken(secretHash: String) async throws -> AccessToken?
    /// Every token, newest first.
    func accessTokens() async throws -> [AccessToken]
    /// Records that the token was used at `date`.
    func markUsed(tokenId: String, at date: Date) async throws
    /// Appends an entry to the audit log.
    func audit(_ entry: AuditEntry) async throws
    /// The audit log, newest first: at most `limit` entries, from `since` on when given.
    func auditLog(since: Date?, limit: Int) async throws -> [AuditEntry]
}

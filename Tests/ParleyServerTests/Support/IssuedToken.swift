import ParleyServer
import ParleyStore

extension ChatService {
    /// Stores a new API token with `role` and returns its secret, as `parley tokens create` does.
    func issueToken(_ role: Role, name: String = "test") async throws -> String {
        let (secret, token) = AccessTokenSecret.issue(name: name, role: role)
        try await store.save(token)
        return secret
    }
}

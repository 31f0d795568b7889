internal import Crypto
internal import Foundation

/// The secret a customer's client resumes its conversation with: 256 random
/// bits as base64url, given once in `welcome`. The store keeps only its
/// SHA-256 (`Conversation.tokenHash`), so neither the CRM's readers nor a copy
/// of the store can take over a customer's conversation.
enum ConversationToken {
    /// A new token and the hash to store.
    static func issue() -> (token: String, hash: String) {
        let token = AccessTokenSecret.randomBase64URL(bytes: 32)
        return (token, AccessTokenSecret.hash(token))
    }

    /// Whether `token` is the one `hash` was made from.
    static func matches(_ token: String, hash: String?) -> Bool {
        guard let hash else { return false }
        return AccessTokenSecret.hash(token) == hash
    }
}

internal import Crypto
public import Foundation
public import ParleyStore

/// Bearer secrets for the HTTP API: `parley_` and 43 characters of base64url
/// (256 random bits). The secret is shown once; the store keeps its SHA-256.
public enum AccessTokenSecret {
    static let prefix = "parley_"

    /// A new token named `name` with `role`: the secret to hand out and the record to store.
    public static func issue(name: String, role: Role, now: Date = Date()) -> (secret: String, token: AccessToken) {
        let secret = prefix + randomBase64URL(bytes: 32)
        let id = (0..<4).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max)) }.joined()
        return (secret, AccessToken(id: id, name: name, role: role, secretHash: hash(secret), createdAt: now))
    }

    /// Lowercase hex SHA-256 of `secret`, as `AccessToken.secretHash` holds it.
    public static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// `bytes` random bytes as unpadded base64url (RFC 4648 §5).
    static func randomBase64URL(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

internal import Crypto
internal import Foundation
internal import _CryptoExtras

/// Agents' passwords, kept only as scrypt hashes with a random salt of their own.
public enum AgentPassword {
    /// The shortest password taken.
    public static let minimumLength = 8

    /// A new salt and the password's hash, both base64, for `Agent.salt` and `Agent.passwordHash`.
    public static func hash(_ password: String) throws -> (hash: String, salt: String) {
        guard password.count >= minimumLength else { throw AgentPasswordError.tooShort(minimum: minimumLength) }
        let salt = Data((0..<16).map { _ in UInt8.random(in: .min ... .max) })
        return (try derive(password, salt: salt).base64EncodedString(), salt.base64EncodedString())
    }

    /// Whether `password` is the one `hash` was made from (compared in constant time).
    public static func verify(_ password: String, hash: String, salt: String) -> Bool {
        guard let salt = Data(base64Encoded: salt), let expected = Data(base64Encoded: hash),
            let derived = try? derive(password, salt: salt), derived.count == expected.count
        else { return false }
        return zip(derived, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// scrypt with N = 2^14, r = 8, p = 1 (16 MiB, tens of milliseconds): slow to guess, quick to sign in.
    private static func derive(_ password: String, salt: Data) throws -> Data {
        let key = try KDF.Scrypt.deriveKey(
            from: Data(password.utf8), salt: salt, outputByteCount: 32, rounds: 1 << 14, blockSize: 8, parallelism: 1)
        return key.withUnsafeBytes { Data($0) }
    }
}

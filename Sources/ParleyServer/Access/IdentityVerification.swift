internal import Crypto
internal import Foundation

/// Whether a shop vouched for a customer id: its backend signs the id with
/// the identity secret both share, `identity_hash` = hex HMAC-SHA256(secret,
/// id) — the scheme of Chatwoot's HMAC identity validation. Compared in
/// constant time.
public enum IdentityVerification {
    /// The hash a shop's backend sends with `id` (lowercase hex).
    public static func hash(id: String, secret: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(id.utf8), using: SymmetricKey(data: Data(secret.utf8)))
            .map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `hash` is the hex HMAC-SHA256 of `id` under `secret` (either case).
    public static func isValid(id: String, hash: String, secret: String) -> Bool {
        guard hash.utf8.count == 64, let code = Data(hex: hash) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(
            code, authenticating: Data(id.utf8), using: SymmetricKey(data: Data(secret.utf8)))
    }
}

extension Data {
    /// Bytes from hexadecimal text of even length; nil when it is not.
    fileprivate init?(hex: String) {
        var bytes: [UInt8] = []
        var high: UInt8?
        for character in hex.utf8 {
            let value: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = character - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = character - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let first = high {
                bytes.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        guard high == nil else { return nil }
        self.init(bytes)
    }
}

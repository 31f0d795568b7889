internal import Crypto
public import Foundation

/// The signature on each action request whose action has a `secret`: the
/// header `X-Parley-Signature: t=UNIX_SECONDS,v1=HEX`, where HEX is
/// HMAC-SHA256 with the secret over `"UNIX_SECONDS." + body` (the raw bytes
/// sent). The time makes a replayed request stale: a receiver refuses a
/// signature older than a few minutes (`verify`'s `tolerance`).
public enum WebhookSignature {
    public static let header = "X-Parley-Signature"

    /// The header's value for `body` sent at `timestamp` (seconds since 1970).
    public static func sign(_ body: Data, secret: String, timestamp: Int) -> String {
        "t=\(timestamp),v1=\(hex(body, secret: secret, timestamp: timestamp))"
    }

    /// Whether `header` signs `body` with `secret`, made no more than
    /// `tolerance` seconds from `now`: a replayed (old) request is refused.
    public static func verify(
        _ header: String, body: Data, secret: String, now: Date = Date(), tolerance: TimeInterval = 300
    ) -> Bool {
        var timestamp: Int?
        var signatures: [String] = []
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            if pair[0] == "t" { timestamp = Int(pair[1]) }
            if pair[0] == "v1" { signatures.append(pair[1]) }
        }
        guard let timestamp, abs(now.timeIntervalSince1970 - Double(timestamp)) <= tolerance else { return false }
        let expected = Array(hex(body, secret: secret, timestamp: timestamp).utf8)
        // Compared in constant time: how long a refusal takes tells nothing about the signature.
        return signatures.contains { signature in
            let given = Array(signature.utf8)
            guard given.count == expected.count else { return false }
            return zip(given, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
        }
    }

    private static func hex(_ body: Data, secret: String, timestamp: Int) -> String {
        var signed = Data("\(timestamp).".utf8)
        signed.append(body)
        let code = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: Data(secret.utf8)))
        return code.map { String(format: "%02x", $0) }.joined()
    }
}

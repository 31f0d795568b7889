internal import NIOConcurrencyHelpers

/// Makes a refusal cost the client that earned it rather than the server:
/// a connection refused for a per-address limit (too many connections, too
/// many new conversations) or for sending `burst` messages in a row over its
/// rate is not read any further, waits `ChatLimits.refusalHoldSeconds`, and
/// only then is closed. A flooding client that waits for its answers (as a
/// client must, to know what to send next) gets one connection's worth of
/// refusals per hold instead of as many as the server can write; one that
/// does not wait only fills its own socket buffers.
///
/// At most `ChatLimits.maxHeldRefusals` connections wait at once, so the
/// holds never take the places of other clients' connections; past it a
/// refused connection is closed at once, as without holding.
final class RefusalHold: Sendable {
    let seconds: Int
    let capacity: Int
    private let holding = NIOLockedValueBox(0)

    init(limits: ChatLimits) {
        seconds = limits.refusalHoldSeconds
        capacity = limits.maxHeldRefusals
    }

    /// Connections waiting now.
    var count: Int { holding.withLockedValue { $0 } }

    /// Waits `seconds` (less if the task is cancelled), or returns at once
    /// when `capacity` connections wait already.
    func hold() async {
        let admitted = holding.withLockedValue { holding in
            guard seconds > 0, holding < capacity else { return false }
            holding += 1
            return true
        }
        guard admitted else { return }
        defer { holding.withLockedValue { $0 -= 1 } }
        try? await Task.sleep(for: .seconds(seconds))
    }
}

internal import Foundation
internal import Logging
internal import ParleyStore

/// Checks a user's name and password, as every way of signing in does (the
/// console's `/agent/session`, the agents' `login`, a terminal's `/agent
/// login`): throttled per account and per address (`SignInThrottle`), scrypt
/// on the throttle's own pool, a wrong name as slow and as refused as a wrong
/// password, every success and every refusal of a throttle, a password or a
/// role in the audit log (a refusal because the scrypt pool is full, 1 s, is not).
struct PasswordSignIn: Sendable {
    let service: ChatService

    /// The user `id` names, when `password` is theirs and their role may do
    /// one of `permissions` (the desk; the console also lets trainers in, to
    /// review). Throws `tooManySignIns`, `unauthorized` (wrong name or
    /// password), `forbidden` (a role that may do none of them) or `unavailable`.
    func check(
        _ id: String, password: String, address: String?, via: String, permissions: Set<Permission> = [.desk]
    ) async throws(AgentDeskError) -> User {
        let throttle = service.signInThrottle
        let wait = throttle.wait(account: id, address: address)
        guard wait == 0 else {
            await service.audit.record(
                .signInRefused, actor: "user:\(id)", address: address, detail: "throttled for \(wait) s")
            throw .tooManySignIns(seconds: wait)
        }
        let stored: User?
        do {
            stored = try await service.store.user(id: id)
        } catch {
            throw .unavailable
        }
        // A wrong name and a wrong password look the same to the client, and take as long.
        let decoy = Self.decoy
        guard
            let matches = await throttle.verify({
                let user = stored ?? decoy
                return AgentPassword.verify(password, hash: user.passwordHash, salt: user.salt)
            })
        else { throw .tooManySignIns(seconds: 1) }
        guard let stored, matches else {
            throttle.failed(account: id, address: address)
            service.logger.notice("agent sign-in refused", metadata: ["agent": "\(id)"])
            await service.audit.record(
                .signInRefused, actor: "user:\(id)", address: address, detail: "wrong name or password")
            throw .unauthorized
        }
        guard permissions.contains(where: stored.role.may) else {
            await service.audit.record(
                .signInRefused, actor: "user:\(id)", address: address,
                detail:
                    "role \(stored.role.rawValue) may not \(permissions.map(\.rawValue).sorted().joined(separator: " or "))"
            )
            throw .forbidden(stored.role)
        }
        throttle.succeeded(account: id)
        await service.audit.record(.signIn, actor: "user:\(id)", address: address, detail: via)
        return stored
    }

    /// Checked instead when the name is unknown, so that refusing it costs a
    /// scrypt like a wrong password: a quick refusal would tell which names exist.
    private static let decoy: User = {
        // A 36-character password: long enough, so hashing it cannot fail.
        let (hash, salt) = try! AgentPassword.hash(UUID().uuidString)
        return User(id: "", name: "", passwordHash: hash, salt: salt)
    }()
}

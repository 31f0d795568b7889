/// Someone who signs in to Parley: an agent answers customers once the bot
/// hands a conversation over, a trainer teaches the bot, an admin runs the
/// server (and may do both). The password is stored only as a salted hash.
public struct User: Sendable, Hashable, Codable {
    /// Whether the user takes conversations now (agents and admins at the desk).
    public enum Status: String, Sendable, Hashable, Codable {
        case available, away, offline
    }

    /// The sign-in name.
    public var id: String
    /// The name customers see.
    public var name: String
    public var passwordHash: String
    public var salt: String
    public var role: Role
    public var status: Status
    /// Conversations the user handles at once at the desk.
    public var capacity: Int

    public init(
        id: String, name: String, passwordHash: String, salt: String, role: Role = .agent,
        status: Status = .offline, capacity: Int = 3
    ) {
        self.id = id
        self.name = name
        self.passwordHash = passwordHash
        self.salt = salt
        self.role = role
        self.status = status
        self.capacity = capacity
    }
}

/// A person who answers customers once the bot hands a conversation over.
/// The password is stored only as a salted hash.
public struct Agent: Sendable, Hashable, Codable {
    /// Whether the agent takes conversations now.
    public enum Status: String, Sendable, Hashable, Codable {
        case available, away, offline
    }

    /// The agent's sign-in name.
    public var id: String
    /// The name customers see.
    public var name: String
    public var passwordHash: String
    public var salt: String
    public var status: Status
    /// Conversations the agent handles at once.
    public var capacity: Int

    public init(
        id: String, name: String, passwordHash: String, salt: String, status: Status = .offline, capacity: Int = 3
    ) {
        self.id = id
        self.name = name
        self.passwordHash = passwordHash
        self.salt = salt
        self.status = status
        self.capacity = capacity
    }
}

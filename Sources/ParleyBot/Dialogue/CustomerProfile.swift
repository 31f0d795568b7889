/// What the bot knows about the customer it talks to.
public struct CustomerProfile: Sendable, Hashable, Codable {
    public var id: String?
    public var name: String?
    public var email: String?
    public var phone: String?
    /// VIP customers go straight to a human when the escalation rules say so.
    public var vip: Bool

    public init(id: String? = nil, name: String? = nil, email: String? = nil, phone: String? = nil, vip: Bool = false) {
        self.id = id
        self.name = name
        self.email = email
        self.phone = phone
        self.vip = vip
    }
}

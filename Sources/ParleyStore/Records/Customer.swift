public import Foundation

/// A customer as the CRM knows them.
public struct Customer: Sendable, Hashable, Codable {
    /// Parley's id for the customer.
    public var id: String
    /// The id the shop's own systems use, if known.
    public var externalId: String?
    public var name: String?
    public var email: String?
    public var phone: String?
    public var vip: Bool
    /// Free-form attributes (plan, country, …).
    public var attributes: [String: String]
    public var tags: [String]
    public var firstSeen: Date
    public var lastSeen: Date

    public init(
        id: String = UUID().uuidString, externalId: String? = nil, name: String? = nil, email: String? = nil,
        phone: String? = nil, vip: Bool = false, attributes: [String: String] = [:], tags: [String] = [],
        firstSeen: Date = Date(), lastSeen: Date = Date()
    ) {
        self.id = id
        self.externalId = externalId
        self.name = name
        self.email = email
        self.phone = phone
        self.vip = vip
        self.attributes = attributes
        self.tags = tags
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
    }

    /// This record with what a client said about the customer: it only fills
    /// the name, email and phone the record lacks (what the store knows wins,
    /// VIP status included), and `lastSeen` moves to the claim's.
    public func merging(_ claimed: Customer) -> Customer {
        var merged = self
        merged.name = name ?? claimed.name
        merged.email = email ?? claimed.email
        merged.phone = phone ?? claimed.phone
        merged.lastSeen = claimed.lastSeen
        return merged
    }
}

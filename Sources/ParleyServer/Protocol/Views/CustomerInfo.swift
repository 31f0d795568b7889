public import Foundation
public import ParleyStore

/// A customer's CRM record as agents (and the API) see it.
public struct CustomerInfo: Sendable, Hashable, Codable {
    public var id: String
    /// The id the shop's own systems use, if known.
    public var externalId: String?
    public var name: String?
    public var email: String?
    public var phone: String?
    public var vip: Bool
    public var attributes: [String: String]
    public var tags: [String]
    public var firstSeen: Date
    public var lastSeen: Date

    public init(_ customer: Customer) {
        id = customer.id
        externalId = customer.externalId
        name = customer.name
        email = customer.email
        phone = customer.phone
        vip = customer.vip
        attributes = customer.attributes
        tags = customer.tags
        firstSeen = customer.firstSeen
        lastSeen = customer.lastSeen
    }
}

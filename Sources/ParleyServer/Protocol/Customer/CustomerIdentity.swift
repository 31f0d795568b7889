/// Who a client says its customer is. The id is the customer's id in the CRM
/// store (a shop passes its own user id) and is trusted only with a valid
/// `identityHash`: hex HMAC-SHA256 of the id under the server's
/// `identity_secret`, computed by the shop's backend (`IdentityVerification`).
/// Without one the conversation is anonymous. For a trusted id, what the store
/// already knows about that customer wins over the rest, and VIP status comes
/// only from the store.
public struct CustomerIdentity: Sendable, Codable, Hashable {
    public var id: String?
    /// Lowercase or uppercase hex HMAC-SHA256(identity secret, id).
    public var identityHash: String?
    public var name: String?
    public var email: String?
    public var phone: String?

    public init(
        id: String? = nil, identityHash: String? = nil, name: String? = nil, email: String? = nil,
        phone: String? = nil
    ) {
        self.id = id
        self.identityHash = identityHash
        self.name = name
        self.email = email
        self.phone = phone
    }
}

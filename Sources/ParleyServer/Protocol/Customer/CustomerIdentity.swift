/// Who a client says its customer is. The id is the customer's id in the CRM
/// store (a shop passes its own user id); what the store already knows about
/// that customer wins over the rest, and VIP status comes only from the store.
public struct CustomerIdentity: Sendable, Codable, Hashable {
    public var id: String?
    public var name: String?
    public var email: String?
    public var phone: String?

    public init(id: String? = nil, name: String? = nil, email: String? = nil, phone: String? = nil) {
        self.id = id
        self.name = name
        self.email = email
        self.phone = phone
    }
}

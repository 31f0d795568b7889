/// Something a customer mentioned: an order number, an email address, an
/// amount, a date.
public struct Entity: Sendable, Hashable, Codable {
    /// The entity type: a built-in one (`email`, `phone`, `url`, `money`,
    /// `number`, `ordinal`, `datetime`) or one the trainers defined.
    public var type: String
    /// The normalised value: a canonical number, `12.50 USD`, an ISO 8601
    /// date, time, duration or interval, a catalogue entry's name.
    public var value: String
    /// The text as the customer wrote it.
    public var text: String
    /// Offset of the first Unicode code point in the message.
    public var start: Int
    /// Offset just past the last code point (end exclusive).
    public var end: Int

    public init(type: String, value: String, text: String, start: Int, end: Int) {
        self.type = type
        self.value = value
        self.text = text
        self.start = start
        self.end = end
    }

    /// The built-in entity types.
    public static let builtInTypes: [String] = ["email", "phone", "url", "money", "number", "ordinal", "datetime"]
}

/// An entity marked up in a training example as `[A-10234](order_id)`.
public struct EntityAnnotation: Sendable, Hashable, Codable {
    /// The entity type, e.g. `order_id`.
    public var entity: String
    /// The annotated text, e.g. `A-10234`.
    public var value: String
    /// Offsets in Unicode code points of the example's plain text, end exclusive.
    public var start: Int
    public var end: Int

    public init(entity: String, value: String, start: Int, end: Int) {
        self.entity = entity
        self.value = value
        self.start = start
        self.end = end
    }
}

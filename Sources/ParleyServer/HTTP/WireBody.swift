internal import Hummingbird

/// A value that is not an answer type of its own (an array, an analysis)
/// sent as a JSON body with the context's response encoder.
struct WireBody<Value: Encodable & Sendable>: ResponseEncodable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }
}

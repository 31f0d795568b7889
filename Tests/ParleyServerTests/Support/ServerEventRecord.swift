import Foundation

/// A server event as a client decodes it, for assertions.
struct ServerEventRecord: Decodable, Sendable {
    var type: String
    var conversationId: String?
    var customerId: String?
    var resumed: Bool?
    var status: String?
    var id: Int64?
    var from: String?
    var text: String?
    var quickReplies: [String]?
    var action: String?
    var intent: String?
    var inReplyTo: Int64?
    var score: Int?
    var position: Int?
    var agent: String?
    var outcome: String?
    var code: String?
    var message: String?
    var analysis: AnalysisRecord?

    struct AnalysisRecord: Decodable, Sendable {
        var intent: String?
    }

    init(json: String) throws {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        self = try decoder.decode(Self.self, from: Data(json.utf8))
    }
}

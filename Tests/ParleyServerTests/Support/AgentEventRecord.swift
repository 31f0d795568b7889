import Foundation

/// An agent event as a client decodes it, for assertions.
struct AgentEventRecord: Decodable, Sendable {
    var type: String
    var conversationId: String?
    var token: String?
    var code: String?
    var message: String?
    var agentId: String?
    var outcome: String?
    var agent: Agent?
    var queue: [Item]?
    var item: Item?
    var view: View?
    var entry: Entry?

    struct Agent: Decodable, Sendable {
        var id: String
        var status: String
        var conversations: [String]
    }

    struct Item: Decodable, Sendable {
        var conversationId: String
        var position: Int
        var reason: String
        var priority: Int
    }

    struct View: Decodable, Sendable {
        var messages: [Entry]
    }

    struct Entry: Decodable, Sendable {
        var sender: String
        var text: String
        var intent: String?
    }

    init(json: String) throws {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        self = try decoder.decode(Self.self, from: Data(json.utf8))
    }
}

import ArgumentParser
import Foundation
import ParleyStore
import ParleyTestSupport
import Synchronization
import Testing

@testable import parley

/// What the command line prints of stored text: control characters stored
/// before they were refused (CSI, U+009B, starts a terminal escape sequence)
/// are shown, never sent to the terminal as they are.
@Suite struct OutputFormatTests {
    /// Customer text as it may sit in a store written before C1 was refused.
    static let hostile = "garden gnomes \u{9B}31mALERT\u{1B}]0;pwned\u{7}"

    /// A store with one conversation: a customer named with C1, and a message the bot fell back on.
    static func store(in folder: TemporaryFolder) async throws -> (path: String, conversation: String) {
        let path = folder.file("crm.sqlite")
        let store = try SQLiteCRMStore(path: path)
        let conversation = Conversation(customerId: "c-1", channel: "web")
        _ = try await store.record(
            .start(
                conversation, customer: Customer(id: "c-1", name: "Eve\u{85}\u{9B}2J"),
                greeting: StoredMessage(conversationId: conversation.id, sender: .bot, text: "Hi")))
        _ = try await store.record(
            .exchange(
                conversation,
                messages: [
                    StoredMessage(
                        conversationId: conversation.id, sender: .customer, text: hostile, intent: "fallback",
                        confidence: 0.1, action: "fallback"),
                    StoredMessage(conversationId: conversation.id, sender: .bot, text: "Sorry?", action: "fallback"),
                ]))
        return (path, conversation.id)
    }

    /// The lines `arguments` make `parley` print.
    static func output(_ arguments: [String]) async throws -> [String] {
        let lines = Mutex<[String]>([])
        var command = try #require(try Parley.parseAsRoot(arguments) as? any AsyncParsableCommand)
        let collect: @Sendable (String) -> Void = { line in lines.withLock { $0.append(line) } }
        try await StandardOutput.$line.withValue(collect) { try await command.run() }
        return lines.withLock { $0 }
    }

    /// Every control character but tab and line feed, as a terminal would obey it.
    static func controls(in lines: [String]) -> [Unicode.Scalar] {
        lines.joined(separator: "\n").unicodeScalars.filter {
            ($0.value < 0x20 && $0 != "\t" && $0 != "\n") || (0x7F...0x9F).contains($0.value)
        }
    }

    @Test(arguments: [
        ["conversations", "show"], ["customers", "show", "c-1"],
        ["customers", "search", "Eve"], ["review", "list"], ["inbox"],
    ])
    func storedControlCharactersAreShownAsCodePoints(command: [String]) async throws {
        let folder = try TemporaryFolder()
        let (store, conversation) = try await Self.store(in: folder)
        var arguments = command + ["--store", store]
        if command == ["conversations", "show"] { arguments.append(conversation) }
        if command.first == "review" {
            arguments += ["--intents", folder.file("intents"), "--config", folder.file("bot.yml")]
        }
        let lines = try await Self.output(arguments)
        #expect(Self.controls(in: lines).isEmpty, "\(lines)")
        let text = lines.joined(separator: "\n")
        switch command {
        case ["customers", "search", "Eve"]:
            #expect(text.contains("Eve<U+0085><U+009B>2J"), "\(lines)")
        default:
            #expect(text.contains("<U+009B>31mALERT<U+001B>]0;pwned<U+0007>"), "\(lines)")
        }
    }

    /// JSON stays JSON: the same strings read back, with DEL and C1 escaped like C0.
    @Test(arguments: [["conversations", "show", "--format", "json"], ["export"]])
    func jsonKeepsTheTextExactAndEscapesControlCharacters(command: [String]) async throws {
        let folder = try TemporaryFolder()
        let (store, conversation) = try await Self.store(in: folder)
        var arguments = command + ["--store", store]
        if command.first == "conversations" { arguments.append(conversation) }
        let lines = try await Self.output(arguments)
        #expect(lines.count == 1)
        #expect(Self.controls(in: lines).isEmpty, "\(lines)")
        #expect(lines[0].contains(#"garden gnomes \u009b31mALERT"#), "\(lines)")
        struct Output: Decodable {
            var messages: [StoredMessage]
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let output = try decoder.decode(Output.self, from: Data(lines[0].utf8))
        #expect(output.messages.map(\.text).contains(Self.hostile))
    }
}

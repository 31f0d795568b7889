public import Foundation
internal import NIOCore
internal import NIOEmbedded
internal import ParleyBot
internal import ParleyNLP
internal import ParleyServer

/// The code that reads what the outside world sends, one entry point per
/// fuzzing target: libFuzzer drives these (`Fuzz/`, `scripts/fuzz.sh TARGET
/// SECONDS`) and `FuzzRegressionTests` replays the saved inputs. Each takes
/// any bytes; a crash, a sanitizer report or a hang is a bug, an error thrown
/// for bad input is not.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// The TCP line protocol's framing (`LineFrameDecoder`): the input after its first byte, in
    /// reads as long as the first byte says (1–256 bytes), as a socket would deliver it.
    case lineFrames = "line-frames"
    /// A customer's and an agent's JSON message (`ClientMessage`, `AgentMessage`).
    case clientMessage = "client-message"
    /// An `intents/` file, loaded and validated like `parley validate` does.
    case intentFile = "intent-file"
    /// A `responses/` file, against the demo bot's intents.
    case responseFile = "response-file"
    /// A `bot.yml` settings file.
    case botSettings = "bot-settings"
    /// The whole NLP pipeline on a message: tokeniser, normaliser, stemmer,
    /// classifier and every entity scanner (with a trainer's pattern), and sentiment.
    case analysis

    /// Runs the target on `data`.
    public func run(_ data: Data) {
        switch self {
        case .lineFrames: Self.frameLines(data)
        case .clientMessage: Self.decodeMessages(data)
        case .intentFile: Self.load(data, as: "intents/fuzz.yml")
        case .responseFile: Self.load(data, as: "responses/fuzz.yml")
        case .botSettings: _ = try? BotConfiguration.parse(String(decoding: data, as: UTF8.self), path: "bot.yml")
        case .analysis: _ = Self.pipeline.analyze(String(decoding: data, as: UTF8.self))
        }
    }

    private static func frameLines(_ data: Data) {
        guard let first = data.first else { return }
        let read = Int(first) + 1
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(LineFrameDecoder(maxLength: 64)))
        var offset = data.startIndex + 1
        while offset < data.endIndex {
            let end = min(offset + read, data.endIndex)
            _ = try? channel.writeInbound(ByteBuffer(bytes: data[offset..<end]))
            offset = end
        }
        _ = try? channel.finish()
    }

    private static func decodeMessages(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        _ = try? WireCoding.decode(ClientMessage.self, from: text)
        _ = try? WireCoding.decode(AgentMessage.self, from: text)
    }

    /// Writes the input as one file of a copy of a small bot's folders (a folder of its own) and loads them.
    private static func load(_ data: Data, as path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-fuzz-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(path)
        try? FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        for (name, text) in smallBot where !path.hasPrefix(name.prefix(7)) {
            let other = folder.appendingPathComponent(name)
            try? FileManager.default.createDirectory(
                at: other.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? text.write(to: other, atomically: false, encoding: .utf8)
        }
        try? data.write(to: file)
        guard let intents = try? IntentFiles.load(folder: folder.appendingPathComponent("intents").path) else {
            return
        }
        _ = try? ResponseFiles.load(folder: folder.appendingPathComponent("responses").path, intents: intents)
    }

    /// A bot of two intents, for the loaders that need the other folder.
    private static let smallBot = [
        "intents/shop.yml": """
        intents:
          - intent: order_status
            examples:
              - where is my order [A-10234](order_id)
              - track my parcel
          - intent: refund
            examples:
              - I want my money back
              - refund please
        entities:
          - entity: order_id
            pattern: '\\b[A-Z]-\\d{5}\\b'
        """,
        "responses/shop.yml": """
        responses:
          - intent: order_status
            replies:
              - "Order {{order_id}} is on its way."
          - intent: refund
            replies:
              - "Refunds take 5 days."
        """,
    ]

    /// A pipeline trained on the small bot, with its pattern.
    private static let pipeline: Pipeline = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-fuzz-bot-\(getpid())")
        let intents = folder.appendingPathComponent("intents")
        try? FileManager.default.createDirectory(at: intents, withIntermediateDirectories: true)
        try? smallBot["intents/shop.yml"]!.write(
            to: intents.appendingPathComponent("shop.yml"), atomically: false, encoding: .utf8)
        do {
            let data = try IntentFiles.load(folder: intents.path)
            return try BotModel.pipeline(for: try BotModel.train(data, configuration: NLUConfiguration()))
        } catch {
            fatalError("the fuzzing bot does not train: \(error)")
        }
    }()
}

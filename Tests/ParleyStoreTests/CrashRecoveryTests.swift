import Foundation
import ParleyStore
import ParleyTestSupport
import Testing

/// A writer process is killed with SIGKILL at a random moment; every message
/// it had acknowledged must be in the database afterwards, and the file must
/// pass `PRAGMA integrity_check`.
///
/// The writer is this same test binary, started with `crashChildWriter` as
/// the only test and the database path in `PARLEY_CRASH_CHILD_DB`.
@Suite struct CrashRecoveryTests {
    static let childVariable = "PARLEY_CRASH_CHILD_DB"

    @Test(.enabled(if: ProcessInfo.processInfo.environment[childVariable] != nil))
    func crashChildWriter() async throws {
        let path = try #require(ProcessInfo.processInfo.environment[Self.childVariable])
        let store = try SQLiteCRMStore(path: path)
        let customer = Customer(id: "crash-customer")
        try await store.save(customer)
        let conversation = Conversation(id: "crash-conversation", customerId: customer.id, channel: "test")
        try await store.save(conversation)
        // Several writers at once, so group commits are killed too; bounded in count and time.
        let started = Date()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    var n = 0
                    while n < 20_000 && Date().timeIntervalSince(started) < 20 {
                        let text = "w\(writer)-\(n)"
                        _ = try await store.append(
                            StoredMessage(conversationId: conversation.id, sender: .customer, text: text))
                        FileHandle.standardOutput.write(Data("ack \(text)\n".utf8))
                        n += 1
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment[childVariable] == nil), arguments: 0..<20)
    func everyAcknowledgedMessageSurvivesSIGKILL(round: Int) async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("crash.sqlite")
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["--testing-library", "swift-testing", "--filter", "crashChildWriter"]
        child.environment = ProcessInfo.processInfo.environment.merging([Self.childVariable: path]) { $1 }
        let output = Pipe()
        child.standardOutput = output
        child.standardError = FileHandle.nullDevice
        try child.run()
        // Kill after a random number of acknowledgements (a different moment each round).
        var generator = SystemRandomNumberGenerator()
        let target = Int.random(in: 20...1_500, using: &generator)
        var acknowledged: [String] = []
        var buffer = Data()
        let deadline = Date().addingTimeInterval(30)
        while acknowledged.count < target && Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer = Data(buffer[buffer.index(after: newline)...])
                if line.hasPrefix("ack ") { acknowledged.append(String(line.dropFirst(4))) }
            }
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(!acknowledged.isEmpty, "the writer acknowledged nothing")

        let store = try SQLiteCRMStore(path: path)
        #expect(try await store.integrityCheck() == "ok")
        let stored = Set(try await store.transcript(conversationId: "crash-conversation").map(\.text))
        let lost = acknowledged.filter { !stored.contains($0) }
        #expect(lost.isEmpty, "round \(round): \(lost.count) of \(acknowledged.count) acknowledged messages lost")
    }
}

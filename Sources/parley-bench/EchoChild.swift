import Foundation

/// `parley-bench echo-server` in a child process, for `chat --echo`.
final class EchoChild {
    let process = Process()
    let port: Int
    var pid: Int32 { process.processIdentifier }

    init(tcp: Bool) throws {
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = ["echo-server"] + (tcp ? ["--tcp"] : [])
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        guard let text = String(data: line, encoding: .utf8), text.hasPrefix("listening "),
            let port = Int(text.dropFirst("listening ".count))
        else {
            process.terminate()
            throw EchoChildError()
        }
        self.port = port
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}

/// The echo server did not start.
struct EchoChildError: Error, CustomStringConvertible {
    var description: String { "the echo server did not start" }
}

import Foundation
import ParleyStore

/// One stored message as a line for people.
enum MessageText {
    static func line(_ message: StoredMessage) -> String {
        var line = "\(message.sentAt.formatted(.iso8601))  \(message.sender.rawValue): \(message.text)"
        if let intent = message.intent, let confidence = message.confidence {
            line += "   [\(intent) \(String(format: "%.2f", confidence))"
            if let label = message.sentimentLabel { line += ", \(label)" }
            line += "]"
        }
        if let action = message.action, message.sender == .bot { line += "   (\(action), \(message.rule ?? ""))" }
        return line
    }
}

public import Foundation

/// Transcripts as CSV (RFC 4180), one message a row, safe to open in a
/// spreadsheet: a cell of what a client wrote (message text, customer id,
/// channel) that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
/// gets a leading `'`, so it reads as text and never runs as a formula
/// (OWASP, "CSV Injection").
public enum TranscriptCSV {
    /// The header row.
    public static let header =
        "conversation_id,customer_id,channel,sent_at,sender,text,intent,confidence,sentiment,action"

    /// The row of `message` in `conversation`.
    public static func row(_ message: StoredMessage, in conversation: Conversation) -> String {
        let fields = [
            conversation.id, text(conversation.customerId), text(conversation.channel),
            ISO8601DateFormatter().string(from: message.sentAt), message.sender.rawValue, text(message.text),
            message.intent ?? "", message.confidence.map { String(format: "%.4f", $0) } ?? "",
            message.sentimentScore.map { String(format: "%.4f", $0) } ?? "", message.action ?? "",
        ]
        return fields.map(quoted).joined(separator: ",")
    }

    /// A cell of untrusted text, neutralised when a spreadsheet would read it as a formula.
    static func text(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    /// A field, quoted when it holds a comma, quote or line break.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

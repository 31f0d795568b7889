import Foundation
import ParleyNLP

/// The human-readable form of an analysis, for trainers at a terminal.
enum AnalysisText {
    static func render(_ analysis: Analysis) -> String {
        var lines: [String] = []
        lines.append("text:    \(analysis.text)")
        lines.append("tokens:  " + analysis.tokens.map { "\($0.text)[\($0.start)-\($0.end)]" }.joined(separator: " "))
        lines.append("stems:   " + analysis.stems.joined(separator: " "))
        if !analysis.entities.isEmpty {
            lines.append(
                "entities: "
                    + analysis.entities.map { "\($0.type)=\($0.value) \"\($0.text)\"[\($0.start)-\($0.end)]" }
                    .joined(separator: "  "))
        }
        lines.append(
            "sentiment: \(String(format: "%.3f", analysis.sentiment.score)) \(analysis.sentiment.label.rawValue)")
        if let inScope = analysis.intent?.inScope {
            // What a fitted fallback threshold is compared with (`in_scope` in JSON).
            lines.append("in scope: " + String(format: "%.3f", inScope))
        }
        lines.append("intents:")
        for intent in analysis.intents {
            lines.append(
                "  " + intent.name.padding(toLength: 28, withPad: " ", startingAt: 0)
                    + String(format: "%.3f", intent.confidence))
        }
        if !analysis.parts.isEmpty {
            lines.append("parts:")
            for part in analysis.parts {
                let intent = part.intent.map { "\($0.name) " + String(format: "%.3f", $0.confidence) } ?? "no intent"
                lines.append("  [\(part.start)-\(part.end)] \(part.text)  → \(intent)")
            }
        }
        return lines.joined(separator: "\n")
    }
}

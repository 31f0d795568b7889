internal import Foundation

/// An evaluation report as one self-contained HTML page (`parley evaluate
/// --html report.html`): the headline figures, per-intent precision, recall
/// and F1 as bars, the confidence histogram with the fallback threshold
/// marked, the out-of-scope curve when there is one, the confusion matrix as a
/// heat map and the most confident mistakes. Charts are inline SVG; no script,
/// font or style sheet is fetched, and it prints as it shows. Every text from
/// the data (intent names, messages) is HTML-escaped.
public enum EvaluationPage {
    /// The page for `report`, titled `title` (the data set's name).
    public static func html(_ report: EvaluationReport, title: String) -> String {
        var body = "<h1>Evaluation: \(escape(title))</h1>\n"
        body += summary(report)
        body += "<h2>Precision, recall and F1 per intent</h2>\n" + scoreBars(report)
        body += "<h2>Confidence of the top intent</h2>\n" + histogram(report)
        if let curve = report.outOfScopeCurve {
            body += "<h2>Out of scope: in-scope accuracy and out-of-scope recall per threshold</h2>\n"
            body += outOfScopeCurve(curve, threshold: report.threshold)
        }
        body += "<h2>Confusion matrix</h2>\n" + confusionMatrix(report)
        body += "<h2>The most confident mistakes</h2>\n" + mistakes(report)
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Evaluation: \(escape(title))</title>
            <style>
            body { font: 14px/1.4 system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #222; }
            table { border-collapse: collapse; } td, th { padding: 2px 8px; border-bottom: 1px solid #ddd; text-align: left; }
            .figures td:first-child { color: #555; } svg { max-width: 100%; height: auto; }
            svg text { font: 11px system-ui, sans-serif; fill: #222; }
            @media print { body { margin: 0; max-width: none; } h2 { break-before: auto; break-after: avoid; } svg, table { break-inside: avoid; } }
            </style></head><body>
            \(body)</body></html>

            """
    }

    static func summary(_ report: EvaluationReport) -> String {
        var rows = [
            ("mode", report.mode + (report.folds.map { ", \($0) folds" } ?? "")),
            ("training examples", "\(report.trainExamples)"), ("evaluated messages", "\(report.testExamples)"),
            ("accuracy", percent(report.accuracy)), ("macro-F1", percent(report.macroF1)),
            ("fallback threshold", String(format: "%.2f", report.threshold)),
        ]
        if let inScope = report.inScopeAccuracy { rows.append(("in-scope accuracy", percent(inScope))) }
        if let recall = report.oosRecall { rows.append(("out-of-scope recall", percent(recall))) }
        return "<table class=\"figures\">"
            + rows.map { "<tr><td>\($0.0)</td><td>\(escape($0.1))</td></tr>" }.joined() + "</table>\n"
    }

    /// Three bars per intent (precision, recall, F1), the weakest F1 first.
    static func scoreBars(_ report: EvaluationReport) -> String {
        let intents = report.perIntent.sorted { ($0.value.f1, $0.key) < ($1.value.f1, $1.key) }
        let (label, width, row) = (180.0, 300.0, 30.0)
        var svg = ""
        for (index, (intent, scores)) in intents.enumerated() {
            let y = Double(index) * row
            svg += text(intent + " (\(scores.support))", x: label - 6, y: y + 18, anchor: "end")
            for (bar, (value, colour)) in [
                (scores.precision, "#4e79a7"), (scores.recall, "#f28e2b"), (scores.f1, "#59a14f"),
            ].enumerated() {
                svg += rect(x: label, y: y + 3 + Double(bar) * 8, width: value * width, height: 7, fill: colour)
            }
            svg += text(String(format: "%.2f", scores.f1), x: label + width + 6, y: y + 18)
        }
        let legend =
            "<p>Bars: <span style=\"color:#4e79a7\">precision</span>, <span style=\"color:#f28e2b\">recall</span>, "
            + "<span style=\"color:#59a14f\">F1</span> (number: F1; in brackets: messages of the intent).</p>\n"
        return legend + chart(width: label + width + 50, height: Double(intents.count) * row, svg)
    }

    /// Right and wrong top intents per confidence bin; the threshold as a red line.
    static func histogram(_ report: EvaluationReport) -> String {
        let bins = report.confidenceHistogram
        let highest = Double(max(1, bins.map { $0.correct + $0.wrong }.max() ?? 1))
        let (left, width, height) = (40.0, 500.0, 200.0)
        let barWidth = width / Double(max(bins.count, 1))
        var svg = ""
        for (index, bin) in bins.enumerated() {
            let x = left + Double(index) * barWidth
            let right = Double(bin.correct) / highest * height
            let wrong = Double(bin.wrong) / highest * height
            svg += rect(x: x + 1, y: height - right, width: barWidth - 2, height: right, fill: "#59a14f")
            svg += rect(x: x + 1, y: height - right - wrong, width: barWidth - 2, height: wrong, fill: "#e15759")
        }
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            svg += text(String(format: "%.2f", tick), x: left + tick * width, y: height + 16, anchor: "middle")
        }
        let x = left + report.threshold * width
        svg += "<line x1=\"\(x)\" y1=\"0\" x2=\"\(x)\" y2=\"\(height)\" stroke=\"#b00\" stroke-width=\"2\"/>"
        svg += text(String(format: "fallback below %.2f", report.threshold), x: x + 4, y: 12)
        let legend =
            "<p><span style=\"color:#59a14f\">right</span> and <span style=\"color:#e15759\">wrong</span> top "
            + "intents by confidence (highest bar: \(Int(highest)) messages); below the red line the bot asks to rephrase.</p>\n"
        return legend + chart(width: left + width + 20, height: height + 24, svg)
    }

    /// In-scope accuracy (blue) and out-of-scope recall (orange) against the threshold.
    static func outOfScopeCurve(_ curve: [ThresholdFit.Point], threshold: Double) -> String {
        let (left, width, height) = (40.0, 500.0, 200.0)
        func line(_ value: (ThresholdFit.Point) -> Double?, colour: String) -> String {
            let points = curve.compactMap { point in
                value(point).map { "\(left + point.threshold * width),\(height - $0 * height)" }
            }
            return
                "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>"
        }
        var svg = line({ $0.inScopeAccuracy }, colour: "#4e79a7") + line({ $0.outOfScopeRecall }, colour: "#f28e2b")
        let x = left + threshold * width
        svg += "<line x1=\"\(x)\" y1=\"0\" x2=\"\(x)\" y2=\"\(height)\" stroke=\"#b00\" stroke-dasharray=\"4 3\"/>"
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            svg += text(String(format: "%.2f", tick), x: left + tick * width, y: height + 16, anchor: "middle")
            svg += text(String(format: "%.2f", tick), x: left - 4, y: height - tick * height + 4, anchor: "end")
        }
        let legend =
            "<p><span style=\"color:#4e79a7\">in-scope accuracy</span> and <span style=\"color:#f28e2b\">"
            + "out-of-scope recall</span> per threshold; the dashed line is the fitted threshold.</p>\n"
        return legend + chart(width: left + width + 20, height: height + 24, svg)
    }

    /// Expected intents down, predicted across; the darker, the more messages (diagonal: right answers).
    static func confusionMatrix(_ report: EvaluationReport) -> String {
        let intents = report.perIntent.keys.sorted()
        let predicted = Set(report.confusions.map(\.predicted)).subtracting(intents).sorted()
        let columns = intents + predicted
        var counts: [String: [String: Int]] = [:]
        for (intent, scores) in report.perIntent {
            counts[intent, default: [:]][intent] = Int((scores.recall * Double(scores.support)).rounded())
        }
        for pair in report.confusions { counts[pair.expected, default: [:]][pair.predicted] = pair.count }
        let largest = Double(max(1, counts.values.flatMap(\.values).max() ?? 1))
        let cell = max(6.0, min(18.0, 700.0 / Double(max(columns.count, 1))))
        let label = 180.0
        var svg = ""
        for (row, expected) in intents.enumerated() {
            let y = label + Double(row) * cell
            svg += text(expected, x: label - 4, y: y + cell * 0.75, anchor: "end")
            for (column, intent) in columns.enumerated() {
                guard let count = counts[expected]?[intent], count > 0 else { continue }
                let shade = 0.15 + 0.85 * Double(count) / largest
                let colour = expected == intent ? "89,161,79" : "225,87,89"
                svg +=
                    "<rect x=\"\(label + Double(column) * cell)\" y=\"\(y)\" width=\"\(cell)\" height=\"\(cell)\" "
                    + "fill=\"rgba(\(colour),\(String(format: "%.2f", shade)))\"><title>\(escape(expected)) → "
                    + "\(escape(intent)): \(count)</title></rect>"
            }
        }
        for (column, intent) in columns.enumerated() {
            let x = label + Double(column) * cell + cell * 0.75
            svg +=
                "<text x=\"\(x)\" y=\"\(label - 4)\" transform=\"rotate(-60 \(x) \(label - 4))\">\(escape(intent))</text>"
        }
        let legend =
            "<p>Rows: the intent a message belongs to; columns: the intent predicted. "
            + "<span style=\"color:#59a14f\">Green</span>: right, <span style=\"color:#e15759\">red</span>: "
            + "mistaken; the darker, the more messages.</p>\n"
        return legend
            + chart(
                width: label + Double(columns.count) * cell + 10, height: label + Double(intents.count) * cell + 10, svg
            )
    }

    static func mistakes(_ report: EvaluationReport) -> String {
        guard !report.mistakes.isEmpty else { return "<p>None.</p>\n" }
        let rows = report.mistakes.prefix(30).map {
            "<tr><td>\(escape($0.text))</td><td>\(escape($0.expected))</td><td>\(escape($0.predicted))</td>"
                + "<td>\(String(format: "%.2f", $0.confidence))</td></tr>"
        }
        return "<table><tr><th>message</th><th>intent</th><th>predicted</th><th>confidence</th></tr>"
            + rows.joined() + "</table>\n"
    }

    static func chart(width: Double, height: Double, _ content: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" "
            + "viewBox=\"0 0 \(Int(width)) \(Int(height))\">\(content)</svg>\n"
    }

    static func rect(x: Double, y: Double, width: Double, height: Double, fill: String) -> String {
        "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(max(0, width))\" height=\"\(max(0, height))\" fill=\"\(fill)\"/>"
    }

    static func text(_ content: String, x: Double, y: Double, anchor: String = "start") -> String {
        "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(anchor)\">\(escape(content))</text>"
    }

    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

    /// `text` with `&`, `<`, `>`, `"` and `'` as character references.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}

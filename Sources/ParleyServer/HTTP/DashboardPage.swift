internal import Foundation
internal import ParleyStore

/// The trainers' dashboard at `/admin` as one HTML page: figures and inline
/// SVG charts drawn from a `DashboardReport`, with a form (no script) that
/// picks the days and the channel. Every name is escaped.
enum DashboardPage {
    static func html(_ report: DashboardReport) -> String {
        var body = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Parley dashboard</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>
            body { font: 14px/1.4 system-ui, sans-serif; margin: 2em auto; max-width: 64em; color: #1d2330; padding: 0 1em; }
            h2 { font-size: 16px; margin: 1.6em 0 .4em; } svg { max-width: 100%; height: auto; display: block; }
            .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(11em, 1fr)); gap: 8px; }
            .tile { border: 1px solid #dde2ea; border-radius: 8px; padding: 8px 10px; }
            .tile b { display: block; font-size: 20px; } .muted { color: #5a6475; font-size: 12px; }
            form { display: flex; gap: 10px; align-items: end; flex-wrap: wrap; }
            table { border-collapse: collapse; } td, th { padding: 2px 8px; border-bottom: 1px solid #ddd; text-align: left; }
            </style></head><body>
            <h1>Parley dashboard</h1>
            <form method="get" action="/admin">
            <label>From <input type="date" name="from" value="\(escape(report.from))"></label>
            <label>To <input type="date" name="to" value="\(escape(report.to))"></label>
            <label>Channel <input name="channel" placeholder="all" value="\(escape(report.channel ?? ""))"></label>
            <button type="submit">Show</button> <a href="/admin/evaluation">Evaluation report</a>
            </form>
            <p class="muted">\(escape(report.from)) to \(escape(report.to)) (UTC), \
            \(report.channel.map { "channel " + escape($0) } ?? "all channels").</p>

            """
        let tiles: [(String, String)] = [
            ("conversations", "\(report.conversations)"), ("customer messages", "\(report.customerMessages)"),
            (
                "fallback rate",
                percent(report.fallbackRate)
                    + (report.fallbackTrend.map { String(format: " (%+.1f pts)", $0 * 100) } ?? "")
            ),
            ("escalation rate", percent(report.escalationRate)), ("tickets", "\(report.tickets)"),
            ("average sentiment", report.averageSentiment.map { String(format: "%+.2f", $0) } ?? "–"),
            ("average rating", report.averageRating.map { String(format: "%.1f of 5", $0) } ?? "–"),
            ("median time to an agent", report.medianSecondsToAgent.map(duration) ?? "–"),
        ]
        body +=
            "<div class=\"tiles\">"
            + tiles.map { "<div class=\"tile\"><b>\(escape($0.1))</b>\(escape($0.0))</div>" }.joined() + "</div>\n"
        body += "<h2>Conversations and customer messages per day</h2>\n"
        body += columns(
            report.days.map { ($0.day, [Double($0.conversations), Double($0.customerMessages)]) },
            colours: ["#2f6fed", "#9bb8f5"], legend: ["conversations", "customer messages"])
        body += "<h2>Fallback rate per day</h2>\n"
        body += line(report.days.map { ($0.day, $0.fallbackRate) })
        body += "<h2>Top intents</h2>\n" + bars(report.topIntents)
        body += "<h2>Escalations by reason</h2>\n" + bars(report.escalationReasons)
        body += "<h2>Ratings</h2>\n"
        body += columns((1...5).map { ("\($0)", [Double(report.ratings["\($0)"] ?? 0)]) }, colours: ["#2e9d5b"])
        body += "<h2>Busiest hours (UTC)</h2>\n"
        body += columns(
            report.busiestHours.enumerated().map { (String(format: "%02d", $0.offset), [Double($0.element)]) },
            colours: ["#f5a623"])
        body += "<h2>Model versions</h2>\n" + timeline(report)
        return body + "</body></html>\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.1f%%", $0 * 100) } ?? "–"
    }

    static func duration(_ seconds: Double) -> String {
        seconds < 90 ? String(format: "%.0f s", seconds) : String(format: "%.1f min", seconds / 60)
    }

    /// A coordinate with one decimal.
    static func n(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    static let nothing = "<p class=\"muted\">Nothing in this period.</p>\n"

    /// Vertical bars, one group per label (a value per colour), on a scale from 0.
    static func columns(_ groups: [(String, [Double])], colours: [String], legend: [String] = []) -> String {
        guard !groups.isEmpty, groups.contains(where: { $0.1.contains { $0 > 0 } }) else { return nothing }
        let top = max(1, groups.flatMap(\.1).max() ?? 1)
        let (width, height, bottom) = (640.0, 180.0, 30.0)
        let slot = width / Double(groups.count)
        let bar = max(1, slot * 0.8 / Double(colours.count))
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height + bottom))\" role=\"img\">"
        for (index, (label, values)) in groups.enumerated() {
            for (k, value) in values.enumerated() {
                let h = value / top * height
                let x = Double(index) * slot + slot * 0.1 + Double(k) * bar
                svg +=
                    "<rect x=\"\(n(x))\" y=\"\(n(height - h))\" width=\"\(n(bar))\" height=\"\(n(h))\" "
                    + "fill=\"\(colours[k % colours.count])\"><title>\(escape("\(label): \(Int(value))"))</title></rect>"
            }
            if groups.count <= 31 {
                svg +=
                    "<text x=\"\(n(Double(index) * slot + slot / 2))\" y=\"\(n(height + 14))\" font-size=\"10\" "
                    + "text-anchor=\"middle\">\(escape(groups.count > 12 ? String(label.suffix(5)) : label))</text>"
            }
        }
        svg += "<text x=\"0\" y=\"10\" font-size=\"10\" fill=\"#5a6475\">\(Int(top))</text>"
        svg += "</svg>\n"
        let key = zip(legend, colours).map { "<span style=\"color:\($0.1)\">■</span> \(escape($0.0))" }
        return svg + (key.isEmpty ? "" : "<p class=\"muted\">\(key.joined(separator: " &nbsp; "))</p>\n")
    }

    /// A line through the days that have a value, on a scale from 0.
    static func line(_ points: [(String, Double?)]) -> String {
        let known = points.enumerated().compactMap { index, point in point.1.map { (index, point.0, $0) } }
        guard !known.isEmpty else { return nothing }
        let top = max(0.01, known.map(\.2).max() ?? 0.01)
        let (width, height) = (640.0, 140.0)
        let step = points.count > 1 ? width / Double(points.count - 1) : 0
        let coordinates = known.map { (Double($0.0) * step, height - $0.2 / top * (height - 10)) }
        var svg = "<svg viewBox=\"0 -5 \(Int(width)) \(Int(height + 25))\" role=\"img\">"
        svg +=
            "<polyline fill=\"none\" stroke=\"#e5484d\" stroke-width=\"2\" points=\""
            + coordinates.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ") + "\"/>"
        for ((_, label, value), (x, y)) in zip(known, coordinates) {
            svg +=
                "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"3\" fill=\"#e5484d\">"
                + "<title>\(escape("\(label): \(percent(value))"))</title></circle>"
        }
        svg += "<text x=\"0\" y=\"5\" font-size=\"10\" fill=\"#5a6475\">\(percent(top))</text>"
        return svg + "</svg>\n"
    }

    /// Horizontal bars, one per name.
    static func bars(_ counts: [DashboardReport.Count]) -> String {
        guard let top = counts.map(\.count).max(), top > 0 else { return nothing }
        let row = 20.0
        var svg = "<svg viewBox=\"0 0 640 \(Int(row * Double(counts.count)))\" role=\"img\">"
        for (index, count) in counts.enumerated() {
            let y = Double(index) * row
            let length = Double(count.count) / Double(top) * 360
            svg +=
                "<text x=\"0\" y=\"\(n(y + 14))\" font-size=\"12\">\(escape(String(count.name.prefix(34))))</text>"
                + "<rect x=\"220\" y=\"\(n(y + 3))\" width=\"\(n(length))\" height=\"14\" fill=\"#2f6fed\"/>"
                + "<text x=\"\(n(226 + length))\" y=\"\(n(y + 14))\" font-size=\"11\">\(count.count)</text>"
        }
        return svg + "</svg>\n"
    }

    /// The versions that went live, as marks along the period, and a table.
    static func timeline(_ report: DashboardReport) -> String {
        guard !report.modelVersions.isEmpty else {
            return "<p class=\"muted\">No version went live in this period.</p>\n"
        }
        let day = Date.ISO8601FormatStyle().year().month().day()
        let start = (try? day.parse(report.from)) ?? report.modelVersions[0].loadedAt
        let end = ((try? day.parse(report.to)) ?? Date()).addingTimeInterval(86_400)
        let span = max(1, end.timeIntervalSince(start))
        var svg =
            "<svg viewBox=\"0 0 640 40\" role=\"img\"><line x1=\"0\" y1=\"20\" x2=\"640\" y2=\"20\" stroke=\"#c9d0db\"/>"
        for version in report.modelVersions {
            let x = min(640, max(0, version.loadedAt.timeIntervalSince(start) / span * 640))
            let colour = version.kind == "retrained" ? "#2f6fed" : version.kind == "started" ? "#5a6475" : "#2e9d5b"
            svg +=
                "<circle cx=\"\(n(x))\" cy=\"20\" r=\"5\" fill=\"\(colour)\">"
                + "<title>\(escape("\(version.version) \(version.kind) by \(version.loadedBy)"))</title></circle>"
        }
        svg +=
            "</svg>\n<table><tr><th>when</th><th>version</th><th>how</th><th>by</th><th>intents</th>"
            + "<th>examples</th><th>macro-F1</th></tr>"
        let when = Date.ISO8601FormatStyle()
        for version in report.modelVersions.reversed() {
            let cells = [
                version.loadedAt.formatted(when), version.version,
                version.kind.replacingOccurrences(of: "_", with: " "),
                version.loadedBy, "\(version.intents)", "\(version.examples)",
                version.macroF1.map { String(format: "%.3f", $0) } ?? "–",
            ]
            svg += "<tr>" + cells.map { "<td>\(escape($0))</td>" }.joined() + "</tr>"
        }
        return svg + "</table>\n"
    }
}

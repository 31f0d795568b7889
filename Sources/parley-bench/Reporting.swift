import Foundation
import ParleyBot

/// A JSON value in a benchmark's report.
enum ReportValue: Encodable {
    case string(String)
    case int(Int)
    case double(Double)

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode((value * 1000).rounded() / 1000)
        }
    }
}

/// Prints one JSON object with sorted keys on one line.
func printJSON(_ report: [String: ReportValue]) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    print(String(decoding: try encoder.encode(report), as: UTF8.self))
}

/// The value below which `fraction` of the sorted `values` lie.
func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.down)))]
}

internal import Foundation

/// The process's memory as the kernel counts it.
public enum ProcessMemory {
    /// Resident set size in bytes (Linux `/proc/self/status`); nil elsewhere.
    public static func residentBytes(pid: String = "self") -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
            return kilobytes.map { $0 * 1024 }
        }
        return nil
    }
}

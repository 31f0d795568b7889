internal import Foundation

#if canImport(Glibc)
    internal import Glibc
#endif

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

    /// Hands memory the process freed back to the kernel. glibc keeps freed
    /// heap pages for reuse: after a burst (thousands of customers connecting
    /// at once, each request's transient buffers) the resident size stays at
    /// the burst's peak although most of it is free. Does nothing elsewhere.
    public static func returnFreedMemory() {
        _ = mallocTrim?(0)
    }

    /// glibc's `malloc_trim` (declared in `malloc.h`, which Swift's Glibc module leaves out), looked up once.
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
            // RTLD_DEFAULT: search the process's global symbols.
            guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
            return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
            return nil
        #endif
    }()
}

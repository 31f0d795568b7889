internal import Foundation

#if canImport(Glibc)
    internal import Glibc
#endif

/// The processor time a process has used, as the kernel counts it.
public enum ProcessCPU {
    /// User plus system time in seconds, over all the process's threads
    /// (Linux `/proc/PID/stat`); nil elsewhere.
    public static func seconds(pid: String = "self") -> Double? {
        #if canImport(Glibc)
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let nameEnd = stat.lastIndex(of: ")")
            else { return nil }
            // After the command name, which may hold spaces and brackets: the
            // state is field 3, user and system time (in clock ticks) fields 14 and 15.
            let fields = stat[stat.index(after: nameEnd)...].split(separator: " ")
            let ticksPerSecond = sysconf(Int32(_SC_CLK_TCK))
            guard fields.count > 12, ticksPerSecond > 0, let user = Double(fields[11]), let system = Double(fields[12])
            else { return nil }
            return (user + system) / Double(ticksPerSecond)
        #else
            return nil
        #endif
    }
}

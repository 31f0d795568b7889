import Glibc
import ParleyServer
import Testing

@Suite struct ProcessCPUTests {
    @Test func agreesWithTheKernelsOwnAccountOfThisProcess() throws {
        // Work until the process has used half a second, so a wrong field of /proc/self/stat cannot agree by chance.
        var sink = 0
        while Self.usedSeconds() < 0.5 {
            for value in 0..<1_000_000 { sink &+= value &* 31 }
        }
        let used = Self.usedSeconds()
        let read = try #require(ProcessCPU.seconds())
        // Other tests run meanwhile, and /proc counts in 10 ms ticks.
        #expect(abs(read - used) < 0.2, "read \(read) s, getrusage \(used) s")
        #expect(sink != 1)
    }

    @Test func aProcessThatDoesNotExistHasNoFigure() {
        #expect(ProcessCPU.seconds(pid: "999999999") == nil)
    }

    private static func usedSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let seconds = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
        return Double(seconds) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}

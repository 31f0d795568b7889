import CLibFuzzer
import Foundation
import ParleyFuzzing

/// The target to fuzz, named by `PARLEY_FUZZ_TARGET` (`scripts/fuzz.sh` sets it).
let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["PARLEY_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("PARLEY_FUZZ_TARGET must be one of: \(names)\n".utf8))
        exit(2)
    }
    return target
}()

/// libFuzzer's entry point: one input, any bytes. (libFuzzer's own `main`,
/// which SwiftPM's executable link pulls in too, names it; `ParleyFuzz.main` is the one that runs.)
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    target.run(start.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}

/// Checks the target's name, then runs libFuzzer's driver with this
/// program's arguments (libFuzzer's own flags) on it.
@main enum ParleyFuzz {
    static func main() {
        _ = target
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzzOneInput($0, $1) })
    }
}

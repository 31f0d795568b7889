import ArgumentParser
import Foundation

/// Prints an error's own message to standard error and exits with status 1.
func fail(_ error: any Error) -> ExitCode {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    return ExitCode.failure
}

/// Prints a line to standard error.
func note(_ message: String) {
    FileHandle.standardError.write(Data("\(message)\n".utf8))
}

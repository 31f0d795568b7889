/// Where a command's output goes: standard output, one line at a time. A
/// task may bind `line` to something else for its own work (the tests read
/// what a command prints this way).
enum StandardOutput {
    @TaskLocal static var line: @Sendable (String) -> Void = { print($0) }
}

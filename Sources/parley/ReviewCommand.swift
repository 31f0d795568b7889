import ArgumentParser

/// `parley review`: the trainers' review inbox in the terminal.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "What the bot missed: review it and turn it into examples.",
        subcommands: [ReviewListCommand.self, ReviewAssignCommand.self],
        defaultSubcommand: ReviewListCommand.self
    )
}

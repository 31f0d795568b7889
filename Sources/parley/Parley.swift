import ArgumentParser

/// The `parley` command line.
@main
struct Parley: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley",
        abstract: "Parley, a self-hosted customer-support chatbot.",
        subcommands: [
            ChatCommand.self, TrainCommand.self, ValidateCommand.self, ParseCommand.self, EvaluateCommand.self,
            TestConversationsCommand.self, ImportCommand.self, CustomersCommand.self, ConversationsCommand.self,
            EraseCommand.self, ReportCommand.self, BackupCommand.self, ExportCommand.self, InboxCommand.self,
            ReviewCommand.self,
            ServeCommand.self, ReloadCommand.self, UsersCommand.self, TokensCommand.self, AuditCommand.self,
        ]
    )
}

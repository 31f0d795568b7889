/// Why `parley-bench handover` could not measure: the server's state, not the command line.
enum HandoverBenchmarkError: Error, CustomStringConvertible {
    case couldNotSignIn(agent: String)
    case outOfOfficeHours

    var description: String {
        switch self {
        case .couldNotSignIn(let agent):
            return "could not sign in as \(agent): check the name and the password (parley users check \(agent))"
        case .outOfOfficeHours:
            return "the bot is out of its office hours (bot.yml office_hours), so escalations become tickets and "
                + "nothing is offered; measure within them, or with a bot.yml without office_hours"
        }
    }
}

public import ParleyStore

/// Something a role may do.
public enum Permission: String, Sendable, Hashable, CaseIterable {
    /// Sign in at the desk and answer customers.
    case desk
    /// Read conversations and their transcripts (`/api/conversations`).
    case readConversations = "read_conversations"
    /// Read and search customers' profiles (`/api/customers`).
    case readCustomers = "read_customers"
    /// Review, retrain and reload the bot.
    case train
    /// Read the server's metrics (`/metrics`).
    case readMetrics = "read_metrics"
    /// Users, tokens, exports, erasures and the audit log.
    case administer
}

extension Role {
    /// Whether the role may do `permission`: agents work the desk and read the
    /// CRM, trainers read conversations and train, admins may do everything.
    public func may(_ permission: Permission) -> Bool {
        switch self {
        case .admin: true
        case .agent: [.desk, .readConversations, .readCustomers].contains(permission)
        case .trainer: [.readConversations, .train].contains(permission)
        }
    }
}

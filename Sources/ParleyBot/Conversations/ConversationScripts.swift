internal import Foundation
internal import Yams

/// Reads conversation scripts: YAML files of scripted conversations, the
/// trainers' regression tests.
///
/// ```yaml
/// conversations:
///   - name: asks for the order number, then answers
///     customer: {name: Ana, vip: false}   # optional
///     at: "2026-11-25T10:00:00Z"           # optional clock, for office hours
///     actions: down                        # optional: every action fails, as if the shop were down
///     turns:
///       - customer: where is my order?
///         intent: order_status
///         action: ask
///       - customer: it's A-10234
///         action: reply
///         reply_contains: A-10234
/// ```
public enum ConversationScripts {
    public static func load(path: String) throws(TrainingDataError) -> [ConversationScript] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, reason: "no such file or folder")
        }
        let files =
            isDirectory.boolValue
            ? try IntentFiles.yamlFiles(in: path).map { (path as NSString).appendingPathComponent($0) } : [path]
        var scripts: [ConversationScript] = []
        var issues: [ValidationIssue] = []
        for file in files {
            var document = YAMLDocument(file: file)
            if let root = document.root(of: FileManager.default.contents(atPath: file) ?? Data()) {
                scripts += read(root, &document)
            }
            issues += document.issues
        }
        if !issues.isEmpty { throw .invalid(issues) }
        return scripts
    }

    static func read(_ root: Node, _ document: inout YAMLDocument) -> [ConversationScript] {
        guard let list = root.mapping?["conversations"]?.sequence else {
            document.issue(root, "expected 'conversations:' with a list of conversations")
            return []
        }
        var scripts: [ConversationScript] = []
        for node in list {
            guard let mapping = node.mapping, let name = mapping["name"]?.scalar?.string,
                let turns = mapping["turns"]?.sequence
            else {
                document.issue(node, "each conversation needs a 'name' and 'turns'")
                continue
            }
            document.checkKeys(mapping, allowed: ["name", "customer", "at", "turns", "actions"])
            var actionsDown = false
            if let node = mapping["actions"] {
                if node.scalar?.string == "down" {
                    actionsDown = true
                } else if node.scalar?.string != "up" {
                    document.issue(node, "'actions' is up (the default) or down")
                }
            }
            var customer = CustomerProfile()
            if let profile = mapping["customer"]?.mapping {
                document.checkKeys(profile, allowed: ["id", "name", "email", "phone", "vip"])
                customer = CustomerProfile(
                    id: profile["id"]?.scalar?.string, name: profile["name"]?.scalar?.string,
                    email: profile["email"]?.scalar?.string, phone: profile["phone"]?.scalar?.string,
                    vip: profile["vip"]?.scalar.flatMap { Bool($0.string) } ?? false)
            }
            var at: Date?
            if let node = mapping["at"] {
                at = node.scalar.flatMap { ISO8601DateFormatter().date(from: $0.string) }
                if at == nil { document.issue(node, "'at' must be a date and time such as 2026-11-25T10:00:00Z") }
            }
            var scriptTurns: [ConversationScript.Turn] = []
            for turn in turns {
                guard let fields = turn.mapping, let text = fields["customer"]?.scalar?.string else {
                    document.issue(turn, "each turn needs the 'customer' line")
                    continue
                }
                document.checkKeys(fields, allowed: ["customer", "intent", "action", "rule", "reply_contains"])
                var action: DialogueDecision.Action?
                if let node = fields["action"] {
                    action = node.scalar.flatMap { DialogueDecision.Action(rawValue: $0.string) }
                    if action == nil {
                        document.issue(
                            node,
                            "unknown action; expected reply, ask, confirm, fallback, escalate, out_of_hours or silent")
                    }
                }
                let contains = fields["reply_contains"].flatMap { document.strings($0, what: "reply_contains") } ?? []
                scriptTurns.append(
                    .init(
                        customer: text, intent: fields["intent"]?.scalar?.string, action: action,
                        rule: fields["rule"]?.scalar?.string, replyContains: contains, location: document.location(turn)
                    ))
            }
            var script = ConversationScript(
                name: name, customer: customer, at: at, turns: scriptTurns, location: document.location(node))
            script.actionsDown = actionsDown
            scripts.append(script)
        }
        return scripts
    }
}

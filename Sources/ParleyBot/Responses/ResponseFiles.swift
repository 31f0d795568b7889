internal import Foundation
internal import Yams

/// Loads and validates the trainers' `responses/` folder against their intents.
///
/// Each `.yml` file holds one intent's response or a list of them:
///
/// ```yaml
/// responses:
///   - intent: order_status
///     replies:
///       - "Order {{order_id}} is on its way, {{customer.name}}."
///     requires:
///       - entity: order_id
///         ask: "What is your order number? It looks like A-10234."
///     buttons: [Track my parcel, Talk to a person]
///   - intent: human_agent
///     handover: true
///     replies: ["I'll get a colleague for you."]
///   - intent: cancel_order
///     requires: [{entity: order_id, ask: "Which order?"}]
///     action: cancel_order            # defined in bot.yml's actions:
///     replies: ["Order {{order_id}} is cancelled; {{result.refund}}"]
///     outcomes:                       # the answer's "outcome" picks one of these
///       not_found:                    # a reply that asks for a required entity again
///         reply: "I can't find an order {{order_id}}. Could you check the number?"
///         ask: order_id
///       already_shipped: "Order {{order_id}} has already shipped, so it can't be cancelled."
///     on_error: "I can't reach our order system right now."   # or: escalate
/// ```
///
/// Problems are reported as `file:line: message`, all together: unknown
/// intents, templates that do not compile, names no message can fill,
/// intents without a response.
public enum ResponseFiles {
    /// Names a template may use besides entity types.
    public static let contextNames: Set<String> = [
        "customer.name", "customer.email", "customer.phone", "customer.id", "conversation.id", "conversation.channel",
        "bot.name",
    ]

    /// Loads `folder`; `actions` are the names `bot.yml` defines, which responses may name (nil
    /// when the settings did not read: then no action is called unknown).
    /// With `intentsComplete` false (the intents folder has mistakes, and
    /// `intents` holds what read well) unknown intents and intents without a
    /// response are not reported: they may be those the mistakes hide.
    public static func load(
        folder: String, intents: BotTrainingData, actions: Set<String>? = [], intentsComplete: Bool = true
    ) throws(TrainingDataError) -> BotResponses {
        let files = try IntentFiles.yamlFiles(in: folder)
        var issues: [ValidationIssue] = []
        var byIntent: [String: IntentResponse] = [:]
        var digest = FileDigest()
        let known = Set(intents.intents.map(\.name))
        let entityTypes = Set(EntityDefinition.builtInTypes).union(intents.entities.map(\.name))
        for file in files {
            let path = (folder as NSString).appendingPathComponent(file)
            let data = FileManager.default.contents(atPath: path) ?? Data()
            digest.add(file: file, contents: data)
            var document = YAMLDocument(file: path)
            guard let root = document.root(of: data) else {
                issues += document.issues
                continue
            }
            var items: [Node] = []
            if let mapping = root.mapping, let list = mapping["responses"] {
                document.checkKeys(mapping, allowed: ["responses"])
                if let sequence = list.sequence {
                    items = Array(sequence)
                } else {
                    document.issue(list, "'responses' must be a list")
                }
            } else if root.mapping?["intent"] != nil {
                items = [root]
            } else {
                document.issue(root, "expected 'responses:' with a list, or one response with 'intent:'")
            }
            for item in items {
                guard let response = read(item, document: &document, entityTypes: entityTypes, actions: actions)
                else { continue }
                if !known.contains(response.intent) {
                    guard intentsComplete else { continue }
                    document.issue(
                        item.mapping?["intent"],
                        "unknown intent '\(response.intent)'; it is in no file of the intents folder")
                } else if let first = byIntent[response.intent] {
                    document.issue(
                        item.mapping?["intent"],
                        "intent '\(response.intent)' already has a response at \(first.location)")
                } else {
                    byIntent[response.intent] = response
                }
            }
            issues += document.issues
        }
        for intent in intents.intents where byIntent[intent.name] == nil && issues.isEmpty && intentsComplete {
            issues.append(ValidationIssue(intent.location, "intent '\(intent.name)' has no response in \(folder)"))
        }
        if files.isEmpty {
            issues.append(
                ValidationIssue(SourceLocation(file: folder, line: 1), "no .yml response files in this folder"))
        }
        if !issues.isEmpty { throw .invalid(issues) }
        return BotResponses(byIntent: byIntent, sourceHash: digest.hex())
    }

    static func read(_ node: Node, document: inout YAMLDocument, entityTypes: Set<String>, actions: Set<String>? = [])
        -> IntentResponse?
    {
        guard let mapping = node.mapping, let nameNode = mapping["intent"], let intent = nameNode.scalar?.string else {
            document.issue(node, "each response needs an 'intent' name")
            return nil
        }
        document.checkKeys(
            mapping,
            allowed: [
                "intent", "replies", "requires", "confirm", "buttons", "handover", "action", "outcomes", "on_error",
            ])
        var action: String?
        if let node = mapping["action"] {
            if let name = node.scalar?.string, actions?.contains(name) ?? true {
                action = name
            } else {
                let known = (actions ?? []).sorted().joined(separator: ", ")
                document.issue(
                    node,
                    "unknown action '\(node.scalar?.string ?? "")'; define it under 'actions:' in bot.yml"
                        + (known.isEmpty ? "" : " (it has \(known))"))
            }
        }
        let location = document.location(nameNode)
        var fillable = ResponseFiles.contextNames.union(entityTypes)
        var requires: [IntentResponse.Requirement] = []
        if let list = mapping["requires"] {
            for item in list.sequence.map(Array.init) ?? [] {
                guard let requirement = item.mapping, let entity = requirement["entity"]?.scalar?.string,
                    let askNode = requirement["ask"], let ask = askNode.scalar?.string
                else {
                    document.issue(
                        item, "each requirement needs 'entity' and 'ask' (the question to ask when it is missing)")
                    continue
                }
                document.checkKeys(requirement, allowed: ["entity", "ask"])
                guard entityTypes.contains(entity) else {
                    document.issue(
                        requirement["entity"],
                        "unknown entity '\(entity)'; define it in the intents folder or use a built-in type")
                    continue
                }
                if let question = template(ask, askNode, &document, fillable: fillable) {
                    requires.append(.init(entity: entity, question: question))
                }
            }
            if list.sequence == nil { document.issue(list, "'requires' must be a list") }
        }
        fillable.formUnion(requires.map(\.entity))
        // The answer of the response's action fills `result`, in what is said after it only.
        let withAnswer = mapping["action"] == nil ? fillable : fillable.union(["result"])
        func replyList(_ list: Node) -> [ResponseTemplate] {
            var replies: [ResponseTemplate] = []
            let nodes = list.sequence.map(Array.init) ?? [list]
            for item in nodes {
                guard let text = item.scalar?.string, !text.trimmingSpaces().isEmpty else {
                    document.issue(item, "each reply must be one line of text")
                    continue
                }
                if let reply = template(text, item, &document, fillable: withAnswer) { replies.append(reply) }
            }
            return replies
        }
        var replies: [ResponseTemplate] = []
        if let list = mapping["replies"] { replies = replyList(list) }
        var confirm: ResponseTemplate?
        if let node = mapping["confirm"] {
            if let text = node.scalar?.string { confirm = template(text, node, &document, fillable: fillable) }
        }
        var outcomes: [String: [ResponseTemplate]] = [:]
        var outcomeAsks: [String: String] = [:]
        if let node = mapping["outcomes"] {
            if mapping["action"] == nil {
                document.issue(node, "'outcomes' are an action's answers; this response has no 'action'")
            }
            if let list = node.mapping {
                for (key, value) in list {
                    guard let name = key.scalar?.string else { continue }
                    guard let fields = value.mapping else {
                        outcomes[name] = replyList(value)
                        continue
                    }
                    // not_found: {reply: "…check the number?", ask: order_id}
                    document.checkKeys(fields, allowed: ["reply", "replies", "ask"])
                    if let replyNode = fields["reply"] ?? fields["replies"] {
                        outcomes[name] = replyList(replyNode)
                    } else {
                        document.issue(value, "outcome '\(name)' needs a 'reply'")
                    }
                    if let askNode = fields["ask"] {
                        if let entity = askNode.scalar?.string, requires.contains(where: { $0.entity == entity }) {
                            outcomeAsks[name] = entity
                        } else {
                            document.issue(
                                askNode,
                                "'ask: \(askNode.scalar?.string ?? "")' is no entity this response requires; 'ask' "
                                    + "names one to ask for again (\(requires.map(\.entity).joined(separator: ", ")))")
                        }
                    }
                }
            } else {
                document.issue(node, "'outcomes' maps each outcome's name to its reply or replies")
            }
        }
        var onError: IntentResponse.OnError?
        if let node = mapping["on_error"] {
            if mapping["action"] == nil {
                document.issue(node, "'on_error' is for an action; this response has no 'action'")
            }
            if let text = node.scalar?.string, text == "escalate" {
                onError = .escalate
            } else if let text = node.scalar?.string, !text.trimmingSpaces().isEmpty {
                // Said when there is no answer: no `result` to name.
                onError = template(text, node, &document, fillable: fillable).map { .reply($0) }
            } else {
                document.issue(node, "'on_error' is a reply, or escalate")
            }
        }
        var buttons: [String] = []
        if let node = mapping["buttons"] { buttons = document.strings(node, what: "buttons") ?? [] }
        var handover = false
        if let node = mapping["handover"] {
            guard let value = node.scalar?.string, let flag = Bool(value) else {
                document.issue(node, "'handover' must be true or false")
                return nil
            }
            handover = flag
        }
        // A response whose replies were all refused above has its issues already: it is not also "without replies".
        if (mapping["replies"]?.sequence.map { $0.isEmpty } ?? (mapping["replies"] == nil)) && !handover {
            document.issue(nameNode, "intent '\(intent)' has no replies")
        }
        return IntentResponse(
            intent: intent, replies: replies, requires: requires, confirm: confirm, buttons: buttons,
            handover: handover, action: action, outcomes: outcomes, outcomeAsks: outcomeAsks, onError: onError,
            location: location)
    }

    /// A compiled template whose names can all be filled, or nil with issues.
    static func template(_ text: String, _ node: Node, _ document: inout YAMLDocument, fillable: Set<String>)
        -> ResponseTemplate?
    {
        do throws(ValidationIssue) {
            let template = try ResponseTemplate(text, location: document.location(node))
            for name in template.variables where !fillable.contains(name) {
                if name == "result" || name.hasPrefix("result.") {
                    if fillable.contains("result") { continue }
                    document.issue(
                        node,
                        "'{{\(name)}}' is an action's answer, and nothing here calls an action: name one with 'action:' (only its replies and outcomes can use it)"
                    )
                    continue
                }
                document.issue(
                    node,
                    "'{{\(name)}}' can never be filled: it is no entity type, required entity or customer or conversation field"
                )
            }
            return template
        } catch {
            document.issue(node, error.message)
            return nil
        }
    }
}

internal import Foundation
internal import Yams

/// Loads and validates the trainers' `intents/` folder.
///
/// Every `.yml` or `.yaml` file (in sub-folders too) may hold one intent,
/// several intents, entity definitions, or any mix:
///
/// ```yaml
/// intent: order_status
/// description: The customer wants to know where their order is.
/// examples:
///   - where is my order?
///   - any news on order [A-10234](order_id)?
/// ```
///
/// ```yaml
/// intents:
///   - intent: greet
///     examples: [hi, hello there]
/// entities:
///   - entity: order_id
///     pattern: '[A-Z]-\d{5}'
///   - entity: product
///     values:
///       - value: wireless headphones
///         synonyms: [earbuds, headset]
/// ```
///
/// All problems are collected and reported together as `file:line: message`.
public enum IntentFiles {
    public static func load(folder: String) throws(TrainingDataError) -> BotTrainingData {
        let (data, issues) = try read(folder: folder)
        if !issues.isEmpty { throw .invalid(issues) }
        return data
    }

    /// The intents and entities that read well, with every problem of the
    /// folder: what validation checks the responses against while the
    /// intents still have mistakes. Throws only when the folder cannot be read.
    public static func read(folder: String) throws(TrainingDataError) -> (
        data: BotTrainingData, issues: [ValidationIssue]
    ) {
        let files = try yamlFiles(in: folder)
        var reader = Reader()
        var digest = FileDigest()
        for file in files {
            let path = (folder as NSString).appendingPathComponent(file)
            let data = FileManager.default.contents(atPath: path) ?? Data()
            digest.add(file: file, contents: data)
            reader.read(data, file: path)
        }
        reader.crossCheck()
        if files.isEmpty {
            reader.issues.append(
                ValidationIssue(SourceLocation(file: folder, line: 1), "no .yml intent files in this folder"))
        }
        var data = BotTrainingData(
            intents: reader.intents, entities: reader.entities, sourceHash: digest.hex(), files: files)
        data.warnings = reader.warnings
        return (data, reader.issues)
    }

    /// The YAML files under `folder`, relative and sorted.
    static func yamlFiles(in folder: String) throws(TrainingDataError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .unreadable(
                path: folder,
                reason: "no such folder; run from the bot's folder or name the folder with --intents or --responses")
        }
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
            throw .unreadable(path: folder, reason: "cannot list the folder")
        }
        var files: [String] = []
        while let file = enumerator.nextObject() as? String {
            if file.hasSuffix(".yml") || file.hasSuffix(".yaml") { files.append(file) }
        }
        return files.sorted()
    }
}

/// The state of reading one folder: what was found and what is wrong.
private struct Reader {
    var intents: [IntentDefinition] = []
    var entities: [EntityDefinition] = []
    var issues: [ValidationIssue] = []
    /// What YAML accepts but a person may not have meant.
    var warnings: [ValidationIssue] = []
    /// The lines of the file being read.
    private var lines: [Substring] = []

    mutating func read(_ data: Data, file: String) {
        var document = YAMLDocument(file: file)
        guard let text = String(data: data, encoding: .utf8) else {
            issue(file, 1, "the file is not valid UTF-8")
            return
        }
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let parsed = document.root(of: LeadingAnnotations.quoted(text))
        issues += document.issues
        guard let root = parsed else {
            if document.issues.isEmpty { issue(file, 1, "the file is empty") }
            return
        }
        guard let mapping = root.mapping else {
            issue(file, line(root), "expected keys such as 'intent', 'intents' or 'entities' at the top of the file")
            return
        }
        let allowed: Set<String> = ["intent", "description", "examples", "intents", "entities"]
        checkKeys(mapping, allowed: allowed, file: file)
        if mapping["intent"] != nil {
            readIntent(mapping, node: root, file: file)
        } else if mapping["examples"] != nil || mapping["description"] != nil {
            issue(file, line(root), "'examples' needs an 'intent' name beside it")
        }
        if let list = mapping["intents"] {
            guard let sequence = list.sequence else {
                issue(file, line(list), "'intents' must be a list of intents")
                return
            }
            for item in sequence {
                guard let intent = item.mapping else {
                    issue(file, line(item), "each item of 'intents' must have 'intent' and 'examples'")
                    continue
                }
                checkKeys(intent, allowed: ["intent", "description", "examples"], file: file)
                readIntent(intent, node: item, file: file)
            }
        }
        if let list = mapping["entities"] {
            guard let sequence = list.sequence else {
                issue(file, line(list), "'entities' must be a list of entity definitions")
                return
            }
            for item in sequence { readEntity(item, file: file) }
        }
    }

    mutating func readIntent(_ mapping: Node.Mapping, node: Node, file: String) {
        guard let nameNode = mapping["intent"], let name = nameNode.scalar?.string, !name.isEmpty else {
            issue(file, line(node), "'intent' must be a name such as order_status")
            return
        }
        let location = SourceLocation(file: file, line: line(nameNode))
        if !EntityName.isValid(name) {
            issue(location, "intent name '\(name)' must use lower-case letters, digits and _, starting with a letter")
        }
        var description: String?
        if let node = mapping["description"] {
            if let text = node.scalar?.string {
                description = text
            } else {
                issue(file, line(node), "'description' must be text")
            }
        }
        var examples: [LabeledExample] = []
        if let list = mapping["examples"] {
            if let sequence = list.sequence {
                for item in sequence {
                    let exampleLocation = SourceLocation(file: file, line: line(item))
                    guard let raw = item.scalar?.string else {
                        issue(exampleLocation, "each example must be one line of text")
                        continue
                    }
                    if item.scalar?.style == .plain { warnAboutJoinedItems(after: exampleLocation) }
                    switch ExampleAnnotations.parse(raw) {
                    case .success(let parsed):
                        let text = parsed.text.trimmingSpaces()
                        if text.isEmpty {
                            issue(exampleLocation, "empty example")
                        } else {
                            examples.append(
                                LabeledExample(
                                    text: parsed.text, intent: name, entities: parsed.entities,
                                    location: exampleLocation))
                        }
                    case .failure(let error):
                        issue(exampleLocation, error.message)
                    }
                }
            } else {
                issue(file, line(list), "'examples' must be a list, one example per line starting with '- '")
            }
        }
        if examples.isEmpty && mapping["examples"]?.sequence?.isEmpty ?? true {
            issue(location, "intent '\(name)' has no examples")
        }
        intents.append(IntentDefinition(name: name, description: description, examples: examples, location: location))
    }

    /// Warns when a line below the list item at `location` looks like an item
    /// of its own ("- …") but is indented more, so YAML reads it as the rest
    /// of that item's text.
    mutating func warnAboutJoinedItems(after location: SourceLocation) {
        let itemIndex = location.line - 1
        guard lines.indices.contains(itemIndex) else { return }
        let itemLine = lines[itemIndex]
        let indentation = itemLine.prefix { $0 == " " }.count
        guard itemLine.dropFirst(indentation).hasPrefix("- ") else { return }
        var index = itemIndex + 1
        while lines.indices.contains(index) {
            let line = lines[index]
            let lineIndentation = line.prefix { $0 == " " }.count
            let body = line.dropFirst(lineIndentation)
            guard !body.isEmpty, !body.hasPrefix("#"), lineIndentation > indentation else { return }
            if body.hasPrefix("- ") {
                warnings.append(
                    ValidationIssue(
                        SourceLocation(file: location.file, line: index + 1),
                        "this line is indented more than the example on line \(location.line), so YAML reads it "
                            + "as the end of that example, not as an example of its own; indent its '-' like line "
                            + "\(location.line)'s"))
            }
            index += 1
        }
    }

    mutating func readEntity(_ node: Node, file: String) {
        guard let mapping = node.mapping, let nameNode = mapping["entity"], let name = nameNode.scalar?.string else {
            issue(file, line(node), "each entity needs an 'entity' name and a 'pattern', 'patterns' or 'values'")
            return
        }
        checkKeys(mapping, allowed: ["entity", "description", "pattern", "patterns", "values"], file: file)
        let location = SourceLocation(file: file, line: line(nameNode))
        if !EntityName.isValid(name) {
            issue(location, "entity name '\(name)' must use lower-case letters, digits and _, starting with a letter")
        }
        if EntityDefinition.builtInTypes.contains(name) {
            issue(location, "'\(name)' is a built-in entity type; choose another name")
        }
        var patterns: [String] = []
        for key in ["pattern", "patterns"] {
            guard let value = mapping[key] else { continue }
            let items = value.sequence.map(Array.init) ?? [value]
            for item in items {
                guard let pattern = item.scalar?.string, !pattern.isEmpty else {
                    issue(file, line(item), "a pattern must be a regular expression in quotes")
                    continue
                }
                do {
                    _ = try NSRegularExpression(pattern: pattern)
                    patterns.append(pattern)
                } catch {
                    issue(file, line(item), "pattern '\(pattern)' is not a valid regular expression")
                }
            }
        }
        var values: [EntityDefinition.Value] = []
        if let list = mapping["values"] {
            if let sequence = list.sequence {
                for item in sequence {
                    if let value = item.scalar?.string, !value.isEmpty {
                        values.append(EntityDefinition.Value(value: value, synonyms: []))
                    } else if let entry = item.mapping, let value = entry["value"]?.scalar?.string, !value.isEmpty {
                        checkKeys(entry, allowed: ["value", "synonyms"], file: file)
                        let synonyms = entry["synonyms"]?.sequence?.compactMap { $0.scalar?.string } ?? []
                        if let node = entry["synonyms"], node.sequence == nil {
                            issue(file, line(node), "'synonyms' must be a list")
                        }
                        values.append(EntityDefinition.Value(value: value, synonyms: synonyms))
                    } else {
                        issue(file, line(item), "each value must be text, or have 'value' and optional 'synonyms'")
                    }
                }
            } else {
                issue(file, line(list), "'values' must be a list")
            }
        }
        switch (patterns.isEmpty, values.isEmpty) {
        case (false, true):
            entities.append(EntityDefinition(name: name, matcher: .patterns(patterns), location: location))
        case (true, false): entities.append(EntityDefinition(name: name, matcher: .values(values), location: location))
        case (false, false): issue(location, "entity '\(name)' has both patterns and values; define one or the other")
        case (true, true):
            if mapping["pattern"] == nil && mapping["patterns"] == nil && mapping["values"] == nil {
                issue(location, "entity '\(name)' needs a 'pattern', 'patterns' or 'values'")
            }
        }
    }

    /// Checks across files: unique names, known entities, unambiguous examples.
    mutating func crossCheck() {
        var intentAt: [String: SourceLocation] = [:]
        for intent in intents {
            if let first = intentAt[intent.name] {
                issue(intent.location, "intent '\(intent.name)' is already defined at \(first)")
            } else {
                intentAt[intent.name] = intent.location
            }
        }
        var entityAt: [String: SourceLocation] = [:]
        for entity in entities {
            if let first = entityAt[entity.name] {
                issue(entity.location, "entity '\(entity.name)' is already defined at \(first)")
            } else {
                entityAt[entity.name] = entity.location
            }
        }
        var exampleAt: [String: LabeledExample] = [:]
        for example in intents.flatMap(\.examples) {
            for annotation in example.entities
            where entityAt[annotation.entity] == nil && !EntityDefinition.builtInTypes.contains(annotation.entity) {
                issue(
                    example.location,
                    "unknown entity '\(annotation.entity)'; define it under 'entities:' or use a built-in type")
            }
            let key = example.text.lowercased().trimmingSpaces()
            if let first = exampleAt[key] {
                if first.intent != example.intent {
                    issue(example.location, "example also given for intent '\(first.intent)' at \(first.location)")
                }
            } else {
                exampleAt[key] = example
            }
        }
    }

    mutating func checkKeys(_ mapping: Node.Mapping, allowed: Set<String>, file: String) {
        var document = YAMLDocument(file: file)
        document.checkKeys(mapping, allowed: allowed)
        issues += document.issues
    }

    func line(_ node: Node) -> Int { node.mark?.line ?? 1 }

    mutating func issue(_ file: String, _ line: Int, _ message: String) {
        issues.append(ValidationIssue(SourceLocation(file: file, line: line), message))
    }

    mutating func issue(_ location: SourceLocation, _ message: String) {
        issues.append(ValidationIssue(location, message))
    }
}

internal import Foundation
internal import Yams

/// Turns labelled messages (e.g. from a `text,intent` CSV) into intent files,
/// one `<intent>.yml` per intent.
public enum IntentImporter {
    /// A file name and YAML text per intent, in intent order.
    public static func files(for examples: [LabeledExample]) throws -> [(name: String, yaml: String)] {
        var byIntent: [String: [String]] = [:]
        var order: [String] = []
        for example in examples {
            let name = intentName(example.intent)
            if byIntent[name] == nil { order.append(name) }
            byIntent[name, default: []].append(example.text)
        }
        return try order.sorted().map { name in
            let unique = byIntent[name]!.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let node = Node.mapping(
                Node.Mapping([
                    (Node("intent"), Node(name)),
                    (Node("examples"), Node.sequence(Node.Sequence(unique.map { Node(escapeAnnotations($0)) }))),
                ]))
            return ("\(name).yml", try Yams.serialize(node: node, allowUnicode: true))
        }
    }

    /// Writes the files into `folder`; refuses to overwrite unless told to.
    public static func write(_ examples: [LabeledExample], to folder: String, overwrite: Bool) throws -> [String] {
        let files = try files(for: examples)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let paths = files.map { (folder as NSString).appendingPathComponent($0.name) }
        if !overwrite, let existing = paths.first(where: { FileManager.default.fileExists(atPath: $0) }) {
            throw ImportError.wouldOverwrite(existing)
        }
        for (path, file) in zip(paths, files) {
            try Data(file.yaml.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        }
        return paths
    }

    /// A valid intent name for a label: lower-case, other characters as `_`.
    static func intentName(_ label: String) -> String {
        var name = String(
            label.lowercased().unicodeScalars.map { scalar -> Character in
                ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) ? Character(scalar) : "_"
            })
        if name.first.map({ !$0.isLetter }) ?? true { name = "intent_" + name }
        return name
    }

    /// Keeps a literal `[x](y)` from being read back as an annotation.
    static func escapeAnnotations(_ text: String) -> String {
        text.replacingOccurrences(of: "](", with: "] (")
    }

    public enum ImportError: Error, CustomStringConvertible {
        case wouldOverwrite(String)

        public var description: String {
            switch self {
            case .wouldOverwrite(let path): "\(path) already exists; pass --force to overwrite"
            }
        }
    }
}

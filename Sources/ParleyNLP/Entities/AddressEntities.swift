internal import Foundation

/// Email and web addresses as entities, found by the tokenizer's
/// `AddressScanner` and checked more strictly here: a valid email local part
/// (no leading, trailing or doubled dots), and web addresses with a known
/// top-level domain, an IP address or `localhost`. Bare domains such as
/// `shop.example.com` count too.
struct AddressEntities {
    let text: EntityText

    /// The message's UTF-16 code units, and their code point offsets.
    let units: [UInt16]
    let codePoint: [Int]

    init(text: EntityText, units: [UInt16], codePoints: [Int]) {
        self.text = text
        self.units = units
        codePoint = codePoints
    }

    func find(emails: Bool, urls: Bool) -> [Entity] {
        let spans = units.withUnsafeBufferPointer { AddressScanner(units: $0).spans() }
        var entities: [Entity] = []
        var covered: [Range<Int>] = []
        for span in spans {
            let start = codePoint[span.start]
            let end = codePoint[span.end]
            // The tokenizer's spans count code points of the message as written.
            var view = String.UnicodeScalarView()
            view.append(contentsOf: text.original[start..<end])
            let raw = String(view)
            covered.append(start..<end)
            if span.kind == .email {
                guard emails, Self.isValidEmail(raw, before: start > 0 ? text.original[start - 1] : nil) else {
                    continue
                }
                entities.append(Entity(type: "email", value: raw.lowercased(), text: raw, start: start, end: end))
            } else if urls, Self.isValidURL(raw) {
                entities.append(Entity(type: "url", value: raw, text: raw, start: start, end: end))
            }
        }
        if urls {
            // Bare domains are found in the normalised text; `covered` is in the original's offsets.
            let normalizedCovered = text.origin == nil ? covered : []
            entities += bareDomains(excluding: normalizedCovered).map(text.restoring).filter { domain in
                !covered.contains { $0.overlaps(domain.start..<domain.end) }
            }
        }
        return entities.sorted { $0.start < $1.start }
    }

    static func isValidEmail(_ address: String, before: Unicode.Scalar?) -> Bool {
        if let before, before == "." { return false }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, !local.isEmpty else { return false }
        if local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..") { return false }
        return isValidHost(String(parts[1]), allowIP: false)
    }

    static func isValidURL(_ url: String) -> Bool {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") {
            let name = rest[..<scheme.lowerBound].lowercased()
            guard ["http", "https", "ftp"].contains(name) else { return false }
            rest = rest[scheme.upperBound...]
        }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
        return isValidHost(String(host), allowIP: true)
    }

    /// A host name with labels of letters, digits and inner hyphens and a
    /// known top-level domain (any two letters, or a common generic one).
    static func isValidHost(_ host: String, allowIP: Bool) -> Bool {
        let lower = host.lowercased()
        if allowIP && lower == "localhost" { return true }
        let labels = lower.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        if allowIP, labels.count == 4,
            labels.allSatisfy({ $0.count <= 3 && !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) })
        {
            return true
        }
        for label in labels {
            guard !label.isEmpty, label.count <= 63, label.allSatisfy({ $0.isASCIILetterOrDigit || $0 == "-" }),
                label.first != "-"
            else { return false }
        }
        guard let tld = labels.last, tld.allSatisfy(\.isLetter) else { return false }
        return tld.count == 2 || genericTopLevelDomains.contains(String(tld))
    }

    /// Whether a word such as "visit" or "website" comes shortly before `offset`.
    func hasWebCue(before offset: Int) -> Bool {
        let cues: Set<String> = ["visit", "website", "site", "url", "link", "browse", "open", "go", "see", "at", "and"]
        return text.words(before: offset, limit: 2).contains { cues.contains($0.text) }
    }

    /// Whether a bare host is a file's name rather than a site: one name and a top-level domain
    /// that is also a common file extension ("README.md", "setup.py", "install.sh", "photos.zip"),
    /// with no path after it. "www.shop.md" and "shop.md/help" stay addresses.
    static func isFileName(_ host: String, pathFollows: Bool) -> Bool {
        let labels = host.lowercased().split(separator: ".")
        return !pathFollows && labels.count == 2 && labels[0] != "www" && fileExtensions.contains(String(labels[1]))
    }

    /// Top-level domains that are more often file extensions in a message.
    static let fileExtensions: Set<String> = ["md", "py", "sh", "rs", "zip", "mov"]

    static let genericTopLevelDomains: Set<String> = [
        "com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "io", "ai", "app", "dev",
        "shop", "store", "online", "site", "tech", "cloud", "blog", "news", "media", "email", "help", "support",
        "online", "live", "page", "art", "xyz", "top", "club", "design", "agency", "travel", "museum", "aero", "coop",
        "jobs", "mobi", "asia", "tel", "cat", "post", "global", "world", "today", "company", "services",
        "academy", "aws", "bank", "band", "bike", "blue", "boutique", "build", "cafe", "camp", "care", "cash",
        "center", "city", "click", "codes", "coffee", "community", "digital", "direct", "eco", "energy", "expert",
        "express", "fashion", "finance", "fit", "fun", "games", "garden", "gift", "gifts", "green", "group", "guru",
        "health", "host", "house", "inc", "ink", "land", "law", "life", "link", "llc", "ltd", "market", "money",
        "network", "ninja", "one", "party", "photo", "photos", "pizza", "plus", "press", "pub", "rocks", "run",
        "sale", "school", "science", "shoes", "show", "social", "software", "solutions", "space", "studio", "style",
        "team", "tools", "town", "toys", "trade", "video", "vip", "wiki", "work", "works", "zone", "amazon",
        "google", "microsoft", "apple", "youtube", "mba", "edu", "gov",
    ]

    /// Domains without a scheme or "www.", such as `abc.com` or `s7.am/path`.
    func bareDomains(excluding covered: [Range<Int>]) -> [Entity] {
        let scalars = text.scalars
        var entities: [Entity] = []
        var i = 0
        while i < scalars.count {
            guard scalars[i].isASCIILetter || scalars[i].isASCIIDigit,
                i == 0
                    || !(scalars[i - 1].isASCIILetter || scalars[i - 1].isASCIIDigit || scalars[i - 1] == "."
                        || scalars[i - 1] == "-" || scalars[i - 1] == "@" || scalars[i - 1] == "/"
                        || scalars[i - 1] == ":")
            else {
                i += 1
                continue
            }
            var end = i
            var dots = 0
            while end < scalars.count
                && (scalars[end].isASCIILetter || scalars[end].isASCIIDigit || scalars[end] == "."
                    || scalars[end] == "-")
            {
                if scalars[end] == "." { dots += 1 }
                end += 1
            }
            guard dots > 0 else {
                i = max(end, i + 1)
                continue
            }
            var hostEnd = end
            while hostEnd > i && (scalars[hostEnd - 1] == "." || scalars[hostEnd - 1] == "-") { hostEnd -= 1 }
            let host = text.text(i, hostEnd)
            let overlapsAddress = covered.contains { $0.overlaps(i..<max(end, i + 1)) }
            let nextIsAt = end < scalars.count && scalars[end] == "@"
            let numericHost = host.split(separator: ".").dropLast().allSatisfy { $0.allSatisfy(\.isASCIIDigit) }
            if !overlapsAddress, !nextIsAt, host.contains("."), !host.allSatisfy({ $0.isASCIIDigit || $0 == "." }),
                !numericHost || hasWebCue(before: i),
                !Self.isFileName(host, pathFollows: hostEnd == end && end < scalars.count && scalars[end] == "/"),
                host.split(separator: ".").last.map({ $0.count >= 2 && $0.allSatisfy(\.isLetter) }) ?? false,
                Self.isValidHost(host, allowIP: false)
            {
                var urlEnd = hostEnd
                if hostEnd == end, end < scalars.count, scalars[end] == "/" {
                    urlEnd = end + 1
                    while urlEnd < scalars.count && !scalars[urlEnd].properties.isWhitespace { urlEnd += 1 }
                    while urlEnd > end + 1 && ".,;:!?)]}'\"".unicodeScalars.contains(scalars[urlEnd - 1]) {
                        urlEnd -= 1
                    }
                }
                let raw = text.text(i, urlEnd)
                entities.append(Entity(type: "url", value: raw, text: raw, start: i, end: urlEnd))
                i = urlEnd
                continue
            }
            i = max(end, i + 1)
        }
        return entities
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isASCIILetterOrDigit: Bool { isASCII && (isLetter || isNumber) }
}

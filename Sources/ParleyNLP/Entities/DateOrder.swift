internal import Foundation

/// Which number comes first in a numeric date without a year first ("3/12", "3/12/2026"): the
/// month (`monthFirst`, as in the US: 12 March) or the day (`dayFirst`, as in the UK: 3
/// December). Either way a reading that is no date gives way to the other ("13/3" is 13
/// March), and a year written first is always year, month, day.
public enum DateOrder: String, Sendable, Codable, Hashable {
    case monthFirst
    case dayFirst

    /// The order of a locale's short numeric dates, from CLDR's data through ICU
    /// (`DateFormatter.dateFormat(fromTemplate: "yMd")`): `en-GB`, `en-AU`, `de` and `fr` are
    /// day first; `en-US`, `en-PH`, and locales that write the year first (`zh`, `ja`, `en-CA`)
    /// month first. Nil unless `identifier` is a BCP 47 tag of an ISO 639 language and, if
    /// any, an ISO 3166 region (`en`, `en-GB`, `zh_CN`).
    public static func of(locale identifier: String) -> DateOrder? {
        let locale = Locale(identifier: identifier.replacingOccurrences(of: "-", with: "_"))
        guard let language = locale.language.languageCode, Locale.LanguageCode.isoLanguageCodes.contains(language),
            locale.region.map({ Locale.Region.isoRegions.contains($0) }) ?? true,
            let pattern = DateFormatter.dateFormat(fromTemplate: "yMd", options: 0, locale: locale),
            let day = pattern.firstIndex(of: "d"), let month = pattern.firstIndex(of: "M")
        else { return nil }
        return day < month ? .dayFirst : .monthFirst
    }
}

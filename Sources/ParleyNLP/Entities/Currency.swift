/// Currency symbols, codes and names, and where they stand around an amount.
enum Currency {
    static let symbols: [String: String] = [
        "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₿": "BTC", "₩": "KRW", "₽": "RUB", "₺": "TRY",
        "₪": "ILS", "₫": "VND", "฿": "THB", "¢": "USD", "₡": "CRC", "₾": "GEL", "₭": "LAK", "元": "CNY", "₦": "NGN",
        "₱": "PHP", "₴": "UAH", "₸": "KZT", "₮": "MNT", "₲": "PYG", "₵": "GHS", "₼": "AZN", "円": "JPY", "圆": "CNY",
    ]

    /// The code for a currency sign: a known one, or the sign itself for any
    /// other character Unicode counts as a currency symbol.
    static func symbol(_ text: String) -> String? {
        if let code = symbols[text] { return code }
        guard text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first,
            scalar.properties.generalCategory == .currencySymbol
        else { return nil }
        return text
    }
    /// Letters written right before "$" ("US$", "c $", "nzd$").
    static let dollarPrefixes: [String: String] = [
        "us": "USD", "c": "CAD", "ca": "CAD", "cad": "CAD", "a": "AUD", "au": "AUD", "aud": "AUD", "nz": "NZD",
        "nzd": "NZD", "hk": "HKD", "hkd": "HKD", "s": "SGD", "sg": "SGD", "mxn": "MXN", "mx": "MXN", "r": "BRL",
        "usd": "USD", "nt": "TWD",
    ]
    static let codes: Set<String> = [
        "usd", "eur", "gbp", "jpy", "cny", "rmb", "cad", "aud", "nzd", "chf", "inr", "mxn", "brl", "sek", "nok",
        "dkk", "pln", "czk", "huf", "sgd", "hkd", "krw", "rub", "try", "zar", "btc", "eth", "twd", "thb", "idr",
    ]
    /// Currency words and their codes; minor units map to their major code.
    static let names: [String: String] = [
        "dollar": "USD", "dollars": "USD", "buck": "USD", "bucks": "USD", "euro": "EUR", "euros": "EUR",
        "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "quid": "GBP", "yen": "JPY", "yuan": "CNY", "rmb": "CNY",
        "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "franc": "CHF", "francs": "CHF", "peso": "MXN",
        "pesos": "MXN", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "cent": "USD",
        "cents": "USD", "pence": "GBP", "penny": "GBP", "pennies": "GBP", "bitcoin": "BTC", "bitcoins": "BTC",
        "krona": "SEK", "kronor": "SEK", "krone": "NOK", "kroner": "NOK", "real": "BRL", "reais": "BRL",
        "rand": "ZAR", "won": "KRW", "lira": "TRY", "marks": "DEM", "mark": "DEM", "shekel": "ILS", "shekels": "ILS",
        "dinar": "DZD", "dirham": "AED", "dirhams": "AED", "baht": "THB", "ringgit": "MYR", "zloty": "PLN",
        "guilder": "NLG", "guilders": "NLG", "markka": "FIM", "markkaa": "FIM", "peseta": "ESP", "pesetas": "ESP",
        "kuai": "CNY", "mao": "CNY", "jiao": "CNY", "satoshi": "BTC", "satoshis": "BTC", "lire": "ITL",
        "escudo": "PTE", "escudos": "PTE", "drachma": "GRD", "drachmas": "GRD", "schilling": "ATS",
        "schillings": "ATS", "ரூ": "INR",
    ]
    /// Words that may stand between an amount and a currency name ("10,000 swiss francs").
    static let nationalities: Set<String> = [
        "us", "u.s.", "american", "canadian", "australian", "swiss", "turkish", "dutch", "finnish", "mexican",
        "hong", "new", "singapore", "singaporean", "hk", "brazilian", "indian", "japanese", "chinese", "south",
        "african", "danish", "swedish", "norwegian", "british", "belgian", "french", "german", "italian", "spanish",
        "russian", "egyptian", "philippine", "argentine", "chilean", "colombian", "israeli", "kenyan", "nigerian",
    ]
    /// Names that mean money even with no amount ("the dollar fell").
    static let standaloneNames: [String: String] = [
        "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "yen": "JPY", "yuan": "CNY", "rmb": "CNY",
        "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "usd": "USD", "eur": "EUR", "gbp": "GBP",
    ]
    /// Ambiguous words that mean money only right after an amount.
    static let amountOnly: Set<String> = [
        "real", "rand", "won", "mark", "marks", "lira", "pound", "pounds", "cent", "cents",
    ]

    /// A currency ending at lexeme `last` (before an amount): its code and first lexeme.
    static func before(_ text: EntityText, lexeme last: Int) -> (String, Int)? {
        let lexemes = text.lexemes
        let word = lexemes[last].text
        if let code = symbol(word) {
            // "c $", "US$", "nzd$", "mxn$ 15".
            if code == "USD", last > 0, lexemes[last - 1].kind == .word,
                let prefixed = dollarPrefixes[lexemes[last - 1].text],
                lexemes[last - 1].end == lexemes[last].start || lexemes[last - 1].text.count == 1
            {
                return (prefixed, last - 1)
            }
            return (code, last)
        }
        if lexemes[last].kind == .word,
            codes.contains(word) || (names[word] != nil && !amountOnly.contains(word)) || word == "sen"
        {
            return (names[word] ?? word.uppercased(), last)
        }
        // "MAUD 60": a code in millions.
        if lexemes[last].kind == .word, word.count == 4, word.hasPrefix("m"), codes.contains(String(word.dropFirst())) {
            return (String(word.dropFirst()).uppercased(), last)
        }
        return nil
    }

    /// A currency starting at lexeme `first` (after an amount): its code and the lexeme after it.
    static func after(_ text: EntityText, lexeme first: Int) -> (String, Int)? {
        let lexemes = text.lexemes
        guard first < lexemes.count else { return nil }
        var k = first
        // "75 USD million": the scale may come after the code.
        let word = lexemes[k].text
        if lexemes[k].kind == .word, word == "us" || word == "u.s.", k + 1 < lexemes.count,
            names[lexemes[k + 1].text] == "USD"
        {
            return ("USD", k + 2)
        }
        if let scale = NumberWords.scales[word], scale >= 1e3, k + 1 < lexemes.count, lexemes[k + 1].kind == .word,
            codes.contains(lexemes[k + 1].text) || names[lexemes[k + 1].text] != nil
        {
            k += 1
        }
        let next = lexemes[k].text
        if lexemes[k].kind == .word, codes.contains(next) {
            return (next.uppercased() == "RMB" ? "CNY" : next.uppercased(), k + 1)
        }
        if lexemes[k].kind == .word, let code = names[next] {
            // "12-cent-a-share": still money.
            return (code, k + 1)
        }
        // "30 MUSD", "120 MEUR": codes in millions.
        if lexemes[k].kind == .word, next.count == 4, next.hasPrefix("m"), codes.contains(String(next.dropFirst())) {
            return (String(next.dropFirst()).uppercased(), k + 1)
        }
        // "10,000 swiss francs", "10 turkish lira".
        if lexemes[k].kind == .word, nationalities.contains(next), k + 1 < lexemes.count,
            let code = names[lexemes[k + 1].text]
        {
            return (code, k + 2)
        }
        if let code = symbol(next) { return (code, k + 1) }
        if next == "-", k + 1 < lexemes.count, let code = names[lexemes[k + 1].text], text.adjacent(k) {
            return (code, k + 2)
        }
        return nil
    }
}

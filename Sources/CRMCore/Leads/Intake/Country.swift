/// Countries as leads name them. The country field is free text from web forms, which send
/// "DE", "de", "Germany" or "Deutschland" for the same country; rules, territories, the lead
/// filter and phone numbers all need those to be one country.
///
/// An ISO 3166 alpha-2 code or a common English or native name is recognised, case and accents
/// aside; anything else is compared as its folded text.
public enum Country {
    /// The alpha-2 code of `text` ("DE"), or `nil` when the country is not recognised.
    public static func alpha2(of text: String) -> String? {
        let folded = SearchText.fold(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if folded.count == 2 {
            let code = folded.uppercased()
            return aliases[code] ?? (CountryCallingCode.isKnown(alpha2: code) ? code : nil)
        }
        return byName[folded]
    }

    /// What two country texts are compared by: the alpha-2 code when known, else the folded text.
    public static func key(of text: String) -> String {
        alpha2(of: text) ?? SearchText.fold(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Every folded spelling recognised for `alpha2` (the code and the names), for matching a
    /// stored country column against a code.
    public static func spellings(of alpha2: String) -> [String] {
        let code = alpha2.uppercased()
        let codes = [code] + aliases.filter { $0.value == code }.map(\.key)
        return codes.map { $0.lowercased() } + byName.filter { $0.value == code }.map(\.key).sorted()
    }

    /// Codes in common use that ISO spells differently.
    private static let aliases: [String: String] = ["UK": "GB"]

    /// Folded English names, and the native names web forms commonly send, to alpha-2 codes.
    private static let byName: [String: String] = [
        "austria": "AT", "osterreich": "AT", "belgium": "BE", "bulgaria": "BG", "switzerland": "CH",
        "schweiz": "CH", "cyprus": "CY", "czech republic": "CZ", "czechia": "CZ", "cesko": "CZ",
        "ceska republika": "CZ", "germany": "DE", "deutschland": "DE", "denmark": "DK", "estonia": "EE",
        "spain": "ES", "espana": "ES", "finland": "FI", "france": "FR", "united kingdom": "GB",
        "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "greece": "GR",
        "croatia": "HR", "hungary": "HU", "magyarorszag": "HU", "ireland": "IE", "iceland": "IS",
        "italy": "IT", "italia": "IT", "liechtenstein": "LI", "lithuania": "LT", "luxembourg": "LU",
        "latvia": "LV", "malta": "MT", "netherlands": "NL", "the netherlands": "NL", "nederland": "NL",
        "holland": "NL", "norway": "NO", "norge": "NO", "poland": "PL", "polska": "PL", "portugal": "PT",
        "romania": "RO", "serbia": "RS", "sweden": "SE", "sverige": "SE", "slovenia": "SI", "slovakia": "SK",
        "slovensko": "SK", "ukraine": "UA", "turkey": "TR", "turkiye": "TR", "united states": "US",
        "united states of america": "US", "usa": "US", "canada": "CA", "mexico": "MX", "brazil": "BR",
        "brasil": "BR", "argentina": "AR", "chile": "CL", "colombia": "CO", "australia": "AU",
        "new zealand": "NZ", "japan": "JP", "south korea": "KR", "korea": "KR", "china": "CN",
        "hong kong": "HK", "singapore": "SG", "india": "IN", "israel": "IL", "united arab emirates": "AE",
        "saudi arabia": "SA", "south africa": "ZA", "egypt": "EG",
    ]
}

/// The international calling code of a lead's country, so a national phone number ("0601 234 567")
/// normalises to the same E.164-like key as the international one ("+420 601 234 567") (LP-7).
///
/// The country field is free text from web forms: an ISO 3166 alpha-2 code ("CZ", "de") or an
/// English name ("Czech Republic", "Germany") is recognised, case and accents aside. Anything
/// else gives `nil`, and national numbers then stay bare digits (they still match each other).
public enum CountryCallingCode {
    /// The calling code's digits (e.g. "420"), or `nil` when the country is not recognised.
    public static func code(forCountry country: String) -> String? {
        let folded = SearchText.fold(country.trimmingCharacters(in: .whitespacesAndNewlines))
        if folded.count == 2, let code = byAlpha2[folded.uppercased()] { return code }
        return byName[folded].flatMap { byAlpha2[$0] }
    }

    private static let byAlpha2: [String: String] = [
        "AT": "43", "BE": "32", "BG": "359", "CH": "41", "CY": "357", "CZ": "420", "DE": "49", "DK": "45",
        "EE": "372", "ES": "34", "FI": "358", "FR": "33", "GB": "44", "UK": "44", "GR": "30", "HR": "385",
        "HU": "36", "IE": "353", "IS": "354", "IT": "39", "LI": "423", "LT": "370", "LU": "352", "LV": "371",
        "MT": "356", "NL": "31", "NO": "47", "PL": "48", "PT": "351", "RO": "40", "RS": "381", "SE": "46",
        "SI": "386", "SK": "421", "UA": "380", "TR": "90", "US": "1", "CA": "1", "MX": "52", "BR": "55",
        "AR": "54", "CL": "56", "CO": "57", "AU": "61", "NZ": "64", "JP": "81", "KR": "82", "CN": "86",
        "HK": "852", "SG": "65", "IN": "91", "IL": "972", "AE": "971", "SA": "966", "ZA": "27", "EG": "20",
    ]

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

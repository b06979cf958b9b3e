/// The international calling code of a lead's country, so a national phone number ("0601 234 567")
/// normalises to the same E.164-like key as the international one ("+420 601 234 567") (LP-7).
///
/// The country is recognised as `Country` does (a code or a name, case and accents aside);
/// anything else gives `nil`, and national numbers then stay bare digits (they still match each
/// other).
public enum CountryCallingCode {
    /// The calling code's digits (e.g. "420"), or `nil` when the country is not recognised.
    public static func code(forCountry country: String) -> String? {
        Country.alpha2(of: country).flatMap { byAlpha2[$0] }
    }

    /// Whether `alpha2` is one of the countries this table (and so `Country`) knows.
    static func isKnown(alpha2: String) -> Bool { byAlpha2[alpha2] != nil }

    private static let byAlpha2: [String: String] = [
        "AT": "43", "BE": "32", "BG": "359", "CH": "41", "CY": "357", "CZ": "420", "DE": "49", "DK": "45",
        "EE": "372", "ES": "34", "FI": "358", "FR": "33", "GB": "44", "GR": "30", "HR": "385",
        "HU": "36", "IE": "353", "IS": "354", "IT": "39", "LI": "423", "LT": "370", "LU": "352", "LV": "371",
        "MT": "356", "NL": "31", "NO": "47", "PL": "48", "PT": "351", "RO": "40", "RS": "381", "SE": "46",
        "SI": "386", "SK": "421", "UA": "380", "TR": "90", "US": "1", "CA": "1", "MX": "52", "BR": "55",
        "AR": "54", "CL": "56", "CO": "57", "AU": "61", "NZ": "64", "JP": "81", "KR": "82", "CN": "86",
        "HK": "852", "SG": "65", "IN": "91", "IL": "972", "AE": "971", "SA": "966", "ZA": "27", "EG": "20",
    ]
}

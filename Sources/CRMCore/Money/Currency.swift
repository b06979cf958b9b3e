/// An ISO 4217 currency: its three-letter code and how many minor digits amounts show.
public struct Currency: Sendable, Hashable, CustomStringConvertible {
    /// The code, three upper-case ASCII letters, e.g. `"CZK"`.
    public let code: String
    /// Digits after the decimal point in formatted amounts: 2 for EUR, 0 for JPY, 3 for KWD.
    public let minorUnits: Int

    /// Accepts a three-letter upper-case code; throws `MoneyError.invalidCurrency` otherwise.
    public init(code: String) throws(MoneyError) {
        let bytes = Array(code.utf8)
        guard bytes.count == 3, bytes.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) else {
            throw .invalidCurrency(code)
        }
        self.code = code
        self.minorUnits = Self.minorUnitExceptions[code] ?? 2
    }

    public var description: String { code }

    /// How many decimals amounts of this currency take, as a sentence ("JPY amounts have no
    /// decimals."), so every form that refuses an amount words zero properly.
    public var decimalsRule: String {
        minorUnits == 0 ? "\(code) amounts have no decimals." : "\(code) amounts have at most \(minorUnits) decimals."
    }

    /// ISO 4217 currencies whose minor unit is not two digits.
    private static let minorUnitExceptions: [String: Int] = [
        "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0, "PYG": 0,
        "RWF": 0, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
        "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
        "CLF": 4, "UYW": 4,
    ]
}

/// Why a money value could not be made or combined.
public enum MoneyError: Error, Equatable, CustomStringConvertible {
    case invalidCurrency(String)
    case invalidAmount(String)
    case currencyMismatch(String, String)

    public var description: String {
        switch self {
        case .invalidCurrency(let code):
            "\"\(code)\" is not a currency code; use three capital letters such as EUR or CZK."
        case .invalidAmount(let text):
            "\"\(text)\" is not an amount; write it like 1234.50, 1 234,50 or -3."
        case .currencyMismatch(let left, let right):
            "Cannot combine \(left) and \(right) amounts without an exchange rate."
        }
    }
}

/// A name pattern such as `"{product} for {account}"`, split once into text and slots, so
/// filling it for hundreds of thousands of demo rows is plain concatenation (Foundation's
/// `replacingOccurrences` goes through NSString on Linux and cost a fifth of the opportunity
/// load).
struct DemoPattern {
    private enum Part {
        case text(String)
        case slot(String)
    }

    private let parts: [Part]

    /// Splits `pattern` at `{name}` slots; a `{` without a closing `}` stays text.
    init(_ pattern: String) {
        var parts: [Part] = []
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { parts.append(.text(String(rest[..<open]))) }
            parts.append(.slot(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        self.parts = parts
    }

    /// The pattern with each slot replaced by `value(name)`.
    func fill(_ value: (String) -> String) -> String {
        var result = ""
        for part in parts {
            switch part {
            case .text(let text): result += text
            case .slot(let name): result += value(name)
            }
        }
        return result
    }
}

import Foundation

/// Reading the captured screen: display columns and the rows of the accounts list.
enum ScreenText {
    /// Columns a terminal gives `text` (an independent, rough wcwidth: CJK, Hangul, fullwidth
    /// forms and emoji take two, combining marks none).
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return total
            default: break
            }
            let wide: [ClosedRange<UInt32>] = [
                0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE6F, 0xFF00...0xFF60,
                0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
            ]
            return total + (wide.contains { $0.contains(scalar.value) } ? 2 : 1)
        }
    }

    /// The first `columns` display columns of `line`.
    static func prefix(_ line: String, columns: Int) -> String {
        var out = "", used = 0
        for character in line {
            let w = width(String(character))
            if used + w > columns { break }
            out.append(character)
            used += w
        }
        return out
    }

    /// The Name cell of the first row of a list (the line after the header that starts with
    /// "Name"), as far as it is shown; nil when the list is empty.
    static func firstListedName(in screen: String) -> String? {
        let lines = screen.components(separatedBy: "\n")
        guard let headerIndex = lines.firstIndex(where: { $0.contains("Name ▲") || $0.contains("Name ▼") }),
              headerIndex + 1 < lines.count else { return nil }
        let header = lines[headerIndex]
        guard let name = header.range(of: "Name"), let type = header.range(of: " Type ") else { return nil }
        let nameColumn = width(String(header[..<name.lowerBound]))
        let typeColumn = width(String(header[..<type.lowerBound])) + 1
        let row = lines[headerIndex + 1]
        let cell = prefix(row, columns: typeColumn).dropFirst(nameColumn)
        let trimmed = cell.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The longest whole word of a (maybe truncated) name shown in a list: what to type into
    /// the quick filter to find it again.
    static func filterWord(for shownName: String) -> String? {
        shownName.split(separator: " ")
            .filter { !$0.hasSuffix("…") && $0.count >= 3 && $0.allSatisfy { $0.isLetter } }
            .max { $0.count < $1.count }
            .map(String.init)
    }

    /// The number of accounts in the list footer ("1 of 297 accounts", "0 accounts").
    static func accountCount(in screen: String) -> Int? {
        guard let match = screen.range(of: #"(of )?[\d,]+ accounts"#, options: .regularExpression) else { return nil }
        let digits = screen[match].replacingOccurrences(of: "of ", with: "").filter(\.isNumber)
        return Int(digits)
    }
}

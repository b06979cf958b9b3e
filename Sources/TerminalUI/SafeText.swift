/// Makes untrusted text safe to draw: nothing in it can reach the terminal as a control.
///
/// Every string from the database or an import passes through here at the render boundary
/// (`ScreenBuffer.write` calls it). C0/C1 controls and DEL become caret or hex notation,
/// bidi overrides and invisible characters become `<U+XXXX>`, and floods of combining marks
/// are cut to what one terminal cell can hold. The stored data is never changed.
public enum SafeText {
    /// Most combining marks kept on one base character (ncurses keeps at most five per cell).
    public static let maxCombiningMarks = 3

    /// The visible, control-free form of `text`.
    public static func sanitize(_ text: String) -> String {
        if isPlainASCII(text) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            appendSafe(character, to: &out)
        }
        return out
    }

    private static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    private static func appendSafe(_ character: Character, to out: inout String) {
        let scalars = character.unicodeScalars
        if scalars.count == 1 || !scalars.contains(where: needsEscape) {
            if let only = scalars.first, scalars.count == 1, needsEscape(only) {
                out += escaped(only)
            } else {
                appendLimitingMarks(scalars, to: &out)
            }
            return
        }
        // A cluster that hides a control (e.g. "\r\n", or a letter followed by U+202E):
        // escape the controls and keep the rest as its own characters.
        var pending = String.UnicodeScalarView()
        for scalar in scalars {
            if needsEscape(scalar) {
                appendLimitingMarks(pending, to: &out)
                pending = String.UnicodeScalarView()
                out += escaped(scalar)
            } else {
                pending.append(scalar)
            }
        }
        appendLimitingMarks(pending, to: &out)
    }

    private static func appendLimitingMarks(_ scalars: String.UnicodeScalarView, to out: inout String) {
        guard let first = scalars.first else { return }
        var kept = String.UnicodeScalarView()
        var marks = 0
        if DisplayWidth.isZeroWidth(first) {
            kept.append("\u{25CC}") // a dotted circle carries a mark that has no base
        }
        for scalar in scalars {
            if DisplayWidth.isZeroWidth(scalar) && scalar != first {
                marks += 1
                if marks > maxCombiningMarks { continue }
            }
            kept.append(scalar)
        }
        out.unicodeScalars.append(contentsOf: kept)
    }

    /// True for scalars that must never be written raw.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
        switch value {
        case 0x061C, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2069, 0xFEFF, 0xFFF9...0xFFFB:
            return true
        default:
            return false
        }
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        let value = scalar.value
        if value < 0x20 { return "^" + String(UnicodeScalar(UInt8(value) + 0x40)) }
        if value == 0x7F { return "^?" }
        let hex = String(value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }
}

/// Breaks text into lines that fit a width in terminal columns, between words and at the text's
/// own newlines. A word wider than the width stays whole on its own line (the writer cuts it).
public enum TextWrap {
    public static func lines(_ text: String, width: Int) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph -> [String] in
            var lines: [String] = [], current = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
                let candidate = current.isEmpty ? word : current + " " + word
                if !current.isEmpty, DisplayWidth.of(candidate) > width {
                    lines.append(current)
                    current = word
                } else {
                    current = candidate
                }
            }
            return lines + [current]
        }
    }
}

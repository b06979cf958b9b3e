/// Column-aware string helpers: truncation with an ellipsis and padding.
public enum TextLayout {
    /// `text` cut to at most `columns` display columns, ending in "…" when cut.
    /// A wide character never straddles the edge.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if text.utf8.count <= columns, text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        if DisplayWidth.of(text) <= columns { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > columns - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// `text` truncated or padded with spaces to exactly `columns` display columns.
    public static func pad(_ text: String, to columns: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: columns)
        let gap = String(repeating: " ", count: max(0, columns - DisplayWidth.of(cut)))
        return alignRight ? gap + cut : cut + gap
    }
}

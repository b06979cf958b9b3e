/// Finds where each key of a keymap file is written, because TOMLKit's tree has no positions.
///
/// Runs only on text TOMLKit has already accepted, so it can be lenient: it follows table
/// headers (`[list]`, `[global.g]`), dotted keys (`g.d = ...`), inline tables
/// (`g = { d = ... }`) and every quoting style, and records the first position of every key path.
struct KeymapKeyLocator {
    /// A 1-based line and column (columns count Unicode scalars).
    struct Position: Sendable, Hashable, Comparable {
        var line: Int
        var column: Int

        static func < (a: Position, b: Position) -> Bool {
            (a.line, a.column) < (b.line, b.column)
        }
    }

    /// Position of every key path (`["global", "g", "d"]`) in `text`.
    static func positions(in text: String) -> [[String]: Position] {
        var scanner = KeymapKeyLocator(text: text)
        scanner.scanDocument()
        return scanner.found
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var found: [[String]: Position] = [:]

    private init(text: String) {
        scalars = Array(text.unicodeScalars)
    }

    // MARK: - Structure

    private mutating func scanDocument() {
        var table: [String] = []
        while true {
            skipBlank(newlines: true)
            guard let c = peek else { return }
            let before = index
            if c == "[" {
                advance()
                if peek == "[" { advance() }
                table = scanDottedKey(base: [])
            } else {
                scanKeyValue(base: table)
            }
            skipRestOfLine()
            if index == before { advance() }
        }
    }

    private mutating func scanKeyValue(base: [String]) {
        let path = scanDottedKey(base: base)
        skipBlank(newlines: false)
        guard peek == "=" else { return }
        advance()
        skipBlank(newlines: false)
        scanValue(path: path)
    }

    private mutating func scanValue(path: [String]) {
        switch peek {
        case "{":
            advance()
            while peek != nil {
                let before = index
                skipBlank(newlines: true)
                if peek == "}" { advance(); return }
                if peek == "," { advance(); continue }
                scanKeyValue(base: path)
                if index == before { advance() }
            }
        case "[":
            skipArray()
        case "\"", "'":
            skipString()
        default:
            while let c = peek, !",}]\n#".unicodeScalars.contains(c) { advance() }
        }
    }

    /// Reads `a.b."c d"` and records each step of the path it spells.
    private mutating func scanDottedKey(base: [String]) -> [String] {
        var path = base
        while true {
            skipBlank(newlines: false)
            let start = position
            guard let part = scanSimpleKey() else { return path }
            path.append(part)
            if found[path] == nil { found[path] = start }
            skipBlank(newlines: false)
            guard peek == "." else { return path }
            advance()
        }
    }

    private mutating func scanSimpleKey() -> String? {
        switch peek {
        case "\"": return scanBasicString()
        case "'": return scanLiteralString()
        default:
            var key = String.UnicodeScalarView()
            while let c = peek, !" \t\r\n=.[]#,{}\"'".unicodeScalars.contains(c) {
                key.append(c)
                advance()
            }
            return key.isEmpty ? nil : String(key)
        }
    }

    // MARK: - Strings

    private mutating func scanBasicString() -> String {
        advance() // opening quote
        var out = String.UnicodeScalarView()
        while let c = peek, c != "\"", c != "\n" {
            advance()
            guard c == "\\", let e = peek else { out.append(c); continue }
            advance()
            switch e {
            case "b": out.append("\u{08}")
            case "t": out.append("\t")
            case "n": out.append("\n")
            case "f": out.append("\u{0C}")
            case "r": out.append("\r")
            case "e": out.append("\u{1B}")
            case "u", "U", "x":
                let digits = e == "u" ? 4 : e == "U" ? 8 : 2
                var hex = ""
                for _ in 0..<digits { if let d = peek { hex.unicodeScalars.append(d); advance() } }
                if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) { out.append(scalar) }
            default: out.append(e)
            }
        }
        if peek == "\"" { advance() }
        return String(out)
    }

    private mutating func scanLiteralString() -> String {
        advance()
        var out = String.UnicodeScalarView()
        while let c = peek, c != "'", c != "\n" {
            out.append(c)
            advance()
        }
        if peek == "'" { advance() }
        return String(out)
    }

    /// Skips a value string of any of TOML's four kinds, including multi-line ones.
    private mutating func skipString() {
        guard let quote = peek else { return }
        let triple = peek(1) == quote && peek(2) == quote
        advance(triple ? 3 : 1)
        while let c = peek {
            if c == "\\", quote == "\"" { advance(2); continue }
            if c == quote {
                if !triple { advance(); return }
                if peek(1) == quote, peek(2) == quote {
                    advance(3)
                    while peek == quote { advance() } // up to two quotes may end the content
                    return
                }
            }
            if c == "\n", !triple { return }
            advance()
        }
    }

    private mutating func skipArray() {
        var depth = 0
        while let c = peek {
            switch c {
            case "[": depth += 1; advance()
            case "]":
                depth -= 1
                advance()
                if depth == 0 { return }
            case "\"", "'": skipString()
            case "#": skipComment()
            default: advance()
            }
        }
    }

    // MARK: - Characters

    private var position: Position { Position(line: line, column: index - lineStart + 1) }

    private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where index < scalars.count {
            if scalars[index] == "\n" {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
    }

    private mutating func skipBlank(newlines: Bool) {
        while let c = peek {
            if c == " " || c == "\t" || c == "\r" || (newlines && c == "\n") {
                advance()
            } else if c == "#" {
                skipComment()
            } else {
                return
            }
        }
    }

    private mutating func skipComment() {
        while let c = peek, c != "\n" { advance() }
    }

    private mutating func skipRestOfLine() {
        while let c = peek, c != "\n" {
            if c == "\"" || c == "'" { skipString() } else { advance() }
        }
    }
}

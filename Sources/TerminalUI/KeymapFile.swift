import TOMLKit

/// One keymap file, parsed: its bindings with their source lines, and every problem found.
///
/// Parsing never throws: a file with one bad line still yields its good bindings, and `errors`
/// lists all the bad ones at once (syntax, unknown keys, odd values, conflicts). Checking
/// contexts and commands needs the app's registry: see `validated(against:)`.
public struct KeymapFile: Sendable {
    /// The name shown in errors (usually the path).
    public let name: String
    /// Each context table in the file and the line where it starts.
    public internal(set) var contextLines: [String: Int]
    /// Usable bindings in source order; ones with errors are left out.
    public internal(set) var bindings: [KeymapBinding]
    /// Problems in source order.
    public internal(set) var errors: [KeymapError]
    /// Things worth knowing that are not problems (an old command id), in source order.
    public internal(set) var notes: [KeymapError] = []

    public init(parsing source: KeymapSource) {
        name = source.name
        contextLines = [:]
        bindings = []
        errors = []
        let root: TOMLTable
        do {
            root = try TOMLTable(string: source.text)
        } catch let error as TOMLParseError {
            let at = error.source.begin
            errors = [KeymapError(.syntax, file: name, line: max(1, at.line), column: max(1, at.column),
                                  message: error.description)]
            return
        } catch {
            errors = [KeymapError(.syntax, file: name, line: 1, message: "\(error)")]
            return
        }
        var reader = KeymapTreeReader(file: name, positions: KeymapKeyLocator.positions(in: source.text))
        reader.readRoot(root)
        let checked = KeymapConflicts.removing(from: reader.bindings, file: name)
        contextLines = reader.contextLines
        bindings = checked.kept
        errors = (reader.errors + checked.errors).sortedBySource()
    }
}

/// Walks TOMLKit's tree of one file and turns each leaf into a binding.
private struct KeymapTreeReader {
    typealias Position = KeymapKeyLocator.Position

    let file: String
    let positions: [[String]: Position]
    var bindings: [KeymapBinding] = []
    var errors: [KeymapError] = []
    var contextLines: [String: Int] = [:]

    init(file: String, positions: [[String]: Position]) {
        self.file = file
        self.positions = positions
    }

    mutating func readRoot(_ root: TOMLTable) {
        for name in root.keys {
            let at = positions[[name]] ?? Position(line: 1, column: 1)
            guard let table = root[name]?.table else {
                report(.invalidValue, at, "\"\(name)\" is not a context table: put bindings under a [context] header")
                continue
            }
            contextLines[name] = at.line
            readTable(table, context: name, path: [name], sequence: [], written: [])
        }
    }

    private mutating func readTable(_ table: TOMLTable, context: String, path: [String],
                                    sequence: [KeyEvent], written: [String]) {
        let tableAt = positions[path] ?? Position(line: 1, column: 1)
        for key in table.keys {
            guard let value = table[key] else { continue }
            let at = positions[path + [key]] ?? tableAt
            let keys = written + [key]
            let shown = keys.joined(separator: " ")
            let chords: [KeyEvent]
            do {
                chords = try KeyChord.parseSequence(key)
            } catch {
                report(.unknownKey, at, (error as? KeyChord.ParseError)?.description ?? "\(error)")
                continue
            }
            if let command = value.string {
                guard !command.isEmpty else {
                    report(.invalidValue, at, "\"\(shown)\" has an empty command id (use \"none\" to unbind)")
                    continue
                }
                bindings.append(KeymapBinding(
                    context: context, sequence: sequence + chords,
                    action: command == "none" ? .unbind : .command(command),
                    line: at.line, column: at.column, written: shown))
            } else if let subtable = value.table {
                guard !subtable.isEmpty else {
                    report(.invalidValue, at, "\"\(shown)\" starts a sequence but has no keys under it")
                    continue
                }
                readTable(subtable, context: context, path: path + [key], sequence: sequence + chords,
                          written: keys)
            } else {
                report(.invalidValue, at,
                       "\"\(shown)\" must be a command id, \"none\" or a table of keys, not \(value.type)")
            }
        }
    }

    private mutating func report(_ kind: KeymapError.Kind, _ at: Position, _ message: String) {
        errors.append(KeymapError(kind, file: file, line: at.line, message: message))
    }
}

extension Array where Element == KeymapError {
    /// Errors in the order a person reads the file.
    func sortedBySource() -> [KeymapError] {
        enumerated().sorted { a, b in
            (a.element.line, a.element.column ?? 0, a.offset) < (b.element.line, b.element.column ?? 0, b.offset)
        }.map(\.element)
    }
}

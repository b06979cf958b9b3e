/// Finds bindings in one file that contradict each other, which TOML's own duplicate-key check
/// cannot see: `G` and `"S-g"` are one chord, `"g d"` and `g = { d = ... }` one sequence, and a key
/// cannot both run a command and start a longer sequence in the same context.
enum KeymapConflicts {
    /// The bindings that survive (the first of each clash, in source order) and one error for
    /// each later binding that clashes.
    static func removing(from bindings: [KeymapBinding], file: String)
        -> (kept: [KeymapBinding], errors: [KeymapError]) {
        let ordered = bindings.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        var bound: [String: [[KeyEvent]: KeymapBinding]] = [:]   // context -> sequence -> binding
        var started: [String: [[KeyEvent]: KeymapBinding]] = [:] // context -> strict prefix -> first user
        var kept: [KeymapBinding] = []
        var errors: [KeymapError] = []

        for binding in ordered {
            let context = binding.context
            let sequence = binding.sequence
            let quoted = "\"\(binding.written)\" in [\(context)]"
            func clash(_ kind: KeymapError.Kind, _ message: String) {
                errors.append(KeymapError(kind, file: file, line: binding.line, message: message))
            }
            if let earlier = bound[context]?[sequence] {
                let spelling = earlier.written == binding.written ? "" : " as \"\(earlier.written)\""
                clash(.duplicateKey, "\(quoted) is already bound on line \(earlier.line)\(spelling)")
            } else if let earlier = started[context]?[sequence] {
                clash(.prefixConflict,
                      "\(quoted) cannot be bound: it starts \"\(earlier.written)\" on line \(earlier.line)")
            } else if let earlier = boundPrefix(of: sequence, in: bound[context] ?? [:]) {
                clash(.prefixConflict,
                      "\(quoted) cannot start with \"\(earlier.written)\": it is bound on line \(earlier.line)")
            } else {
                bound[context, default: [:]][sequence] = binding
                for length in stride(from: 1, to: sequence.count, by: 1) {
                    let prefix = Array(sequence.prefix(length))
                    if started[context]?[prefix] == nil { started[context, default: [:]][prefix] = binding }
                }
                kept.append(binding)
            }
        }
        return (kept, errors)
    }

    private static func boundPrefix(of sequence: [KeyEvent],
                                    in bound: [[KeyEvent]: KeymapBinding]) -> KeymapBinding? {
        for length in stride(from: 1, to: sequence.count, by: 1) {
            if let binding = bound[Array(sequence.prefix(length))] { return binding }
        }
        return nil
    }
}

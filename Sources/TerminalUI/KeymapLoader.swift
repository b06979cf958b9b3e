/// Loads the keymap the app runs with: the default file first, then each override file.
///
/// Every file is parsed and checked against the app's schema; all problems of all files are
/// collected, and bindings without problems still apply, so the app can start with a partly
/// broken user file and show what to fix.
public enum KeymapLoader {
    public static func load(_ sources: [KeymapSource], schema: KeymapSchema) -> KeymapLoadResult {
        var keymap = Keymap.empty
        var errors: [KeymapError] = []
        var notes: [KeymapError] = []
        for source in sources {
            let file = KeymapFile(parsing: source).validated(against: schema)
            errors += file.errors
            notes += file.notes
            keymap = Keymap.merged(base: keymap, overrides: file)
        }
        return KeymapLoadResult(keymap: keymap, errors: errors, notes: notes)
    }
}

/// A loaded keymap and the problems found on the way.
public struct KeymapLoadResult: Sendable {
    public let keymap: Keymap
    public let errors: [KeymapError]
    /// Not problems: old command ids that still work, for `crm keys --check` to mention.
    public var notes: [KeymapError] = []

    /// The keymap, or every error at once when there was any (for strict checks and tests).
    public func get() throws(KeymapLoadError) -> Keymap {
        guard errors.isEmpty else { throw KeymapLoadError(errors: errors) }
        return keymap
    }
}

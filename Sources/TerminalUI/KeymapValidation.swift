extension KeymapFile {
    /// This file with every binding checked against what the app declares.
    ///
    /// Unknown contexts and command ids become errors (with a "did you mean" when a declared
    /// name is a few edits away) and their bindings are dropped; a renamed command's old id is
    /// replaced by its new one, with a note. Safe to call more than once.
    public func validated(against schema: KeymapSchema) -> KeymapFile {
        var copy = self
        var problems: [KeymapError] = []
        for (context, line) in contextLines where !schema.contexts.contains(context) {
            problems.append(KeymapError(.unknownContext, file: name, line: line, message:
                "unknown context \"\(context)\"" + KeymapSuggestion.didYouMean(context, in: schema.contexts)))
            copy.contextLines[context] = nil
        }
        var notes: [KeymapError] = []
        copy.bindings = bindings.map { binding in
            guard case .command(let id) = binding.action, let now = schema.renamed[id] else { return binding }
            notes.append(KeymapError(.renamedCommand, file: name, line: binding.line, message:
                "\"\(id)\" is now called \"\(now)\"; the old name still works"))
            return binding.running(now)
        }.filter { binding in
            var usable = schema.contexts.contains(binding.context)
            if case .command(let id) = binding.action, !schema.commands.contains(id) {
                problems.append(KeymapError(.unknownCommand, file: name, line: binding.line, message:
                    "unknown command \"\(id)\"" + KeymapSuggestion.didYouMean(id, in: schema.commands)))
                usable = false
            }
            return usable
        }
        copy.errors = (errors + problems).sortedBySource()
        copy.notes = (self.notes + notes).sortedBySource()
        return copy
    }
}

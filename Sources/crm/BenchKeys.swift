/// The keys `crm bench` measures, screen by screen. Each group starts from a freshly opened
/// app (which shows Accounts), so the app on the terminal and the one in-process type exactly
/// the same keys.
enum BenchKeys {
    static func groups(repeats: Int) -> [KeyGroup] {
        let tenth = max(1, repeats / 10)
        let jumps = repeated(["Home", "G"], tenth)
        let across = repeated(repeated(["l"], 5) + repeated(["h"], 5), tenth)
        return [
            KeyGroup(title: "personal contacts", setup: ["g", "p"], runs: [
                KeyRun(title: "j (cursor down)", keys: repeated(["j"], repeats)),
                KeyRun(title: "k (cursor up)", keys: repeated(["k"], repeats)),
                KeyRun(title: "PgDn", keys: repeated(["PgDn"], repeats)),
                KeyRun(title: "G (jump to end)", keys: jumps, only: "G"),
                KeyRun(title: "quick-filter keystroke",
                       keys: repeated(["/", "m", "a", "r", "i", "e"] + backspaces(6) + ["n", "o", "v"] + backspaces(3)
                                      + ["s", "c", "h"] + backspaces(3) + ["Esc"], max(1, repeats / 25)),
                       skip: ["/", "Esc"]),
            ]),
            KeyGroup(title: "opportunity board", setup: ["g", "o"], runs: [
                KeyRun(title: "board l (next column)", keys: across, only: "l"),
                KeyRun(title: "board h (prev column)", keys: across, only: "h"),
                KeyRun(title: "board j (next card)", keys: repeated(["j"], repeats)),
                KeyRun(title: "board k (prev card)", keys: repeated(["k"], repeats)),
            ]),
            KeyGroup(title: "opportunity list", setup: ["g", "o", "Tab"], runs: [
                KeyRun(title: "opp. list j", keys: repeated(["j"], repeats)),
                KeyRun(title: "opp. list PgDn", keys: repeated(["PgDn"], repeats)),
                KeyRun(title: "opp. list G", keys: jumps, only: "G"),
            ]),
            KeyGroup(title: "opportunities grouped by status", setup: ["g", "o", "Tab", "b"], runs: [
                KeyRun(title: "opp. grouped j", keys: repeated(["j"], repeats)),
                KeyRun(title: "opp. grouped PgDn", keys: repeated(["PgDn"], repeats)),
            ]),
            KeyGroup(title: "leads", setup: ["g", "l"], runs: leadRuns(repeats: repeats, jumps: jumps)),
        ]
    }

    /// The lead list (LD-2) and the lead pages (LD-3): j, PgDn, G, switching views, typing a
    /// filter, the first frame of each page (the key that opens it, with its reads), the
    /// statistics' period and grouping, and go-to (C-p), which searches a million leads too.
    private static func leadRuns(repeats: Int, jumps: [String]) -> [KeyRun] {
        let filter = ["/", "m", "u", "e", "l"] + backspaces(4) + ["Esc"]
        return [
            KeyRun(title: "lead list j", keys: repeated(["j"], repeats)),
            KeyRun(title: "lead list PgDn", keys: repeated(["PgDn"], repeats)),
            KeyRun(title: "lead list G", keys: jumps, only: "G"),
            KeyRun(title: "lead view switch (1–7)", keys: repeated(["2", "3", "4", "5", "6", "7", "1"], max(1, repeats / 35))),
            KeyRun(title: "lead view switch (Tab to Closed, All)", keys: repeated(["7", "Tab", "Tab"], 10), only: "Tab"),
            KeyRun(title: "lead filter keystroke", keys: ["1"] + repeated(filter, max(1, repeats / 20)), skip: ["1", "/", "Esc"]),
            KeyRun(title: "lead intraday first frame", keys: repeated(["8", "1"], 15), only: "8"),
            KeyRun(title: "lead statistics first frame", keys: repeated(["9", "1"], 15), only: "9"),
            KeyRun(title: "lead conversions first frame", keys: repeated(["0", "1"], 15), only: "0"),
            KeyRun(title: "lead statistics period", keys: ["9"] + repeated(["p"], 40), only: "p"),
            KeyRun(title: "lead statistics group", keys: repeated(["b"], 30)),
            KeyRun(title: "go-to keystroke", keys: repeated(["C-p", "m", "u", "e", "l"] + backspaces(4) + ["Esc"], max(1, repeats / 20)),
                   skip: ["C-p", "Esc"]),
        ]
    }

    private static func repeated(_ keys: [String], _ count: Int) -> [String] {
        Array(Array(repeating: keys, count: count).joined())
    }

    private static func backspaces(_ count: Int) -> [String] { repeated(["Backspace"], count) }
}

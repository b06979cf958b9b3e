/// Where an opportunity status sits in the sales cycle (OP-2): still being worked, won or lost.
///
/// Reports, the filter language (`status:won`, `tag:lost`) and the Sold action (OP-6) look at
/// the kind, never at a status's name, so statuses can be renamed freely.
public enum StatusKind: String, Sendable, Hashable, CaseIterable {
    case open, won, lost

    public var title: String {
        switch self {
        case .open: "Open"
        case .won: "Won"
        case .lost: "Lost"
        }
    }
}

/// The colour tag of a status, as a name from the terminal's eight basic colours, so it shows
/// on every terminal (and as text where colours are off).
public enum StatusColour: String, Sendable, Hashable, CaseIterable {
    case grey, blue, cyan, green, yellow, magenta, red, white
}

import Foundation

/// Turns any error into one line a person can act on (never a type dump or stack trace).
public enum ErrorText {
    public static func describe(_ error: Error) -> String {
        if let localized = error as? LocalizedError, let text = localized.errorDescription { return text }
        return String(describing: error)
    }
}

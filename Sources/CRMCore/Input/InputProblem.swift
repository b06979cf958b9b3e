/// Why the text of a form field is not a usable value: the message shown under the field, worded
/// for whoever typed it ("use a point for decimals: 52.50").
public struct InputProblem: Error, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

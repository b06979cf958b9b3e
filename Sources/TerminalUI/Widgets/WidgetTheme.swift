/// The styles the generic widgets draw with. The app's colour theme supplies them, so widgets
/// follow the user's colour choice without knowing the app; `WidgetStyles` is a plain set of
/// them for anything else (tests, small tools).
public protocol WidgetTheme {
    /// Ordinary text and the background of popups.
    var plain: Style { get }
    /// Table headers.
    var header: Style { get }
    /// The selected row or button.
    var selected: Style { get }
    /// Hints and "nothing here" lines.
    var dim: Style { get }
    /// Popup frames.
    var border: Style { get }
    /// Keys beside menu items, the question of a confirmation.
    var accent: Style { get }
    /// Text being typed.
    var input: Style { get }
    /// The frame of a confirmation, which may destroy something.
    var error: Style { get }
    /// A table row's marker (e.g. a favourite's star).
    var favourite: Style { get }
}

/// A `WidgetTheme` whose styles are set one by one; by default the monochrome look.
public struct WidgetStyles: WidgetTheme, Sendable, Equatable {
    public var plain = Style.plain
    public var header = Style(attributes: .bold)
    public var selected = Style(attributes: .reverse)
    public var dim = Style(attributes: .dim)
    public var border = Style.plain
    public var accent = Style(attributes: .bold)
    public var input = Style(attributes: .underline)
    public var error = Style(attributes: .bold)
    public var favourite = Style(attributes: .bold)

    public init() {}
}

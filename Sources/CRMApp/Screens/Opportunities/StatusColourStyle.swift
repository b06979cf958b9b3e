import CRMCore
import TerminalUI

/// How a status's colour tag is drawn: the status colour as the foreground, bold; without
/// colours only the bold remains, and the status name beside the tag still says it all.
enum StatusColourStyle {
    static func style(_ colour: StatusColour, depth: ColorDepth) -> Style {
        guard depth != .none else { return Style(attributes: .bold) }
        let foreground: TermColor = switch colour {
        case .grey: depth == .palette256 ? .palette(245) : .white
        case .blue: .blue
        case .cyan: .cyan
        case .green: .green
        case .yellow: .yellow
        case .magenta: .magenta
        case .red: .red
        case .white: .white
        }
        return Style(foreground: foreground, attributes: .bold)
    }
}

import Foundation
import TOMLKit

/// Settings from `$XDG_CONFIG_HOME/crm/config.toml`; command-line options win over them.
///
/// ```toml
/// keys = "vim"          # default, vim or emacs
/// color = "auto"        # auto, never, 8 or 256
/// ```
struct AppConfig {
    var keys: String?
    var color: String?

    static let knownKeys: Set<String> = ["keys", "color"]

    static func load(from url: URL = Paths.configFile) throws -> AppConfig {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return AppConfig() }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw CLIError("\(url.path):\(error.source.begin.line): \(error.description)", exitCode: 2)
        }
        var config = AppConfig()
        for key in table.keys {
            guard knownKeys.contains(key) else {
                throw CLIError("\(url.path): unknown setting \"\(key)\" (known: \(knownKeys.sorted().joined(separator: ", ")))", exitCode: 2)
            }
            guard let value = table[key]?.string else {
                throw CLIError("\(url.path): \"\(key)\" must be a string", exitCode: 2)
            }
            if key == "keys" { config.keys = value } else { config.color = value }
        }
        return config
    }
}

// swift-tools-version:6.0
// The package layout follows docs/ARCHITECTURE.md: dependencies point down only,
// and only TerminalUICurses touches curses.
import PackageDescription

let package = Package(
    name: "crm",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "crm", targets: ["crm"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // Already pulled in by Hummingbird; named so CRMServer may import their modules.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .target(name: "TerminalUI", dependencies: [
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .target(name: "TerminalUICurses", dependencies: ["TerminalUI", "CNcurses"]),
        .target(name: "TerminalUITesting", dependencies: ["TerminalUI"]),
        .target(name: "CRMCore"),
        .target(name: "CRMStore", dependencies: [
            "CRMCore",
            .product(name: "GRDB", package: "GRDB.swift"),
            // SQLite's C API, for the bulk inserts GRDB's argument binding would slow down.
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        .target(name: "CRMApp", dependencies: ["CRMCore", "CRMStore", "TerminalUI"]),
        // The intake endpoint (LP-1, LP-2); the only target besides `crm` that sees the HTTP
        // server and the crypto library, so the TUI's own targets stay quick to build.
        .target(name: "CRMServer", dependencies: [
            "CRMCore", "CRMStore",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .executableTarget(name: "crm", dependencies: [
            "CRMApp", "CRMStore", "CRMCore", "CRMServer", "TerminalUI", "TerminalUICurses",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        // The test data every test target shares (hostile strings), kept in the repository.
        .target(name: "TestFixtures", path: "Tests/TestFixtures", exclude: ["hostile-strings.jsonl"]),
        .testTarget(name: "CRMCoreTests", dependencies: ["CRMCore", "TestFixtures"]),
        .testTarget(name: "CRMStoreTests", dependencies: ["CRMStore", "CRMCore", "TestFixtures"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TerminalUITesting", "TestFixtures"]),
        .testTarget(name: "TerminalUICursesTests", dependencies: ["TerminalUICurses", "TerminalUI"]),
        .testTarget(name: "CRMAppTests", dependencies: [
            "CRMApp", "CRMStore", "CRMCore", "TerminalUI", "TerminalUITesting", "TestFixtures",
            // To count the bytes a key sends through real ncurses (ListKeyBytesTests).
            "TerminalUICurses",
            // To hold the write lock from "another program" (SaveWaitTests).
            .product(name: "GRDB", package: "GRDB.swift"),
        ], exclude: ["Snapshots"]),
        .testTarget(name: "CRMServerTests", dependencies: [
            "CRMServer", "CRMStore", "CRMCore", "TestFixtures",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "EndToEndTests", dependencies: ["crm", "TestFixtures"]),
    ]
)

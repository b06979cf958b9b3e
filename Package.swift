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
        ]),
        .target(name: "CRMApp", dependencies: ["CRMCore", "CRMStore", "TerminalUI"]),
        .executableTarget(name: "crm", dependencies: [
            "CRMApp", "CRMStore", "CRMCore", "TerminalUI", "TerminalUICurses",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .testTarget(name: "CRMCoreTests", dependencies: ["CRMCore"]),
        .testTarget(name: "CRMStoreTests", dependencies: ["CRMStore", "CRMCore"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TerminalUITesting"]),
        .testTarget(name: "CRMAppTests", dependencies: [
            "CRMApp", "CRMStore", "CRMCore", "TerminalUI", "TerminalUITesting",
        ], exclude: ["Snapshots"]),
        .testTarget(name: "EndToEndTests", dependencies: ["crm"]),
    ]
)

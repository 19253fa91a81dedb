// swift-tools-version:6.1
// Threshold — the firmware of a camera check-in kiosk. See README.md and ../shared/DESIGN.md.
//
// Direction of imports: C shims → Imaging → QRCode / Passes (pure, no I/O) → edges
// (Capture, Hardware, ScanLog, Sync, Upstream) → executables. Benchmarks live in their
// own package under Benchmarks/ so that this build stays light.
import Foundation
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

// The per-pixel and per-signature modules are optimised in debug builds too: at -Onone the main
// job (`scripts/run-main`, a debug build) played 31.5 s of 720p video in 200–285 s, 0.1× real
// time, and its latencies measured the compiler, not the kiosk. `-enable-testing` keeps
// `@testable import` working for their tests. Release builds are unaffected.
let hot: [SwiftSetting] = strict + [
    .unsafeFlags(["-O", "-enable-testing"], .when(configuration: .debug)),
]

let package = Package(
    name: "Threshold",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "threshold", targets: ["threshold"]),
        .executable(name: "threshold-upstream", targets: ["threshold-upstream"]),
        // Libraries are products so that the Benchmarks/ package can measure them from outside.
        .library(name: "Imaging", targets: ["Imaging"]),
        .library(name: "QRCode", targets: ["QRCode"]),
        .library(name: "ZBarReader", targets: ["ZBarReader"]),
        .library(name: "ImageFiles", targets: ["ImageFiles"]),
        .library(name: "Passes", targets: ["Passes"]),
        .library(name: "Policy", targets: ["Policy"]),
        .library(name: "Capture", targets: ["Capture"]),
        .library(name: "Hardware", targets: ["Hardware"]),
        .library(name: "ScanLog", targets: ["ScanLog"]),
        .library(name: "Sync", targets: ["Sync"]),
        .library(name: "Upstream", targets: ["Upstream"]),
        .library(name: "Simulation", targets: ["Simulation"]),
        .library(name: "Kiosk", targets: ["Kiosk"]),
        // Corpus locating and scoring, shared by the tests and bench-qr.
        .library(name: "TestSupport", targets: ["TestSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        // MARK: C system libraries (module map + shim header only)
        .systemLibrary(name: "CZBar", pkgConfig: "zbar", providers: [.apt(["libzbar-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CJPEG", pkgConfig: "libjpeg", providers: [.apt(["libjpeg-dev"])]),
        .systemLibrary(name: "CV4L2", pkgConfig: "libv4l2", providers: [.apt(["libv4l-dev"])]),
        .systemLibrary(name: "CGPIO"),
        .systemLibrary(name: "CHints"),

        // MARK: Pure core
        .target(name: "Imaging", swiftSettings: hot),
        .target(name: "QRCode", dependencies: ["Imaging"], swiftSettings: hot),
        .target(
            name: "Passes",
            dependencies: [
                "CZlib", "CHints",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: hot
        ),
        .target(name: "Policy", dependencies: ["Passes"], swiftSettings: strict),
        .target(name: "JSONText", swiftSettings: strict),
        .target(
            name: "HTTPLimits",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdCore", package: "hummingbird")],
            swiftSettings: strict
        ),
        .target(name: "Markup", swiftSettings: strict),

        // MARK: Edges
        .target(name: "ImageFiles", dependencies: ["Imaging", "CPNG", "CJPEG"], swiftSettings: strict),
        .target(name: "ZBarReader", dependencies: ["Imaging", "QRCode", "CZBar"], swiftSettings: strict),
        .target(name: "Capture", dependencies: ["Imaging", "CV4L2"], swiftSettings: strict),
        .target(name: "Hardware", dependencies: ["CGPIO"], swiftSettings: strict),
        .target(
            name: "Simulation",
            dependencies: [
                "Imaging", "QRCode", "Passes", "Policy", "Capture", "Hardware", "ScanLog", "Sync", "Kiosk", "Upstream", "Markup",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: hot
        ),
        .target(name: "VenuePoster", dependencies: ["Imaging", "QRCode", "Policy", "Markup"], swiftSettings: strict),
        .target(
            name: "ScanLog",
            dependencies: ["Passes", "JSONText", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .target(
            name: "Sync",
            dependencies: ["ScanLog", "JSONText", "CZlib", .product(name: "AsyncHTTPClient", package: "async-http-client")],
            swiftSettings: strict
        ),
        .target(
            name: "Upstream",
            dependencies: [
                "CZlib", "JSONText", "HTTPLimits",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strict
        ),

        .target(
            name: "Kiosk",
            dependencies: ["Imaging", "QRCode", "ZBarReader", "Passes", "Policy", "Capture", "Hardware", "ScanLog", "Sync", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        .target(
            name: "KioskWeb",
            dependencies: ["Kiosk", "ScanLog", "Markup", "Passes", "HTTPLimits", .product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: strict
        ),

        // MARK: Executables (argument parsing and wiring only)
        .executableTarget(
            name: "threshold",
            dependencies: [
                "Imaging", "QRCode", "ZBarReader", "ImageFiles", "Passes", "Policy", "Capture", "Hardware",
                "ScanLog", "Sync", "Simulation", "Kiosk", "KioskWeb", "VenuePoster", "JSONText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "threshold-upstream",
            dependencies: [
                "Upstream",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        // MARK: Test support and tests
        .target(name: "TestSupport", dependencies: ["Imaging"], swiftSettings: strict),
        .testTarget(name: "ImagingTests", dependencies: ["Imaging", "TestSupport"]),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode", "Imaging", "ImageFiles", "TestSupport"]),
        .testTarget(name: "ZBarReaderTests", dependencies: ["ZBarReader", "QRCode", "ImageFiles", "TestSupport"]),
        .testTarget(name: "ImageFilesTests", dependencies: ["ImageFiles", "Imaging", "TestSupport"]),
        .testTarget(name: "PassesTests", dependencies: ["Passes", "Policy", "QRCode", "ImageFiles", "TestSupport"]),
        .testTarget(name: "PolicyTests", dependencies: ["Policy", "Passes", "TestSupport"]),
        .testTarget(name: "CaptureTests", dependencies: ["Capture", "Imaging", "QRCode", "TestSupport"]),
        .testTarget(name: "HardwareTests", dependencies: ["Hardware"]),
        .testTarget(name: "ScanLogTests", dependencies: ["ScanLog", "JSONText", "TestSupport"]),
        .testTarget(name: "SyncTests", dependencies: [
            "Sync", "Upstream", "ScanLog", "TestSupport", .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "UpstreamTests", dependencies: ["Upstream", "TestSupport", .product(name: "HummingbirdTesting", package: "hummingbird")]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "Kiosk", "QRCode", "Capture", "Passes", "Policy", "TestSupport"]),
        .testTarget(name: "KioskTests", dependencies: ["Kiosk", "Passes", "Policy", "ScanLog", "Hardware", "Capture", "TestSupport"]),
        .testTarget(name: "VenuePosterTests", dependencies: ["VenuePoster", "QRCode", "Policy", "ImageFiles", "Markup", "TestSupport"]),
        .testTarget(name: "KioskWebTests", dependencies: [
            "KioskWeb", "Kiosk", "Passes", "Policy", "ScanLog", "Markup", "TestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ]),
        .testTarget(name: "ThresholdCLITests", dependencies: ["threshold", "TestSupport"]),
    ]
)

// Developer convenience while modules are built in parallel: THRESHOLD_DEV_TARGETS=QRCode,Imaging
// keeps only those modules' test targets and what they depend on, so working on one pure module
// does not compile the server stack. CI and the README commands never set it.
if let only = ProcessInfo.processInfo.environment["THRESHOLD_DEV_TARGETS"] {
    let keep = Set(only.split(separator: ",").map { "\($0)Tests" })
    var needed = Set<String>()
    var queue = package.targets.filter { keep.contains($0.name) }.map(\.name)
    while let name = queue.popLast() {
        guard needed.insert(name).inserted, let target = package.targets.first(where: { $0.name == name }) else { continue }
        for dependency in target.dependencies {
            switch dependency {
            case .targetItem(let dep, _), .byNameItem(let dep, _): queue.append(dep)
            default: break
            }
        }
    }
    package.targets.removeAll { !needed.contains($0.name) }
    package.products.removeAll { product in !package.targets.contains { $0.name == product.name } }
}

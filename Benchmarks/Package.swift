// swift-tools-version:6.1
// Benchmarks and long fuzz runs, in their own package so that the main build and CI stay light.
// Always run in release: `swift run -c release --package-path Benchmarks bench-qr` (see README).
import PackageDescription

let package = Package(
    name: "ThresholdBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Threshold", path: ".."),
    ],
    targets: [
        .target(name: "BenchSupport"),
        .executableTarget(
            name: "bench-qr", dependencies: ["BenchSupport", .product(name: "QRCode", package: "Threshold"),
                                             .product(name: "ZBarReader", package: "Threshold"),
                                             .product(name: "ImageFiles", package: "Threshold"),
                                             .product(name: "TestSupport", package: "Threshold"),
                                             .product(name: "Imaging", package: "Threshold")],
            path: "Sources/BenchQR"),
        .executableTarget(
            name: "bench-passes", dependencies: ["BenchSupport", .product(name: "Passes", package: "Threshold")],
            path: "Sources/BenchPasses"),
        .executableTarget(
            name: "bench-scanlog", dependencies: ["BenchSupport", .product(name: "ScanLog", package: "Threshold"),
                                                  .product(name: "Sync", package: "Threshold"),
                                                  .product(name: "Upstream", package: "Threshold")],
            path: "Sources/BenchScanLog"),
        .executableTarget(
            name: "bench-capture", dependencies: ["BenchSupport", .product(name: "Capture", package: "Threshold"),
                                                  .product(name: "Imaging", package: "Threshold")],
            path: "Sources/BenchCapture"),
        .executableTarget(
            name: "bench-kiosk", dependencies: ["BenchSupport", .product(name: "Kiosk", package: "Threshold"),
                                                .product(name: "Simulation", package: "Threshold"),
                                                .product(name: "Capture", package: "Threshold"),
                                                .product(name: "Imaging", package: "Threshold"),
                                                .product(name: "Passes", package: "Threshold"),
                                                .product(name: "Policy", package: "Threshold"),
                                                .product(name: "ScanLog", package: "Threshold")],
            path: "Sources/BenchKiosk"),
        .executableTarget(
            name: "fuzz-qr", dependencies: ["BenchSupport", .product(name: "QRCode", package: "Threshold"),
                                            .product(name: "Imaging", package: "Threshold")],
            path: "Sources/FuzzQR"),
        .executableTarget(
            name: "fuzz-passes", dependencies: ["BenchSupport", .product(name: "Passes", package: "Threshold")],
            path: "Sources/FuzzPasses"),
    ]
)

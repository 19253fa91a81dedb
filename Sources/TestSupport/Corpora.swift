import Foundation

/// Finds the shared, read-only test corpora (../shared/corpora, or $THRESHOLD_CORPORA).
///
/// Why fail instead of skip: a corpus test that silently passes when the data is missing would
/// report a green CI with nothing checked. In CI (`CI` set) a missing corpus is an error.
public enum Corpora {
    public struct Missing: Error, CustomStringConvertible {
        public let path: String
        public var description: String {
            "test corpora not found at \(path) — set THRESHOLD_CORPORA or check out ../shared/corpora"
        }
    }

    /// The corpora root directory.
    public static func root(file: StaticString = #filePath) throws -> URL {
        if let env = ProcessInfo.processInfo.environment["THRESHOLD_CORPORA"], !env.isEmpty {
            let url = URL(fileURLWithPath: env)
            guard FileManager.default.fileExists(atPath: url.path) else { throw Missing(path: url.path) }
            return url
        }
        // <root>/Sources/TestSupport/Corpora.swift → <root>/../shared/corpora
        let packageRoot = URL(fileURLWithPath: "\(file)")
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora")
        guard FileManager.default.fileExists(atPath: url.path) else { throw Missing(path: url.path) }
        return url
    }

    /// A path inside the corpora, e.g. `url("qr/pgm/zxing")`.
    public static func url(_ relative: String) throws -> URL {
        let url = try root().appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else { throw Missing(path: url.path) }
        return url
    }

    /// The package root (where Package.swift is), for tests that read `sim/` or `hardware/`.
    public static func packageRoot(file: StaticString = #filePath) -> URL {
        URL(fileURLWithPath: "\(file)")
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}

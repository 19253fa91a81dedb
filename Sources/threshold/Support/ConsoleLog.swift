import Foundation
import Logging

/// Log lines for a command-line tool: `threshold: error: <message>` on standard error, one line
/// each, no timestamps — they are read by a person at a terminal or a script's `2>` file.
struct ConsoleLogHandler: LogHandler {
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let line = "threshold: \(event.level): \(event.message)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}

enum ConsoleLog {
    private static let bootstrapped: Void = {
        let verbose = ProcessInfo.processInfo.environment["THRESHOLD_LOG"] == "debug"
        LoggingSystem.bootstrap { _ in ConsoleLogHandler(logLevel: verbose ? .debug : .info) }
    }()

    /// The CLI's logger (set `THRESHOLD_LOG=debug` for per-file timings on standard error).
    static func logger(_ label: String) -> Logger {
        _ = bootstrapped
        return Logger(label: label)
    }
}

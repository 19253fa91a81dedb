import ArgumentParser
import Foundation
import ScanLog

/// `threshold log …`: the scan log on this kiosk.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Inspect and export the scan log.",
        subcommands: [LogStatusCommand.self, LogExportCommand.self, LogSelftestAppendCommand.self])
}

/// The `--db` option shared by the log subcommands.
struct LogDatabaseOptions: ParsableArguments {
    @Option(help: "Path of the scan log database.") var db: String = "/var/lib/threshold/scanlog.sqlite"

    /// Opens for reading and reporting: a damaged file is an error here, not moved aside.
    /// - Parameter checkIntegrity: run SQLite's page check first (reads the whole file).
    func open(checkIntegrity: Bool = false) throws -> ScanLogStore {
        do {
            return try ScanLogStore(path: db, configuration: ScanLogConfiguration(checkIntegrityOnOpen: checkIntegrity))
        } catch let error as ScanLogError {
            throw ValidationError(error.description)
        }
    }
}

/// Parses Unix milliseconds or an ISO 8601 time.
func parseTime(_ text: String, option: String) throws -> Int64 {
    if let ms = Int64(text) { return ms }
    if let date = try? Date(text, strategy: .iso8601) { return Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    throw ValidationError("\(option) must be Unix milliseconds or an ISO 8601 time such as 2026-11-21T08:00:00Z, got \(text).")
}

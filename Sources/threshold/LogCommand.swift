import ArgumentParser
import Foundation
import ScanLog

/// `threshold log …`: the scan log on this kiosk.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Inspect and export the scan log.",
        subcommands: [LogStatusCommand.self, LogExportCommand.self, LogSelftestAppendCommand.self])
}

/// The scan log's path, one option for every command that touches it (`run`, `log …`): `--log`,
/// with `--db` kept as a hidden alias for scripts written before the two were made one.
struct LogPathOption: ParsableArguments {
    /// Where the kiosk service keeps its log (hardware/threshold-kiosk.service).
    static let defaultPath = "/var/lib/threshold/scanlog.sqlite"

    @Option(name: .customLong("log"), help: ArgumentHelp("Path of the scan log database.", valueName: "path"))
    var log: String = LogPathOption.defaultPath
    @Option(name: .customLong("db"), help: .hidden) var db: String?

    var path: String { db ?? log }

    mutating func validate() throws {
        if db != nil, log != Self.defaultPath, db != log { throw ValidationError("give the scan log once: --log (or its old name --db)") }
    }
}

/// The log path for the log subcommands, which only read an existing log.
struct LogDatabaseOptions: ParsableArguments {
    @OptionGroup var location: LogPathOption

    var db: String { location.path }

    /// Opens for reading and reporting: a damaged file is an error here, not moved aside, and a
    /// missing one is "no such file" — reading never creates a log.
    /// - Parameter checkIntegrity: run SQLite's page check first (reads the whole file).
    func open(checkIntegrity: Bool = false) throws -> ScanLogStore {
        try FileProblem.requireFile(db)
        do {
            return try ScanLogStore(path: db, configuration: ScanLogConfiguration(checkIntegrityOnOpen: checkIntegrity))
        } catch let error as ScanLogError {
            throw CommandFailure(.badData, "\(db): \(error.description)")
        }
    }
}

/// Parses Unix milliseconds, an ISO 8601 time, or a date alone (midnight UTC that day).
func parseTime(_ text: String, option: String) throws -> Int64 {
    if let ms = Int64(text) { return ms }
    if let date = try? Date(text, strategy: .iso8601) { return Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    if let day = try? Date(text, strategy: Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day()) {
        return Int64((day.timeIntervalSince1970 * 1000).rounded())
    }
    throw ValidationError("\(option) must be Unix milliseconds, a date such as 2026-11-21 (midnight UTC) or an ISO 8601 time such as 2026-11-21T08:00:00Z, got \(text).")
}

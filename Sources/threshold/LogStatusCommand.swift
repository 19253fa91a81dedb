import ArgumentParser
import Foundation
import ScanLog

/// `threshold log status [--json]`
struct LogStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Counts: total, unsynced, oldest unsynced age, database size, disk alarm.")

    @OptionGroup var options: LogDatabaseOptions
    @Flag(help: "Print JSON instead of text.") var json = false
    @Flag(help: "Check every page of the file first (fails on a damaged log).") var checkIntegrity = false

    func run() throws {
        let store = try options.open(checkIntegrity: checkIntegrity)
        let status = try store.status(nowMillis: SystemScanClock().wallMillis)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            print(String(decoding: try encoder.encode(status), as: UTF8.self))
            return
        }
        print("records:          \(status.total)")
        print("unsynced:         \(status.unsynced)")
        print("conflicted:       \(status.conflicted)")
        print("rejected:         \(status.rejected)\(status.isUploadAlarm ? "  ALARM: refused by the upstream, kept here only" : "")")
        print("oldest unsynced:  \(status.oldestUnsyncedAgeSeconds.map { String(format: "%.0f s ago", $0) } ?? "none")")
        print("database size:    \(status.databaseBytes) bytes")
        switch status.disk {
        case .ok(let free, let total): print("disk:             ok, \(free / 1_048_576) MB free of \(total / 1_048_576) MB")
        case .low(let free, let total): print("disk:             LOW — \(free / 1_048_576) MB free of \(total / 1_048_576) MB")
        case .unknown(let why): print("disk:             unknown — \(why)")
        }
    }
}

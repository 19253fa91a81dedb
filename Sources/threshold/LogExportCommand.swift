import ArgumentParser
import Foundation
import ScanLog

/// `threshold log export --from T --to T --format csv|json [--output FILE]`
struct LogExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export records in [from, to) as CSV or JSON (streamed).")

    @OptionGroup var options: LogDatabaseOptions
    @Option(help: "Start (inclusive): Unix ms or ISO 8601.") var from: String
    @Option(help: "End (exclusive): Unix ms or ISO 8601.") var to: String
    @Option(help: "csv or json.") var format: String = "csv"
    @Option(help: "Write to this file instead of standard output.") var output: String?

    func run() throws {
        guard let format = ExportFormat(rawValue: format) else { throw ValidationError("--format must be csv or json.") }
        let fromMillis = try parseTime(from, option: "--from"), toMillis = try parseTime(to, option: "--to")
        guard fromMillis <= toMillis else { throw ValidationError("--from must not be after --to.") }
        let store = try options.open()
        let handle: FileHandle
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil) else {
                throw ValidationError("Cannot create \(output).")
            }
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        } else {
            handle = FileHandle.standardOutput
        }
        let count = try store.export(fromMillis: fromMillis, toMillis: toMillis, format: format) { chunk in
            try handle.write(contentsOf: Data(chunk.utf8))
        }
        if output != nil {
            try handle.close()
            FileHandle.standardError.write(Data("exported \(count) records\n".utf8))
        }
    }
}

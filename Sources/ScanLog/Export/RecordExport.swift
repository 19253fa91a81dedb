import Foundation
import GRDB
import JSONText

extension ScanLogStore {
    /// Streams the records with `fromMillis <= wall_ms < toMillis`, oldest first, to `write` in
    /// chunks of about 64 KB: a cursor walks the rows, so memory stays flat whatever the range.
    /// - Returns: the number of records written.
    @discardableResult
    public func export(
        fromMillis: Int64, toMillis: Int64, format: ExportFormat, write: (String) throws -> Void
    ) throws -> Int {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: "SELECT \(RecordRow.columns) FROM scan WHERE wall_ms >= ? AND wall_ms < ? ORDER BY wall_ms, id",
                arguments: [fromMillis, toMillis])
            var buffer = format == .csv ? CSVRow.header + "\n" : "["
            var count = 0
            while let row = try rows.next() {
                let record = try RecordRow.decode(row, path: path)
                let synced: Int = row[17]
                switch format {
                case .csv:
                    buffer += CSVRow.line(record, syncState: synced) + "\n"
                case .json:
                    let data = try encoder.encode(record)
                    buffer += (count == 0 ? "\n" : ",\n") + String(decoding: data, as: UTF8.self)
                }
                count += 1
                if buffer.utf8.count >= 65_536 {
                    try write(buffer)
                    buffer = ""
                }
            }
            if format == .json { buffer += count == 0 ? "]\n" : "\n]\n" }
            try write(buffer)
            return count
        }
    }
}

/// One CSV line per record (RFC 4180 quoting; a cell a spreadsheet would evaluate is neutralised, see `CSVCell`).
enum CSVRow {
    static let header = "id,device_id,venue_id,wall_time,wall_ms,mono_ns,outcome,reason,format,issuer,kid,"
        + "status,token_digest,masked_name,masked_id,temperature,decode_us,verify_us,sync_state,rule"

    static func line(_ r: ScanRecord, syncState: Int) -> String {
        let fields: [String] = [
            r.id.description, r.deviceID, r.venueID, iso8601(r.wallMillis), String(r.wallMillis),
            String(r.monotonicNanos), r.outcome.rawValue, r.reason?.rawValue ?? "", r.format?.rawValue ?? "",
            r.issuer ?? "", r.kid ?? "", r.status?.rawValue ?? "", r.tokenDigest, r.display?.name ?? "",
            r.display?.idTail ?? "", r.temperature.map { String($0) } ?? "", String(r.decodeMicros),
            String(r.verifyMicros), SyncState(rawValue: syncState).map { "\($0)" } ?? String(syncState), r.rule ?? "",
        ]
        return fields.map(CSVCell.text).joined(separator: ",")
    }

    static func iso8601(_ millis: Int64) -> String {
        Date(timeIntervalSince1970: Double(millis) / 1000).formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}

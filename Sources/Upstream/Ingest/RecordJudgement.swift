import Foundation

/// One record of a batch the upstream would not store, and why.
///
/// Why per record: a batch is a kiosk's oldest pending records, and the kiosk re-sends it until it
/// is answered. Refusing the whole batch for one bad record (a forged pass's 300-byte `kid`) made
/// the kiosk re-send the same batch forever, so nothing after it was ever delivered. Now the good
/// records are stored and each bad one is named here; the kiosk sets those aside and moves on.
public struct RejectedRecord: Sendable, Hashable, Codable {
    /// Position in the batch's `records` array (always present, even when the id is unreadable).
    public var index: Int
    /// The record's id when it could be read as a string.
    public var id: String?
    /// A sentence naming the field and what was wrong with it.
    public var reason: String

    public init(index: Int, id: String?, reason: String) { self.index = index; self.id = id; self.reason = reason }
}

/// A batch as judged record by record: what may be stored, and what may not.
struct JudgedBatch: Sendable {
    var good: [(record: IncomingRecord, json: String)]
    var rejected: [RejectedRecord]
}

/// A batch element decoded on its own, so that one record of the wrong shape (a string where a
/// number belongs, a missing key) is refused alone instead of failing the whole body.
struct LenientRecord: Decodable, Sendable {
    var record: IncomingRecord?
    var id: String?
    var problem: String?

    private enum IDKey: String, CodingKey { case id }

    init(record: IncomingRecord) { self.record = record }

    init(from decoder: any Decoder) throws {
        do {
            record = try IncomingRecord(from: decoder)
        } catch let error as DecodingError {
            problem = BatchDecoder.reason(error)
            id = try? decoder.container(keyedBy: IDKey.self).decode(String.self, forKey: .id)
        }
    }
}

/// The body of `POST /v1/batches` with each record decoded on its own.
struct LenientBatch: Decodable, Sendable {
    var records: [LenientRecord]
}

import Foundation

/// Seed inputs per fuzz target, cut from real passes (the caller reads the files: Passes does
/// no I/O). Feeding each stage of a real pass lets mutations reach the deep parsers.
public struct FuzzSeeds: Sendable {
    public private(set) var byTarget: [PassesFuzzer.Target: [[UInt8]]] = [:]

    public init() {}

    /// Adds the stages of one dgc-testdata JSON case (PREFIX, BASE45, COMPRESSED, COSE, CBOR).
    public mutating func addDCCCase(json: [UInt8]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any] else { return }
        func text(_ key: String) -> [UInt8]? { (object[key] as? String).map { Array($0.utf8) } }
        func hex(_ key: String) -> [UInt8]? {
            guard let string = object[key] as? String, string.count % 2 == 0 else { return nil }
            var out: [UInt8] = []
            var index = string.startIndex
            while index < string.endIndex {
                let next = string.index(index, offsetBy: 2)
                guard let byte = UInt8(string[index..<next], radix: 16) else { return nil }
                out.append(byte)
                index = next
            }
            return out
        }
        if let prefixed = text("PREFIX") { add(.dcc, prefixed) }
        if let base45 = text("BASE45") { add(.base45, base45) }
        if let compressed = hex("COMPRESSED") { add(.zlib, compressed) }
        if let cose = hex("COSE") { add(.cose, cose); add(.cbor, cose) }
        if let cbor = hex("CBOR") { add(.cbor, cbor) }
    }

    /// Adds the stages of one of our own passes (`TH1:` text): the base45 body, the zlib bytes,
    /// the COSE envelope and the claims, so mutations reach the verifier's own fast paths.
    public mutating func addThresholdPass(_ text: String) {
        guard let parts = try? ThresholdWire.split(text) else { return }
        add(.base45, Array(parts.credential.utf8))
        guard let compressed = try? Base45.decode(utf8: parts.credential.utf8) else { return }
        add(.zlib, compressed)
        guard let cose = try? Zlib.inflate(compressed, format: .zlib) else { return }
        add(.cose, cose)
        if let envelope = try? ThresholdEnvelope(cose: cose) { add(.cbor, Array(envelope.payload)) }
    }

    /// Adds a compact JWS and its numeric QR form.
    public mutating func addSHC(jws: String) {
        let trimmed = jws.trimmingCharacters(in: .whitespacesAndNewlines)
        add(.jws, Array(trimmed.utf8))
        add(.shcNumeric, Array(SHCNumeric.encode(jws: trimmed).utf8))
        if let payload = try? CompactJWS(trimmed).rawPayload { add(.zlib, payload) }
    }

    /// Adds a numeric `shc:/` QR text as scanned (chunks included).
    public mutating func addSHCNumeric(_ text: String) {
        add(.shcNumeric, Array(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8))
    }

    /// Adds a trust bundle twice: as the envelope signed by `PassesFuzzer.bundleRoot` (starts with
    /// the COSE tag) and as its bare payload, which the fuzzer signs after mutating it.
    public mutating func addTrustBundle(_ bundle: TrustBundle) {
        if let signed = try? bundle.sign(root: PassesFuzzer.bundleRoot) { add(.trustBundle, signed) }
        add(.trustBundle, CBOREncoder.encode(bundle.payload()))
    }

    public mutating func add(_ target: PassesFuzzer.Target, _ seed: [UInt8]) {
        byTarget[target, default: []].append(seed)
    }

    public subscript(target: PassesFuzzer.Target) -> [[UInt8]] { byTarget[target] ?? [] }
}

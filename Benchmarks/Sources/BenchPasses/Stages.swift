import BenchSupport
import Crypto
import Foundation
import Passes

/// Cost of each stage of a fresh verification, in microseconds per token (BENCH_STAGES=1), to see
/// where the time beyond the signature goes.
func printStages(tokens: [String], store: InMemoryTrustStore) throws {
    let n = min(tokens.count, 4000)
    let texts = Array(tokens.prefix(n))
    let bodies = texts.map { Array($0.utf8.dropFirst(4)) }
    let compressed = try bodies.map { try Base45.decode(utf8: $0) }
    let coses = try compressed.map { try Zlib.inflate($0, format: .zlib, maxOutput: 4096) }
    let messages = try coses.map { try COSESign1.decode($0) }
    var sink = 0
    func stage(_ name: String, _ body: (Int) throws -> Int) rethrows {
        let t = threadCPUSeconds()
        for i in 0..<n { sink &+= try body(i) }
        print("| \(name) | \(fmt((threadCPUSeconds() - t) / Double(n) * 1e6, 2)) |")
    }
    print("| stage | µs per token |\n|---|---|")
    stage("token digest (SHA-256 of text)") { TokenDigest(of: texts[$0]).hex.utf8.count }
    try stage("base45 decode") { try Base45.decode(utf8: bodies[$0]).count }
    try stage("zlib inflate") { try Zlib.inflate(compressed[$0], format: .zlib, maxOutput: 4096).count }
    try stage("COSE_Sign1 decode") { try COSESign1.decode(coses[$0]).payload.count }
    stage("Sig_structure encode") { messages[$0].signatureStructure().count }
    stage("key lookup") { store.key(format: .threshold, kid: messages[$0].kid ?? []) == nil ? 0 : 1 }
    try stage("claims CBOR decode") { if case .map(let m) = try CBORDecoder().decode(messages[$0].payload) { m.count } else { 0 } }
    try stage("claims → ThresholdPass (generic CBOR tree)") { try ThresholdPass(claims: CBORDecoder().decode(messages[$0].payload)).doses }
    try stage("claims → ThresholdPass (ClaimsReader, used)") { try ThresholdPass(claimBytes: messages[$0].payload).doses }
    stage("revocation hash + probe") { store.revocations.isRevoked(.credentialID, identifier: Array("x\($0)".utf8)) ? 1 : 0 }
    if sink == 42 { print("") }
}

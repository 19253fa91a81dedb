import Foundation
import Passes

/// One visitor's issued credential and the texts the phone shows over time: a live pass
/// re-signs its holder proof every 30 s of virtual time, a screenshot keeps the proof it had.
public struct VisitorPass: Sendable {
    public let visitor: Visitor
    /// The `TH1:` credential as issued.
    public let credential: String
    public let credentialID: [UInt8]
    let holderKey: SigningKey
    let proofVenue: String
    /// Virtual time the proof is frozen at (screenshots), nil for a live phone.
    let frozenAt: Date?

    public init(visitor: Visitor, scenario: Scenario, keys: SimulationKeys) throws {
        self.visitor = visitor
        let arrival = scenario.start.addingTimeInterval(visitor.arrival)
        let issuedAt: Date, notBefore: Date?, expires: Date
        switch visitor.pass.validity {
        case .valid:
            issuedAt = scenario.start.addingTimeInterval(-3600); notBefore = nil
            expires = arrival.addingTimeInterval(ThresholdPass.defaultValidity)
        case .expired:
            issuedAt = arrival.addingTimeInterval(-2 * ThresholdPass.defaultValidity); notBefore = nil
            expires = arrival.addingTimeInterval(-ThresholdPass.defaultValidity)
        case .notYetValid:
            issuedAt = arrival.addingTimeInterval(2 * ThresholdPass.defaultValidity); notBefore = issuedAt
            expires = issuedAt.addingTimeInterval(ThresholdPass.defaultValidity)
        }
        credentialID = keys.credentialID(visitor.id)
        holderKey = keys.holder(visitor.id)
        let tail = String(credentialID.prefix(2).reduce(0) { $0 << 8 | Int($1) } % 10_000 + 10_000).dropFirst()
        let pass = ThresholdPass(
            issuer: scenario.issuer.name, subject: "sim-\(visitor.id)", credentialID: credentialID,
            issuedAt: issuedAt, notBefore: notBefore, expires: expires, status: visitor.pass.status.health,
            doses: 2, display: MaskedDisplay(name: "Z*", idTail: String(tail)), holderKey: holderKey.publicKey)
        let signer = visitor.pass.attack == .forged ? keys.forger : keys.issuer
        credential = try ThresholdPassIssuer(key: signer, issuer: scenario.issuer.name).issue(pass)
        proofVenue = visitor.pass.attack == .wrongVenue ? scenario.venue.id + "-elsewhere" : scenario.venue.id
        frozenAt = visitor.pass.attack == .replayedScreenshot
            ? arrival.addingTimeInterval(-(visitor.pass.screenshotAge ?? 0)) : nil
    }

    /// The QR text on the phone at virtual time `date`.
    public func text(at date: Date) throws -> String {
        try HolderProof.make(credential: credential, holderKey: holderKey, at: frozenAt ?? date, venueID: proofVenue)
    }

    /// The 30-second proof step the phone shows at `date` (constant for a screenshot).
    public func proofStep(at date: Date) -> Int64 { HolderProof.step(at: frozenAt ?? date) }
}

extension PassStatus {
    var health: HealthStatus {
        switch self {
        case .green: .green
        case .yellow: .yellow
        case .red: .red
        }
    }
}

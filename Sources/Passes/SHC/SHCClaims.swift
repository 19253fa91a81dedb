import Foundation

/// The JWT claims of a SMART Health Card payload that a venue check needs.
///
/// The FHIR bundle is read once for the patient's family name (kept only masked) and the
/// immunizations; everything else in the bundle is ignored and nothing personal is kept.
public struct SHCClaims: Sendable, Hashable {
    public var issuer: String
    /// `nbf`: the issuance date.
    public var issuedAt: Date
    /// `exp`: optional; most cards never expire.
    public var expires: Date?
    /// `vc.rid`: revocation identifier, if the issuer supports revocation.
    public var rid: String?
    /// `vc.type`.
    public var types: [String]
    public var maskedName: String
    /// Completed immunizations, as (date, vaccine code) pairs in bundle order.
    public var immunizations: [Immunization]

    public struct Immunization: Sendable, Hashable {
        public var date: Date?
        public var code: String?
    }

    public static let healthCardType = "https://smarthealth.cards#health-card"

    public init(payload: [UInt8]) throws(PassError) {
        struct Coding: Decodable { var code: String? }
        struct CodeableConcept: Decodable { var coding: [Coding]? }
        struct HumanName: Decodable { var family: String?; var given: [String]? }
        struct Resource: Decodable {
            var resourceType: String?
            var name: [HumanName]?
            var status: String?
            var occurrenceDateTime: String?
            var vaccineCode: CodeableConcept?
        }
        struct Entry: Decodable { var resource: Resource? }
        struct Bundle: Decodable { var entry: [Entry]? }
        struct Subject: Decodable { var fhirBundle: Bundle? }
        struct VC: Decodable { var type: [String]?; var credentialSubject: Subject?; var rid: String? }
        struct Payload: Decodable { var iss: String; var nbf: Double; var exp: Double?; var vc: VC }

        let decoded: Payload
        do {
            decoded = try JSONDecoder().decode(Payload.self, from: Data(payload))
        } catch {
            throw .malformed("SHC payload is not JSON with iss, nbf and vc")
        }
        guard decoded.nbf.isFinite, decoded.exp?.isFinite ?? true else { throw .malformed("SHC nbf or exp is not a number") }
        issuer = decoded.iss
        issuedAt = Date(timeIntervalSince1970: decoded.nbf)
        expires = decoded.exp.map { Date(timeIntervalSince1970: $0) }
        rid = decoded.vc.rid
        types = decoded.vc.type ?? []
        guard types.contains(Self.healthCardType) else {
            throw .malformed("SHC vc.type does not include the health-card type")
        }
        let resources = (decoded.vc.credentialSubject?.fhirBundle?.entry ?? []).compactMap(\.resource)
        let patientName = resources.first { $0.resourceType == "Patient" }?.name?.first
        maskedName = MaskedDisplay.maskName(patientName?.family ?? patientName?.given?.first ?? "")
        immunizations = resources
            .filter { $0.resourceType == "Immunization" && ($0.status ?? "completed") == "completed" }
            .map { Immunization(date: $0.occurrenceDateTime.flatMap(ISODate.parse), code: $0.vaccineCode?.coding?.first?.code) }
    }
}

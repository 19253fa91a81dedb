/// EU DCC signer key usage: which certificate kinds a Document Signer may sign, from the
/// extended key usage OIDs of its X.509 certificate (eHealth Network HCERT spec, key usage policy).
///
/// A signer certificate with none of these OIDs may sign every kind; one with any of them may
/// sign only the kinds it lists. Both the registered arc (1.3.6.1.4.1.1847.2021.1.x) and the
/// widely deployed mis-registered one with an extra `.0` (1.3.6.1.4.1.0.1847.2021.1.x) count.
public enum DCCKeyUsage {
    public static let oids: [String: HealthCertificate.Kind] = [
        "1.3.6.1.4.1.1847.2021.1.1": .test,
        "1.3.6.1.4.1.1847.2021.1.2": .vaccination,
        "1.3.6.1.4.1.1847.2021.1.3": .recovery,
        "1.3.6.1.4.1.0.1847.2021.1.1": .test,
        "1.3.6.1.4.1.0.1847.2021.1.2": .vaccination,
        "1.3.6.1.4.1.0.1847.2021.1.3": .recovery,
    ]

    /// The kinds allowed by `extendedKeyUsages`; nil means "no DCC restriction present".
    public static func allowedKinds(_ extendedKeyUsages: Set<String>) -> Set<HealthCertificate.Kind>? {
        let kinds = Set(extendedKeyUsages.compactMap { oids[$0] })
        return kinds.isEmpty ? nil : kinds
    }

    /// Throws `.keyUsage` unless every kind in `certificate` is allowed.
    public static func check(_ certificate: HealthCertificate, extendedKeyUsages: Set<String>) throws(PassError) {
        guard let allowed = allowedKinds(extendedKeyUsages) else { return }
        let kinds = certificate.kinds
        if kinds.isEmpty { throw PassError(.keyUsage, "DCC has no vaccination, test or recovery entry to authorise") }
        for kind in kinds where !allowed.contains(kind) {
            throw PassError(.keyUsage, "DCC signer key is not allowed to sign \(kind) certificates")
        }
    }
}

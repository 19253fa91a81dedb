/// What a trusted key may sign. A key outside its usage is refused with `keyUsage`, so a test-centre
/// key cannot mint vaccination passes and our pass key cannot vouch for a DCC.
public enum KeyUsage: String, Sendable, Hashable, Codable, CaseIterable {
    /// Our own `TH1` passes.
    case thresholdPass = "threshold-pass"
    /// DCC test certificates (EKU OID 1.3.6.1.4.1.1847.2021.1.1 or 1.3.6.1.4.1.0.1847.2021.1.1).
    case dccTest = "dcc-test"
    /// DCC vaccination certificates (…2021.1.2).
    case dccVaccination = "dcc-vaccination"
    /// DCC recovery certificates (…2021.1.3).
    case dccRecovery = "dcc-recovery"
    /// SMART Health Card issuer keys.
    case shc

    /// The usages a key may have when nothing restricts it (a DCC signer without EKU may sign all
    /// three DCC kinds, as the DCC specification says).
    public static func unrestricted(for format: PassFormat) -> Set<KeyUsage> {
        switch format {
        case .threshold: [.thresholdPass]
        case .dcc: [.dccTest, .dccVaccination, .dccRecovery]
        case .shc: [.shc]
        }
    }
}

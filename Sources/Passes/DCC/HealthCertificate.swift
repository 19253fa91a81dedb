import Foundation

/// The parts of an EU DCC `eu_dgc_v1` document that a venue check needs.
///
/// Only the masked name is kept: the full name and the date of birth are read from the CBOR and
/// dropped here, so nothing after decoding can leak them into a screen or a log.
public struct HealthCertificate: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case vaccination = "v"
        case test = "t"
        case recovery = "r"
    }

    public struct Vaccination: Sendable, Hashable {
        /// `dn`: the dose number of this entry.
        public var doseNumber: Int?
        /// `sd`: total doses in the series.
        public var seriesDoses: Int?
        /// `dt`: date of vaccination (midnight UTC).
        public var date: Date?
        /// `mp`: medicinal product code.
        public var product: String?
    }

    public struct Test: Sendable, Hashable {
        /// `sc`: sample collection time.
        public var sampleTime: Date?
        /// `tr`: result code (SNOMED `260415000` = not detected, `260373001` = detected).
        public var result: String?
        /// `tt`: test type code (LOINC `LP6464-4` NAAT, `LP217198-3` rapid antigen).
        public var type: String?

        public static let notDetected = "260415000"
        public static let detected = "260373001"
        public var isNegative: Bool { result == Test.notDetected }
    }

    public struct Recovery: Sendable, Hashable {
        /// `fr`: first positive test date.
        public var firstPositive: Date?
        /// `df` / `du`: validity of the recovery statement.
        public var validFrom: Date?
        public var validUntil: Date?
    }

    /// One `v`, `t` or `r` entry with its unique certificate identifier (`ci`).
    public struct Entry: Sendable, Hashable {
        public var kind: Kind
        /// UVCI, e.g. `URN:UVCI:01:AT:…`; what revocation lists hash.
        public var uci: String?
        /// `tg`: disease targeted (SNOMED `840539006` = COVID-19).
        public var disease: String?
        /// `co`: member state of the event.
        public var country: String?
        public var vaccination: Vaccination?
        public var test: Test?
        public var recovery: Recovery?
    }

    /// `ver`: schema version.
    public var version: String?
    /// First character of the standardised family name, then `*`.
    public var maskedName: String
    public var entries: [Entry]

    /// The kinds present (a valid DCC has exactly one entry of one kind).
    public var kinds: Set<Kind> { Set(entries.map(\.kind)) }

    /// The single kind of this certificate, nil if none or mixed.
    public var kind: Kind? { kinds.count == 1 ? kinds.first : nil }

    public init(_ dgc: CBOR) throws(PassError) {
        guard case .map = dgc else { throw .malformed("eu_dgc_v1 is not a map") }
        version = dgc[text: "ver"]?.textValue
        let name = dgc[text: "nam"]
        let family = name?[text: "fnt"]?.textValue ?? name?[text: "fn"]?.textValue
            ?? name?[text: "gnt"]?.textValue ?? name?[text: "gn"]?.textValue ?? ""
        maskedName = MaskedDisplay.maskName(family)
        var entries: [Entry] = []
        for kind in Kind.allCases {
            // `null` is read as absent: Bulgarian certificates write the unused arrays that way.
            guard let list = dgc[text: kind.rawValue], list != .null else { continue }
            guard let items = list.arrayValue else { throw .malformed("eu_dgc_v1 \(kind.rawValue) is not an array") }
            for item in items {
                guard case .map = item else { throw .malformed("eu_dgc_v1 \(kind.rawValue) entry is not a map") }
                entries.append(Self.entry(kind, item))
            }
        }
        self.entries = entries
    }

    static func entry(_ kind: Kind, _ item: CBOR) -> Entry {
        func text(_ key: String) -> String? { item[text: key]?.textValue }
        func date(_ key: String) -> Date? { text(key).flatMap(ISODate.parse) }
        var entry = Entry(kind: kind, uci: text("ci"), disease: text("tg"), country: text("co"))
        switch kind {
        case .vaccination:
            entry.vaccination = Vaccination(doseNumber: item[text: "dn"]?.int, seriesDoses: item[text: "sd"]?.int,
                                            date: date("dt"), product: text("mp"))
        case .test:
            entry.test = Test(sampleTime: date("sc"), result: text("tr"), type: text("tt"))
        case .recovery:
            entry.recovery = Recovery(firstPositive: date("fr"), validFrom: date("df"), validUntil: date("du"))
        }
        return entry
    }

    /// The display fields: masked name and the tail of the first UVCI.
    public var display: MaskedDisplay {
        MaskedDisplay(name: maskedName, idTail: MaskedDisplay.maskID(entries.first?.uci ?? ""))
    }
}

public import Imaging
public import QRCode

/// Runs our reader and zbar (or any reference reader) on the same frame and says, code by code, where
/// they agree and where they do not. In the field this is how we find our own misses: every
/// `zbarOnly` is a frame worth keeping.
public struct CrossCheck: Sendable {
    public let ours: any QRReader
    public let zbar: any QRReader

    public init(ours: any QRReader, zbar: any QRReader = ZBarReader()) {
        self.ours = ours
        self.zbar = zbar
    }

    /// Reads `image` with both readers and compares.
    public func run(_ image: GrayImage) -> CrossCheckReport {
        CrossCheckReport.compare(ours: ours.read(image), zbar: zbar.read(image))
    }
}

/// Both readers' results compared on one frame.
public struct CrossCheckReport: Sendable, Hashable {
    /// One code as seen by both, one, or the other reader.
    public enum Outcome: Sendable, Hashable {
        /// Both read it, with the same text.
        case agree(ours: QRResult, zbar: QRResult)
        /// Only our reader found it.
        case oursOnly(QRResult)
        /// Only the reference (zbar) found it: a miss of ours.
        case zbarOnly(QRResult)
        /// Both found a code in the same place but read different texts: one of them misread.
        case conflicting(ours: QRResult, zbar: QRResult)
    }

    public let ours: [QRResult]
    public let zbar: [QRResult]
    public let outcomes: [Outcome]

    public var agree: Int { outcomes.count { if case .agree = $0 { true } else { false } } }
    public var oursOnly: Int { outcomes.count { if case .oursOnly = $0 { true } else { false } } }
    public var zbarOnly: Int { outcomes.count { if case .zbarOnly = $0 { true } else { false } } }
    public var conflicting: Int { outcomes.count { if case .conflicting = $0 { true } else { false } } }

    /// Pairs codes first by identical text (wherever they lie: corner conventions differ between
    /// readers), then the rest by overlapping location, which makes a pair with different texts a
    /// conflict. Whatever is left unpaired belongs to one reader only.
    public static func compare(ours: [QRResult], zbar: [QRResult]) -> CrossCheckReport {
        var outcomes: [Outcome] = []
        var leftOurs = Array(ours.indices)
        var leftZbar = Array(zbar.indices)

        for i in leftOurs {
            if let k = leftZbar.firstIndex(where: { zbar[$0].text == ours[i].text }) {
                outcomes.append(.agree(ours: ours[i], zbar: zbar[leftZbar[k]]))
                leftZbar.remove(at: k)
                leftOurs.removeAll { $0 == i }
            }
        }
        for i in leftOurs {
            if let k = leftZbar.firstIndex(where: { Outline.overlap(ours[i].corners, zbar[$0].corners) }) {
                outcomes.append(.conflicting(ours: ours[i], zbar: zbar[leftZbar[k]]))
                leftZbar.remove(at: k)
            } else {
                outcomes.append(.oursOnly(ours[i]))
            }
        }
        for k in leftZbar { outcomes.append(.zbarOnly(zbar[k])) }
        return CrossCheckReport(ours: ours, zbar: zbar, outcomes: outcomes)
    }
}

/// Overlap of two symbol outlines, good enough to say "the same code": the centre of either lies
/// inside the other.
enum Outline {
    static func overlap(_ a: [Point], _ b: [Point]) -> Bool {
        guard let qa = quad(a), let qb = quad(b) else { return false }
        return qa.contains(qb.center) || qb.contains(qa.center)
    }

    private static func quad(_ corners: [Point]) -> Quad? {
        guard corners.count == 4 else { return nil }
        return Quad(topLeft: corners[0], topRight: corners[1], bottomRight: corners[2], bottomLeft: corners[3])
    }
}

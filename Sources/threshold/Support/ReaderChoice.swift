import ArgumentParser
import QRCode
import ZBarReader

/// Which reader `decode` uses as "ours".
enum ReaderChoice: String, ExpressibleByArgument, CaseIterable {
    /// Our own decoder (`QRCode.QRDecoder`).
    case threshold
    /// libzbar, for comparison.
    case zbar

    static let defaultChoice: ReaderChoice = .threshold

    func makeReader(tryHarder: Bool) -> any QRReader {
        switch self {
        case .threshold: QRDecoder(options: .init(tryHarder: tryHarder))
        case .zbar: ZBarReader(testInverted: tryHarder)
        }
    }
}

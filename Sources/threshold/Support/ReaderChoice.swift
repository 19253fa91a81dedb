import ArgumentParser
import QRCode
import ZBarReader

/// Which reader `decode` uses as "ours".
enum ReaderChoice: String, ExpressibleByArgument, CaseIterable {
    /// libzbar, for comparison.
    case zbar

    /// Our own decoder once it is on main; zbar until then.
    static let defaultChoice: ReaderChoice = .zbar

    func makeReader() -> any QRReader {
        switch self {
        case .zbar: ZBarReader()
        }
    }
}

import Foundation

/// A command that was typed correctly but could not do its work: a missing or unreadable file,
/// a damaged trust bundle, a key that does not fit, a venue file with errors. Printed as one line
/// on standard error (`threshold: …`) with a sysexits(3) status, never with the usage text —
/// usage (status 64) is only for a command line that is itself wrong. Status 1 stays what it
/// was for each command: a pass denied, a check that found problems, a simulation that failed.
struct CommandFailure: Error, CustomStringConvertible {
    /// sysexits(3) statuses, so a script can tell the kinds apart.
    enum Kind: Int32 {
        /// EX_DATAERR: an input file exists but its content is wrong (damaged, wrong key, not an image).
        case badData = 65
        /// EX_NOINPUT: an input file does not exist or cannot be read.
        case noInput = 66
        /// EX_UNAVAILABLE: a device or service the command needs is not there.
        case unavailable = 69
        /// EX_CANTCREAT: an output file or directory cannot be created.
        case cannotCreate = 73
        /// EX_IOERR: reading or writing failed part way.
        case ioError = 74
        /// EX_CONFIG: a configuration file (venue, hardware) has errors.
        case config = 78
    }

    var kind: Kind
    var message: String

    var description: String { message }

    init(_ kind: Kind, _ message: String) { self.kind = kind; self.message = message }

    /// `path: no such file`, or why it cannot be read.
    static func unreadable(_ path: String, _ error: any Error) -> CommandFailure {
        CommandFailure(.noInput, "\(path): \(FileProblem.describe(error, path: path))")
    }
}

/// Words for why a file could not be opened, instead of Foundation's localised sentences
/// ("The file “x” couldn’t be opened because there is no such file.").
enum FileProblem {
    static func describe(_ error: any Error, path: String) -> String {
        if let posix = posixCode(error) {
            switch posix {
            case ENOENT: return "no such file"
            case EACCES, EPERM: return "permission denied"
            case EISDIR: return "is a directory, not a file"
            case ENOTDIR: return "a directory on the path does not exist"
            default: return String(cString: strerror(posix))
            }
        }
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return "no such file" }
        if isDirectory.boolValue { return "is a directory, not a file" }
        if !FileManager.default.isReadableFile(atPath: path) { return "permission denied" }
        if let cocoa = error as? CocoaError, cocoa.code == .fileReadInapplicableStringEncoding { return "not UTF-8 text" }
        return "cannot be read"
    }

    private static func posixCode(_ error: any Error) -> Int32? {
        if let posix = error as? POSIXError { return posix.code.rawValue }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        if ns.domain == NSCocoaErrorDomain, ns.code == CocoaError.fileReadNoSuchFile.rawValue || ns.code == CocoaError.fileNoSuchFile.rawValue {
            return ENOENT
        }
        return nil
    }

    /// The file's bytes, or a ``CommandFailure`` naming what is wrong with the path.
    static func data(_ path: String) throws(CommandFailure) -> Data {
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch { throw .unreadable(path, error) }
    }

    /// The file as UTF-8 text.
    static func text(_ path: String) throws(CommandFailure) -> String {
        let bytes = try data(path)
        guard let text = String(data: bytes, encoding: .utf8) else { throw CommandFailure(.badData, "\(path): not UTF-8 text") }
        return text
    }

    /// Fails with "no such file" unless `path` is an existing regular file.
    static func requireFile(_ path: String) throws(CommandFailure) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure(.noInput, "\(path): no such file")
        }
        if isDirectory.boolValue { throw CommandFailure(.noInput, "\(path): is a directory, not a file") }
    }
}

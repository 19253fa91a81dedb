import ArgumentParser
import Foundation
import ImageFiles
import Imaging
import Logging
import QRCode
import ZBarReader

/// `threshold decode [--cross-check] [--json] FILE...`: reads every QR code in image files.
struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Read the QR codes in PGM/PPM, PNG and JPEG files.",
        discussion: """
            Prints each code with its version, error-correction level, corners and the decode time. \
            A file that cannot be read gets a one-line error and the next file is tried; the exit \
            status is non-zero if any file failed. With --json, one JSON object per file per line: \
            {"file", "ms", "codes": [{"text", "corners", "version", "ec"}], "zbar"} or {"file", "error"}.
            """
    )

    @Flag(name: .long, help: "Also read each file with zbar and compare (agree / ours only / zbar only / conflicting).")
    var crossCheck = false

    @Flag(name: .long, help: "One JSON object per input file per line.")
    var json = false

    @Option(name: .long, help: "The reader to use: \(ReaderChoice.allCases.map(\.rawValue).joined(separator: ", ")).")
    var reader: ReaderChoice = .defaultChoice

    @Flag(name: .long, help: "Spend more work on files where the fast passes find nothing.")
    var tryHarder = false

    @Argument(help: "Image files (PGM/PPM, PNG, JPEG).")
    var files: [String]

    func run() throws {
        let log = ConsoleLog.logger("threshold.decode")
        let ours = reader.makeReader(tryHarder: tryHarder)
        let zbar: (any QRReader)? = crossCheck ? ZBarReader() : nil
        var failures = 0
        for file in files {
            let image: GrayBuffer
            do {
                image = try ImageFile.load(path: file)
            } catch {
                failures += 1
                log.error("\(file): \(error)")
                if json { print(JSON.object([("file", .string(file)), ("error", .string(error.description))]).text) }
                continue
            }
            let outcome = DecodeOutcome.measure(image, ours: ours, zbar: zbar)
            log.debug("\(file): \(image.width)×\(image.height), \(outcome.codes.count) code(s) in \(outcome.ms) ms")
            print(json ? outcome.jsonLine(file: file) : outcome.textReport(file: file, reader: ours.name))
        }
        if failures > 0 { throw ExitCode(1) }
    }
}

/// What the readers found in one image, and how long ours took.
struct DecodeOutcome {
    var ms: Double
    var codes: [QRResult]
    var zbar: [QRResult]?
    var zbarMs: Double?

    static func measure(_ image: GrayBuffer, ours: any QRReader, zbar: (any QRReader)?) -> DecodeOutcome {
        let clock = ContinuousClock()
        var codes: [QRResult] = []
        let elapsed = clock.measure { codes = image.withImage { ours.read($0) } }
        var outcome = DecodeOutcome(ms: milliseconds(elapsed), codes: codes)
        if let zbar {
            var theirs: [QRResult] = []
            let zbarElapsed = clock.measure { theirs = image.withImage { zbar.read($0) } }
            outcome.zbar = theirs
            outcome.zbarMs = milliseconds(zbarElapsed)
        }
        return outcome
    }

    private static func milliseconds(_ d: Duration) -> Double {
        let (seconds, attoseconds) = d.components
        return (Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }

    func jsonLine(file: String) -> String {
        var fields: [(String, JSON)] = [
            ("file", .string(file)),
            ("ms", .number((ms * 1000).rounded() / 1000)),
            ("codes", .array(codes.map(Self.json))),
        ]
        if let zbar { fields.append(("zbar", .array(zbar.map(Self.json)))) }
        return JSON.object(fields).text
    }

    private static func json(_ code: QRResult) -> JSON {
        .object([
            ("text", .string(code.text)),
            ("corners", .array(code.corners.map { .array([.number(round2($0.x)), .number(round2($0.y))]) })),
            ("version", .int(code.version)),
            ("ec", code.ecLevel.map { .string($0.rawValue) } ?? .null),
        ])
    }

    private static func round2(_ v: Double) -> Double { (v * 100).rounded() / 100 }

    func textReport(file: String, reader: String) -> String {
        var lines = ["\(file): \(codes.count) code\(codes.count == 1 ? "" : "s") (\(reader), \(Self.format(ms)) ms)"]
        lines += codes.map { "  " + Self.describe($0) }
        if let zbar {
            let report = CrossCheckReport.compare(ours: codes, zbar: zbar)
            lines.append("  zbar: \(zbar.count) code\(zbar.count == 1 ? "" : "s") (\(Self.format(zbarMs ?? 0)) ms) — "
                + "agree \(report.agree), ours only \(report.oursOnly), zbar only \(report.zbarOnly), conflicting \(report.conflicting)")
            for outcome in report.outcomes {
                switch outcome {
                case .agree: continue
                case .oursOnly(let code): lines.append("    ours only: \(Self.quoted(code.text))")
                case .zbarOnly(let code): lines.append("    zbar only: \(Self.describe(code))")
                case .conflicting(let ours, let theirs):
                    lines.append("    conflicting: ours \(Self.quoted(ours.text)), zbar \(Self.quoted(theirs.text))")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// One line per code: text (escaped, so a payload with newlines stays on its line), version,
    /// EC level and corners TL TR BR BL.
    static func describe(_ code: QRResult) -> String {
        let version = code.version > 0 ? "version \(code.version)" : "version ?"
        let ec = "EC \(code.ecLevel?.rawValue ?? "?")"
        let corners = code.corners.map { "(\(format($0.x)), \(format($0.y)))" }.joined(separator: " ")
        return "\(Self.quoted(code.text)) \(version), \(ec), corners \(corners)"
    }

    static func format(_ v: Double) -> String { String(format: "%.2f", v) }

    /// The text in double quotes on one line: control characters are escaped (`\n`, `\t`,
    /// `\r`, others as `\u{1B}`) so a payload cannot break the line, and everything else —
    /// backslashes and quotes included — is printed as it is, so what is shown is what the code holds.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value):
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

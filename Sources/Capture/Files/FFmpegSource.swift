import Foundation

/// Any container or codec ffmpeg understands (MP4, MKV, RTSP…), as grey frames through a pipe.
///
/// ffmpeg runs as a child process writing `-pix_fmt gray` frames to stdout. The frames go
/// through the `yuv4mpegpipe` muxer rather than bare `rawvideo`: the bytes of each frame are
/// identical, but the stream states its own width, height and rate, so no second probe
/// (ffprobe) is needed and the geometry cannot disagree with what ffmpeg actually outputs after
/// rotation metadata or scaling. If the child dies, the next frame request reports how.
public final class FFmpegSource: FrameSource {
    public let input: String
    public var size: FrameSize { reader.size }
    private let process: Process
    private let reader: Y4MReader
    private let stdout: Pipe
    private let stderrURL: URL
    private var isClosed = false

    /// Starts `program` on `input`. `inputArguments` go before `-i` (e.g. `["-f", "lavfi"]`,
    /// `["-re"]` for real-time pacing by ffmpeg itself), `filters` is an optional `-vf` chain.
    public init(input: String, inputArguments: [String] = [], filters: String? = nil, program: String = "ffmpeg",
                pacing: Pacing = .asFastAsPossible) throws(CaptureError) {
        guard let executable = Self.find(program) else { throw .programMissing(name: program) }
        let stderrURL = FileManager.default.temporaryDirectory.appendingPathComponent("threshold-ffmpeg-\(UUID().uuidString).log")
        guard FileManager.default.createFile(atPath: stderrURL.path, contents: nil),
              let stderrHandle = try? FileHandle(forWritingTo: stderrURL) else {
            throw .system(operation: "create \(stderrURL.path)", errno: EACCES, device: program)
        }
        var arguments = ["-hide_banner", "-loglevel", "error", "-nostdin"] + inputArguments + ["-i", input, "-an", "-sn"]
        if let filters { arguments += ["-vf", filters] }
        arguments += ["-pix_fmt", "gray", "-f", "yuv4mpegpipe", "-strict", "-1", "-"]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = stderrHandle
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw .childFailed(program: program, status: -1, detail: "cannot start: \(error.localizedDescription)")
        }
        try? stderrHandle.close()
        self.input = input
        self.process = process
        self.stdout = stdout
        self.stderrURL = stderrURL
        do {
            self.reader = try Y4MReader(fileDescriptor: stdout.fileHandleForReading.fileDescriptor, name: "ffmpeg(\(input))",
                                        pacing: pacing, ownsDescriptor: false)
        } catch {
            process.waitUntilExit()
            let failure = Self.failure(process, stderrURL) ?? error
            try? FileManager.default.removeItem(at: stderrURL)
            throw failure
        }
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: stderrURL)
    }

    /// The child's process id (diagnostics, tests that kill it).
    public var processIdentifier: Int32 { process.processIdentifier }

    nonisolated(nonsending) public func nextFrame() async throws(CaptureError) -> Frame? {
        guard !isClosed else { throw .closed(source: "ffmpeg(\(input))") }
        do {
            if let frame = try await reader.nextFrame() { return frame }
        } catch {
            if case .cancelled = error { throw error }
            process.waitUntilExit()
            throw Self.failure(process, stderrURL) ?? error
        }
        // End of the pipe: a clean end only if ffmpeg says so.
        process.waitUntilExit()
        if let failure = Self.failure(process, stderrURL) { throw failure }
        return nil
    }

    nonisolated(nonsending) public func close() async {
        guard !isClosed else { return }
        isClosed = true
        await reader.close()
        if process.isRunning { process.terminate() }
        try? stdout.fileHandleForReading.close()
        process.waitUntilExit()
    }

    /// How the child ended, if that was not a clean exit.
    private static func failure(_ process: Process, _ stderrURL: URL) -> CaptureError? {
        guard !process.isRunning else { return nil }
        let log = (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
        let detail = log.split(separator: "\n").suffix(3).joined(separator: " / ")
        switch process.terminationReason {
        case .exit where process.terminationStatus == 0: return nil
        case .exit: return .childFailed(program: "ffmpeg", status: process.terminationStatus, detail: detail)
        case .uncaughtSignal:
            return .childFailed(program: "ffmpeg", status: process.terminationStatus,
                                detail: "killed by signal \(process.terminationStatus)" + (detail.isEmpty ? "" : ": \(detail)"))
        @unknown default: return .childFailed(program: "ffmpeg", status: process.terminationStatus, detail: detail)
        }
    }

    /// `program` itself if it contains a slash, else the first match on `$PATH`.
    static func find(_ program: String) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

import ArgumentParser
import Capture
import Foundation

/// `threshold capture`: records frames from a camera to a mono Y4M clip, so an installer can
/// check framing and light, and so a door's real video becomes a test clip. The summary line
/// includes the CPU cost of capturing (getrusage over wall time).
struct CaptureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capture", abstract: "Record frames from a camera into a Y4M clip.")

    @Option(help: "Video device, e.g. /dev/video0.") var device: String
    @Option(help: "Number of frames to record (per session).") var frames: Int = 30
    @Option(help: "Output file (.y4m).") var out: String
    @Option(help: "Frame size WIDTHxHEIGHT (default: the driver's current size).") var size: String?
    @Option(help: "Pixel format fourcc to force (default: negotiate).") var format: String?
    @Option(help: "Open, stream and close the camera this many times (checks buffers are returned).")
    var sessions: Int = 1
    @Flag(help: "Reopen the camera with backoff after an unplug or I/O error instead of stopping.")
    var reconnect = false
    @Option(help: "Manual exposure in driver units (turns auto exposure off), when the camera offers it.")
    var exposure: Int32?
    @Option(help: "Manual focus in driver units (turns autofocus off), when the camera offers it.")
    var focus: Int32?
    @Option(help: "Mains frequency against flicker: 0 (off), 50 or 60, when the camera offers it.")
    var powerLine: Int?

    func run() async throws {
        guard frames > 0, sessions > 0 else { throw ValidationError("--frames and --sessions must be positive") }
        let controls = CameraControls(exposure: exposure, focus: focus, powerLine: try powerLine.map(parsePowerLine))
        let configuration = V4L2Camera.Configuration(size: try size.map(parseSize), pixelFormat: try format.map(parseFormat),
                                                     controls: controls)
        let clock = ContinuousClock()
        let started = clock.now
        let cpuStart = cpuSeconds()
        var writer: Y4MWriter?
        var written = 0, dropped = 0, inPlace = 0
        var described = ""
        var reconnects = 0
        var skipped = Set<String>()
        for _ in 0..<sessions {
            // The camera currently open (changes when the reconnecting source reopens it).
            var camera: V4L2Camera?
            let opener = { [device] () throws(CaptureError) -> any FrameSource in
                let opened = try V4L2Camera(path: device, configuration: configuration)
                camera = opened
                return opened
            }
            let source: any FrameSource = reconnect
                ? try ReconnectingSource(clock: ContinuousClock(), backoff: .init(initial: .milliseconds(250), maximum: .seconds(2), maxAttempts: 40), open: opener)
                : try opener()
            if let camera { described = "\(camera.size) \(camera.pixelFormat)"; skipped.formUnion(camera.skippedControls) }
            // On stderr so that scripts (and the HIL rig) can wait until the camera really streams.
            FileHandle.standardError.write(Data("streaming \(device) \(described)\n".utf8))
            do {
                let w = try writer ?? Y4MWriter(path: out, width: source.size.width, height: source.size.height)
                writer = w
                var count = 0
                while count < frames, let frame = try await source.nextFrame() {
                    if camera?.driverBuffer(containing: frame.image.base) != nil { inPlace += 1 }
                    try w.write(frame.image)
                    count += 1
                    dropped = frame.dropped
                }
                written += count
            } catch {
                await source.close()
                throw error
            }
            if let r = source as? ReconnectingSource<ContinuousClock> {
                reconnects += r.reconnects
                for failure in r.failures { FileHandle.standardError.write(Data("reconnecting after: \(failure)\n".utf8)) }
            }
            await source.close()
        }
        try writer?.close()
        let wall = started.duration(to: clock.now)
        let wallSeconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) * 1e-18
        let cpu = cpuSeconds() - cpuStart
        let summary = "captured \(written) frames \(described) to \(out) in \(sessions) session(s), \(dropped) dropped, \(inPlace)/\(written) viewed in place in driver buffers; "
        if reconnect { print("reconnects: \(reconnects)") }
        if !skipped.isEmpty { print("controls not offered by the camera: \(skipped.sorted().joined(separator: ", "))") }
        print(summary + "cpu \(fixed(cpu, 3)) s over \(fixed(wallSeconds, 3)) s wall = \(fixed(100 * cpu / max(wallSeconds, 1e-9), 2)) % of one core, \(fixed(Double(written) / max(wallSeconds, 1e-9), 1)) fps")
    }
}

/// User + system CPU time of this process.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return s(usage.ru_utime) + s(usage.ru_stime)
}

func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

func parsePowerLine(_ hz: Int) throws -> CameraControls.PowerLine {
    switch hz {
    case 0: return .disabled
    case 50: return .hz50
    case 60: return .hz60
    default: throw ValidationError("--power-line must be 0, 50 or 60, not \(hz)")
    }
}

func parseSize(_ text: String) throws -> FrameSize {
    let parts = text.lowercased().split(separator: "x")
    guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w > 0, h > 0 else {
        throw ValidationError("size must look like 640x480, not \(text)")
    }
    return FrameSize(width: w, height: h)
}

func parseFormat(_ text: String) throws -> PixelFormat {
    guard let format = PixelFormat(code: text) else { throw ValidationError("pixel format must be four characters, not \(text)") }
    return format
}

// bench-capture: what capturing costs, measured on Y4M (the camera path is measured in the HIL
// guest by `threshold capture`, which prints the same CPU-over-wall figure).
//
//   swift run -c release --package-path Benchmarks bench-capture [seconds]
//
// 1. Paced: a 640×480 and a 1280×720 clip replayed at 30 fps on the real clock; CPU time
//    (getrusage, user + system) over wall time = share of one core spent capturing. Target < 3 %.
// 2. Unpaced: frames per second and ms per frame when reading as fast as possible.
// 3. Zero copy: every frame's view starts at the same read-buffer address (pointer identity).
import BenchSupport
import Capture
import Foundation
import Imaging

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

func makeClip(width: Int, height: Int, frames: Int) throws -> String {
    let path = NSTemporaryDirectory() + "bench-capture-\(width)x\(height)-\(getpid()).y4m"
    let writer = try Y4MWriter(path: path, width: width, height: height, frameRateNumerator: 30)
    for k in 0..<frames {
        let buffer = GrayBuffer(width: width, height: height, pixels: (0..<(width * height)).map { UInt8(truncatingIfNeeded: $0 &+ k &* 7) })
        try buffer.withImage { try writer.write($0) }
    }
    try writer.close()
    return path
}

/// What the decoder would do first with a frame: touch every row (so the pages are really read).
@inline(never) func consume(_ image: GrayImage) -> Int {
    var sum = 0
    for y in stride(from: 0, to: image.height, by: 1) { sum &+= Int(image.row(y)[image.width / 2]) }
    return sum
}

let seconds = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 10
var rows = [[String]]()
var sink = 0
for (w, h) in [(640, 480), (1280, 720)] {
    let frames = 30 * seconds
    let path = try makeClip(width: w, height: h, frames: frames)
    defer { unlink(path) }

    // Paced at 30 fps on the real clock.
    let paced = try Y4MReader(path: path, pacing: .realTime(ContinuousClock()))
    let clock = ContinuousClock()
    let cpu0 = cpuSeconds()
    let t0 = clock.now
    var count = 0
    var bases = Set<UInt>()
    for try await frame in paced.frames {
        sink &+= consume(frame.image)
        bases.insert(UInt(bitPattern: frame.image.base))
        count += 1
    }
    let wall = t0.duration(to: clock.now)
    let wallS = Double(wall.components.seconds) + Double(wall.components.attoseconds) * 1e-18
    let cpu = cpuSeconds() - cpu0
    await paced.close()

    // As fast as possible.
    let fast = try Y4MReader(path: path)
    let f0 = clock.now
    let fcpu0 = cpuSeconds()
    var fastCount = 0
    for try await frame in fast.frames { sink &+= consume(frame.image); fastCount += 1 }
    let fastWall = f0.duration(to: clock.now)
    let fastS = Double(fastWall.components.seconds) + Double(fastWall.components.attoseconds) * 1e-18
    let fastCPU = cpuSeconds() - fcpu0
    await fast.close()

    rows.append(["\(w)x\(h)", "\(count)", fmt(wallS, 2), fmt(cpu, 3), fmt(100 * cpu / wallS, 2) + " %",
                 fmt(Double(fastCount) / fastS, 0), fmt(1000 * fastCPU / Double(fastCount), 3),
                 bases.count == 1 ? "yes (1 address)" : "no (\(bases.count))"])
}
printTable(["clip", "frames @30fps", "wall s", "cpu s", "cpu / wall (one core)", "unpaced fps", "cpu ms/frame", "zero-copy view"], rows)
if sink == 42 { print("") }  // keep `consume` observable

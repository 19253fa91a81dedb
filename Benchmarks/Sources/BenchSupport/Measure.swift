import Foundation

/// Timing statistics over repeated runs of one operation.
public struct Stats: Sendable {
    public var samples: [Double]  // milliseconds, sorted
    public init(samplesMs: [Double]) { samples = samplesMs.sorted() }
    public var count: Int { samples.count }
    public func percentile(_ p: Double) -> Double {
        guard !samples.isEmpty else { return .nan }
        let rank = min(samples.count - 1, max(0, Int((p / 100 * Double(samples.count)).rounded(.up)) - 1))
        return samples[rank]
    }
    public var median: Double { percentile(50) }
    public var p95: Double { percentile(95) }
    public var p99: Double { percentile(99) }
    public var mean: Double { samples.isEmpty ? .nan : samples.reduce(0, +) / Double(samples.count) }
}

/// Runs `body` `warmup` times unmeasured, then `iterations` times measured one by one.
/// Why per-call timing rather than one total: the targets are medians and tail percentiles.
public func measure(iterations: Int, warmup: Int = 3, _ body: () throws -> Void) rethrows -> Stats {
    for _ in 0..<warmup { try body() }
    let clock = ContinuousClock()
    var out = [Double]()
    out.reserveCapacity(iterations)
    for _ in 0..<iterations {
        let d = try clock.measure { try body() }
        out.append(Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) * 1e-15)
    }
    return Stats(samplesMs: out)
}

/// Operations per second for `count` calls of `body`, timed as one batch (for throughput targets).
public func throughput(count: Int, _ body: (Int) throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let d = try clock.measure { for i in 0..<count { try body(i) } }
    let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    return Double(count) / seconds
}

/// Prints a Markdown table, so output pastes straight into the README.
public func printTable(_ header: [String], _ rows: [[String]]) {
    print("| " + header.joined(separator: " | ") + " |")
    print("|" + header.map { _ in "---" }.joined(separator: "|") + "|")
    for r in rows { print("| " + r.joined(separator: " | ") + " |") }
}

// One core: run benchmarks under `taskset -c 0` (scripts/bench does); Glibc's module does not
// export sched_setaffinity without _GNU_SOURCE.

public func fmt(_ v: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", v) }

/// CPU time of the calling thread, in milliseconds.
public func threadCPUTimeMs() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) * 1e3 + Double(ts.tv_nsec) * 1e-6
}

/// Like ``measure(iterations:warmup:_:)`` but in CPU time of this thread: on a shared machine
/// (5 builds on 2 cores) wall time measures the neighbours, CPU time measures the code.
public func measureCPU(iterations: Int, warmup: Int = 3, _ body: () throws -> Void) rethrows -> Stats {
    for _ in 0..<warmup { try body() }
    var out = [Double]()
    out.reserveCapacity(iterations)
    for _ in 0..<iterations {
        let t0 = threadCPUTimeMs()
        try body()
        out.append(threadCPUTimeMs() - t0)
    }
    return Stats(samplesMs: out)
}

#if canImport(Glibc)
import Glibc
#endif

/// Real elapsed time for latency figures. Why not the injected clock: a virtual clock does not
/// move while the CPU works, and "frame to decision" is a statement about the CPU.
public enum Stopwatch {
    /// CLOCK_MONOTONIC in nanoseconds.
    public static var nanos: UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// Microseconds from `start` (a `nanos` reading) to now.
    public static func micros(since start: UInt64) -> Int {
        let now = nanos
        return now > start ? Int((now - start) / 1000) : 0
    }
}

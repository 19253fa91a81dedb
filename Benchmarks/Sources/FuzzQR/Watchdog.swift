#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Detects hangs and names the input that crashed.
///
/// Why a thread and signal handlers: a hung decode never returns to report itself, and a trap
/// kills the process; both must still say which input index (reproducible from the seed) did it.
enum Watchdog {
    /// Index of the input being processed (read by the watchdog thread and the signal handler).
    nonisolated(unsafe) static var current: Int = -1
    static let progress = Atomic<Int>(0)

    /// Starts a thread that aborts with the current index when no input finishes for `seconds`.
    static func start(stallSeconds seconds: Int) {
        installCrashReporter()
        var thread = pthread_t()
        let seconds = max(1, seconds)
        let box = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        box.pointee = seconds
        pthread_create(&thread, nil, { raw in
            let seconds = raw!.assumingMemoryBound(to: Int.self).pointee
            var last = -1
            while true {
                sleep(UInt32(seconds))
                let now = Watchdog.progress.load(ordering: .relaxed)
                if now == last {
                    Watchdog.writeLine("fuzz-qr: HANG — input \(Watchdog.current) made no progress for \(seconds) s")
                    exit(3)
                }
                last = now
            }
        }, box)
    }

    static func writeLine(_ s: String) {
        let line = s + "\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
    }

    private static func installCrashReporter() {
        for sig in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT] {
            signal(sig) { sig in
                // Async-signal-safe: format the index by hand, write(2), then die with the signal.
                var digits = [UInt8](repeating: 0, count: 24)
                var n = Watchdog.current, i = 23
                if n <= 0 { digits[i] = 0x30; i -= 1 }
                while n > 0 && i >= 0 { digits[i] = UInt8(0x30 + n % 10); n /= 10; i -= 1 }
                let prefix = "\nfuzz-qr: CRASH on input "
                _ = prefix.withCString { write(2, $0, strlen($0)) }
                digits.withUnsafeBufferPointer { b in _ = write(2, b.baseAddress! + i + 1, 23 - i) }
                _ = write(2, "\n", 1)
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
    }
}

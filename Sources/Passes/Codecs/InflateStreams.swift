import CZlib

/// Inflate streams kept between calls.
///
/// Why: `inflateInit2` allocates about 7 KB of state, more than glibc's per-thread cache holds,
/// so every fresh scan paid a trip through the main allocator (and now and then a consolidation
/// of its free lists) to set up a stream that then inflates a few hundred bytes. `inflateReset2`
/// makes a used stream as good as new, for any window size. A few streams are kept — one per
/// thread that verifies at the same moment is plenty — and any beyond that are ended.
enum InflateStreams {
    /// Streams kept idle; each may hold zlib's 32 KB window once it has needed one.
    static let keep = 4

    private static let idle = Locked<[UnsafeMutablePointer<z_stream>]>([])

    /// A stream ready to inflate with `windowBits`, or nil when zlib cannot start one (out of memory).
    static func take(windowBits: Int32) -> UnsafeMutablePointer<z_stream>? {
        if let stream = idle.withLock({ $0.popLast() }) {
            if inflateReset2(stream, windowBits) == Z_OK { return stream }
            end(stream)
        }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        // zlib keeps a pointer back to the stream, so it must never move: hence the allocation.
        stream.initialize(to: z_stream())
        guard czlib_inflate_init2(stream, windowBits) == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            return nil
        }
        return stream
    }

    /// Back to the idle set (its buffers forgotten), or ended when enough are idle already.
    static func give(_ stream: UnsafeMutablePointer<z_stream>) {
        stream.pointee.next_in = nil
        stream.pointee.avail_in = 0
        stream.pointee.next_out = nil
        stream.pointee.avail_out = 0
        let kept = idle.withLock { idle in
            guard idle.count < keep else { return false }
            idle.append(stream)
            return true
        }
        if !kept { end(stream) }
    }

    /// How many streams are idle (for tests).
    static var idleCount: Int { idle.withLock { $0.count } }

    private static func end(_ stream: UnsafeMutablePointer<z_stream>) {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }
}

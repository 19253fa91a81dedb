/// What the reader saw in one frame: the texts of the codes in it and what it cost.
/// A plain value, so it can cross from the capture task to the decision task — unlike the
/// `Frame` it came from, whose pixels belong to the camera.
public struct Sighting: Sendable, Hashable {
    /// The source's frame number.
    public var sequence: UInt64
    /// The source's timestamp of the frame (capture time for a camera, presentation time for a clip).
    public var frameTime: Duration
    /// `Stopwatch.nanos` when the frame was handed to the reader: latency is measured from here.
    public var arrivedNanos: UInt64
    /// Decoded texts, in reading order (several codes per frame are possible).
    public var texts: [String]
    public var decodeMicros: Int

    public init(sequence: UInt64, frameTime: Duration, arrivedNanos: UInt64, texts: [String], decodeMicros: Int) {
        self.sequence = sequence; self.frameTime = frameTime; self.arrivedNanos = arrivedNanos
        self.texts = texts; self.decodeMicros = decodeMicros
    }
}

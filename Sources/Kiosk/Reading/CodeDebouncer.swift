/// Same-code debounce across consecutive frames: a phone held up for two seconds is in sixty
/// frames, and it must be judged once, not sixty times.
///
/// A text is new when it has not been seen for longer than `window`; while it stays in view
/// (seen again within the window) it is not passed on. Works on frame timestamps, so a clip, a
/// camera and a test all debounce alike. Bounded: texts not seen for a window are forgotten.
public struct CodeDebouncer: Sendable {
    public var window: Duration
    private var lastSeen: [String: Duration] = [:]

    public init(window: Duration = .milliseconds(1500)) { self.window = window }

    /// The texts of `sighting` that need a decision now.
    public mutating func admit(_ texts: [String], at time: Duration) -> [String] {
        if lastSeen.count > 64 { lastSeen = lastSeen.filter { time - $0.value <= window } }
        var fresh: [String] = []
        for text in texts {
            if let seen = lastSeen[text], time >= seen, time - seen <= window {
                lastSeen[text] = time
                continue
            }
            lastSeen[text] = time
            if !fresh.contains(text) { fresh.append(text) }
        }
        return fresh
    }
}

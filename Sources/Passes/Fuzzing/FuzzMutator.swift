/// Deterministic input mutations for fuzzing the pass parsers.
///
/// Why our own small mutator instead of libFuzzer: the toolchain's `-sanitize=fuzzer` needs a
/// separate build mode; a seeded mutator runs in a plain release build and in a unit test, and
/// a seed number reproduces any finding exactly.
public struct FuzzMutator: Sendable {
    /// SplitMix64: tiny, fast, and good enough to drive mutations.
    public struct Random: Sendable {
        var state: UInt64
        public init(seed: UInt64) { state = seed }
        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        public mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    }

    public var random: Random
    /// Characters worth inserting for text formats (e.g. the base45 alphabet, digits, `.`).
    public var dictionary: [UInt8]
    /// Bytes that steer binary decoders into their edge cases (CBOR heads with huge lengths,
    /// break codes, tags, zlib header bytes).
    static let interesting: [UInt8] = [0x00, 0x01, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1F, 0x3F, 0x5B, 0x5F, 0x7B, 0x7F,
                                       0x80, 0x9B, 0x9F, 0xBB, 0xBF, 0xC0, 0xD2, 0xD8, 0xF4, 0xF7, 0xF8, 0xF9, 0xFB,
                                       0xFF, 0x78, 0x9C, 0xDA]

    public init(seed: UInt64, dictionary: [UInt8] = []) {
        random = Random(seed: seed)
        self.dictionary = dictionary
    }

    /// One to four stacked mutations of `input`, sometimes spliced with `other`.
    public mutating func mutate(_ input: [UInt8], other: [UInt8]) -> [UInt8] {
        var data = input
        for _ in 0..<(1 + random.below(4)) { mutateOnce(&data, other: other) }
        return data
    }

    mutating func byte() -> UInt8 {
        if !dictionary.isEmpty, random.below(2) == 0 { return dictionary[random.below(dictionary.count)] }
        if random.below(3) == 0 { return Self.interesting[random.below(Self.interesting.count)] }
        return UInt8(truncatingIfNeeded: random.next())
    }

    mutating func mutateOnce(_ data: inout [UInt8], other: [UInt8]) {
        if data.isEmpty { data = [byte()]; return }
        let at = random.below(data.count)
        switch random.below(10) {
        case 0: data[at] ^= 1 << UInt8(random.below(8))                       // bit flip
        case 1: data[at] = byte()                                               // byte replace
        case 2: data.insert(contentsOf: (0..<(1 + random.below(4))).map { _ in byte() }, at: at)
        case 3: data.removeSubrange(at..<min(data.count, at + 1 + random.below(16)))
        case 4: data.removeLast(random.below(data.count))                       // truncate
        case 5:                                                                 // duplicate a range
            let end = min(data.count, at + 1 + random.below(32))
            data.insert(contentsOf: data[at..<end], at: random.below(data.count))
        case 6:                                                                 // splice with another seed
            guard !other.isEmpty else { return }
            let cut = random.below(other.count)
            data = Array(data[..<at]) + Array(other[cut...])
        case 7:                                                                 // swap two bytes
            data.swapAt(at, random.below(data.count))
        case 8:                                                                 // arithmetic
            data[at] = data[at] &+ UInt8(truncatingIfNeeded: random.below(35) - 17)
        default:                                                                // big-endian length field
            let width = [2, 4, 8][random.below(3)]
            guard at + width <= data.count else { return }
            for k in 0..<width { data[at + k] = random.below(2) == 0 ? 0xFF : UInt8(truncatingIfNeeded: random.next()) }
        }
    }
}

/// Arithmetic in GF(256) with the QR primitive polynomial x⁸+x⁴+x³+x²+1 (0x11D) and generator α = 2
/// (ISO/IEC 18004 §7.5.2).
///
/// Why tables: every Reed–Solomon step is a multiply; a log/antilog lookup is two loads and an add.
/// The antilog table is doubled (512 entries) so `log a + log b` never needs a modulo.
public enum GaloisField {
    /// `exp[i] = α^i` for i in 0..<512 (period 255, repeated).
    public static let exp: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 512)
        var x = 1
        for i in 0..<255 {
            t[i] = UInt8(x)
            x <<= 1
            if x & 0x100 != 0 { x ^= 0x11D }
        }
        for i in 255..<512 { t[i] = t[i - 255] }
        return t
    }()

    /// `log[a]` for a ≠ 0; `log[0]` is unused (0).
    public static let log: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 256)
        for i in 0..<255 { t[Int(exp[i])] = UInt8(i) }
        return t
    }()

    /// Full product table, `mul[a << 8 | b] = a·b` (64 KiB): one load per product in the hot
    /// loops (syndromes, encoding), no zero test, no branch.
    public static let mul: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 65536)
        for a in 1..<256 {
            let la = Int(log[a])
            for b in 1..<256 { t[a << 8 | b] = exp[la + Int(log[b])] }
        }
        return t
    }()

    @inline(__always)
    public static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == 0 || b == 0 { return 0 }
        return exp[Int(log[Int(a)]) + Int(log[Int(b)])]
    }

    /// a⁻¹ for a ≠ 0 (returns 0 for 0, which callers never divide by).
    @inline(__always)
    public static func inverse(_ a: UInt8) -> UInt8 {
        if a == 0 { return 0 }
        return exp[255 - Int(log[Int(a)])]
    }

    @inline(__always)
    public static func divide(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == 0 || b == 0 { return 0 }
        return exp[Int(log[Int(a)]) + 255 - Int(log[Int(b)])]
    }

    /// α^n for any n ≥ 0.
    @inline(__always)
    public static func power(_ n: Int) -> UInt8 { exp[n % 255] }
}

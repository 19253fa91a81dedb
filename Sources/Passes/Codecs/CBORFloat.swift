/// IEEE 754 half-precision conversions, written out so they behave the same on every platform
/// (Swift's `Float16` is not available everywhere).
enum CBORFloat {
    static func halfToDouble(_ half: UInt16) -> Double {
        let sign: Double = half & 0x8000 != 0 ? -1 : 1
        let exponent = Int((half >> 10) & 0x1F)
        let mantissa = Double(half & 0x3FF)
        switch exponent {
        case 0: return sign * mantissa * 0x1p-24
        case 31: return mantissa == 0 ? sign * .infinity : .nan
        default: return sign * (1 + mantissa / 1024) * Double(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }

    /// The half-precision bits of `value` if it converts exactly, else nil.
    static func exactHalf(_ value: Double) -> UInt16? {
        if value.isNaN { return 0x7E00 }
        let signBit: UInt16 = value.sign == .minus ? 0x8000 : 0
        if value.isInfinite { return signBit | 0x7C00 }
        if value == 0 { return signBit }
        let magnitude = abs(value)
        let exponent = magnitude.exponent
        if exponent >= -14 && exponent <= 15 {
            let scaled = magnitude.significand * 1024 - 1024 // fraction bits × 2^10
            guard scaled == scaled.rounded(.towardZero) else { return nil }
            return signBit | UInt16(exponent + 15) << 10 | UInt16(scaled)
        }
        if exponent >= -24 && exponent < -14 {
            let scaled = magnitude * 0x1p24 // subnormal: value = m × 2^-24
            guard scaled == scaled.rounded(.towardZero), scaled < 1024 else { return nil }
            return signBit | UInt16(scaled)
        }
        return nil
    }
}

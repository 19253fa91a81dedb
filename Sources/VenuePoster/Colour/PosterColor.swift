#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An sRGB colour as the poster's SVG writes it (`#rrggbb`).
public struct PosterColor: Sendable, Hashable, CustomStringConvertible {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) { self.red = red; self.green = green; self.blue = blue }

    public static let black = PosterColor(red: 0, green: 0, blue: 0)
    public static let white = PosterColor(red: 255, green: 255, blue: 255)

    /// `#rrggbb`, `rrggbb` or `#rgb`; nil for anything else.
    public init?(hex: String) {
        var digits = Substring(hex)
        if digits.hasPrefix("#") { digits = digits.dropFirst() }
        guard digits.allSatisfy(\.isHexDigit) else { return nil }
        if digits.count == 3 { digits = Substring(digits.flatMap { [$0, $0] }) }
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        self.init(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
    }

    /// A grey: what the PNG (8-bit greyscale) stores.
    public init(grey: UInt8) { self.init(red: grey, green: grey, blue: grey) }

    public var description: String {
        "#" + [red, green, blue].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// WCAG 2 relative luminance: sRGB channels linearised, weighted 0.2126 / 0.7152 / 0.0722.
    public var relativeLuminance: Double {
        0.2126 * Self.linear(red) + 0.7152 * Self.linear(green) + 0.0722 * Self.linear(blue)
    }

    /// The grey with (to 8-bit rounding) the same relative luminance: the PNG draws this, so the
    /// printed greyscale poster keeps the contrast the SVG's colours have.
    public var greyEquivalent: UInt8 {
        let l = relativeLuminance
        let encoded = l <= 0.0031308 ? l * 12.92 : 1.055 * pow(l, 1 / 2.4) - 0.055
        return UInt8(max(0, min(255, (encoded * 255).rounded())))
    }

    static func linear(_ channel: UInt8) -> Double {
        let c = Double(channel) / 255
        return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }
}

/// WCAG 2 contrast ratio of two colours, 1…21, order-independent: (L1 + 0.05) / (L2 + 0.05).
public func contrastRatio(_ a: PosterColor, _ b: PosterColor) -> Double {
    let la = a.relativeLuminance, lb = b.relativeLuminance
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

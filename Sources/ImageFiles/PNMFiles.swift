import Imaging

/// PGM/PPM, delegated to the pure codec in `Imaging.PNM` with its errors mapped to ours.
enum PNMFiles {
    static func decode(_ bytes: [UInt8]) throws(ImageFileError) -> GrayBuffer {
        try refuseHollowPlainFile(bytes)
        do {
            return try PNM.decode(bytes)
        } catch {
            switch error {
            case .truncated: throw .truncated(.pnm, detail: error.description)
            default: throw .corrupt(.pnm, detail: error.description)
            }
        }
    }

    static func encodePGM(_ buffer: GrayBuffer) -> [UInt8] { PNM.encodePGM(buffer) }

    /// A plain (ASCII, P2/P3) file carries one number per sample, so a 20-byte file whose header
    /// promises 32768×32768 pixels is truncated — say so before the codec sizes its sample array
    /// from the header (which would ask for gigabytes). Binary files are checked by the codec.
    private static func refuseHollowPlainFile(_ bytes: [UInt8]) throws(ImageFileError) {
        guard bytes.count >= 2, bytes[1] == UInt8(ascii: "2") || bytes[1] == UInt8(ascii: "3") else { return }
        var numbers: [Int] = []
        var tokens = 0
        var i = 2
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "#") {
                while i < bytes.count, bytes[i] != 10, bytes[i] != 13 { i += 1 }
                continue
            }
            if b == 9 || b == 10 || b == 13 || b == 32 { i += 1; continue }
            var value = 0, digits = 0
            while i < bytes.count, !(bytes[i] == 9 || bytes[i] == 10 || bytes[i] == 13 || bytes[i] == 32) {
                if digits < 12, (48...57).contains(bytes[i]) { value = value * 10 + Int(bytes[i] - 48) }
                digits += 1
                i += 1
            }
            if numbers.count < 3 { numbers.append(value) } else { tokens += 1 }
        }
        guard numbers.count == 3 else { return } // the codec names the bad header
        let channels = bytes[1] == UInt8(ascii: "3") ? 3 : 1
        let (samples, overflow) = numbers[0].multipliedReportingOverflow(by: numbers[1])
        if overflow || samples > ImageFile.maxPixels { throw .tooLarge(.pnm, width: numbers[0], height: numbers[1]) }
        if samples * channels > tokens {
            throw .truncated(.pnm, detail: "expected \(samples * channels) samples, found \(tokens)")
        }
    }
}

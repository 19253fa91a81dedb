/// Why a Reed–Solomon block could not be repaired.
public enum ReedSolomonError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The block holds more damage than its EC codewords can repair (2·errors + erasures > EC count),
    /// or the damage pattern is inconsistent with any codeword within reach.
    case tooManyErrors
    /// The caller passed an impossible block: length over 255, no EC codewords, no data, or
    /// erasure positions outside the block / repeated.
    case invalidBlock

    public var description: String {
        switch self {
        case .tooManyErrors: "the block has more damaged codewords than its error correction can repair"
        case .invalidBlock: "the block shape or erasure list is invalid"
        }
    }
}

/// Reed–Solomon decoder for QR blocks (generator roots α⁰…α^(ec−1)): syndromes, Berlekamp–Massey
/// seeded with the erasure locator, Chien search and Forney's formula.
///
/// Why erasures: when the detector knows a codeword is unreliable (e.g. it overlaps a damaged
/// area), naming it costs one EC codeword instead of two, doubling what can be repaired.
public enum ReedSolomonDecoder {
    /// Repairs `codewords` (data followed by `ecCount` EC codewords) in place.
    /// - Parameter erasures: indices into `codewords` known to be unreliable.
    /// - Returns: how many codewords were changed.
    @discardableResult
    public static func decode(_ codewords: inout [UInt8], ecCount: Int, erasures: [Int] = []) throws(ReedSolomonError) -> Int {
        let n = codewords.count
        guard n <= 255, ecCount > 0, ecCount < n, erasures.count <= ecCount else {
            throw erasures.count > ecCount && n <= 255 && ecCount > 0 && ecCount < n ? .tooManyErrors : .invalidBlock
        }
        let exp = GaloisField.exp, log = GaloisField.log

        // Syndromes S_j = r(α^j) by Horner's rule, one table load per step; all zero means a valid
        // codeword (the common case, kept cheap).
        var syndromes = [UInt8](repeating: 0, count: ecCount)
        var anyError = false
        GaloisField.mul.withUnsafeBufferPointer { mul in
            codewords.withUnsafeBufferPointer { r in
                for j in 0..<ecCount {
                    let row = Int(exp[j]) << 8  // products by α^j
                    var s: UInt8 = 0
                    for c in r { s = mul[row | Int(s)] ^ c }
                    syndromes[j] = s
                    if s != 0 { anyError = true }
                }
            }
        }
        guard anyError else { return 0 }

        // Erasure locator Γ(x) = ∏ (1 + X_i x), X_i = α^(n−1−index).
        var seen = [Bool](repeating: false, count: n)
        var lambda: [UInt8] = [1]
        for index in erasures {
            guard index >= 0, index < n, !seen[index] else { throw .invalidBlock }
            seen[index] = true
            let x = GaloisField.power(n - 1 - index)
            var next = lambda + [0]
            for k in 0..<lambda.count { next[k + 1] ^= GaloisField.multiply(lambda[k], x) }
            lambda = next
        }
        let e = erasures.count

        // Berlekamp–Massey from iteration e on, starting from Γ (Blahut's errors-and-erasures form).
        var b = lambda
        var degree = e
        for step in e..<ecCount {
            var delta = syndromes[step]
            let top = min(degree, lambda.count - 1)
            if top >= 1 {
                for i in 1...top where step - i >= 0 {
                    delta ^= GaloisField.multiply(lambda[i], syndromes[step - i])
                }
            }
            b.insert(0, at: 0)  // b ← x·b
            guard delta != 0 else { continue }
            var t = lambda
            if t.count < b.count { t += [UInt8](repeating: 0, count: b.count - t.count) }
            for i in 0..<b.count { t[i] ^= GaloisField.multiply(delta, b[i]) }
            if 2 * degree <= step + e {
                let inv = GaloisField.inverse(delta)
                b = lambda.map { GaloisField.multiply($0, inv) }
                degree = step + 1 + e - degree
            }
            lambda = t
        }
        while lambda.count > 1 && lambda[lambda.count - 1] == 0 { lambda.removeLast() }
        let errors = degree - e
        guard lambda.count - 1 == degree, 2 * errors + e <= ecCount, degree > 0 else { throw .tooManyErrors }

        // Chien search over the positions that exist in this (possibly shortened) block.
        var positions = [Int]()
        positions.reserveCapacity(degree)
        for index in 0..<n {
            let power = n - 1 - index
            let xInv = (255 - power) % 255  // log of X⁻¹
            var sum: UInt8 = lambda[0]
            for k in 1..<lambda.count where lambda[k] != 0 {
                sum ^= exp[Int(log[Int(lambda[k])]) + (xInv * k) % 255]
            }
            if sum == 0 { positions.append(index) }
        }
        guard positions.count == degree else { throw .tooManyErrors }

        // Ω(x) = S(x)·Λ(x) mod x^ec; magnitude = X·Ω(X⁻¹) / Λ'(X⁻¹).
        var omega = [UInt8](repeating: 0, count: ecCount)
        for i in 0..<ecCount where syndromes[i] != 0 {
            for k in 0..<lambda.count where i + k < ecCount {
                omega[i + k] ^= GaloisField.multiply(syndromes[i], lambda[k])
            }
        }
        var changed = 0
        for index in positions {
            let power = n - 1 - index
            let xInvLog = (255 - power) % 255
            var numerator: UInt8 = 0
            for (k, c) in omega.enumerated() where c != 0 {
                numerator ^= exp[Int(log[Int(c)]) + (xInvLog * k) % 255]
            }
            var denominator: UInt8 = 0
            var k = 1
            while k < lambda.count {  // formal derivative keeps odd powers only
                if lambda[k] != 0 { denominator ^= exp[Int(log[Int(lambda[k])]) + (xInvLog * (k - 1)) % 255] }
                k += 2
            }
            guard denominator != 0 else { throw .tooManyErrors }
            let magnitude = GaloisField.multiply(GaloisField.power(power), GaloisField.divide(numerator, denominator))
            if magnitude != 0 {
                codewords[index] ^= magnitude
                changed += 1
            }
        }
        return changed
    }
}

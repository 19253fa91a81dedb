/// An I2C bus with devices made of registers; records every transaction. Tests set register
/// bytes (including a wrong checksum) to drive the sensor code through its error paths, and can
/// make it an SMBus-only adapter like i2c-stub (`smbusOnly`).
public final class SimulatedI2CBus: I2CBus {
    public struct Transaction: Sendable, Equatable {
        public var address: UInt8
        public var write: [UInt8]
        public var readCount: Int
        /// True for an SMBus read-word command, false for a combined I2C transfer.
        public var smbusWord = false
        public var pec = false
    }

    public let name: String
    /// Behave like an SMBus-only adapter: combined transfers fail with EOPNOTSUPP, as the kernel does.
    public var smbusOnly = false
    /// Whether the (SMBus-only) adapter checks PEC.
    public var supportsPEC = false
    public var supportsCombinedTransfers: Bool { !smbusOnly }
    /// Reply bytes by (address, first written byte = register).
    public var registers: [UInt8: [UInt8: [UInt8]]] = [:]
    public private(set) var transactions: [Transaction] = []

    public init(name: String = "simulated-i2c") { self.name = name }

    public func transfer(address: UInt8, write: [UInt8], readCount: Int) throws(HardwareError) -> [UInt8] {
        transactions.append(Transaction(address: address, write: write, readCount: readCount))
        guard !smbusOnly else { throw .system(device: name, operation: "I2C_RDWR", errno: 95) }  // EOPNOTSUPP
        guard let device = registers[address], let register = write.first, let reply = device[register] else {
            throw .system(device: name, operation: "I2C transfer to 0x\(String(address, radix: 16))", errno: 121)  // EREMOTEIO: no ACK
        }
        return Array(reply.prefix(readCount)) + [UInt8](repeating: 0xFF, count: max(0, readCount - reply.count))
    }

    /// The register's first two bytes, low first; PEC (when asked) is checked against the third,
    /// as an adapter with PEC support does, and a mismatch fails like the kernel's EBADMSG.
    public func readWord(address: UInt8, command: UInt8, pec: Bool) throws(HardwareError) -> UInt16 {
        transactions.append(Transaction(address: address, write: [command], readCount: 2, smbusWord: true, pec: pec))
        guard let reply = registers[address]?[command], reply.count >= 2 else {
            throw .system(device: name, operation: "SMBus read word from 0x\(String(address, radix: 16))", errno: 121)
        }
        if pec {
            guard supportsPEC else { throw .system(device: name, operation: "I2C_PEC", errno: 95) }
            let expected = smbusPEC([address << 1, command, address << 1 | 1, reply[0], reply[1]])
            guard reply.count >= 3, reply[2] == expected else { throw .system(device: name, operation: "SMBus read word", errno: 74) }
        }
        return UInt16(reply[0]) | UInt16(reply[1]) << 8
    }
}

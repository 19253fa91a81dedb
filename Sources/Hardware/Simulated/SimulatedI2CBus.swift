/// An I2C bus with devices made of registers; records every transaction. Tests set register
/// bytes (including a wrong checksum) to drive the sensor code through its error paths.
public final class SimulatedI2CBus: I2CBus {
    public struct Transaction: Sendable, Equatable {
        public var address: UInt8
        public var write: [UInt8]
        public var readCount: Int
    }

    public let name: String
    /// Reply bytes by (address, first written byte = register).
    public var registers: [UInt8: [UInt8: [UInt8]]] = [:]
    public private(set) var transactions: [Transaction] = []

    public init(name: String = "simulated-i2c") { self.name = name }

    public func transfer(address: UInt8, write: [UInt8], readCount: Int) throws(HardwareError) -> [UInt8] {
        transactions.append(Transaction(address: address, write: write, readCount: readCount))
        guard let device = registers[address], let register = write.first, let reply = device[register] else {
            throw .system(device: name, operation: "I2C transfer to 0x\(String(address, radix: 16))", errno: 121)  // EREMOTEIO: no ACK
        }
        return Array(reply.prefix(readCount)) + [UInt8](repeating: 0xFF, count: max(0, readCount - reply.count))
    }
}

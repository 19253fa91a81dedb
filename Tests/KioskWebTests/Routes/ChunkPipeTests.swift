import Dispatch
import XCTest
@testable import KioskWeb

final class ChunkPipeTests: XCTestCase {
    func testCarriesEveryChunkInOrderAndHoldsTheProducerBack() async throws {
        let pipe = ChunkPipe(capacity: 2)
        let produced = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            do {
                for index in 0..<100 { try pipe.put("\(index),") }
                pipe.finish()
            } catch {
                pipe.finish(throwing: error)
            }
            produced.signal()
        }
        var text = ""
        for try await chunk in pipe.chunks {
            text += chunk
            pipe.taken()
        }
        XCTAssertEqual(text, (0..<100).map { "\($0)," }.joined())
        produced.wait()
    }

    func testAConsumerThatGoesAwayStopsTheProducer() async throws {
        let pipe = ChunkPipe(capacity: 1)
        let (outcome, report) = AsyncStream.makeStream(of: String.self)
        DispatchQueue.global().async {
            do {
                for index in 0..<1_000 { try pipe.put("\(index)") }
                report.yield("finished all 1000")
            } catch is ChunkPipe.ConsumerGone {
                report.yield("stopped")
            } catch {
                report.yield("\(error)")
            }
            report.finish()
        }
        var iterator = pipe.chunks.makeAsyncIterator()
        let first = try await iterator.next()
        XCTAssertEqual(first, "0")
        pipe.cancel()  // the browser disconnected after the first chunk
        var results: [String] = []
        for await line in outcome { results.append(line) }
        XCTAssertEqual(results, ["stopped"])
    }
}

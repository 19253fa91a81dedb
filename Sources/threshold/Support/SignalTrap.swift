import Dispatch
import Foundation

/// Turns SIGTERM / SIGINT into a call, so the kiosk can finish the decision in flight and lock the
/// door instead of dying mid-pulse (systemd sends SIGTERM on stop).
final class SignalTrap {
    private let sources: [any DispatchSourceSignal]

    init(signals: [Int32], handler: @escaping @Sendable () -> Void) {
        sources = signals.map { number in
            signal(number, SIG_IGN)  // the dispatch source sees it; the default action would kill us
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
    }

    /// Restores the default actions.
    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGTERM, SIG_DFL)
        signal(SIGINT, SIG_DFL)
    }
}

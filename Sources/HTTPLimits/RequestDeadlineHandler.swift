import NIOCore
import NIOHTTPTypes

/// Closes a connection whose first request head, or any request body, takes longer than its
/// deadline (see ``ServerLimits``). One timer at a time: the head deadline from the connection
/// opening, the body deadline while a request is read, none while a response is written or a
/// kept-alive connection waits (Hummingbird's idle timer covers that).
final class RequestDeadlineHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    let headerTimeout: TimeAmount
    let bodyTimeout: TimeAmount
    private var timer: Scheduled<Void>?

    init(headerTimeout: TimeAmount, bodyTimeout: TimeAmount) {
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(headerTimeout, context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) { disarm() }

    func channelActive(context: ChannelHandlerContext) {
        arm(headerTimeout, context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            arm(bodyTimeout, context)
        case .body:
            break
        case .end:
            disarm()
        }
        context.fireChannelRead(data)
    }


    private func arm(_ timeout: TimeAmount, _ context: ChannelHandlerContext) {
        disarm()
        let channel = context.channel
        timer = context.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
    }

    private func disarm() {
        timer?.cancel()
        timer = nil
    }
}

@available(*, unavailable)
extension RequestDeadlineHandler: Sendable {}

import NIOCore
import NIOHTTPTypes

/// Drops a connection whose request body is not complete within `timeout` of its headers, so a
/// client trickling a byte now and then (slowloris) cannot hold a connection for ever.
///
/// Hummingbird's idle timeout already closes a connection that sends nothing for a while,
/// including one that never finishes its headers (they only count once complete); but every
/// body byte resets that timer, hence this deadline on the body as a whole.
final class BodyDeadlineHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private let timeout: TimeAmount
    private var deadline: Scheduled<Void>?

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            deadline?.cancel()
            let channel = context.channel
            deadline = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
                channel.close(promise: nil)
            }
        case .end:
            deadline?.cancel()
            deadline = nil
        case .body:
            break
        }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
    }
}

import NIOConcurrencyHelpers
import NIOCore
import NIOHTTPTypes

/// How many connections the intake server holds open, in all and per client address: one client
/// opening a thousand idle connections must not starve the senders of real leads. Shared by every
/// connection's `ConnectionCapHandler`.
final class ConnectionCap: Sendable {
    private struct Counts {
        var total = 0
        var byAddress: [String: Int] = [:]
    }

    let maxTotal: Int
    let maxPerAddress: Int
    private let counts = NIOLockedValueBox(Counts())

    init(maxTotal: Int, maxPerAddress: Int) {
        self.maxTotal = maxTotal
        self.maxPerAddress = maxPerAddress
    }

    /// Takes a place for a connection from `address`; false when either cap is reached.
    func admit(_ address: String) -> Bool {
        counts.withLockedValue { counts in
            guard counts.total < maxTotal, counts.byAddress[address, default: 0] < maxPerAddress else { return false }
            counts.total += 1
            counts.byAddress[address, default: 0] += 1
            return true
        }
    }

    /// Gives back the place of a connection from `address` that closed.
    func release(_ address: String) {
        counts.withLockedValue { counts in
            counts.total -= 1
            let left = counts.byAddress[address, default: 1] - 1
            counts.byAddress[address] = left > 0 ? left : nil
        }
    }
}

/// Closes a new connection at once when `ConnectionCap` has no place for it, and gives its place
/// back when an admitted connection closes.
final class ConnectionCapHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private let cap: ConnectionCap
    private var admitted: String?

    init(cap: ConnectionCap) {
        self.cap = cap
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { admit(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        if admitted == nil { admit(context) }
        context.fireChannelActive()
    }

    private func admit(_ context: ChannelHandlerContext) {
        let address = context.channel.remoteAddress?.ipAddress ?? "unknown"
        if cap.admit(address) {
            admitted = address
        } else {
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let admitted { cap.release(admitted) }
        admitted = nil
        context.fireChannelInactive()
    }
}

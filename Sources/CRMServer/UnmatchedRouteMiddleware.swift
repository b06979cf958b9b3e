import HTTPTypes
import Hummingbird

/// Answers requests no route takes with the intake's JSON error shape, where Hummingbird 2 would
/// send an empty 404: 405 with `Allow` for a known path asked with another method, else 404.
///
/// Hummingbird's router has no 405 of its own: a known path with an unknown method reaches the
/// same not-found responder as an unknown path, which throws `HTTPError(.notFound)` through the
/// router's middleware. So this middleware tells the two apart by matching the path against the
/// routes itself, before any key is looked at: the paths and their methods are public.
struct UnmatchedRouteMiddleware<Context: RequestContext>: RouterMiddleware {
    /// A path and the method a route takes there.
    struct Route: Sendable {
        var path: RouterPath
        var method: HTTPRequest.Method
    }

    let routes: [Route]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let answer = problem(for: request).response()
            // A HEAD answer must not carry a body, or a kept-alive connection reads it as the next answer.
            return request.method == .head ? answer.createHeadResponse() : answer
        }
    }

    private func problem(for request: Request) -> IntakeProblem {
        let segments = request.uri.path.split(separator: "/", omittingEmptySubsequences: true)
        let allowed = routes.filter { Self.path($0.path, matches: segments) }.map(\.method.rawValue)
        guard allowed.isEmpty else {
            let list = allowed.joined(separator: ", ")
            return IntakeProblem(status: .methodNotAllowed, message: "This path takes \(list), not \(request.method.rawValue).",
                                 headers: [.allow: list])
        }
        let known = routes.map { "\($0.method.rawValue) \($0.path)" }.joined(separator: ", ")
        return IntakeProblem(status: .notFound, message: "Nothing is served at this path; the endpoints are \(known).")
    }

    /// Whether `segments` fit `path` element by element, as the router's trie matches plain
    /// segments and captures (`**` is not supported: no intake route uses it).
    private static func path(_ path: RouterPath, matches segments: [Substring]) -> Bool {
        path.count == segments.count && zip(path, segments).allSatisfy { element, segment in element ~= segment }
    }
}

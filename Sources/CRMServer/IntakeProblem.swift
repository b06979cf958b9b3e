import CRMCore
import Foundation
import HTTPTypes
import Hummingbird

/// A refused request as the sender sees it (LP-1): a 4xx status and the JSON body
/// `{"error": "…", "position": {…}, "fields": [{"field": "email", "message": "…"}]}`, where
/// fields carry the sender's own names and position says where an unreadable body went wrong.
struct IntakeProblem: Error {
    var status: HTTPResponse.Status
    var message: String
    var position: IntakeError.Position? = nil
    var fields: [FieldError] = []
    var headers: HTTPFields = [:]

    /// 400 for a body that cannot be read or a bad header, 422 for a lead that cannot be taken as sent.
    init(_ error: IntakeError) {
        self.init(status: error.isUnprocessable ? .unprocessableContent : .badRequest, message: error.message,
                  position: error.position, fields: error.fieldErrors)
    }

    init(status: HTTPResponse.Status, message: String, position: IntakeError.Position? = nil,
         fields: [FieldError] = [], headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.position = position
        self.fields = fields
        self.headers = headers
    }

    static func unauthorized(_ message: String) -> IntakeProblem {
        IntakeProblem(status: .unauthorized, message: message, headers: [.wwwAuthenticate: "Bearer"])
    }

    var body: ErrorBody { ErrorBody(message: message, position: position, fields: fields) }

    func response() -> Response {
        JSONReply.response(status, body, headers: headers)
    }
}

/// The JSON shape of an error, alone or on a batch line.
struct ErrorBody: Encodable {
    struct Position: Encodable {
        var line: Int
        var column: Int
        var offset: Int
    }

    struct Field: Encodable {
        var field: String
        var message: String
    }

    var error: String
    var position: Position?
    var fields: [Field]

    init(message: String, position: IntakeError.Position?, fields: [FieldError]) {
        error = message
        self.position = position.map { Position(line: $0.line, column: $0.column, offset: $0.offset) }
        self.fields = fields.map { Field(field: $0.field, message: $0.message) }
    }

    init(_ error: IntakeError) {
        self.init(message: error.message, position: error.position, fields: error.fieldErrors)
    }
}

/// JSON answers with a stable key order.
enum JSONReply {
    static func response(_ status: HTTPResponse.Status, _ value: some Encodable, headers: HTTPFields = [:]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data(#"{"error":"The answer could not be written."}"#.utf8)
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

import Foundation

/// The envelope of Labbook's own Keras files (`ModelFile`, `WeightFiles`): one JSON document,
/// keys sorted, that names its format and version beside what it holds,
///
///     {"format": "labbook-keras-weights", "version": 1, "weights": [ ...tensors... ]}
///
/// so a reader knows what a file is and refuses what it cannot read.
struct KerasFileEnvelope<Payload: Codable>: Sendable {
    /// `labbook-keras-model`, `labbook-keras-weights`.
    let format: String
    let version: Int
    /// The payload's key: `model`, `weights`.
    let key: String

    /// Why a file could not be read.
    enum ReadFailure: Error {
        /// Not a JSON document of this shape; the decoder's error.
        case malformed(any Error)
        /// An envelope of another format or version, as the file names it.
        case unsupported(format: String, version: Int)
    }

    func encode(_ payload: Payload) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(Document(format: format, version: version, key: key, payload: payload))
    }

    func decode(_ data: Data) throws(ReadFailure) -> Payload {
        let decoder = JSONDecoder()
        decoder.userInfo[Document.payloadKey] = key
        let document: Document
        do {
            document = try decoder.decode(Document.self, from: data)
        } catch {
            throw .malformed(error)
        }
        guard document.format == format, document.version == version else {
            throw .unsupported(format: document.format, version: document.version)
        }
        return document.payload
    }

    /// The document itself. Its key type is named `CodingKeys`, as a synthesized one is, so a
    /// decoding error reads as it did when each file had its own `Document`.
    fileprivate struct Document {
        static var payloadKey: CodingUserInfoKey { CodingUserInfoKey(rawValue: "labbook.payloadKey")! }

        struct CodingKeys: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { return nil }
        }

        var format: String
        var version: Int
        var key: String
        var payload: Payload
    }
}

extension KerasFileEnvelope.Document: Codable {
    // In the order the synthesized decoder read them: format, version, then the payload.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: CodingKeys(stringValue: "format"))
        version = try container.decode(Int.self, forKey: CodingKeys(stringValue: "version"))
        key = decoder.userInfo[Self.payloadKey] as? String ?? "payload"
        payload = try container.decode(Payload.self, forKey: CodingKeys(stringValue: key))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: CodingKeys(stringValue: "format"))
        try container.encode(version, forKey: CodingKeys(stringValue: "version"))
        try container.encode(payload, forKey: CodingKeys(stringValue: key))
    }
}

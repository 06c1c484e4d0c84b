/// Tags of the snapshot encoding (`SnapshotCodec.version` names this layout).
enum ValueTag: UInt8 {
    case none = 0, falseValue, trueValue, int, float, str, tuple, range, slice, type, object
}

enum RecordTag: UInt8 {
    case list = 1, dict, set, function, frame, exception, builtin, moduleAttribute, module, boundMethod, codable
}

enum TypeTag: UInt8 {
    case builtin = 0, exception, host, other
}

/// The snapshot codec's version: part of every cell key (through the engine version), so a
/// change of layout never reads an old snapshot.
public enum SnapshotCodec {
    public static let version = 2
}

import Foundation
import TestSupport

/// The SVG golden files in `Golden/` (`LABBOOK_RECORD=1 swift test --filter ChartsTests`
/// re-records them; look at them, e.g. with `rsvg-convert`, before committing) and the
/// reference data in `Fixtures/`.
enum Golden {
    static let files = GoldenFile(beside: #filePath)
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
}

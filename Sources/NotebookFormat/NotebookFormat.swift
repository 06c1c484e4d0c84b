import CCmarkGFM

/// The cmark-gfm library version this build links, e.g. `0.29.0.gfm.6`.
public var cmarkVersion: String { String(cString: cmark_version_string()) }

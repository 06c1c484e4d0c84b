/// Labbook's release number, which `labbook --version` and `labbook-bench` print. It lives
/// in the engine because both programs link it.
public enum LabbookVersion {
    public static let current = "0.1.0"
}

import Foundation

/// Makes OpenBLAS run the best kernel the CPU supports, at the very start of a program.
///
///     BLASKernelRelaunch.ensureBestKernel()   // first line of main
///
/// OpenBLAS is linked at load time and reads `OPENBLAS_CORETYPE` when it loads, so by the
/// time our code runs its kernel is chosen. When it chose an older kernel than
/// `BLASKernel.best(for:)` (a CPU newer than its list), the process executes itself again,
/// once, with `OPENBLAS_CORETYPE` set: same arguments, same open files (stdin, stdout,
/// stderr), same process, so the exit status is the new image's. `guardVariable` marks the
/// second image (and records what OpenBLAS had picked), and a process that carries it, or
/// `OPENBLAS_CORETYPE` of any origin, never executes itself again: the relaunch cannot loop.
/// A user's `OPENBLAS_CORETYPE` always wins.
public enum BLASKernelRelaunch {
    /// Set in the relaunched image to the kernel OpenBLAS had picked on its own.
    public static let guardVariable = "LABBOOK_BLAS_RELAUNCHED"
    /// Test-only switch: Labbook takes the kernel OpenBLAS picked to be this one (say
    /// `Prescott`), to show the relaunch on a CPU that OpenBLAS does know.
    public static let simulatedDetectionVariable = "LABBOOK_TEST_DETECTED_KERNEL"

    /// What to do about the kernel OpenBLAS picked.
    public enum Decision: Equatable, Sendable {
        /// Run as is; the text says why (for `labbook --version`).
        case keep(String)
        /// Execute again with `OPENBLAS_CORETYPE` set to this core type.
        case relaunch(String)
    }

    /// The decision, from OpenBLAS' kernel, the best one for the CPU and the environment.
    public static func decide(detected: String, best: String?, environment: [String: String]) -> Decision {
        if environment[guardVariable] != nil {
            return .keep("already executed again once with OPENBLAS_CORETYPE set")
        }
        if let userChoice = environment["OPENBLAS_CORETYPE"] {
            return .keep("set by OPENBLAS_CORETYPE=\(userChoice)")
        }
        guard let best else { return .keep("OpenBLAS' own choice; this CPU has no AVX") }
        guard BLASKernel.isOlder(detected, than: best) else { return .keep("OpenBLAS' own choice") }
        return .relaunch(best)
    }

    /// The kernel OpenBLAS picked, as Labbook sees it (the test switch replaces it).
    public static func detectedCoreType(environment: [String: String]) -> String {
        environment[simulatedDetectionVariable] ?? BLAS.coreType
    }

    /// Executes this program again with the best kernel when `decide` says so; returns when
    /// there is nothing to do or the new image cannot be started (then the run goes on with
    /// OpenBLAS' kernel).
    public static func ensureBestKernel() {
        #if os(Linux)
        let environment = ProcessInfo.processInfo.environment
        let detected = detectedCoreType(environment: environment)
        guard case .relaunch(let coreType) = decide(
            detected: detected, best: BLASKernel.best(for: .current)?.coreType, environment: environment)
        else { return }
        setenv("OPENBLAS_CORETYPE", coreType, 1)
        setenv(guardVariable, detected, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        unsetenv("OPENBLAS_CORETYPE")
        unsetenv(guardVariable)
        #endif
    }
}

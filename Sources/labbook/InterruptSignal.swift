import Foundation
import Runner

/// The write end of the pipe SIGINT's handler writes to (set once, before the handler is
/// installed: a handler can only reach a global).
nonisolated(unsafe) private var interruptPipe: Int32 = -1

/// Ctrl-C during `labbook run`. The handler only writes a byte to a pipe (all it may do:
/// it runs on whichever thread the signal lands, OpenBLAS's included); a thread of its own
/// reads the pipe and does the rest. The first Ctrl-C while the cells run asks the run to
/// stop the cell with KeyboardInterrupt (the run then writes its reports and exits 130);
/// a second one, or one while no cell runs, ends the process at once by SIGINT, as if
/// there were no handler. SIGTERM is left alone: a kill. A process started with SIGINT
/// ignored (a background job of a script) keeps ignoring it, as Python does.
enum InterruptSignal {
    static func route(to interruption: RunInterruption) {
        var current = sigaction()
        guard sigaction(SIGINT, nil, &current) == 0,
              unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) != unsafeBitCast(SIG_IGN, to: Int.self)
        else { return }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return }
        interruptPipe = ends[1]
        let reading = ends[0]
        let thread = Thread {
            var byte: UInt8 = 0
            while true {
                let count = read(reading, &byte, 1)
                if count < 0 && errno == EINTR { continue }
                guard count == 1 else { return }
                if !interruption.interrupt() { endNow() }
            }
        }
        thread.start()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            var byte: UInt8 = 1
            _ = write(interruptPipe, &byte, 1)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)
    }

    /// Dies of SIGINT, so that the shell sees an interrupted process (status 130).
    private static func endNow() -> Never {
        signal(SIGINT, SIG_DFL)
        kill(getpid(), SIGINT)
        while true { pause() }
    }
}

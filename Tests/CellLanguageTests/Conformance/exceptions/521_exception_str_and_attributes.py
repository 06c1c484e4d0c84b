class TrainingError(RuntimeError):
    def __init__(self, epoch, loss):
        self.epoch = epoch
        self.loss = loss
    def __str__(self):
        return f"diverged at epoch {self.epoch} (loss={self.loss:.2f})"

class Quiet(Exception):
    def __repr__(self):
        return "Quiet!"

try:
    raise TrainingError(3, 12.3456)
except RuntimeError as e:
    print(e, "|", e.args, "|", e.epoch, "|", repr(e))
    print(f"{e}", str(e) == e.__str__(), e.__dict__)
q = Quiet("x")
print(repr(q), str(q), [q])
q.note = 5
print(q.note, q.__class__.__name__, type(q) is Quiet)
class WithDefault(Exception):
    code = 7
print(WithDefault().code, WithDefault("a", "b").args, str(WithDefault("a", "b")))
raise TrainingError(9, 1e9)

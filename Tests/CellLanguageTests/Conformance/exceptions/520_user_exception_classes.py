class AppError(Exception):
    pass

class ConfigError(AppError, ):
    def __init__(self, key, reason="missing"):
        super().__init__(f"{key}: {reason}")
        self.key = key

class ShapeError(ValueError):
    pass

for make in [lambda: AppError("plain"), lambda: ConfigError("lr"), lambda: ShapeError(3, 4)]:
    try:
        raise make()
    except AppError as e:
        print("app", type(e).__name__, str(e), e.args, repr(e))
    except ValueError as e:
        print("value", type(e).__name__, e, e.args, repr(e))
e = ConfigError("batch", reason="too big")
print(e.key, e.args, isinstance(e, AppError), isinstance(e, Exception), isinstance(e, ValueError))
print(issubclass(ConfigError, AppError), issubclass(ShapeError, ValueError), issubclass(AppError, ValueError))
print(ConfigError.__mro__)
try:
    raise ShapeError
except (KeyError, ShapeError) as e:
    print("caught", repr(e), e.args)

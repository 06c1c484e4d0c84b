import CellLanguage

/// Reads `subplot(2, 2, 1)` and the three-digit form `subplot(221)`.
enum SubplotArguments {
    static func grid(_ positional: [Value]) throws -> (rows: Int, columns: Int, index: Int) {
        switch positional.count {
        case 1:
            guard let code = positional[0].asInt, (100...999).contains(code) else {
                throw PyException(.valueError, "Single argument to subplot must be a three-digit integer, not \(positional[0].repr)")
            }
            return (code / 100, code / 10 % 10, code % 10)
        case 3:
            let numbers = try positional.map { value -> Int in
                guard let n = value.asInt else {
                    throw PyException(.valueError, "Subplot specifier must be integers, not \(value.repr)")
                }
                return n
            }
            return (numbers[0], numbers[1], numbers[2])
        default:
            throw PyException(.typeError, "subplot() takes 1 or 3 positional arguments but \(positional.count) were given")
        }
    }
}

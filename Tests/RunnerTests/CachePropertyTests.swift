import Foundation
import Testing
import TestSupport
@testable import Runner

/// The cache's promise: after editing cell k, an incremental run produces exactly what a
/// run from scratch of the edited notebook produces (Markdown, HTML, final state), and
/// runs only cells from k on (and a cell that failed unexpectedly runs again next time).
struct CachePropertyTests {
    /// Notebooks of plain cells: containers and aliasing, closures, exceptions, modules
    /// and the random generator, classes and decorators, Keras models (a Sequential inside a
    /// Sequential, Adadelta's accumulators, weighted and step-wise fits; a functional model of two inputs and
    /// two outputs with dicts of losses, loss weights and weighted metrics; a subclass's own
    /// `train_step` with a `Metric` subclass in `compile`), `keras.layers.Layer` subclasses
    /// trained by hand (a held Dense layer's penalty in `losses`), eval/cache options. (Default reprs
    /// with addresses are left out: addresses are numbered per process, and the test runs
    /// both notebooks in one.) The last cell of each prints the state.
    static let notebooks: [(name: String, cells: [String], front: String)] = [
        ("containers", [
            "a = [1, 2, 3]\nb = a\nd = {'a': a, 'n': 1, (1, 'k'): None}",
            "a.append(len(d))\ns = {1, 2, 3, 'x', (4, 5)}\ns.discard(2)\nt = (a, b)\nnested = [a, [a, d]]",
            "def total(xs, extra=0):\n    return sum(xs) + extra\nprint(total(a), t[0] is b, nested[1][0] is a)",
            "d['n'] += 10\nb.extend([7, 8])\ncycle = [1]\ncycle.append(cycle)",
            "print(a, b, d, sorted(s, key=str), t, nested, cycle, a is b)",
        ], ""),
        ("closures", [
            "def make_acc(start):\n    total = start\n    def add(x):\n        nonlocal total\n        total += x\n        return total\n    return add\nacc = make_acc(10)",
            "acc(1)\nacc(2)\nfs = [lambda x, i=i: x + i for i in range(3)]\nsame = acc",
            "compose = lambda f, g: (lambda x: f(g(x)))\nh = compose(acc, fs[2])\nprint(h(1))",
            "def fact(n):\n    return 1 if n <= 1 else n * fact(n - 1)\nmemo = {}\ndef fib(n, cache=memo):\n    if n not in cache:\n        cache[n] = n if n < 2 else fib(n - 1) + fib(n - 2)\n    return cache[n]\nfib(20)",
            "print(acc(3), same(0), [f(1) for f in fs], h(2), fact(10), fib(30), len(memo))",
        ], ""),
        ("exceptions", [
            "#| error: true\nerrs = []\ntry:\n    {}['missing']\nexcept KeyError as e:\n    errs.append(e)\n1 / 0",
            "def check(x):\n    if x < 0:\n        raise ValueError(f'negative: {x}')\n    return x\nresults = [check(i) for i in range(3)]",
            "try:\n    check(-1)\nexcept ValueError as e:\n    errs.append(e)\nprint(errs, [repr(e) for e in errs])",
            "#| error: true\ncheck(-5)",
            "print(results, len(errs), errs[0].args)",
        ], ""),
        ("modules", [
            "import random\nrandom.seed(seed_value)\nvals = [random.random() for _ in range(3)]",
            "import math\nm = math\nfrom math import sqrt\nroots = [sqrt(v) for v in vals]",
            "words = ['b', 'a', 'c']\nrandom.shuffle(words)\nprint(words, random.randint(1, 100))",
            "print(vals, roots, m.pi, random.random(), epochs, layers)",
        ], "params:\n  seed_value: 7\n  epochs: 3\n  layers: [32, 64]\n"),
        ("classes", [
            "class Base:\n    count = 0\n    def __init__(self, n):\n        self.n = n\n        Base.count += 1\n    def __repr__(self):\n        return f'{type(self).__name__}({self.n})'\n    @property\n    def double(self):\n        return 2 * self.n\n    @classmethod\n    def make(cls, n):\n        return cls(n)",
            "class Child(Base):\n    def __init__(self, n, tag='x'):\n        super().__init__(n)\n        self.tag = tag\n    def __add__(self, other):\n        return Child(self.n + other.n, self.tag)\nitems = [Base(1), Child.make(2)]\nalias = items[0]",
            "def twice(f):\n    def wrapper(*args):\n        return f(f(*args))\n    return wrapper\n@twice\ndef inc(x):\n    return x + 1\nalias.n = inc(alias.n)\nc = Child(5, 't') + Child(1, 'u')",
            "class Plain:\n    pass\nplain = Plain()\nplain.items = items\nprint(type(plain).__name__, Base.count)",
            "print(items, alias is items[0], c, c.tag, c.double, Base.count, isinstance(c, Base), inc(0), Child.make(3), plain.items is items)",
        ], ""),
        ("keras", [
            "import numpy as np\nimport keras\nx = np.random.rand(20, 3).astype('float32')\ny = (x[:, 0] > x[:, 2]).astype('int64')",
            "inner = keras.Sequential([keras.layers.Dense(4, activation='relu', input_shape=(3,)), keras.layers.Dense(2)])\nouter = keras.Sequential([inner, keras.layers.Softmax()])\nopt = keras.optimizers.Adadelta()\nouter.compile(optimizer=opt, loss='sparse_categorical_crossentropy', metrics=['accuracy'])",
            "h = outer.fit(x, y, epochs=2, batch_size=4, verbose=0, sample_weight=np.linspace(0.5, 2.0, len(x)))\nlr = opt.lr",
            "keras.backend.set_value(lr, 0.5)\nh2 = outer.fit(x, y, epochs=2, batch_size=5, steps_per_epoch=3, verbose=0, class_weight=dict(enumerate([0.5, 2.0])))",
            "print(np.round(outer.predict(x[:3]), 5), np.array_equal(outer.layers[0].get_weights()[0], inner.get_weights()[0]), opt.iterations, float(lr), h.history, h2.history)",
        ], ""),
        ("multiout", [
            "import numpy as np\nimport keras\nfrom keras import layers\nx1 = np.random.rand(12, 3).astype('float32')\nx2 = np.random.rand(12, 2).astype('float32')\ny1 = np.random.rand(12, 1)\ny2 = keras.utils.to_categorical(np.arange(12) % 3)",
            "a = keras.Input(shape=(3,), name='a')\nb = keras.Input(shape=(2,), name='b')\nh = layers.Dense(4, activation='relu')(layers.Concatenate()([a, b]))\np = layers.Dense(1, name='p')(h)\nq = layers.Dense(3, activation='softmax', name='q')(h)\nmodel = keras.Model([a, b], [p, q])\nmodel.compile(optimizer='adam', loss={'p': 'mse', 'q': 'categorical_crossentropy'}, metrics={'q': ['accuracy']}, loss_weights=[1.0, 0.5], weighted_metrics=['mae'])",
            "hist = model.fit({'a': x1, 'b': x2}, [y1, y2], epochs=2, batch_size=4, verbose=0, sample_weight=np.linspace(0.5, 1.5, 12))\nfirst = model.layers[3].output",
            "hist2 = model.fit([x1, x2], {'p': y1, 'q': y2}, epochs=1, batch_size=5, verbose=2, validation_split=0.25)",
            "print(model.metrics_names, hist.history, hist2.history, first, [np.round(o, 5) for o in model.predict([x1[:2], x2[:2]])], model.evaluate([x1, x2], [y1, y2], verbose=0))",
        ], ""),
        ("trainstep", [
            "import numpy as np\nimport tensorflow as tf\nfrom tensorflow import keras\nx = np.random.rand(16, 3).astype('float32')\ny = np.arange(16) % 2",
            "class Total(keras.metrics.Metric):\n    def __init__(self, name='total', **kwargs):\n        super().__init__(name=name, **kwargs)\n        self.total = self.add_weight(name='total', initializer='zeros')\n    def update_state(self, y_true, y_pred, sample_weight=None):\n        self.total.assign_add(tf.reduce_sum(y_pred))\n    def result(self):\n        return self.total\nclass Stepper(keras.Model):\n    def train_step(self, data):\n        x, y = data\n        with tf.GradientTape() as tape:\n            y_pred = self(x, training=True)\n            loss = self.compiled_loss(y, y_pred)\n        grads = tape.gradient(loss, self.trainable_variables)\n        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))\n        self.compiled_metrics.update_state(y, y_pred)\n        return {m.name: m.result() for m in self.metrics}",
            "inputs = keras.Input(shape=(3,))\nmodel = Stepper(inputs, keras.layers.Dense(2, activation='softmax')(inputs))\nmodel.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy', Total()])\nh = model.fit(x, y, epochs=2, batch_size=4, verbose=2)",
            "h2 = model.fit(x, y, epochs=1, batch_size=5, verbose=0, validation_split=0.25)",
            "print(h.history, h2.history, [m.name for m in model.metrics], [float(m.result()) for m in model.metrics], np.round(model.predict(x[:2]), 5), model.evaluate(x, y, verbose=0))",
        ], ""),
        ("customlayer", [
            "import numpy as np\nimport tensorflow as tf\nfrom tensorflow import keras\nx = np.random.rand(8, 3).astype('float32')\nt = np.random.rand(8, 1).astype('float32')",
            "class Linear(keras.layers.Layer):\n    def __init__(self, units=4, **kwargs):\n        super().__init__(**kwargs)\n        self.units = units\n    def build(self, input_shape):\n        self.w = self.add_weight(shape=(input_shape[-1], self.units), initializer='random_normal')\n        self.b = self.add_weight(name='bias', shape=(self.units,), initializer='zeros')\n    def call(self, inputs):\n        self.add_loss(1e-2 * tf.reduce_sum(tf.square(self.w)))\n        return tf.nn.relu(tf.matmul(inputs, self.w) + self.b)\nclass Block(keras.layers.Layer):\n    def __init__(self):\n        super().__init__()\n        self.hidden = Linear(4)\n        self.out = keras.layers.Dense(1, kernel_regularizer=keras.regularizers.l2(1e-3))\n    def call(self, inputs):\n        return self.out(self.hidden(inputs))",
            "block = Block()\nopt = keras.optimizers.Adam(learning_rate=0.1)\nfirst = block(x).numpy()",
            "for step in range(3):\n    with tf.GradientTape() as tape:\n        loss = tf.reduce_mean(tf.square(block(x) - t)) + sum(block.losses)\n    grads = tape.gradient(loss, block.trainable_weights)\n    opt.apply_gradients(zip(grads, block.trainable_weights))\nlosses = [float(v) for v in block.losses]",
            "print(np.round(block(x).numpy()[:2], 5), np.round(first[:2], 5), [w.name for w in block.weights], np.round(losses, 5), block.built, float(loss))",
        ], ""),
        ("options", [
            "x = 1\nhist = []",
            "#| eval: false\nx = 100",
            "hist.append(x)\nx += 1",
            "#| cache: false\nhist.append(x * 10)",
            "print(x, hist)",
        ], ""),
    ]

    static func text(_ cells: [String], front: String) -> String {
        (front.isEmpty ? "" : "---\n\(front)---\n") + "# Notebook\n\n"
            + cells.enumerated().map { "Prose \($0.offset).\n\n```python\n\($0.element)\n```\n" }.joined(separator: "\n")
    }

    /// Two edits per cell: one that changes state, one that changes constants.
    static func edits(of cell: String, index: Int) -> [String] {
        [cell + "\nedited_\(index) = [\(index)] * 2", cell.replacingOccurrences(of: "1", with: "2")]
    }

    @Test(arguments: 0..<notebooks.count)
    func incrementalRunEqualsARunFromScratch(notebookIndex: Int) throws {
        let (name, cells, front) = Self.notebooks[notebookIndex]
        let firstUncached = cells.firstIndex { $0.contains("#| cache: false") } ?? cells.count
        for k in cells.indices {
            for (variant, edited) in Self.edits(of: cells[k], index: k).enumerated() where edited != cells[k] {
                var editedCells = cells
                editedCells[k] = edited
                let base = try CachedNotebook(Self.text(cells, front: front))
                let first = try base.run()
                #expect(first.cached.isEmpty, "\(name): a first run reuses nothing")
                try base.write(Self.text(editedCells, front: front))
                let incremental = try base.run()

                let scratch = try CachedNotebook(Self.text(editedCells, front: front))
                let fresh = try scratch.run()
                let context = "\(name), cell \(k) edit \(variant) [first run log: \(first.log)] [incremental log: \(incremental.log)]"
                #expect(incremental.markdown == fresh.markdown, "\(context): Markdown differs")
                #expect(incremental.html == fresh.html, "\(context): HTML differs")
                #expect(incremental.result.exitCode == fresh.result.exitCode, "\(context)")
                let state = try base.cachedFinalState()
                #expect(state.count > 1, "\(context): no state stored")
                let scratchState = try scratch.cachedFinalState()
                #expect(state == scratchState, "\(context): final state differs: \(state) vs \(scratchState)")
                // Only cells from k on ran (and, from a cache: false cell on, every cell).
                let evaluated = incremental.result.cells.map(\.cellIndex)
                #expect(incremental.ran == evaluated.filter { $0 >= min(k, firstUncached) }, "\(context): ran \(incremental.ran)")
                #expect(incremental.warnings.isEmpty, "\(context): \(incremental.warnings)")

                // And once more: everything up to the first cache: false cell, or the first cell
                // that failed without expecting it (never stored), is reused.
                let again = try base.run()
                #expect(again.markdown == fresh.markdown && again.html == fresh.html, "\(context): a fully cached run differs")
                let failed = fresh.result.cells.first { $0.error != nil && !editedCells[$0.cellIndex].contains("#| error: true") }
                let stored = min(firstUncached, failed?.cellIndex ?? cells.count)
                #expect(again.ran == evaluated.filter { $0 >= stored }, "\(context): re-run ran \(again.ran)")
            }
        }
    }

    @Test func editingProseChangesNoKeyAndRunsNothing() throws {
        let nb = try CachedNotebook("Intro.\n\n```python\nx = 2\n```\n\n```python\nprint(x * 21)\n```\n")
        _ = try nb.run()
        try nb.write("A new intro, longer.\n\nMore prose.\n\n```python\nx = 2\n```\n\nBetween.\n\n```python\nprint(x * 21)\n```\n")
        let again = try nb.run()
        #expect(again.ran.isEmpty, "\(again.log)")
        #expect(again.markdown.contains("```output\n42\n```"))
    }
}

/// A matplotlib figure: a size, a grid of `Axes`, an optional overall title; rendered as
/// one responsive SVG.
///
///     var figure = Figure(width: 6.4, height: 4.8)        // inches; 640×480 px at 100 dpi
///     let ax = try figure.subplot(rows: 1, columns: 1, index: 1)
///     try figure.axes[ax].plot(y: [3, 1, 2], label: "a")
///     figure.axes[ax].legend()
///     let svg = figure.svg()   // "<svg xmlns=... viewBox=\"0 0 640 480\" width=\"100%\" ..."
public struct Figure: Equatable, Sendable {
    /// Width and height in inches (matplotlib's `figsize`).
    public var width: Double
    public var height: Double
    /// Pixels per inch; fonts and line widths given in points scale with it.
    public var dpi: Double
    /// The axes in creation order (`fig.axes`).
    public var axes: [Axes] = []
    /// `suptitle`: a title above all subplots.
    public var title: String?

    public init(width: Double = 6.4, height: Double = 4.8, dpi: Double = 100) {
        self.width = width > 0 && width.isFinite ? width : 6.4
        self.height = height > 0 && height.isFinite ? height : 4.8
        self.dpi = dpi > 0 && dpi.isFinite ? dpi : 100
    }

    /// `plt.subplots(rows, columns)`: a figure with every cell of the grid filled, axes in
    /// row-major order.
    public static func subplots(rows: Int = 1, columns: Int = 1, width: Double = 6.4,
                                height: Double = 4.8, dpi: Double = 100) throws -> Figure {
        guard rows >= 1, columns >= 1 else { throw ChartError.invalidSubplot(rows: rows, columns: columns, index: 1) }
        var figure = Figure(width: width, height: height, dpi: dpi)
        for index in 1...(rows * columns) {
            figure.axes.append(Axes(position: SubplotPosition(rows: rows, columns: columns, index: index)))
        }
        return figure
    }

    /// `plt.subplot(rows, columns, index)`: the index in `axes` of the axes at that grid cell,
    /// created if there is none yet (an existing one is reused, as matplotlib does).
    public mutating func subplot(rows: Int, columns: Int, index: Int) throws -> Int {
        guard rows >= 1, columns >= 1, index >= 1, index <= rows * columns else {
            throw ChartError.invalidSubplot(rows: rows, columns: columns, index: index)
        }
        let position = SubplotPosition(rows: rows, columns: columns, index: index)
        if let existing = axes.firstIndex(where: { $0.position == position }) { return existing }
        axes.append(Axes(position: position))
        return axes.count - 1
    }

    /// `plt.gca()`: the last axes, or a new full-figure axes when there is none.
    public mutating func currentAxes() -> Int {
        if axes.isEmpty { axes.append(Axes()) }
        return axes.count - 1
    }

    /// Width and height in pixels.
    public var pixelSize: (width: Double, height: Double) { (width * dpi, height * dpi) }

    /// The figure as an inline SVG element: no XML declaration, `viewBox` in pixels,
    /// `width="100%"`, fixed aspect ratio. Same figure, same bytes.
    public func svg() -> String {
        let style = ChartStyle(dpi: dpi)
        let (w, h) = pixelSize
        var writer = SVGWriter()
        writer.open(width: w, height: h, label: title ?? axes.compactMap(\.title).first ?? "figure")
        var top = style.outerPad
        if let title {
            writer.text(title, x: w / 2, y: top + style.figureTitleFont * 0.9, size: style.figureTitleFont,
                        anchor: .middle, fill: style.textColor, bold: true)
            top += style.figureTitleFont * 1.3
        }
        let area = Box(x: style.outerPad, y: top, width: w - 2 * style.outerPad, height: h - top - style.outerPad)
        for ax in axes {
            let cell = Figure.cell(ax.position, in: area, gap: style.cellGap)
            let layout = AxesLayout(axes: ax, cell: cell, style: style)
            AxesRenderer(axes: ax, layout: layout, style: style, cell: cell).draw(into: &writer)
        }
        writer.close()
        return writer.output
    }

    /// The part of `area` given to one grid cell.
    static func cell(_ position: SubplotPosition, in area: Box, gap: Double) -> Box {
        let rows = Double(max(position.rows, 1)), columns = Double(max(position.columns, 1))
        let cellW = (area.width - gap * (columns - 1)) / columns
        let cellH = (area.height - gap * (rows - 1)) / rows
        return Box(x: area.x + Double(position.column) * (cellW + gap),
                   y: area.y + Double(position.row) * (cellH + gap), width: cellW, height: cellH)
    }
}

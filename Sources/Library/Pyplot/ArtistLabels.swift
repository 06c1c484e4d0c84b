import Charts

/// `legend(['train', 'validation'])`: gives the first artists of an axes new legend labels.
/// Charts' `Axes` exposes its artists read-only, so the axes is rebuilt by drawing every
/// artist again, with its own colours, and keeping the decorations.
enum ArtistLabels {
    static func relabel(_ axes: Axes, _ labels: [String]) throws -> Axes {
        var rebuilt = Axes(position: axes.position)
        var next = labels.makeIterator()
        for artist in axes.artists {
            switch artist {
            case .line(let l):
                try rebuilt.plot(x: l.x, y: l.y, label: next.next() ?? l.label, color: l.color,
                                 lineStyle: l.lineStyle, marker: l.marker, lineWidth: l.lineWidth,
                                 markerSize: l.markerSize, alpha: l.alpha)
            case .scatter(let s):
                try rebuilt.scatter(x: s.x, y: s.y, label: next.next() ?? s.label, color: s.color,
                                    marker: s.marker, size: s.size, alpha: s.alpha)
            case .bars(let b):
                let width = b.bars.first.map { $0.right - $0.left } ?? 0.8
                let bottom = b.bars.first?.bottom ?? 0
                try rebuilt.bar(x: b.bars.map { ($0.left + $0.right) / 2 }, heights: b.bars.map { $0.top - $0.bottom },
                                width: width, bottom: bottom, label: next.next() ?? b.label, color: b.color,
                                alpha: b.alpha)
            case .image(let image):
                try rebuilt.imshow(image.pixels, colormap: image.colormap, vmin: image.vmin, vmax: image.vmax)
            }
        }
        rebuilt.title = axes.title
        rebuilt.xLabel = axes.xLabel
        rebuilt.yLabel = axes.yLabel
        rebuilt.xLimits = axes.xLimits
        rebuilt.yLimits = axes.yLimits
        rebuilt.showsGrid = axes.showsGrid
        rebuilt.legendLocation = axes.legendLocation
        rebuilt.xTicks = axes.xTicks
        rebuilt.yTicks = axes.yTicks
        rebuilt.showsAxis = axes.showsAxis
        rebuilt.equalAspect = axes.equalAspect
        rebuilt.yInverted = axes.yInverted
        return rebuilt
    }
}

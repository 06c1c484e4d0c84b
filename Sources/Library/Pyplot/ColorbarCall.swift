import CellLanguage
import Charts

/// `plt.colorbar(mappable=None, ax=None, label=...)` and `fig.colorbar(im, ax=ax)`: a colour
/// scale beside the axes of an image (or of a scatter coloured through a colormap). Without
/// a mappable, the last image of the current axes, as matplotlib's current image.
///
///     im = plt.imshow(confusion, cmap='Blues'); plt.colorbar(im, label='count')
///     # <matplotlib.colorbar.Colorbar at 0x...>
enum ColorbarCall {
    static func colorbar(_ current: AxesObject, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let bound = try arguments.bind("colorbar", [.init("mappable", default: .none), .init("cax", default: .none),
                                                    .init("ax", default: .none), .init("label", default: .none)],
                                       extraKeywords: true)
        if !bound["cax"].isNone { throw PyException(.notImplementedError, "Labbook's colorbar draws beside its axes; cax= is not supported") }
        var owner = current
        var scale: Colorbar?
        switch bound["mappable"] {
        case .host(let handle as PlotHandle):
            switch handle.target {
            case .image(let ax, let artist)?:
                owner = ax
                let image = try ArtistTarget.imageData(ax, artist)
                guard image.rgb == nil else {
                    throw PyException(.valueError, "an RGB image has no colormap to show in a colorbar")
                }
                scale = Colorbar(colormap: image.colormap, vmin: image.vmin, vmax: image.vmax)
            case .scalarMap(let ax, let colormap, let vmin, let vmax)?:
                owner = ax
                scale = Colorbar(colormap: colormap, vmin: vmin, vmax: vmax)
            default: break
            }
        case .none:
            let images = try current.read { axes in
                axes.artists.compactMap { artist -> ImageData? in
                    if case .image(let image) = artist, image.rgb == nil { return image } else { return nil }
                }
            }
            if let image = images.last { scale = Colorbar(colormap: image.colormap, vmin: image.vmin, vmax: image.vmax) }
        default: break
        }
        guard var colorbar = scale else {
            throw PyException(.runtimeError, "No mappable was found to use for colorbar creation. First define a "
                + "mappable such as an image (with imshow) or a contour set (with contourf).")
        }
        if case .host(let ax as AxesObject) = bound["ax"] { owner = ax }
        if !bound["label"].isNone { colorbar.label = PlotData.text(bound["label"]) }
        try owner.modify { $0.colorbar = colorbar }
        return .host(PlotHandle(typeName: "Colorbar", repr: "<matplotlib.colorbar.Colorbar at 0x...>", target: .colorbar(owner)))
    }
}

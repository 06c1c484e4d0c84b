import Charts

/// `legend(['train', 'validation'])`: gives the first labelable artists of an axes (lines,
/// scatters, bars, in drawing order) new legend labels, keeping everything else.
enum ArtistLabels {
    static func relabel(_ axes: Axes, _ labels: [String]) throws -> Axes {
        var relabelled = axes
        var next = labels.makeIterator()
        for index in axes.artists.indices {
            switch axes.artists[index] {
            case .image, .text: continue
            case .line, .scatter, .bars:
                guard let label = next.next() else { return relabelled }
                relabelled.modifyArtist(at: index) { $0.label = label }
            }
        }
        return relabelled
    }
}

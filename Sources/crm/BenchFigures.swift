/// The arithmetic of `crm bench`'s figures.
enum BenchFigures {
    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// A duration in milliseconds.
    static func milliseconds(_ duration: Duration) -> Double { seconds(duration) * 1000 }

    /// The value below which `fraction` of `values` lie (0 for none).
    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
    }
}

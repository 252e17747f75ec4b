import Foundation

/// A filing's life on a date axis, drawn at build time as inline SVG (no JavaScript): stretches
/// coloured by phase (authority reviewing, we are supplementing, preparing and waiting), entries
/// as markers, the day the period runs out and today. Colours come from the theme's CSS classes.
public enum TimelineChart {
    public static func svg(filing: Filing, analysis: FilingAnalysis, today: Day, ui: [String: String], id: String) -> String? {
        let entries = analysis.ordered
        guard let first = ([filing.opened].compactMap { $0 } + entries.map(\.date)).min() else { return nil }
        let closed = analysis.whoseMove.party == .closed
        var last = entries.map(\.date).max() ?? first
        if !closed { last = max(last, today) }
        if let deadline = analysis.clock?.deadline { last = max(last, deadline) }
        let span = max(first.days(to: last), 1)
        let start = first.adding(days: -max(2, span / 40))
        let end = last.adding(days: max(2, span / 40))
        let total = Double(max(start.days(to: end), 1))
        let width = 760.0, left = 10.0, right = 750.0
        func x(_ day: Day) -> Double { left + (right - left) * Double(start.days(to: day)) / total }
        func f(_ value: Double) -> String { oneDecimal(value) }

        var parts: [String] = []
        // Phases.
        var phases: [(from: Day, to: Day, kind: String)] = []
        // Version 2: the clock. Every stage that started, with its excluded stretches.
        let stageClocks = analysis.review?.stages.filter { $0.start != nil } ?? analysis.clock.map { [$0] } ?? []
        let clockStart = stageClocks.first?.start ?? entries.first { $0.type == .accepted || $0.type == .submitted }?.date
        if let clockStart, clockStart > first { phases.append((first, clockStart, "waiting")) }
        if clockStart == nil { phases.append((first, closed ? last : today, "waiting")) }
        for stageClock in stageClocks {
            for stretch in stageClock.running { phases.append((stretch.from, stretch.through, "review")) }
            for stretch in stageClock.paused { phases.append((stretch.from, stretch.through, "supplement")) }
            for stretch in stageClock.excluded { phases.append((stretch.from, stretch.through, "excluded")) }
        }
        // Between a `forwarded` and the next stage's receipt: waiting.
        for (earlier, later) in zip(stageClocks, stageClocks.dropFirst()) {
            if let stopped = earlier.stopped, let start = later.start, start > stopped { phases.append((stopped, start, "waiting")) }
        }
        if analysis.clock == nil, let clockStart {
            // No statutory period: still show review and supplement stretches from the rounds.
            var from = clockStart
            for round in analysis.rounds {
                phases.append((from, round.requested, "review"))
                phases.append((round.requested, round.sent ?? today, "supplement"))
                from = round.sent ?? today
            }
            let endDay = analysis.decision?.date ?? (closed ? last : today)
            if endDay > from { phases.append((from, endDay, "review")) }
        }
        for phase in phases.sorted(by: { ($0.from, $0.kind) < ($1.from, $1.kind) }) where phase.to >= phase.from {
            let x1 = x(phase.from), x2 = max(x(phase.to), x1 + 1.5)
            parts.append("<rect class=\"phase phase-\(phase.kind)\" x=\"\(f(x1))\" y=\"34\" width=\"\(f(x2 - x1))\" height=\"18\"><title>\(XML.escape(ui["phase.\(phase.kind)"] ?? phase.kind)): \(phase.from) – \(phase.to)</title></rect>")
        }
        // Month ticks.
        var tickMonths = Day(year: start.year, month: start.month, day: 1) ?? start
        let monthsSpanned = (end.year - start.year) * 12 + end.month - start.month + 1
        let step = monthsSpanned > 24 ? 6 : monthsSpanned > 12 ? 3 : 1
        while tickMonths <= end {
            // Labels too close to an edge would be cut off.
            if tickMonths >= start, x(tickMonths) > left + 18, x(tickMonths) < right - 18 {
                let tx = x(tickMonths)
                parts.append("<line class=\"tick\" x1=\"\(f(tx))\" y1=\"56\" x2=\"\(f(tx))\" y2=\"62\"/>")
                parts.append("<text class=\"tick-label\" x=\"\(f(tx))\" y=\"76\">\(tickMonths.year)-\(tickMonths.month < 10 ? "0" : "")\(tickMonths.month)</text>")
            }
            var month = tickMonths.month + step
            var year = tickMonths.year
            while month > 12 { month -= 12; year += 1 }
            guard let next = Day(year: year, month: month, day: 1) else { break }
            tickMonths = next
        }
        // Version 2: the clock. Where each later stage starts.
        for stageClock in stageClocks.dropFirst() {
            guard let start = stageClock.start else { continue }
            let sx = x(start)
            let name = XML.escape(stageClock.stageName ?? "\(stageClock.stage)")
            parts.append("<line class=\"stage-boundary\" data-stage=\"\(stageClock.stage)\" x1=\"\(f(sx))\" y1=\"28\" x2=\"\(f(sx))\" y2=\"58\"><title>\(XML.escape(ui["legendStage"] ?? "")): \(name) \(start)</title></line>")
        }
        parts.append("<line class=\"axis\" x1=\"\(f(left))\" y1=\"56\" x2=\"\(f(right))\" y2=\"56\"/>")
        // Deadline and today.
        if let deadline = analysis.clock?.deadline, analysis.clock?.state == .running {
            let dx = x(deadline)
            parts.append("<line class=\"deadline\" x1=\"\(f(dx))\" y1=\"6\" x2=\"\(f(dx))\" y2=\"58\"><title>\(XML.escape(ui["deadline"] ?? "")): \(deadline)</title></line>")
        }
        if !closed {
            let tx = x(today)
            parts.append("<line class=\"today\" x1=\"\(f(tx))\" y1=\"6\" x2=\"\(f(tx))\" y2=\"58\"><title>\(XML.escape(ui["today"] ?? "")): \(today)</title></line>")
        }
        // Entries.
        for entry in entries {
            let sender = entry.from?.rawValue ?? "none"
            let label = ui["entry.\(entry.type.rawValue)"] ?? entry.type.rawValue
            parts.append("<circle class=\"marker marker-\(sender)\" cx=\"\(f(x(entry.date)))\" cy=\"20\" r=\"5\"><title>\(entry.date) \(XML.escape(label)): \(XML.escape(entry.summary))</title></circle>")
        }
        let description = describe(filing: filing, analysis: analysis, ui: ui)
        return "<svg class=\"timeline-chart\" role=\"img\" viewBox=\"0 0 \(Int(width)) 84\" aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title id=\"\(id)-title\">\(XML.escape(ui["chart"] ?? "")): \(XML.escape(filing.title))</title>"
            + "<desc id=\"\(id)-desc\">\(XML.escape(description))</desc>"
            + parts.joined() + "</svg>"
    }

    /// `value` with one decimal, exactly as `String(format: "%.1f")` writes it, without going
    /// through Foundation's formatter for all but near-ties (a large site draws thousands of
    /// charts). Away from a tie, rounding `value * 10` gives printf's digit; within a millionth of
    /// one, the binary value decides (22.95 is 22.949999...), so printf is asked.
    static func oneDecimal(_ value: Double) -> String {
        let scaled = value * 10
        guard value.isFinite, scaled.magnitude < 1e15, abs(scaled - scaled.rounded(.down) - 0.5) >= 1e-6 else {
            return String(format: "%.1f", value)
        }
        let magnitude = Int(scaled.rounded(.toNearestOrEven).magnitude)
        return "\(value.sign == .minus ? "-" : "")\(magnitude / 10).\(magnitude % 10)"
    }

    /// The chart in words, for screen readers and for anyone who cannot see it.
    static func describe(filing: Filing, analysis: FilingAnalysis, ui: [String: String]) -> String {
        var sentences: [String] = []
        for entry in analysis.ordered {
            sentences.append("\(entry.date) \(ui["entry.\(entry.type.rawValue)"] ?? entry.type.rawValue)")
        }
        for stretch in analysis.clock?.paused ?? [] {
            sentences.append("\(ui["clockPaused"] ?? "paused") \(stretch.from) – \(stretch.through)")
        }
        // Version 2: the clock
        for stageClock in analysis.review?.stages ?? [] {
            for stretch in stageClock.excluded {
                sentences.append("\(ui["phase.excluded"] ?? "excluded") \(stretch.from) – \(stretch.through)")
            }
            if stageClock.stage > 1, let start = stageClock.start {
                sentences.append("\(ui["legendStage"] ?? "stage") \(stageClock.stage) \(start)")
            }
        }
        if let deadline = analysis.clock?.deadline, analysis.clock?.state == .running {
            sentences.append("\(ui["deadline"] ?? "deadline") \(deadline)")
        }
        return sentences.joined(separator: "; ")
    }
}

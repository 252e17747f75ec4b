// Version 2: the clock
extension Permit {
    /// `clock_starts`: the entry that starts the authority's period.
    public enum ClockStart: String, Sendable, CaseIterable { case accepted, submitted }
}

extension Filing {
    /// `application`: what the filing asks for; picks the period from the permit's `application_days`.
    public enum Application: String, Sendable, CaseIterable { case new, change, renewal, cancellation }
}

extension TimelineEntry {
    /// A supplement round's effect on the clock (`clock` on the request, else the permit's `on_supplement`).
    public enum RoundRule: String, Sendable, CaseIterable {
        case pause, restart
        /// The clock runs on through the round.
        case `continue`
    }

    /// What an `excluded` stretch is for (行政许可法 art. 45).
    public enum ExclusionReason: String, Sendable, CaseIterable {
        case hearing = "听证", tender = "招标", auction = "拍卖", inspection = "检验", testing = "检测"
        case quarantine = "检疫", appraisal = "鉴定", expertReview = "专家评审"
    }
}

/// What the law gives a filing's review clock, read from its permit and the filing itself: the
/// periods of each stage, where the clock starts, acceptance and extension rules.
public struct ReviewRules: Sendable, Equatable {
    /// One review stage's period.
    public struct Stage: Sendable, Equatable {
        public var name: String?
        public var days: Int
        public var unit: Permit.ReviewUnit

        public init(name: String? = nil, days: Int, unit: Permit.ReviewUnit) {
            self.name = name
            self.days = days
            self.unit = unit
        }
    }

    /// Stage 1 first (its period is `application_days[application]` or `review_days`).
    public var stages: [Stage]
    public var onSupplement: Permit.SupplementRule
    public var clockStarts: Permit.ClockStart
    /// Working days to accept or ask once for what is missing, where acceptance rules apply (nil: they do not).
    public var acceptanceDays: Int?
    /// The most extensions may add to a stage's period; nil: no limit written.
    public var maxExtensionDays: Int?

    public init(stages: [Stage], onSupplement: Permit.SupplementRule = .pause, clockStarts: Permit.ClockStart = .accepted,
                acceptanceDays: Int? = nil, maxExtensionDays: Int? = nil) {
        self.stages = stages
        self.onSupplement = onSupplement
        self.clockStarts = clockStarts
        self.acceptanceDays = acceptanceDays
        self.maxExtensionDays = maxExtensionDays
    }

    /// The rules for `filing` under `permit`; nil when the permit gives no period for it.
    public static func of(_ permit: Permit, application: Filing.Application = .new) -> ReviewRules? {
        let values = permit.values
        guard let days = ApplicationDaysSchema.days(values[PermitSchema.applicationDays], for: application) ?? permit.reviewDays else {
            return nil
        }
        var stages = [Stage(days: days, unit: permit.reviewUnit)]
        for stage in values[PermitSchema.stages] ?? [] {
            guard let days = stage[ReviewStageSchema.reviewDays] else { continue }
            stages.append(Stage(name: stage[ReviewStageSchema.name], days: days,
                                unit: stage[ReviewStageSchema.reviewUnit] ?? permit.reviewUnit))
        }
        // Acceptance rules: licences and certificates (art. 32), other kinds only where the permit says so.
        let written = values[PermitSchema.acceptanceDays]
        let applies = written != nil || permit.kind == .license || permit.kind == .certificate
        return ReviewRules(stages: stages, onSupplement: permit.onSupplement,
                           clockStarts: values[PermitSchema.clockStarts] ?? .accepted,
                           acceptanceDays: applies ? (written ?? 5) : nil,
                           maxExtensionDays: values[PermitSchema.maxExtensionDays])
    }
}

import EdgePlanCore
import Foundation

/// `hoursPerMonth` is what hourly prices are multiplied by: more than zero and no more than the
/// hours in a 31-day month.
struct HoursPerMonthRule: DesignRule {
    let id = "hours-per-month"
    static let most: Decimal = 31 * 24

    func check(_ design: Design, reference: AWSReference) -> [Diagnostic] {
        guard design.hoursPerMonth > 0, design.hoursPerMonth <= HoursPerMonthRule.most else {
            return [.error("hoursPerMonth", "\(design.hoursPerMonth) is out of range: use more than 0 and at most \(HoursPerMonthRule.most) (730 is the AWS billing average)")]
        }
        return []
    }
}

import EdgePlanCore
import Foundation

/// `hoursPerMonth` is what hourly prices are multiplied by: at least one hour and no more than the
/// hours in a 31-day month.
struct HoursPerMonthRule: DesignRule {
    let id = "hours-per-month"
    static let most: Decimal = 31 * 24

    func check(_ design: Design, reference: AWSReference) -> [Diagnostic] {
        guard design.hoursPerMonth >= 1, design.hoursPerMonth <= HoursPerMonthRule.most else {
            return [.error("hoursPerMonth", "\(design.hoursPerMonth) is out of range: use 1 to \(HoursPerMonthRule.most) hours (730 is the AWS billing average)")]
        }
        return []
    }
}

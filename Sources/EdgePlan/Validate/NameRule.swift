import EdgePlanCore

/// `name` becomes part of subnet, stack and load balancer names: lower-case letters, digits and
/// '-', starting and ending with a letter or digit, short enough that `<name>-alb` style names
/// stay within the Elastic Load Balancing name limit.
struct NameRule: DesignRule {
    let id = "design-name"

    func check(_ design: Design, reference: AWSReference) -> [Diagnostic] {
        let name = design.name
        guard isKebab(name) else {
            return [.error("name", "'\(name)' must be lower-case letters, digits and '-', starting and ending with a letter or digit (e.g. shop-prod)")]
        }
        let lbMax = reference.limits.elbNameMaxLength
        let longestSuffix = "-nlb-tg".count + 1
        if name.count > lbMax - longestSuffix {
            return [.error("name", "'\(name)' is \(name.count) characters; use at most \(lbMax - longestSuffix) so that load balancer and target group names built from it stay within \(lbMax)")]
        }
        return []
    }
}

/// Lower-case letters and digits separated by single '-' (no leading, trailing or double dash).
func isKebab(_ text: String) -> Bool {
    guard let first = text.utf8.first, let last = text.utf8.last, first != UInt8(ascii: "-"), last != UInt8(ascii: "-") else { return false }
    return text.utf8.allSatisfy { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-") }
        && !text.contains("--")
}

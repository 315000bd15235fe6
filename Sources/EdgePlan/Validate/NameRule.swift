import EdgePlanCore

/// `name` becomes part of every stack name (`<name>-network`, `<name>-lb-controller`, …), subnet
/// names and SSM parameter paths: lower-case letters, digits and '-', starting with a letter (as
/// CloudFormation stack names must) and short enough that the longest stack name stays within
/// CloudFormation's limit.
struct NameRule: DesignRule {
    let id = "design-name"
    /// The longest suffix edgeplan adds to the design name to name a stack.
    static let longestStackSuffix = "-lb-controller"

    func check(_ design: Design, reference: AWSReference) -> [Diagnostic] {
        let name = design.name
        guard isKebab(name), name.first?.isLetter == true else {
            return [.error("name", "'\(name)' must be lower-case letters, digits and '-', starting with a letter and ending with a letter or digit (e.g. shop-prod): it starts every CloudFormation stack name")]
        }
        let most = reference.limits.stackNameMaxLength - NameRule.longestStackSuffix.count
        if name.count > most {
            return [.error("name", "'\(name)' is \(name.count) characters; use at most \(most) so that stack names such as \(name)\(NameRule.longestStackSuffix) stay within CloudFormation's \(reference.limits.stackNameMaxLength)")]
        }
        return []
    }
}

/// Lower-case letters and digits separated by single '-' (no leading, trailing or double dash).
func isKebab(_ text: String) -> Bool {
    guard let first = text.utf8.first, let last = text.utf8.last, first != UInt8(ascii: "-"), last != UInt8(ascii: "-") else { return false }
    return text.utf8.allSatisfy { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-") }
        && text.firstByteRange(of: "--") == nil
}

import EdgePlanCore

/// `cluster` is the EKS cluster name that goes into the `kubernetes.io/cluster/<name>` subnet tag:
/// it must be a name EKS accepts (letters, digits, '-' and '_', starting with a letter or digit).
struct ClusterNameRule: DesignRule {
    let id = "cluster-name"

    func check(_ design: Design, reference: AWSReference) -> [Diagnostic] {
        let name = design.cluster
        let maxLength = reference.limits.eksClusterNameMaxLength
        let allowed = name.utf8.allSatisfy {
            ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z"))
                || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
        }
        guard let first = name.unicodeScalars.first, allowed, first.properties.isAlphabetic || ("0"..."9").contains(first) else {
            return [.error("cluster", "'\(name)' is not a valid EKS cluster name: use letters, digits, '-' and '_', starting with a letter or digit")]
        }
        if name.count > maxLength {
            return [.error("cluster", "'\(name)' is \(name.count) characters; EKS cluster names are at most \(maxLength)")]
        }
        return []
    }
}

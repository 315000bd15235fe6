import EdgePlanCore

/// `frontends`: at least one option; ids unique, kebab-case and short enough for the stack and
/// web ACL names built from them; each field only on a kind whose description takes it, and a
/// router only one the kind can put behind its load balancer.
struct FrontendsRule: DesignRule {
    let id = "frontends"

    func check(_ design: Design, reference: AWSReference) -> [Diagnostic] {
        guard !design.frontends.isEmpty else {
            return [.error("frontends", "list at least one frontend option, e.g. - kind: alb-privatelink-nlb")]
        }
        var found: [Diagnostic] = []
        var seen: [String: Int] = [:]
        for (i, f) in design.frontends.enumerated() {
            let p = "frontends[\(i)]"
            if !isKebab(f.id) {
                found.append(.error("\(p).id", "'\(f.id)' must be lower-case letters, digits and '-'"))
            }
            // The option's stacks are <name>-<id> and <name>-<id>-waf, and its web ACL <stack>-web-acl.
            let webACL = "\(design.name)-\(f.id)-waf-web-acl"
            let most = min(reference.limits.webACLNameMaxLength, reference.limits.stackNameMaxLength)
            if webACL.count > most {
                found.append(.error("\(p).id", "'\(f.id)' makes the names built from it too long: the web ACL \(design.name)-\(f.id)-waf-web-acl would be \(webACL.count) characters and AWS allows \(most); use an id of at most \(most - webACL.count + f.id.count) characters"))
            }
            if let first = seen[f.id] {
                found.append(.error("\(p).id", "'\(f.id)' is already the id of frontends[\(first)]: give each option its own id (e.g. id: \(f.id)-2)"))
            } else {
                seen[f.id] = i
            }
            found += fields(f, path: p, design: design, reference: reference)
        }
        return found
    }

    /// Each field the option sets must be one its kind takes; the router must be one it can use.
    private func fields(_ f: Frontend, path p: String, design: Design, reference: AWSReference) -> [Diagnostic] {
        let kind = f.kind.descriptor
        var found: [Diagnostic] = []
        for field in FrontendField.allCases where field.isSet(in: f) && !kind.fields.contains(field) {
            let takers = FrontendKind.allCases.filter { $0.descriptor.fields.contains(field) }.map(\.rawValue)
            let who = takers.isEmpty ? "no kind has" : "only \(takers.joined(separator: ", ")) \(takers.count == 1 ? "has" : "have")"
            found.append(.error("\(p).\(field.rawValue)", "\(f.kind.rawValue) takes no '\(field.rawValue)': it sets \(field.meaning), which \(who)"))
        }
        let context = OptionContext(design: design, limits: reference.limits, azCount: 0)
        if kind.fields.contains(.acceptRisk) {
            // Accepting a risk the option does not take would let a later edit take it unasked.
            let taken = kind.risks(kind.settings(f, context), context)
            for risk in f.acceptRisk where !taken.contains(risk) {
                found.append(.warning("\(p).acceptRisk", "this option takes no '\(risk.rawValue)' risk with its \(risk.field); remove it, so that a later change that takes the risk is refused"))
            }
        }
        if let router = f.router, kind.fields.contains(.router) {
            let settings = kind.settings(f, context)
            let allowed = kind.routers(settings, context)
            if !allowed.contains(router) {
                let why = kind.routerLimit(settings).map { " (\($0))" } ?? ""
                found.append(.error("\(p).router", "\(f.kind.rawValue) cannot use router '\(router.rawValue)' here\(why); it can use \(allowed.map(\.rawValue).joined(separator: " or "))"))
            }
        }
        return found
    }
}

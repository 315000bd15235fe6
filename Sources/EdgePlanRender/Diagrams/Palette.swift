import EdgePlanCore

/// Colours and type for every diagram. The group colours follow the AWS Architecture Icons group
/// styles (AWS Cloud squid ink, Region teal and dashed, VPC purple, AZ blue and dashed, public
/// subnets green, private subnets blue), darkened where needed so that text reaches 4.5:1 and
/// borders and edges 3:1 against what they sit on; fills that carry a meaning (public, private,
/// WAF, AWS-managed, the internet) and the three hop colours stay apart under deuteranopia,
/// protanopia and tritanopia (PaletteTests checks both). Every colour has a dark-mode counterpart,
/// applied by a `prefers-color-scheme: dark` rule inside each SVG.
public enum Palette {
    public static let font = "DejaVu Sans, Helvetica, Arial, sans-serif"
    public static let background = "#ffffff"
    public static let ink = "#1f2933"
    public static let muted = "#4f5b66"

    // Groups, as AWS draws them.
    public static let cloudStroke = "#232f3e"
    public static let regionStroke = "#00777a"
    public static let vpcStroke = "#7440d8"
    public static let azStroke = "#1a6fa8"

    // Nodes.
    public static let internet = "#ffffff"
    public static let internetStroke = "#9c4d00"
    /// An AWS-managed service (CloudFront, API Gateway, an endpoint service): warm grey.
    public static let aws = "#efece6"
    public static let awsStroke = "#232f3e"
    public static let component = "#ffffff"
    public static let componentStroke = "#323f4b"

    // Subnets: every subnet of the customer's is public or private, whatever its role.
    public static let publicSubnet = "#eef6c8"
    public static let publicStroke = "#4a7a0b"
    public static let publicText = "#335a05"
    public static let privateSubnet = "#cfe4f7"
    public static let privateStroke = "#1e6f8f"
    public static let privateText = "#135a78"

    // Badges.
    public static let waf = "#b3261e"
    /// White text on the WAF badge and the critical markers: not `#ffffff`, which dark mode swaps.
    public static let wafText = "#fefefe"
    public static let securityGroupStroke = "#a8323e"
    public static let badge = "#f4f5f7"
    public static let badgeStroke = "#4f5b66"
    public static let critical = "#c62828"
    /// The dash of a bypass path (red, dash-dot, and named under the diagram).
    public static let bypassDash = "2 3 8 3"
    /// The fill of a critical caveat's marker, under white text (kept in dark mode).
    public static let criticalMarker = "#b71c1c"
    public static let free = "#eef0f2"
    public static let freeStroke = "#7b8794"
    public static let grid = "#e4e7eb"
    public static let plot = "#fcfcfd"
    /// An option that fails a need the design states, on the cost chart.
    public static let failing = freeStroke

    /// Edge colour and dash per hop, so that colour is never the only cue: the internet (orange,
    /// long dashes), AWS's own network (purple, short dashes), inside the VPC (slate, solid).
    public static func hop(_ hop: Edge.Hop) -> (color: String, dash: String?) {
        switch hop {
        case .public: return ("#9c4d00", "10 3")
        case .aws: return ("#7440d8", "3 3")
        case .private: return ("#2b3a47", nil)
        }
    }

    /// Distinct colours and dash patterns for chart lines.
    public static let series: [(color: String, dash: String?)] = [
        ("#1a5fa0", nil), ("#9c4d00", "8 4"), ("#3b6e08", "12 3"), ("#7440d8", "10 3 2 3"),
        (securityGroupStroke, "4 4"), ("#00695c", nil), ("#6d4c41", "6 2"), ("#37474f", "1 3"),
    ]

    /// Subnet colours by role, for the address-space bars: public green, every private role a
    /// shade of the private blue (none in the AWS-managed grey), each with its role named on it.
    public static func role(_ role: SubnetRole) -> (fill: String, stroke: String) {
        switch role {
        case .public: return (publicSubnet, publicStroke)
        case .internalELB: return ("#d6e4fb", "#1f4f99")
        case .endpoints: return ("#e1ddf8", "#4b3a9e")
        case .controlPlane: return ("#fff1d6", "#7a5500")
        case .nodes: return (privateSubnet, privateText)
        case .pods: return ("#d3efe9", "#00594d")
        }
    }

    /// Whether a subnet role is public (routed to the internet gateway).
    public static func isPublic(_ role: SubnetRole) -> Bool {
        switch role {
        case .public: return true
        case .internalELB, .endpoints, .controlPlane, .nodes, .pods: return false
        }
    }

    /// The colours of a subnet box in an option diagram: public or private.
    public static func subnet(_ role: SubnetRole) -> (fill: String, stroke: String, text: String) {
        isPublic(role) ? (publicSubnet, publicStroke, publicText) : (privateSubnet, privateStroke, privateText)
    }

    /// Each light colour and the colour it becomes in dark mode.
    public static let dark: [(light: String, dark: String)] = [
        (background, "#0d1117"), (ink, "#e6edf3"), (muted, "#a6b1bc"),
        (cloudStroke, "#c9d1d9"), (regionStroke, "#3cc5c8"), (vpcStroke, "#b392ff"), (azStroke, "#6cb6ff"),
        (internetStroke, "#f0a050"), (aws, "#2b2924"), (componentStroke, "#a6b1bc"),
        (publicSubnet, "#1d2a0c"), (publicStroke, "#8fbf3a"), (publicText, "#b9e07a"),
        (privateSubnet, "#0e2a40"), (privateStroke, "#4fb0d8"), (privateText, "#9dd4f0"),
        (badge, "#1c2128"), (securityGroupStroke, "#ff7b72"), (critical, "#ff8a80"), (free, "#1c2128"), (freeStroke, "#8b949e"),
        (grid, "#30363d"), (plot, "#10151c"), ("#2b3a47", "#d0d7de"),
        ("#1a5fa0", "#79b8ff"), ("#3b6e08", "#8fbf3a"), ("#00695c", "#4dd0c0"), ("#6d4c41", "#c9a38f"), ("#37474f", "#b0bec5"),
        ("#d6e4fb", "#13254a"), ("#1f4f99", "#8ab4f8"), ("#e1ddf8", "#241d4a"), ("#4b3a9e", "#b3a6ff"),
        ("#fff1d6", "#3a2a05"), ("#7a5500", "#e3b341"), ("#d3efe9", "#0b2e28"), ("#00594d", "#5fd3c0"),
    ]

    /// The dark-mode counterpart of a light colour (itself if it has none).
    public static func darkened(_ color: String) -> String {
        dark.first { $0.light == color }?.dark ?? color
    }

    /// The `<style>` rules that swap every colour for its dark-mode counterpart, scoped to the
    /// SVG with this id so that inlined diagrams leave the rest of the page alone. SVG presentation
    /// attributes lose to any style rule, so the attribute selectors are enough.
    public static func darkModeCSS(scope: String) -> String {
        var rules: [String] = []
        for (light, dark) in dark {
            rules.append("#\(scope) [fill=\"\(light)\"]{fill:\(dark)}")
            rules.append("#\(scope) [stroke=\"\(light)\"]{stroke:\(dark)}")
        }
        return "@media (prefers-color-scheme: dark){" + rules.joined(separator: " ") + "}"
    }
}

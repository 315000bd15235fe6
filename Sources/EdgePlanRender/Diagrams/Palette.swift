/// Colours and type for every diagram, chosen to read in print and for colour-blind viewers
/// (line styles differ as well as colours).
public enum Palette {
    public static let font = "DejaVu Sans, Helvetica, Arial, sans-serif"
    public static let background = "#ffffff"
    public static let ink = "#1f2933"
    public static let muted = "#52606d"
    public static let internet = "#fff4e5"
    public static let internetStroke = "#b35c00"
    public static let aws = "#f3ebff"
    public static let awsStroke = "#6a3fb5"
    public static let vpc = "#f7f9fb"
    public static let vpcStroke = "#3e4c59"
    public static let az = "#ffffff"
    public static let azStroke = "#9aa5b1"
    public static let publicSubnet = "#e3f4e1"
    public static let publicStroke = "#2f7d32"
    public static let privateSubnet = "#e1ecf7"
    public static let privateStroke = "#1f5d99"
    public static let component = "#ffffff"
    public static let componentStroke = "#323f4b"
    public static let waf = "#fde7e9"
    public static let wafStroke = "#b3261e"
    public static let critical = "#c62828"
    public static let free = "#eef0f2"
    public static let freeStroke = "#9aa5b1"

    /// Edge colour per hop: the internet, AWS's own network, inside the VPC.
    public static func hop(_ hop: Edge.Hop) -> (color: String, dash: String?) {
        switch hop {
        case .public: return ("#b35c00", nil)
        case .aws: return ("#6a3fb5", "6 3")
        case .private: return ("#1f5d99", nil)
        }
    }

    /// Distinct colours and dash patterns for chart lines.
    public static let series: [(color: String, dash: String?)] = [
        ("#1f5d99", nil), ("#b35c00", "8 4"), ("#2f7d32", "2 3"), ("#6a3fb5", "10 3 2 3"),
        ("#c62828", "4 4"), ("#00796b", nil), ("#8d6e63", "6 2"), ("#37474f", "1 3"),
    ]

    public static func role(_ role: SubnetRole) -> (fill: String, stroke: String) {
        switch role {
        case .public: return (publicSubnet, publicStroke)
        case .internalELB: return ("#dbe9f9", privateStroke)
        case .endpoints: return ("#efe3fa", awsStroke)
        case .controlPlane: return ("#fff1d6", "#8a6100")
        case .nodes: return ("#e1ecf7", "#1f5d99")
        case .pods: return ("#e0f2f1", "#00695c")
        }
    }
}

import EdgePlanCore

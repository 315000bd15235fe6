import EdgePlanCore
import Foundation

/// The inputs of the community VPC module (terraform-aws-modules/vpc, `version`) that reproduce
/// the planned subnets, for a team that keeps that module and takes edgeplan's address plan:
/// `terraform-aws-modules-vpc.auto.tfvars.json`, and a README beside it that says how each role is
/// expressed and what the module cannot express. Every input name was checked against the
/// module's `variables.tf` at that version (Tests/validators keeps the list with its commit).
///
/// The module has one list of subnets per group (public, private, database, elasticache, redshift,
/// intra) and puts the i-th subnet of a group in the i-th zone of `azs`. edgeplan has up to six
/// roles, so each role gets a group of its own: public is public, the private roles take the
/// groups the module routes through the private route tables (and so through the NAT gateways, as
/// edgeplan's network module does), and a sixth role, the endpoints' ENIs, which never start a
/// connection, takes intra (no route out). A role without a subnet in every zone (the control plane
/// in a zone EKS refuses) works because `azs` lists such zones last.
struct VPCModuleInputs: Sendable {
    var plan: Plan

    static let version = "6.6.0"
    static let commit = "82d1929e669efef4e2ad00611b8a68e7a56e049c"
    static let fileName = "terraform-aws-modules-vpc.auto.tfvars.json"

    /// A role's group in the module, and what that group does differently from edgeplan's subnets.
    struct Group: Sendable {
        var name: String
        var note: String
    }

    /// The groups in the order private roles take them.
    static let privateGroups = [
        Group(name: "private", note: "the private route table of its AZ (its NAT gateway's default route)"),
        Group(name: "database", note: "the private route tables (create_database_subnet_route_table stays false); no DB subnet group (create_database_subnet_group: false)"),
        Group(name: "elasticache", note: "the private route tables (create_elasticache_subnet_route_table stays false); no ElastiCache subnet group"),
        Group(name: "redshift", note: "the private route tables (create_redshift_subnet_route_table stays false); no Redshift subnet group"),
    ]
    static let intra = Group(name: "intra", note: "the intra route table, which has no NAT route: the endpoints' ENIs only answer, so they need none, but edgeplan's own network module routes them like the other private subnets")

    /// Each planned role with its group, in role order.
    var assignment: [(role: SubnetRole, group: Group)] {
        var out: [(SubnetRole, Group)] = []
        var free = Self.privateGroups
        let roles = SubnetRole.allCases.filter { !plan.subnets(role: $0).isEmpty }
        // The roles that most need the NAT route come first; endpoints last (intra when groups run out).
        let order: [SubnetRole] = [.nodes, .internalELB, .controlPlane, .pods, .endpoints]
        for role in roles where role == .public { out.append((role, Group(name: "public", note: "the public route table (the internet gateway)"))) }
        for role in order where roles.contains(role) {
            if role == .endpoints && free.isEmpty { out.append((role, Self.intra)); continue }
            if free.isEmpty { continue }
            out.append((role, free.removeFirst()))
        }
        return out.sorted { $0.0 < $1.0 }
    }

    /// The zones in the order `azs` lists them: zones every role uses first, so that a role missing
    /// from some zones has its subnets in the first ones.
    var zones: [String] {
        let azs = plan.availabilityZones
        return azs.enumerated().sorted { a, b in
            let ca = plan.subnets.filter { $0.az == a.element }.count, cb = plan.subnets.filter { $0.az == b.element }.count
            return ca != cb ? ca > cb : a.offset < b.offset
        }.map(\.element)
    }

    /// Roles whose subnets the module cannot place (their zones are not the first of `azs`), or whose
    /// tags other than Name differ between zones in a group without per-AZ tags.
    var problems: [String] {
        var out: [String] = []
        let azs = zones
        for (role, group) in assignment {
            let subnets = plan.subnets(role: role)
            let placed = subnets.map(\.az)
            if Array(azs.prefix(placed.count)).sorted() != placed.sorted() {
                out.append("The \(role.rawValue) subnets (\(group.name)_subnets) are not in the first zones of azs, so the module would put them in other zones.")
            }
            let tagSets = Set(subnets.map { s in s.tags.filter { $0.key != "Name" }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n") })
            if tagSets.count > 1 && !["public", "private"].contains(group.name) {
                out.append("The \(role.rawValue) subnets' tags differ between zones, and \(group.name) has no per-AZ tags input.")
            }
        }
        if assignment.count < SubnetRole.allCases.filter({ !plan.subnets(role: $0).isEmpty }).count {
            out.append("More subnet roles than the module has subnet groups: some roles are left out.")
        }
        return out
    }

    func ordered(_ role: SubnetRole) -> [PlannedSubnet] {
        let azs = zones
        return plan.subnets(role: role).sorted { (azs.firstIndex(of: $0.az) ?? 0) < (azs.firstIndex(of: $1.az) ?? 0) }
    }

    var inputs: JSONValue {
        let name = plan.design.name
        var fields: [(String, JSONValue)] = [
            ("name", .string(name)),
            ("cidr", .string(plan.vpc.cidr.description)),
            ("azs", .array(zones.map(JSONValue.string))),
            ("enable_dns_hostnames", true),
            ("enable_dns_support", true),
            ("vpc_tags", .object([("Name", .string("\(name)-vpc")), ("edgeplan:env", .string(name))])),
        ]
        if !plan.vpc.secondaryCidrs.isEmpty {
            fields.append(("secondary_cidr_blocks", .array(plan.vpc.secondaryCidrs.map { .string($0.description) })))
        }
        for (role, group) in assignment {
            let subnets = ordered(role)
            fields.append(("\(group.name)_subnets", .array(subnets.map { .string($0.cidr.description) })))
            fields.append(("\(group.name)_subnet_names", .array(subnets.map { .string($0.name) })))
            let common = subnets.first?.tags.filter { t in t.key != "Name" && subnets.allSatisfy { $0.tags.contains(t) } } ?? []
            fields.append(("\(group.name)_subnet_tags", .object(common.map { ($0.key, .string($0.value)) })))
            if ["public", "private"].contains(group.name) {
                let perAZ: [(String, JSONValue)] = subnets.compactMap { s in
                    let own = s.tags.filter { t in t.key != "Name" && !common.contains(t) }
                    return own.isEmpty ? nil : (s.az, .object(own.map { ($0.key, .string($0.value)) }))
                }
                if !perAZ.isEmpty { fields.append(("\(group.name)_subnet_tags_per_az", .object(perAZ))) }
            }
        }
        let groups = Set(assignment.map(\.group.name))
        for g in ["database", "elasticache", "redshift"] where groups.contains(g) { fields.append(("create_\(g)_subnet_group", false)) }
        switch plan.vpc.natGateways {
        case .perAZ: fields += [("enable_nat_gateway", true), ("single_nat_gateway", false), ("one_nat_gateway_per_az", true)]
        case .single: fields += [("enable_nat_gateway", true), ("single_nat_gateway", true), ("one_nat_gateway_per_az", false)]
        case .none: fields += [("enable_nat_gateway", false), ("single_nat_gateway", false), ("one_nat_gateway_per_az", true)]
        }
        return .object(fields)
    }

    func files(in folder: String) -> [OutputFile] {
        [OutputFile(path: "\(folder)/\(Self.fileName)", contents: inputs.serialized()),
         OutputFile(path: "\(folder)/terraform-aws-modules-vpc.README.md", contents: readme)]
    }

    var readme: String {
        var rows = ""
        for (role, group) in assignment {
            rows += "| \(role.rawValue) | `\(group.name)_subnets` | \(ordered(role).map(\.az).joined(separator: ", ")) | \(group.note) |\n"
        }
        let keys = inputs.fields.map(\.0)
        let width = keys.map(\.count).max() ?? 0
        let lines = keys.map { "  \($0)\(String(repeating: " ", count: width - $0.count)) = local.edgeplan.\($0)" }.joined(separator: "\n")
        var out = """
        # \(Self.fileName)

        The inputs of the community VPC module [terraform-aws-modules/vpc](https://github.com/terraform-aws-modules/terraform-aws-vpc)
        \(Self.version) (commit `\(Self.commit)`; it needs the AWS provider 6.28 or later) that make the subnets of
        `plan.json`: each CIDR in its zone, with its Name and Kubernetes tags. Every input name is one of the
        module's variables at that version. For a team that keeps that module instead of edgeplan's `network`
        module; edgeplan's later modules take the VPC and subnet IDs as `var.network` either way (see
        `../README.md`). Terraform reads a `*.auto.tfvars.json` file as values of the root module's own
        variables: in edgeplan's `network` module, which declares none of these, `terraform plan` warns about
        them and ignores them. To use them in your configuration, read the file:

        ```hcl
        locals {
          edgeplan = jsondecode(file("${path.module}/\(Self.fileName)"))
        }

        module "vpc" {
          source  = "terraform-aws-modules/vpc/aws"
          version = "\(Self.version)"

        \(lines)
        }
        ```

        | role | module input | zones (in `azs` order) | routing in the module |
        | --- | --- | --- | --- |
        \(rows)
        What the module cannot express, or makes differently from edgeplan's `network` module:

        - The groups are the module's names, not the roles' (`\(assignment.map { "\($0.group.name)_subnets` = \($0.role.rawValue)" }.joined(separator: ", `"))): the Name tag
          and the Kubernetes tags are the plan's all the same.
        - `azs` lists the zones in the order \(zones.joined(separator: ", ")): the module places the i-th subnet of a group in
          the i-th zone, so zones that a role skips come last.

        """
        if plan.vpc.natGateways == .single {
            out += "- One NAT gateway: the module makes one private route table for all zones; edgeplan makes one per zone,\n  each with the same default route.\n"
        }
        if !plan.vpc.endpoints.isEmpty {
            out += "- The VPC endpoints of a VPC without NAT (\(plan.vpc.endpoints.map { "`\($0.service)`" }.joined(separator: ", "))) are not inputs of this module:\n  make them with its `modules/vpc-endpoints` submodule, or take them from edgeplan's `network` module.\n"
        }
        let reservations = plan.subnets.filter { $0.prefixReservation != nil }
        if !reservations.isEmpty {
            out += "- The prefix reservations of the VPC CNI's /28 prefixes (\(reservations.count) subnets) are no input of the module:\n  add an `aws_ec2_subnet_cidr_reservation` per subnet, as edgeplan's `network` module does.\n"
        }
        for problem in problems { out += "- Not expressible: \(problem)\n" }
        return out
    }
}

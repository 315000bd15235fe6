import EdgePlanCore

/// `plan.json`: the machine-readable plan, a contract (see `schemaVersion`). Keys come in a fixed
/// order, numbers that must be exact are strings, and nothing depends on where edgeplan ran.
public struct PlanJSONRenderer: PlanRenderer {
    public init() {}

    public func render(_ plan: Plan) throws -> [OutputFile] {
        [OutputFile(path: "plan.json", contents: json(plan).serialized())]
    }

    public func json(_ plan: Plan) -> JSONValue {
        .object([
            ("schemaVersion", .int(Plan.schemaVersion)),
            ("design", design(plan.design)),
            ("kubernetes", .object([
                ("version", .string(plan.kubernetes.version)),
                ("chosen", .bool(plan.kubernetes.chosen)),
                ("support", .string(plan.kubernetes.support.rawValue)),
                ("standardSupportEnds", .string(plan.kubernetes.standardSupportEnds)),
                ("extendedSupportEnds", .string(plan.kubernetes.extendedSupportEnds)),
                ("asOf", .string(plan.kubernetes.asOf)),
            ])),
            ("vpc", .object([
                ("cidr", .string(plan.vpc.cidr.description)),
                ("secondaryCidrs", .array(plan.vpc.secondaryCidrs.map { .string($0.description) })),
                ("natGateways", .string(plan.vpc.natGateways.rawValue)),
                ("endpoints", .array(plan.vpc.endpoints.map { e in
                    var source: [(String, JSONValue)] = [("title", .string(e.source.title))]
                    if let url = e.source.url { source.append(("url", .string(url))) }
                    if let read = e.source.read { source.append(("read", .string(read))) }
                    return .object([
                        ("service", .string(e.service)), ("type", .string(e.type.rawValue)),
                        ("serviceName", .string("com.amazonaws.\(plan.design.region).\(e.service)")),
                        ("why", .string(e.why)), ("source", .object(source)),
                    ])
                })),
            ])),
            ("availabilityZones", .array(plan.availabilityZones.map(JSONValue.string))),
            ("azKind", .string(plan.azKind.rawValue)),
            ("subnets", .array(plan.subnets.map(subnet))),
            ("sizing", .array(plan.sizing.map(sizing))),
            ("nodes", nodes(plan.nodes)),
            ("capacity", capacity(plan.capacity)),
            ("layout", .object([
                ("kind", .string(plan.layout.kind.rawValue)),
                ("azSlots", .int(plan.layout.azSlots)),
                ("roleBlocks", .array(plan.layout.roleBlocks.map {
                    .object([("role", .string($0.role.rawValue)), ("cidr", .string($0.cidr.description))])
                })),
            ])),
            ("freeCidrs", .array(plan.freeCidrs.map { .string($0.description) })),
            ("options", .array(plan.options.map { option($0, azCount: plan.availabilityZones.count) })),
            ("recommendation", plan.recommendation.map { r in
                .object([("option", .string(r.option)), ("why", .string(r.why)), ("ranking", .array(r.ranking.map(JSONValue.string)))])
            } ?? .null),
            ("breakEven", .array(plan.breakEven.map { b in
                .object([("cheaperBelow", .string(b.cheaperBelow)), ("cheaperAbove", .string(b.cheaperAbove)), ("dataOutGB", .decimal(b.dataOutGB))])
            })),
            ("pricing", plan.pricing.map(pricing) ?? .null),
            ("notes", .array(plan.notes.map(note))),
        ])
    }

    private func option(_ o: PlannedOption, azCount: Int) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("id", .string(o.id)),
            ("kind", .string(o.frontend.kind.rawValue)),
        ]
        if let api = o.frontend.api { fields.append(("api", .string(api.rawValue))) }
        if let p = o.frontend.originProtection { fields.append(("originProtection", .string(p.rawValue))) }
        if let origin = o.frontend.origin { fields.append(("origin", .string(origin.rawValue))) }
        if let style = o.frontend.deployStyle { fields.append(("deployStyle", .string(style.rawValue))) }
        fields.append(("realization", realization(o.realization)))
        fields += [
            ("summary", .string(o.summary)),
            ("path", .string(o.topology.pathLine(azCount: azCount))),
            ("wafOn", o.topology.wafOn.map(JSONValue.string) ?? .null),
            ("components", .array(o.topology.components.map(component))),
            ("edges", .array(o.topology.edges.map(edge))),
            ("meets", .object(o.meets.map { ($0.need.rawValue, .object([("met", .bool($0.met)), ("why", .string($0.why))])) })),
            ("caveats", .array(o.caveats.map(caveat))),
        ]
        if let cost = o.monthlyCost { fields.append(("monthlyCost", monthlyCost(cost))) }
        return .object(fields)
    }

    /// The settings in effect for an option, as plan.json records them (`realization.settings`).
    func settings(_ r: Realization) -> [(String, JSONValue)] {
        var settings: [(String, JSONValue)] = [("router", .string(r.settings.router.rawValue))]
        if let api = r.settings.api { settings.append(("api", .string(api.rawValue))) }
        if let p = r.settings.originProtection { settings.append(("originProtection", .string(p.rawValue))) }
        if let origin = r.settings.origin { settings.append(("origin", .string(origin.rawValue))) }
        if let style = r.settings.deployStyle { settings.append(("deployStyle", .string(style.rawValue))) }
        if let api = r.settings.loadBalancerAPI { settings.append(("loadBalancerApi", .string(api.rawValue))) }
        settings.append(("waf", .bool(r.settings.waf)))
        settings.append(("acceptRisk", .array(r.settings.acceptedRisks.map { .string($0.rawValue) })))
        if let plan = r.settings.usagePlan {
            var fields: [(String, JSONValue)] = [("ratePerSecond", .int(plan.ratePerSecond)), ("burst", .int(plan.burst))]
            if let quota = plan.quota { fields += [("quota", .int(quota)), ("quotaPeriod", .string(plan.quotaPeriod.rawValue))] }
            settings.append(("usagePlan", .object(fields)))
        }
        return settings
    }

    /// How the option is built: the settings in effect and who makes what.
    private func realization(_ r: Realization) -> JSONValue {
        let settings = settings(r)
        let entry: JSONValue
        switch r.entry {
        case .loadBalancerService(let l):
            entry = .object([("kind", "load-balancer-service"), ("madeBy", .string(l.maker.rawValue)), ("internetFacing", .bool(l.internetFacing)),
                             ("securityGroup", .bool(l.securityGroup))])
        case .targetGroupBinding(let b):
            entry = .object([("kind", "target-group-binding"), ("loadBalancer", .string(b.loadBalancer.rawValue)), ("filledBy", .string(b.maker.rawValue))])
        case .controllerALB(let a):
            entry = .object([("kind", "controller-alb"), ("madeBy", .string(a.maker.rawValue)), ("api", .string(a.api.rawValue)),
                             ("internetFacing", .bool(a.internetFacing))])
        }
        let router: JSONValue = r.router.map { p in
            .object([
                ("router", .string(p.router.rawValue)), ("service", .string(p.service.qualifiedName)), ("servicePort", .int(p.service.port)),
                ("containerPort", .int(p.containerPort)), ("terminatesTls", .bool(p.terminatesTLS)),
                ("healthCheck", .object([("port", .int(p.healthCheck.port)), ("path", .string(p.healthCheck.path))])),
                ("clientAddressFrom", p.forwardedBy.map(JSONValue.string) ?? .null),
            ])
        } ?? .null
        let discovery: JSONValue = r.discovery.map { d in
            .object([("service", .string(d.service.qualifiedName)), ("internetFacing", .bool(d.internetFacing)), ("reads", .string(d.reads.rawValue))])
        } ?? .null
        return .object([
            ("clusterMode", .string(r.clusterMode.rawValue)),
            ("settings", .object(settings)),
            ("router", router),
            ("entry", entry),
            ("discovery", discovery),
            ("nlbTls", r.nlbTLS.map { .object([("port", .int($0.port)), ("certificateFor", .string("\($0.originLabel).<DomainName>"))]) } ?? .null),
            ("needsLoadBalancerController", .bool(r.needsLoadBalancerController)),
        ])
    }

    private func component(_ c: Component) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("id", .string(c.id)), ("kind", .string(c.kind.rawValue)), ("label", .string(c.label)),
            ("scheme", .string(c.scheme.rawValue)), ("owner", .string(c.owner.rawValue)),
        ]
        if let role = c.subnetRole {
            fields.append(("subnetRole", .string(role.rawValue)))
            fields.append(("addressesPerAz", .int(c.addressesPerAZ)))
        }
        if let reserved = c.reserves {
            fields.append(("reserves", .object([("subnetRole", .string(reserved.role.rawValue)), ("addressesPerAz", .int(reserved.addressesPerAZ))])))
        }
        if let ips = c.staticIPv4Addresses { fields.append(("staticIpv4Addresses", .int(ips))) }
        if c.elasticIPPerAZ { fields.append(("elasticIpPerAz", .bool(true))) }
        fields += [
            ("securityGroups", .string(c.securityGroups.rawValue)),
            ("wafAttachable", .bool(c.wafAttachable)),
            ("notes", .array(c.notes.map(JSONValue.string))),
        ]
        return .object(fields)
    }

    private func edge(_ e: Edge) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("from", .string(e.from)), ("to", .string(e.to)), ("protocol", .string(e.protocol)), ("port", .int(e.port)),
            ("tls", .string(e.tls.rawValue)), ("hop", .string(e.hop.rawValue)), ("bypass", .bool(e.bypass)),
        ]
        if let note = e.note { fields.append(("note", .string(note))) }
        if let crossing = e.crossesAZs { fields.append(("crossesAZs", .string(crossing.rawValue))) }
        return .object(fields)
    }

    private func caveat(_ c: Caveat) -> JSONValue {
        .object([
            ("id", .string(c.id)), ("severity", .string(c.severity.rawValue)), ("title", .string(c.title)),
            ("detail", .string(c.detail)), ("mitigation", .string(c.mitigation)), ("reference", .string(c.reference)),
        ])
    }

    /// Lines and total as decimal strings; `shared` lines (the EKS control plane) are the same for
    /// every option and not in `total`.
    private func monthlyCost(_ m: MonthlyCost) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("currency", .string(m.currency)),
            ("total", .money(m.total)),
            ("evidence", .string(m.evidence.rawValue)),
            ("lines", .array(m.lines.map(costLine))),
            ("shared", .array(m.shared.map(costLine))),
        ]
        if let plan = m.cloudFrontPlan { fields.append(("cloudFrontPlan", cloudFrontPlan(plan))) }
        // Billed items with no sourced price: not in `total`, never a guessed number.
        if !m.unpriced.isEmpty {
            fields.append(("unpriced", .array(m.unpriced.map { u in
                var f: [(String, JSONValue)] = [("component", .string(u.component)), ("item", .string(u.item))]
                if let q = u.quantity { f.append(("quantity", .decimal(q))) }
                if let unit = u.unit { f.append(("unit", .string(unit))) }
                return .object(f)
            })))
        }
        return .object(fields)
    }

    /// Pay-as-you-go or a flat-rate plan for the option's CloudFront, every plan considered with
    /// what rules it out, and the pay-as-you-go lines a chosen plan replaced.
    private func cloudFrontPlan(_ p: CloudFrontPlanChoice) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("component", .string(p.component)),
            ("covers", .array(p.covers.map(JSONValue.string))),
            ("chosen", p.chosen.map(JSONValue.string) ?? .null),
            ("payAsYouGo", .money(p.payAsYouGo)),
        ]
        if !p.payAsYouGoUnpriced.isEmpty { fields.append(("payAsYouGoUnpriced", .array(p.payAsYouGoUnpriced.map(JSONValue.string)))) }
        fields += [
            ("summary", .string(p.summary)),
            ("cheapestFit", p.cheapestFit.map(JSONValue.string) ?? .null),
            ("candidates", .array(p.candidates.map { c in
                .object([("item", .string(c.item)), ("name", .string(c.name)), ("fee", .money(c.fee)), ("fits", .bool(c.fits)),
                         ("ruledOutBy", .array(c.ruledOutBy.map { .string($0.sentence) }))])
            })),
            ("allowances", .array(p.allowances.map { a in
                .object([("what", .string(a.what)), ("used", .decimal(a.used.rounded(6))), ("allowed", .decimal(a.allowed))])
            })),
            ("outgrownAboveDataOutGB", p.outgrownAboveDataOutGB.map(JSONValue.decimal) ?? .null),
            ("outgrownBy", p.outgrownBy.map(JSONValue.string) ?? .null),
            ("includes", .array(p.includesText.map(JSONValue.string))),
            ("notAllowed", .array(p.notAllowedText.map(JSONValue.string))),
            ("conditions", .array(p.conditions.map(JSONValue.string))),
            ("replaced", .array(p.replaced.map(costLine))),
        ]
        return .object(fields)
    }

    private func costLine(_ l: MonthlyCost.Line) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("component", .string(l.component)), ("item", .string(l.item)), ("quantity", .decimal(l.quantity)),
            ("unit", .string(l.unit)), ("unitPrice", .string(l.unitPrice)), ("amount", .money(l.amount)),
            ("price", .string(l.priceRef)),
            ("evidence", .string(l.evidence.rawValue)),
        ]
        if let basis = l.basis { fields.append(("basis", .string(basis))) }
        return .object(fields)
    }

    /// The price file the costs come from and the source of every price they used. The traffic
    /// sweep behind the break-even points is not in plan.json: `edgeplan cost --sweep` prints it.
    private func pricing(_ p: PricingSummary) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("file", .string(p.file)),
            ("region", .string(p.region)),
            ("regionName", .string(p.regionName)),
            ("traffic", p.traffic.map(traffic) ?? .null),
        ]
        // Only when asked for: the account's free allowances are in the totals as negative lines.
        if p.freeTier { fields.append(("freeTier", .bool(true))) }
        return .object(fields + [
            ("missing", .array(p.missing.map { .object([("item", .string($0.item)), ("neededBy", .array($0.neededBy.map(JSONValue.string)))]) })),
            ("sources", .array(p.sources.map { s in
                var fields: [(String, JSONValue)] = [("item", .string(s.item)), ("title", .string(s.source.title))]
                if let url = s.source.url { fields.append(("url", .string(url))) }
                if let read = s.source.read { fields.append(("read", .string(read))) }
                if let kind = s.source.kind { fields.append(("kind", .string(kind))) }
                return .object(fields)
            })),
        ])
    }

    /// The monthly traffic the costs assume, with the fields that took a default.
    private func traffic(_ t: TrafficProfile) -> JSONValue {
        .object([
            ("requests", .decimal(t.requests.rounded(6))),
            ("dataOutGB", .decimal(t.dataOutGB.rounded(6))),
            ("dataInGB", .decimal(t.dataInGB.rounded(6))),
            ("newConnectionsPerSecond", .decimal(t.newConnectionsPerSecond.rounded(6))),
            ("activeConnections", .decimal(t.activeConnections.rounded(6))),
            ("wafRules", .decimal(t.wafRules)),
            ("albRulesPerRequest", .decimal(t.albRulesPerRequest)),
            ("hoursPerMonth", .decimal(t.hoursPerMonth)),
            ("defaulted", .array(t.defaulted.map(JSONValue.string))),
        ])
    }

    private func design(_ d: DesignSummary) -> JSONValue {
        var fields: [(String, JSONValue)] = [("name", .string(d.name)), ("region", .string(d.region))]
        if let regionName = d.regionName { fields.append(("regionName", .string(regionName))) }
        fields.append(("cluster", .string(d.cluster)))
        return .object(fields)
    }

    private func subnet(_ s: PlannedSubnet) -> JSONValue {
        // A subnet's zone: its AZ ID when the design lists AZ IDs (the zone name is then the
        // account's, unknown at plan time), else its zone name.
        .object([
            ("name", .string(s.name)),
            ("role", .string(s.role.rawValue)),
            s.azId.map { ("azId", .string($0)) } ?? ("az", .string(s.az)),
            ("cidr", .string(s.cidr.description)),
            ("totalAddresses", .int(Int(s.cidr.size))),
            ("usableAddresses", .int(s.usableAddresses)),
            ("tags", .object(s.tags.map { ($0.key, .string($0.value)) })),
            ("prefixReservation", s.prefixReservation.map { .string($0.description) } ?? .null),
        ])
    }

    private func nodes(_ n: NodePlan) -> JSONValue {
        .object([
            ("instanceType", .string(n.instanceType.name)),
            ("instanceTypeChosen", .bool(n.instanceTypeChosen)),
            ("vcpus", .int(n.instanceType.vcpus)),
            ("enis", .int(n.instanceType.enis)),
            ("ipv4PerEni", .int(n.instanceType.ipv4PerENI)),
            ("maxPods", .int(n.maxPods)),
            ("kubeletMaxPods", .int(n.kubeletMaxPods)),
            ("cni", .object([
                ("mode", .string(n.cni.mode.rawValue)),
                ("customNetworking", .bool(n.cni.customNetworking)),
                ("warmEniTarget", n.cni.mode == .secondaryIP ? .int(n.cni.warmENITarget) : .null),
                ("warmPrefixTarget", n.cni.mode == .prefix ? .int(n.cni.warmPrefixTarget) : .null),
            ])),
            ("perNode", .object([
                ("enis", .int(n.perNode.enis)),
                ("prefixes", .int(n.perNode.prefixes)),
                ("nodeSubnetAddresses", .int(n.perNode.nodeSubnet)),
                ("podSubnetAddresses", .int(n.perNode.podSubnet)),
            ])),
        ])
    }

    private func sizing(_ s: RoleSizing) -> JSONValue {
        .object([
            ("role", .string(s.role.rawValue)),
            ("prefixLength", .int(s.length)),
            ("addressesNeeded", .int(s.addressesNeeded)),
            ("fixedByDesign", .bool(s.fixedByDesign)),
            ("reason", .string(s.reason)),
            ("holds", .array(s.demands.map { .object([("what", .string($0.what)), ("addresses", .int($0.addresses))]) })),
        ])
    }

    private func capacity(_ c: Capacity) -> JSONValue {
        .object([
            ("nodes", .int(c.nodes)),
            ("pods", .int(c.pods)),
            ("requestedNodes", .int(c.requestedNodes)),
            ("podsPerNode", .int(c.podsPerNode)),
            ("plannedNodesPerAz", .int(c.plannedNodesPerAZ)),
            ("nodesWithOneAzLost", .int(c.nodesWithOneAZLost)),
        ])
    }

    private func note(_ d: Diagnostic) -> JSONValue {
        .object([("severity", .string(d.severity.rawValue)), ("field", .string(d.path)), ("message", .string(d.message))])
    }
}

import ArgumentParser
import EdgePlan

struct CidrAllocateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocate",
        abstract: "Give an environment the lowest free aligned block of a size, record it and print it.",
        discussion: "Idempotent: an environment that already has a block gets the same one again.")

    @OptionGroup var options: LedgerOption

    @Option(help: "The environment's name (lower-case letters, digits and '-'); with --for, defaults to the design's name.")
    var env: String?

    @Option(help: "The block's size as a prefix length, e.g. /16.")
    var size: String?

    @Option(name: .customLong("for"), help: "A design file: allocate the smallest block that holds its subnet plan.")
    var design: String?

    @Option(help: "Record this block, which the environment already uses (it must be free), instead of picking one.")
    var cidr: String?

    @Option(help: "With --cidr: the id of the VPC that uses the block (vpc-…), recorded so `cidr import` knows it as this environment's.")
    var vpc: String?

    @Option(help: "What the block is for.")
    var purpose: String = Ledger.Allocation.defaultPurpose

    @Option(help: "A remark recorded with the allocation.")
    var note: String?

    func validate() throws {
        guard [size, design, cidr].compactMap({ $0 }).count == 1 else { throw ValidationError("give exactly one of --size /N, --for DESIGN.yaml and --cidr CIDR") }
        if design == nil && env == nil { throw ValidationError("give --env NAME (the environment the block is for)") }
        if vpc != nil && cidr == nil { throw ValidationError("--vpc records the VPC that uses a block you name: give it with --cidr CIDR") }
    }

    func run() throws {
        try CidrCommand.reporting {
            let reference = try DataFiles.reference()
            let (name, request) = try resolveRequest(reference)
            let outcome = try LedgerFile.update(options.ledger) { parsed throws -> (LedgerAllocator.Outcome, Ledger?) in
                try LedgerFile.requireNoProblems(parsed)
                var allocator = LedgerAllocator(parsed.ledger)
                let result = request.claim.map { allocator.claim(env: name, cidr: $0, purpose: purpose, vpc: vpc, note: note) }
                    ?? allocator.allocate(env: name, size: request.size, purpose: purpose, note: note)
                switch result {
                case .success(let outcome): return (outcome, outcome.isNew ? allocator.ledger : nil)
                case .failure(let failure): throw DiagnosticError([.error(design != nil ? "--for" : cidr != nil ? "--cidr" : "--size", failure.message)])
                }
            }
            if !outcome.isNew {
                Console.err("note: \(name) already has \(outcome.allocation.cidr) in \(options.ledger); nothing changed\n")
            }
            Console.out("\(outcome.allocation.cidr)\n")
        }
    }

    /// The environment and the size asked for, from --env/--size or from the design.
    private func resolveRequest(_ reference: AWSReference) throws(DiagnosticError) -> (String, (size: LedgerAllocator.Size, claim: IPv4Prefix?)) {
        if let cidr {
            let block = try CidrCommand.prefixes([cidr], option: "--cidr")[0]
            if let vpc, !Ledger.isValidVPCId(vpc) {
                throw DiagnosticError([.error("--vpc", "'\(vpc)' is not a VPC id: give the VpcId that `aws ec2 describe-vpcs` prints, such as vpc-0abc12345def67890")])
            }
            return (env!, (.exactly(Int(block.length)), block))
        }
        if let design {
            let text = try DesignInput.read(design)
            let pipeline = Pipeline(reference: reference)
            let (parsed, found) = pipeline.validate(text, file: design)
            guard let parsed, !found.hasErrors else { throw DiagnosticError(found) }
            Console.report(found)
            do {
                return (env ?? parsed.design.name, (.atLeast(try pipeline.planner.requiredLength(for: parsed.design)), nil))
            } catch {
                throw DiagnosticError(parsed.locate(error.diagnostics))
            }
        }
        let text = size!.hasPrefix("/") ? String(size!.dropFirst()) : size!
        let isVPC = purpose == Ledger.Allocation.defaultPurpose
        let range = isVPC ? reference.limits.vpcCidrShortestPrefix...reference.limits.vpcCidrLongestPrefix : 1...32
        // Digits only: `Int` alone would take "+16" and "016".
        guard text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), !text.hasPrefix("0"),
              let length = Int(text), range.contains(length)
        else {
            let what = isVPC ? "a VPC block size AWS allows" : "a prefix length"
            throw DiagnosticError([.error("--size", "'\(size!)' is not \(what): use /\(range.lowerBound) to /\(range.upperBound), e.g. /16")])
        }
        return (env!, (.exactly(length), nil))
    }
}

/// An IPv4 CIDR block: a network address whose host bits are all zero, and a length 0–32.
/// Ordered by address, then by length (a supernet sorts before its first subnet).
public struct IPv4Prefix: Hashable, Comparable, Sendable {
    public let network: UInt32
    public let length: UInt8

    /// Creates a prefix; the host bits of `network` must be zero.
    public init?(network: UInt32, length: Int) {
        guard (0...32).contains(length) else { return nil }
        guard network & ~IPv4Prefix.mask(length) == 0 else { return nil }
        self.network = network
        self.length = UInt8(length)
    }

    /// Creates a prefix without checks; for arithmetic that already guarantees alignment.
    @inline(__always)
    init(uncheckedNetwork network: UInt32, length: UInt8) {
        self.network = network
        self.length = length
    }

    /// The netmask for a length, e.g. 0xFFFF0000 for 16.
    @inline(__always)
    public static func mask(_ length: Int) -> UInt32 {
        length == 0 ? 0 : UInt32.max << UInt32(32 - length)
    }

    /// Number of addresses in a block of this length (2^(32-length)); UInt64 so /0 fits.
    @inline(__always)
    public static func size(ofLength length: Int) -> UInt64 { 1 << UInt64(32 - length) }

    public var size: UInt64 { IPv4Prefix.size(ofLength: Int(length)) }
    public var first: IPv4Address { IPv4Address(network) }
    public var last: IPv4Address { IPv4Address(network | ~IPv4Prefix.mask(Int(length))) }
    /// One past the last address, as a 64-bit number (2^32 for a block that ends the space).
    public var end: UInt64 { UInt64(network) + size }

    public func contains(_ address: IPv4Address) -> Bool {
        address.value & IPv4Prefix.mask(Int(length)) == network
    }

    public func contains(_ other: IPv4Prefix) -> Bool {
        other.length >= length && other.network & IPv4Prefix.mask(Int(length)) == network
    }

    public func overlaps(_ other: IPv4Prefix) -> Bool { contains(other) || other.contains(self) }

    /// The enclosing block of a shorter length, or nil if `length` is longer than this prefix.
    public func supernet(length newLength: Int) -> IPv4Prefix? {
        guard (0...Int(length)).contains(newLength) else { return nil }
        return IPv4Prefix(uncheckedNetwork: network & IPv4Prefix.mask(newLength), length: UInt8(newLength))
    }

    /// The two halves one bit longer, or nil for a /32.
    public var halves: (IPv4Prefix, IPv4Prefix)? {
        guard length < 32 else { return nil }
        let l = length + 1
        return (
            IPv4Prefix(uncheckedNetwork: network, length: l),
            IPv4Prefix(uncheckedNetwork: network | (1 << UInt32(32 - Int(l))), length: l)
        )
    }

    /// The block of the same length sharing this one's parent, or nil for /0.
    public var buddy: IPv4Prefix? {
        guard length > 0 else { return nil }
        return IPv4Prefix(uncheckedNetwork: network ^ (1 << UInt32(32 - Int(length))), length: length)
    }

    /// All subnets of `newLength` in address order; empty when `newLength` is shorter or > 32.
    public func split(length newLength: Int) -> [IPv4Prefix] {
        guard newLength >= Int(length), newLength <= 32 else { return [] }
        let count = 1 << (newLength - Int(length))
        let step = IPv4Prefix.size(ofLength: newLength)
        return (0..<count).map {
            IPv4Prefix(uncheckedNetwork: UInt32(UInt64(network) + UInt64($0) * step), length: UInt8(newLength))
        }
    }

    /// The i-th subnet of `newLength` inside this block, if it exists.
    public func subnet(length newLength: Int, index: Int) -> IPv4Prefix? {
        guard newLength >= Int(length), newLength <= 32, index >= 0 else { return nil }
        guard UInt64(index) < (1 << UInt64(newLength - Int(length))) else { return nil }
        let offset = UInt64(index) * IPv4Prefix.size(ofLength: newLength)
        return IPv4Prefix(uncheckedNetwork: UInt32(UInt64(network) + offset), length: UInt8(newLength))
    }

    /// The longest prefix length whose block holds at least `addresses` addresses, or nil if > 2^32.
    public static func length(holding addresses: UInt64) -> Int? {
        guard addresses <= 1 << 32 else { return nil }
        var length = 32
        while length > 0 && size(ofLength: length) < addresses { length -= 1 }
        return length
    }

    public static func < (lhs: IPv4Prefix, rhs: IPv4Prefix) -> Bool {
        lhs.network != rhs.network ? lhs.network < rhs.network : lhs.length < rhs.length
    }

    /// Parses `a.b.c.d/n` strictly: host bits must be zero, the length 0–32 without leading zeros.
    public static func parse(_ text: String) -> Result<IPv4Prefix, AddressParseError> {
        guard !text.isEmpty else { return .failure(.empty) }
        guard let slash = text.firstIndex(of: "/") else {
            if case .failure(let error) = IPv4Address.parse(text[...]) { return .failure(error) }
            return .failure(.missingLength(text))
        }
        let addressPart = text[..<slash]
        let lengthPart = text[text.index(after: slash)...]
        let address: IPv4Address
        switch IPv4Address.parse(addressPart) {
        case .success(let a): address = a
        case .failure(let error): return .failure(error)
        }
        guard !lengthPart.isEmpty, lengthPart.count <= 2,
              lengthPart.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              !(lengthPart.count == 2 && lengthPart.first == "0"),
              let length = Int(lengthPart), length <= 32
        else { return .failure(.badLength(text)) }
        let network = address.value & mask(length)
        guard network == address.value else {
            return .failure(.hostBitsSet(text, network: "\(IPv4Address(network))/\(length)"))
        }
        return .success(IPv4Prefix(uncheckedNetwork: network, length: UInt8(length)))
    }

    public init?(_ text: String) {
        guard case .success(let prefix) = IPv4Prefix.parse(text) else { return nil }
        self = prefix
    }
}

extension IPv4Prefix: CustomStringConvertible {
    public var description: String { "\(IPv4Address(network))/\(length)" }
}

extension IPv4Prefix: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        switch IPv4Prefix.parse(text) {
        case .success(let prefix): self = prefix
        case .failure(let error):
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension IPv4Prefix {
    /// The smallest list of CIDR blocks that covers exactly the addresses [start, end) (end exclusive,
    /// 64-bit so the whole space can be named), in address order.
    public static func blocks(from start: UInt64, to end: UInt64) -> [IPv4Prefix] {
        var result: [IPv4Prefix] = []
        var cursor = start
        while cursor < end {
            // Largest aligned block starting at cursor that does not pass end.
            var length = cursor == 0 ? 0 : 32 - (cursor.trailingZeroBitCount)
            length = max(length, 0)
            while size(ofLength: length) > end - cursor { length += 1 }
            result.append(IPv4Prefix(uncheckedNetwork: UInt32(cursor), length: UInt8(length)))
            cursor += size(ofLength: length)
        }
        return result
    }
}

extension IPv4Prefix {
    /// Every pair of blocks that share an address, as indices into `blocks` (the earlier index
    /// first), in address order. Two blocks overlap exactly when one contains the other, so one
    /// pass in address order with a stack of the blocks that contain the current one finds each
    /// pair once: O(n log n) plus one step per pair.
    public static func overlappingPairs(_ blocks: [IPv4Prefix]) -> [(Int, Int)] {
        let order = blocks.indices.sorted { blocks[$0] != blocks[$1] ? blocks[$0] < blocks[$1] : $0 < $1 }
        var pairs: [(Int, Int)] = []
        var stack: [Int] = []
        for i in order {
            while let top = stack.last, !blocks[top].contains(blocks[i]) { stack.removeLast() }
            for outer in stack { pairs.append((min(outer, i), max(outer, i))) }
            stack.append(i)
        }
        return pairs
    }
}

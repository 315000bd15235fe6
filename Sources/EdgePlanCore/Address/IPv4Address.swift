/// An IPv4 address as a 32-bit number. Parsing is strict: four decimal octets,
/// each 0–255, no leading zeros (so `010.0.0.1` is rejected rather than read as octal).
public struct IPv4Address: Hashable, Comparable, Sendable {
    public var value: UInt32

    public init(_ value: UInt32) { self.value = value }

    public init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) {
        value = UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d)
    }

    public static func < (lhs: IPv4Address, rhs: IPv4Address) -> Bool { lhs.value < rhs.value }

    /// Parses dotted-quad text; returns why not on failure.
    public static func parse(_ text: Substring) -> Result<IPv4Address, AddressParseError> {
        var octets = 0
        var value: UInt32 = 0
        var current: UInt32 = 0
        var digits = 0
        var leadingZero = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard digits > 0 else { return .failure(.emptyOctet(String(text))) }
                octets += 1
                guard octets < 4 else { return .failure(.octetCount(String(text))) }
                value = value << 8 | current
                current = 0
                digits = 0
                leadingZero = false
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                if digits == 1 && leadingZero { return .failure(.leadingZero(String(text))) }
                if digits == 0 && byte == UInt8(ascii: "0") { leadingZero = true }
                current = current * 10 + UInt32(byte - UInt8(ascii: "0"))
                digits += 1
                guard current <= 255, digits <= 3 else { return .failure(.octetRange(String(text))) }
            } else {
                return .failure(.badCharacter(String(text)))
            }
        }
        guard digits > 0 else { return .failure(text.isEmpty ? .empty : .emptyOctet(String(text))) }
        guard octets == 3 else { return .failure(.octetCount(String(text))) }
        return .success(IPv4Address(value << 8 | current))
    }

    public init?(_ text: String) {
        guard case .success(let address) = IPv4Address.parse(text[...]) else { return nil }
        self = address
    }
}

extension IPv4Address: CustomStringConvertible {
    public var description: String {
        "\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
    }
}

/// Why a piece of text is not an IPv4 address or prefix.
public enum AddressParseError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case badCharacter(String)
    case emptyOctet(String)
    case octetCount(String)
    case octetRange(String)
    case leadingZero(String)
    case missingLength(String)
    case badLength(String)
    case hostBitsSet(String, network: String)

    public var description: String {
        switch self {
        case .empty: return "an empty string is not an IPv4 prefix"
        case .badCharacter(let t): return "'\(t)' is not an IPv4 address: only digits and dots are allowed"
        case .emptyOctet(let t): return "'\(t)' is not an IPv4 address: an octet is empty"
        case .octetCount(let t): return "'\(t)' is not an IPv4 address: it needs exactly four octets"
        case .octetRange(let t): return "'\(t)' is not an IPv4 address: each octet must be 0–255"
        case .leadingZero(let t): return "'\(t)' is not an IPv4 address: octets must not have leading zeros"
        case .missingLength(let t): return "'\(t)' has no prefix length: write it as address/length, e.g. 10.0.0.0/16"
        case .badLength(let t): return "'\(t)' is not a valid IPv4 prefix length (0–32)"
        case .hostBitsSet(let t, let network):
            return "'\(t)' has host bits set: the network address for that length is \(network)"
        }
    }
}

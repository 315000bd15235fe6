import Foundation

extension Decimal {
    /// `self / divisor`, the same value Foundation's division gives, without its long division
    /// when the divisor is a power of ten (1, 1,000, a million: requests per million, a capacity
    /// unit's 1 GB an hour), which the cost sweep divides by hundreds of times a run: the
    /// quotient is then `self` with its exponent moved, exactly (`DecimalQuotientTests` holds the
    /// two equal). Any other divisor is divided.
    public func divided(by divisor: Decimal) -> Decimal {
        guard !isNaN, !divisor.isNaN, divisor != 0, divisor.significand.magnitude == 1 else { return self / divisor }
        return Decimal(sign: sign == divisor.sign ? .plus : .minus, exponent: exponent - divisor.exponent, significand: significand.magnitude)
    }
}

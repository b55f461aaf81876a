// DynamoDB's Number: exact decimal, 38 significant digits, magnitude 1E-130 .. <1E+126.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace cloudbox::services::dynamodb {

// A decimal held as sign, significant digits and exponent: value = 0.d1d2...dn x 10^exponent.
// Never uses floating point. Zero has no digits and is never negative.
class ddb_number {
  public:
    ddb_number() = default; // zero

    // Parses DynamoDB's number syntax ([+-]digits[.digits][e[+-]digits], leading/trailing zeros
    // allowed) and checks its range. Throws ValidationException with DynamoDB's messages:
    //   "The parameter cannot be converted to a numeric value: <text>" (or without ": <text>"
    //   when empty), "Attempting to store more than 38 significant digits in a Number",
    //   "Number overflow. Attempting to store a number with magnitude larger than supported
    //   range", "Number underflow. Attempting to store a number with magnitude smaller than
    //   supported range".
    static ddb_number parse(std::string_view text);
    // Same without throwing: nullopt on any of the errors above.
    static std::optional<ddb_number> try_parse(std::string_view text) noexcept;
    // Parses the syntax only (no digit-count or range check); nullopt on bad syntax.
    static std::optional<ddb_number> parse_unchecked(std::string_view text) noexcept;

    // DynamoDB's normalised text: "1.50" -> "1.5", "01" -> "1", "-0" -> "0", "1E+2" -> "100",
    // "1.5e-3" -> "0.0015"; plain notation (DynamoDB prints numbers in plain notation).
    std::string to_string() const;

    // Exact sum / difference; throws ValidationException (overflow, underflow or more than 38
    // significant digits) when the result cannot be stored.
    ddb_number operator+(const ddb_number& other) const;
    ddb_number operator-(const ddb_number& other) const;
    ddb_number operator-() const;

    std::strong_ordering operator<=>(const ddb_number& other) const;
    bool operator==(const ddb_number& other) const = default;

    bool is_zero() const { return digits_.empty(); }
    bool is_negative() const { return negative_; }
    // Significant digits without leading/trailing zeros ("" for zero), and the exponent above.
    const std::string& digits() const { return digits_; }
    int exponent() const { return exponent_; }

    // Bytes this number occupies in DynamoDB's item-size accounting: one byte per pair of
    // significant digits (pairs aligned on the decimal point, base 100), plus one byte, plus one
    // when negative; zero counts 1.
    std::size_t storage_size() const;

    // Throws ValidationException when out of DynamoDB's range or precision.
    void check_limits() const;

  private:
    bool negative_ = false;
    std::string digits_;
    int exponent_ = 0;
};

} // namespace cloudbox::services::dynamodb

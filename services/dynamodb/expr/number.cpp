// ddb_number: exact decimal parsing, formatting, arithmetic and ordering (no floating point).
#include "dynamodb/expr/number.hpp"

#include "dynamodb/expr/expr_errors.hpp"

#include <algorithm>
#include <cstdlib>

namespace cloudbox::services::dynamodb {

namespace {

constexpr std::size_t max_digits = 38;
// value = 0.d1d2... x 10^exponent: 1E-130 has exponent -129, 9.99..E+125 has exponent 126.
constexpr int min_exponent = -129;
constexpr int max_exponent = 126;
// Exponents beyond this are clamped while parsing (far outside the range either way).
constexpr long exponent_clamp = 100000;

const char* const overflow_message =
    "Number overflow. Attempting to store a number with magnitude larger than supported range";
const char* const underflow_message =
    "Number underflow. Attempting to store a number with magnitude smaller than supported range";
const char* const precision_message =
    "Attempting to store more than 38 significant digits in a Number";

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Adds two magnitudes given as digit strings of equal length (most significant first).
std::string add_digits(const std::string& a, const std::string& b) {
    std::string out(a.size() + 1, '0');
    int carry = 0;
    for (std::size_t i = a.size(); i-- > 0;) {
        int sum = (a[i] - '0') + (b[i] - '0') + carry;
        out[i + 1] = static_cast<char>('0' + sum % 10);
        carry = sum / 10;
    }
    out[0] = static_cast<char>('0' + carry);
    return out;
}

// a - b for equal-length digit strings with a >= b.
std::string subtract_digits(const std::string& a, const std::string& b) {
    std::string out(a.size(), '0');
    int borrow = 0;
    for (std::size_t i = a.size(); i-- > 0;) {
        int diff = (a[i] - '0') - (b[i] - '0') - borrow;
        borrow = diff < 0 ? 1 : 0;
        out[i] = static_cast<char>('0' + (diff + 10) % 10);
    }
    return out;
}

} // namespace

std::optional<ddb_number> ddb_number::parse_unchecked(std::string_view text) noexcept {
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        negative = text[i] == '-';
        ++i;
    }
    std::string all_digits;
    long point = -1; // digits before the decimal point
    std::size_t mantissa_digits = 0;
    for (; i < text.size(); ++i) {
        char c = text[i];
        if (is_digit(c)) {
            all_digits.push_back(c);
            ++mantissa_digits;
        } else if (c == '.' && point < 0) {
            point = static_cast<long>(all_digits.size());
        } else {
            break;
        }
    }
    if (mantissa_digits == 0) {
        return std::nullopt;
    }
    if (point < 0) {
        point = static_cast<long>(all_digits.size());
    }
    long exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        bool exponent_negative = false;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
            exponent_negative = text[i] == '-';
            ++i;
        }
        if (i >= text.size()) {
            return std::nullopt;
        }
        for (; i < text.size() && is_digit(text[i]); ++i) {
            exponent = std::min(exponent * 10 + (text[i] - '0'), exponent_clamp);
        }
        if (exponent_negative) {
            exponent = -exponent;
        }
    }
    if (i != text.size()) {
        return std::nullopt;
    }
    // Strip leading zeros (each moves the point left) and trailing zeros.
    std::size_t first = all_digits.find_first_not_of('0');
    ddb_number n;
    if (first == std::string::npos) {
        return n; // zero, whatever its sign or exponent
    }
    std::size_t last = all_digits.find_last_not_of('0');
    n.digits_ = all_digits.substr(first, last - first + 1);
    long e = point - static_cast<long>(first) + exponent;
    n.exponent_ = static_cast<int>(std::clamp(e, -2 * exponent_clamp, 2 * exponent_clamp));
    n.negative_ = negative;
    return n;
}

void ddb_number::check_limits() const {
    if (is_zero()) {
        return;
    }
    if (exponent_ > max_exponent) {
        throw validation_error(overflow_message);
    }
    if (exponent_ < min_exponent) {
        throw validation_error(underflow_message);
    }
    if (digits_.size() > max_digits) {
        throw validation_error(precision_message);
    }
}

ddb_number ddb_number::parse(std::string_view text) {
    if (text.empty()) {
        throw validation_error("The parameter cannot be converted to a numeric value");
    }
    auto n = parse_unchecked(text);
    if (!n) {
        throw validation_error("The parameter cannot be converted to a numeric value: " +
                               std::string(text));
    }
    n->check_limits();
    return *n;
}

std::optional<ddb_number> ddb_number::try_parse(std::string_view text) noexcept {
    auto n = parse_unchecked(text);
    if (!n || n->is_zero()) {
        return n;
    }
    if (n->exponent_ > max_exponent || n->exponent_ < min_exponent ||
        n->digits_.size() > max_digits) {
        return std::nullopt;
    }
    return n;
}

std::string ddb_number::to_string() const {
    if (is_zero()) {
        return "0";
    }
    std::string out = negative_ ? "-" : "";
    long len = static_cast<long>(digits_.size());
    if (exponent_ <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-exponent_), '0');
        out += digits_;
    } else if (exponent_ >= len) {
        out += digits_;
        out.append(static_cast<std::size_t>(exponent_ - len), '0');
    } else {
        out += digits_.substr(0, static_cast<std::size_t>(exponent_));
        out += '.';
        out += digits_.substr(static_cast<std::size_t>(exponent_));
    }
    return out;
}

std::strong_ordering ddb_number::operator<=>(const ddb_number& other) const {
    int sign = is_zero() ? 0 : (negative_ ? -1 : 1);
    int other_sign = other.is_zero() ? 0 : (other.negative_ ? -1 : 1);
    if (sign != other_sign) {
        return sign <=> other_sign;
    }
    if (sign == 0) {
        return std::strong_ordering::equal;
    }
    // Same sign: compare magnitudes, then flip for negatives.
    std::strong_ordering magnitude = exponent_ <=> other.exponent_;
    if (magnitude == std::strong_ordering::equal) {
        int c = digits_.compare(other.digits_);
        magnitude = c <=> 0;
    }
    return sign > 0 ? magnitude : 0 <=> magnitude;
}

ddb_number ddb_number::operator-() const {
    ddb_number n = *this;
    if (!n.is_zero()) {
        n.negative_ = !n.negative_;
    }
    return n;
}

ddb_number ddb_number::operator+(const ddb_number& other) const {
    if (is_zero()) {
        return other;
    }
    if (other.is_zero()) {
        return *this;
    }
    // Align both magnitudes on the exponent of their last digit.
    long low_a = exponent_ - static_cast<long>(digits_.size());
    long low_b = other.exponent_ - static_cast<long>(other.digits_.size());
    long low = std::min(low_a, low_b);
    long high = std::max(exponent_, other.exponent_);
    if (high - low > 1000) {
        // Only reachable with numbers outside the checked range; the result cannot be stored.
        throw validation_error(precision_message);
    }
    auto widen = [&](const ddb_number& n, long n_low) {
        std::string s(static_cast<std::size_t>(high - n.exponent_), '0');
        s += n.digits_;
        s.append(static_cast<std::size_t>(n_low - low), '0');
        return s;
    };
    std::string a = widen(*this, low_a);
    std::string b = widen(other, low_b);
    std::string sum;
    bool negative = negative_;
    long top = high; // exponent of the digit string's first position (after the carry digit)
    if (negative_ == other.negative_) {
        sum = add_digits(a, b);
        top = high + 1;
    } else if (a >= b) {
        sum = subtract_digits(a, b);
    } else {
        sum = subtract_digits(b, a);
        negative = other.negative_;
    }
    std::size_t first = sum.find_first_not_of('0');
    ddb_number result;
    if (first == std::string::npos) {
        return result;
    }
    std::size_t last = sum.find_last_not_of('0');
    result.digits_ = sum.substr(first, last - first + 1);
    result.exponent_ = static_cast<int>(top - static_cast<long>(first));
    result.negative_ = negative;
    result.check_limits();
    return result;
}

ddb_number ddb_number::operator-(const ddb_number& other) const {
    return *this + (-other);
}

std::size_t ddb_number::storage_size() const {
    if (is_zero()) {
        return 1;
    }
    // Base-100 digits aligned on the decimal point: an odd exponent adds a leading half pair.
    std::size_t half = (exponent_ % 2 != 0) ? 1 : 0;
    std::size_t pairs = (digits_.size() + half + 1) / 2;
    return pairs + 1 + (negative_ ? 1 : 0);
}

} // namespace cloudbox::services::dynamodb

// ddb_number: parsing, normalisation, range and precision limits, exact arithmetic, ordering.
#include "expr_test_support.hpp"

#include "dynamodb/expr/number.hpp"

#include <catch2/catch.hpp>

using cloudbox::services::dynamodb::ddb_number;
using ddb_test::error_of;

namespace {
std::string norm(const std::string& text) {
    return ddb_number::parse(text).to_string();
}
std::string sum(const std::string& a, const std::string& b) {
    return (ddb_number::parse(a) + ddb_number::parse(b)).to_string();
}
std::string diff(const std::string& a, const std::string& b) {
    return (ddb_number::parse(a) - ddb_number::parse(b)).to_string();
}
} // namespace

TEST_CASE("numbers are normalised as DynamoDB prints them", "[unit]") {
    CHECK(norm("1.50") == "1.5");
    CHECK(norm("01") == "1");
    CHECK(norm("-0") == "0");
    CHECK(norm("0.000") == "0");
    CHECK(norm("+7") == "7");
    CHECK(norm("1E+2") == "100");
    CHECK(norm("1e2") == "100");
    CHECK(norm("1.5e-3") == "0.0015");
    CHECK(norm("-12.3400") == "-12.34");
    CHECK(norm(".5") == "0.5");
    CHECK(norm("5.") == "5");
    CHECK(norm("0e999999999999") == "0");
    CHECK(norm("123456789012345678901234567890.12345678") ==
          "123456789012345678901234567890.12345678");
    CHECK(norm("1E-130") == "0." + std::string(129, '0') + "1");
    CHECK(norm("9.9999999999999999999999999999999999999E+125") ==
          "99999999999999999999999999999999999999" + std::string(88, '0'));
}

TEST_CASE("invalid numbers are rejected with DynamoDB's messages", "[unit]") {
    auto err = [](const std::string& text) { return error_of([&] { ddb_number::parse(text); }); };
    CHECK(err("") == "The parameter cannot be converted to a numeric value");
    CHECK(err("abc") == "The parameter cannot be converted to a numeric value: abc");
    CHECK(err("1.2.3") == "The parameter cannot be converted to a numeric value: 1.2.3");
    CHECK(err("1e") == "The parameter cannot be converted to a numeric value: 1e");
    CHECK(err(" 1") == "The parameter cannot be converted to a numeric value:  1");
    CHECK(err("NaN") == "The parameter cannot be converted to a numeric value: NaN");
    CHECK(err("Infinity") == "The parameter cannot be converted to a numeric value: Infinity");
    CHECK(err("-") == "The parameter cannot be converted to a numeric value: -");
    CHECK(err("0x10") == "The parameter cannot be converted to a numeric value: 0x10");
    CHECK(err("1E+126") == "Number overflow. Attempting to store a number with magnitude larger "
                           "than supported range");
    CHECK(err("-1E+126") == "Number overflow. Attempting to store a number with magnitude larger "
                            "than supported range");
    CHECK(err("1E-131") == "Number underflow. Attempting to store a number with magnitude "
                           "smaller than supported range");
    CHECK(err("1" + std::string(38, '1')) ==
          "Attempting to store more than 38 significant digits in a Number");
    // Leading and trailing zeros are not significant.
    CHECK(err("000" + std::string(38, '1') + "000") == "<no error>");
    CHECK(err("0.00" + std::string(38, '9')) == "<no error>");
}

TEST_CASE("number arithmetic is exact", "[unit]") {
    CHECK(sum("0.1", "0.2") == "0.3");
    CHECK(sum("1", "-1") == "0");
    CHECK(sum("-5", "3") == "-2");
    CHECK(sum("3", "-5") == "-2");
    CHECK(sum("99999999999999999999999999999999999999", "0") ==
          "99999999999999999999999999999999999999");
    CHECK(sum("9.5", "0.5") == "10");
    CHECK(sum("1E+100", "1E+100") == "2" + std::string(100, '0'));
    CHECK(diff("10", "0.001") == "9.999");
    CHECK(diff("-1.5", "-1.5") == "0");
    CHECK(diff("0", "7") == "-7");
    CHECK(sum("12345678901234567890123456789012345678", "1") ==
          "12345678901234567890123456789012345679");
    CHECK(error_of([] {
              (void)(ddb_number::parse("99999999999999999999999999999999999999") +
                     ddb_number::parse("1"));
          }) == "<no error>");
    CHECK(error_of([] { (void)(ddb_number::parse("1E+37") + ddb_number::parse("0.1")); }) ==
          "Attempting to store more than 38 significant digits in a Number");
    CHECK(error_of([] {
              (void)(ddb_number::parse("9.9999999999999999999999999999999999999E+125") +
                     ddb_number::parse("1E+125"));
          }) == "Number overflow. Attempting to store a number with magnitude larger than "
                "supported range");
}

TEST_CASE("numbers compare numerically", "[unit]") {
    auto cmp = [](const std::string& a, const std::string& b) {
        auto c = ddb_number::parse(a) <=> ddb_number::parse(b);
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    };
    CHECK(cmp("1", "1.0") == 0);
    CHECK(cmp("2", "10") == -1);
    CHECK(cmp("-2", "-10") == 1);
    CHECK(cmp("-0.001", "0") == -1);
    CHECK(cmp("1E-130", "0") == 1);
    CHECK(cmp("0.11", "0.1") == 1);
    CHECK(cmp("-0.11", "-0.1") == -1);
    CHECK(cmp("1E+5", "99999") == 1);
}

TEST_CASE("number storage sizes count base-100 digit pairs", "[unit]") {
    auto size = [](const std::string& n) { return ddb_number::parse(n).storage_size(); };
    CHECK(size("0") == 1);
    CHECK(size("1") == 2);
    CHECK(size("12") == 2);
    CHECK(size("123") == 3);
    CHECK(size("100") == 2);
    CHECK(size("-1") == 3);
    CHECK(size("1.5") == 3);
    CHECK(size(std::string(38, '9')) == 20);
}

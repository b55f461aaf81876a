// encode_key_bytes: memcmp order of the encodings equals DynamoDB's order of the values.
#include "expr_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

using namespace ddb_test;

namespace {
int sign(int c) {
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}
// SQLite's BLOB order: memcmp over the common prefix, then the shorter first.
int blob_compare(const std::string& a, const std::string& b) {
    return sign(std::string_view(a).compare(std::string_view(b)));
}
int encoded_order(const json& a, const json& b) {
    return blob_compare(ddb::encode_key_bytes(a), ddb::encode_key_bytes(b));
}
} // namespace

TEST_CASE("number encodings sort numerically", "[unit]") {
    std::vector<std::string> ascending = {"-9.9999999999999999999999999999999999999E+125",
                                          "-1E+100",
                                          "-1000",
                                          "-999.5",
                                          "-100",
                                          "-10.5",
                                          "-10",
                                          "-9",
                                          "-1.01",
                                          "-1",
                                          "-0.5",
                                          "-0.123",
                                          "-0.12",
                                          "-1E-130",
                                          "0",
                                          "1E-130",
                                          "0.0001",
                                          "0.12",
                                          "0.123",
                                          "0.5",
                                          "1",
                                          "1.01",
                                          "9",
                                          "10",
                                          "10.5",
                                          "100",
                                          "999.5",
                                          "1000",
                                          "1E+100",
                                          "9.9999999999999999999999999999999999999E+125"};
    for (std::size_t i = 0; i + 1 < ascending.size(); ++i) {
        INFO(ascending[i] << " < " << ascending[i + 1]);
        CHECK(encoded_order(N(ascending[i]), N(ascending[i + 1])) == -1);
    }
    CHECK(encoded_order(N("1.0"), N("1")) == 0);
    CHECK(encoded_order(N("-0"), N("0")) == 0);
    CHECK(ddb::encode_key_bytes(N("100")) == ddb::encode_key_bytes(N("1E2")));
}

TEST_CASE("randomized: number encodings order like the numbers", "[unit]") {
    std::mt19937_64 rng(20261121);
    auto random_number = [&] {
        std::uniform_int_distribution<int> digits(1, 38);
        std::uniform_int_distribution<int> digit(0, 9);
        std::uniform_int_distribution<int> exponent(-120, 80);
        std::string s = rng() % 2 ? "-" : "";
        int n = digits(rng);
        for (int i = 0; i < n; ++i) {
            s.push_back(static_cast<char>('0' + digit(rng)));
        }
        // Mix small exponents (shared prefixes are likely) with wide ones.
        int e = rng() % 3 == 0 ? exponent(rng) : static_cast<int>(rng() % 5);
        return s + "E" + std::to_string(e);
    };
    std::vector<ddb::ddb_number> numbers;
    for (int i = 0; i < 3000; ++i) {
        auto n = ddb::ddb_number::try_parse(random_number());
        if (n) {
            numbers.push_back(*n);
        }
    }
    REQUIRE(numbers.size() > 2000);
    for (std::size_t i = 0; i + 1 < numbers.size(); ++i) {
        const auto& a = numbers[i];
        const auto& b = numbers[i + 1];
        auto expected = a <=> b;
        int want = expected < 0 ? -1 : (expected > 0 ? 1 : 0);
        INFO(a.to_string() << " vs " << b.to_string());
        CHECK(encoded_order(N(a.to_string()), N(b.to_string())) == want);
    }
    // Sorting by encoding gives numeric order.
    std::vector<std::pair<std::string, ddb::ddb_number>> encoded;
    for (const auto& n : numbers) {
        encoded.emplace_back(ddb::encode_key_bytes(N(n.to_string())), n);
    }
    std::sort(encoded.begin(), encoded.end(),
              [](const auto& x, const auto& y) { return x.first < y.first; });
    for (std::size_t i = 0; i + 1 < encoded.size(); ++i) {
        CHECK(encoded[i].second <= encoded[i + 1].second);
    }
}

TEST_CASE("string and binary encodings are their bytes", "[unit]") {
    CHECK(ddb::encode_key_bytes(S("abc")) == "abc");
    CHECK(encoded_order(S("a"), S("ab")) == -1);
    CHECK(encoded_order(S("Z"), S("a")) == -1);
    CHECK(encoded_order(S("\xC3\xA9"), S("z")) == 1);
    CHECK(ddb::encode_key_bytes(B("AAEC")) == std::string("\x00\x01\x02", 3));
    CHECK(encoded_order(B("/w=="), B("AA==")) == 1);
    CHECK(error_of([] { ddb::encode_key_bytes(BOOL(true)); }) ==
          "One or more parameter values were invalid: Key attributes must be of type S, N or B");
}

TEST_CASE("prefix successors bound begins_with scans", "[unit]") {
    CHECK(*ddb::prefix_successor("abc") == "abd");
    CHECK(*ddb::prefix_successor(std::string("a\xFF", 2)) == "b");
    CHECK_FALSE(ddb::prefix_successor(""));
    CHECK_FALSE(ddb::prefix_successor(std::string("\xFF\xFF", 2)));
}

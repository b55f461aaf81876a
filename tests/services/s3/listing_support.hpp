// Helpers shared by the listing service tests (ListObjects, ListObjectsV2, ListObjectVersions):
// parsed listing pages and a reference model of S3's listing semantics.
#pragma once

#include "s3/s3_test_support.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cloudbox::test::listing {

// One parsed listing page.
struct page {
    int status = 0;
    std::string body;
    std::vector<std::string> keys;     // Contents/Key or Version/Key, decoded when url-encoded
    std::vector<std::string> prefixes; // CommonPrefixes/Prefix, decoded
    bool truncated = false;
    std::string next_marker;               // NextMarker / NextKeyMarker (decoded)
    std::optional<std::string> next_token; // NextContinuationToken
    std::optional<int> key_count;
    std::vector<std::string> order; // top-level element names, in order
    cloudbox::protocol::xml_node root;
};

inline std::string decode(const std::string& s, bool url) {
    if (!url) {
        return s;
    }
    auto d = core::url_decode(s, true);
    REQUIRE(d);
    return *d;
}

inline page parse_page(const http_response& r) {
    page p;
    p.status = r.status;
    p.body = r.body;
    INFO(r.body);
    REQUIRE(r.status == 200);
    auto doc = cloudbox::protocol::parse_xml(r.body);
    REQUIRE(doc);
    p.root = *doc;
    bool url = doc->child_text("EncodingType") == std::optional<std::string>("url");
    for (const auto& c : doc->children) {
        p.order.push_back(c.name);
        if (c.name == "Contents" || c.name == "Version") {
            p.keys.push_back(decode(c.child_text("Key").value_or(""), url));
        } else if (c.name == "CommonPrefixes") {
            p.prefixes.push_back(decode(c.child_text("Prefix").value_or(""), url));
        } else if (c.name == "IsTruncated") {
            p.truncated = c.text == "true";
        } else if (c.name == "NextMarker" || c.name == "NextKeyMarker") {
            p.next_marker = decode(c.text, url);
        } else if (c.name == "NextContinuationToken") {
            p.next_token = c.text;
        } else if (c.name == "KeyCount") {
            p.key_count = std::stoi(c.text);
        }
    }
    return p;
}

// Query-string encoding of a parameter value (every reserved byte escaped).
inline std::string q(const std::string& value) {
    return core::url_encode(value, true);
}

// What S3 lists for these keys: the distinct entries (a key, or the common prefix it rolls up
// into) in byte order, each strictly after start_after.
struct entry {
    std::string name;
    bool is_prefix = false;
    bool operator<(const entry& o) const { return name < o.name; }
    bool operator==(const entry& o) const { return name == o.name && is_prefix == o.is_prefix; }
};

inline std::vector<entry> reference_list(const std::set<std::string>& keys,
                                         const std::string& prefix, const std::string& delimiter,
                                         const std::string& start_after) {
    std::vector<entry> out;
    for (const auto& k : keys) {
        if (!k.starts_with(prefix)) {
            continue;
        }
        entry e{k, false};
        if (!delimiter.empty()) {
            auto pos = k.find(delimiter, prefix.size());
            if (pos != std::string::npos) {
                e = {k.substr(0, pos + delimiter.size()), true};
            }
        }
        if (e.name <= start_after && !start_after.empty()) {
            continue;
        }
        if (!out.empty() && out.back().name == e.name) {
            continue;
        }
        out.push_back(e);
    }
    return out;
}

// The entries of a page in byte order (keys and prefixes merged).
inline std::vector<entry> entries_of(const page& p) {
    std::vector<entry> out;
    for (const auto& k : p.keys) {
        out.push_back({k, false});
    }
    for (const auto& pr : p.prefixes) {
        out.push_back({pr, true});
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace cloudbox::test::listing

// ARNs: arn:partition:service:region:account:resource (the resource may contain ':' and '/').
#pragma once

#include <stdexcept>
#include <string>

namespace cloudbox::core {

struct arn_parts {
    std::string partition, service, region, account, resource;
};

// Throws std::invalid_argument for text that is not an ARN.
inline arn_parts parse_arn(const std::string& arn) {
    arn_parts out;
    std::string prefix;
    std::string* fields[] = {&prefix, &out.partition, &out.service, &out.region, &out.account};
    std::size_t start = 0;
    for (auto* field : fields) {
        auto pos = arn.find(':', start);
        if (pos == std::string::npos) {
            throw std::invalid_argument("not an ARN: " + arn);
        }
        *field = arn.substr(start, pos - start);
        start = pos + 1;
    }
    if (prefix != "arn") {
        throw std::invalid_argument("not an ARN: " + arn);
    }
    out.resource = arn.substr(start);
    return out;
}

} // namespace cloudbox::core

// Where function log lines go: CloudWatch Logs (the logs service implements this) and the console.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cloudbox::lambda {

struct log_event {
    std::int64_t timestamp_ms = 0;
    std::string message;
};

struct log_batch {
    std::string account_id;
    std::string region;
    std::string group;  // /aws/lambda/<name>
    std::string stream; // YYYY/MM/DD/[<version>]<hex>
    std::vector<log_event> events;
};

class log_sink {
  public:
    virtual ~log_sink() = default;
    virtual void write(const log_batch& batch) = 0;
};

} // namespace cloudbox::lambda

// The canonical request a service sees: no sockets, no Beast types. The transport fills it; the
// protocol layer parses its path, query and credentials.
#pragma once

#include "core/clock.hpp"
#include "protocol/sigv4_credentials.hpp"
#include "service/headers.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace cloudbox::service {

// Where a streaming request body goes, chosen by the service before the body is read (S3 objects
// are spooled to the blob store and hashed as they arrive, never held whole in memory).
class body_sink {
  public:
    virtual ~body_sink() = default;
    virtual void write(const char* data, std::size_t size) = 0; // may throw core::aws_error
    virtual void finish() = 0;                                  // end of body; may throw
};

// How the transport should read the body of this request.
struct body_plan {
    std::uint64_t max_buffered = 0;  // buffer in request::body up to this many bytes
    std::unique_ptr<body_sink> sink; // or stream into this sink (then max_buffered unused)
};

struct request_context {
    std::string request_id;
    std::string account_id = "000000000000";
    std::string region; // from the credential scope, else the server default
    std::string access_key;
    std::string signing_service; // credential scope service ("s3", "dynamodb", ...)
    std::string service;         // resolved service name
    std::string operation;       // set by the service, for the log line
    core::clock* clock = nullptr;
    // The SigV4 credential, parsed once by the dispatcher's route().
    std::optional<protocol::sigv4_credentials> credentials;
};

struct request {
    std::string method;    // "GET", "PUT", ...
    std::string target;    // raw request-target
    std::string raw_path;  // before '?', still percent-encoded
    std::string raw_query; // after '?', still percent-encoded
    query_params query;    // decoded
    header_map headers;    // names lower-cased
    std::string host;      // Host header
    std::string remote_address;
    request_context ctx;

    std::string body;                // the buffered body (when no sink was used)
    std::unique_ptr<body_sink> sink; // the streaming body, after finish()

    template <class Sink> Sink* sink_as() const { return dynamic_cast<Sink*>(sink.get()); }
};

} // namespace cloudbox::service

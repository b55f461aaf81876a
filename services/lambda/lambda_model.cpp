// Shared Lambda semantics: references, validation, configuration documents.
#include "lambda/lambda_model.hpp"

#include "core/encoding.hpp"
#include "core/hash.hpp"
#include "core/ids.hpp"
#include "core/time_format.hpp"
#include "lambda/lambda_errors.hpp"
#include "service/internal_client.hpp"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <random>
#include <regex>
#include <sstream>

namespace cloudbox::services::lambda {

namespace {

constexpr const char* function_name_pattern =
    "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)"
    "?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";
constexpr const char* role_pattern =
    "arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+";

const std::vector<std::string>& runtimes() {
    static const std::vector<std::string> list{
        "nodejs",     "nodejs4.3",       "nodejs6.10",     "nodejs8.10",    "nodejs10.x",
        "nodejs12.x", "nodejs14.x",      "nodejs16.x",     "java8",         "java8.al2",
        "java11",     "python2.7",       "python3.6",      "python3.7",     "python3.8",
        "python3.9",  "dotnetcore1.0",   "dotnetcore2.0",  "dotnetcore2.1", "dotnetcore3.1",
        "dotnet6",    "dotnet8",         "nodejs4.3-edge", "go1.x",         "ruby2.5",
        "ruby2.7",    "provided",        "provided.al2",   "nodejs18.x",    "python3.10",
        "java17",     "ruby3.2",         "ruby3.3",        "ruby3.4",       "python3.11",
        "nodejs20.x", "provided.al2023", "python3.12",     "java21",        "python3.13",
        "nodejs22.x", "nodejs24.x",      "python3.14",     "java25",        "dotnet10",
        "ruby4.0"};
    return list;
}

std::string single_quoted(const std::string& v) {
    return "'" + v + "'";
}

const std::vector<std::string> reserved_env_keys{"_HANDLER",
                                                 "_X_AMZN_TRACE_ID",
                                                 "AWS_DEFAULT_REGION",
                                                 "AWS_REGION",
                                                 "AWS_EXECUTION_ENV",
                                                 "AWS_LAMBDA_FUNCTION_NAME",
                                                 "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
                                                 "AWS_LAMBDA_FUNCTION_VERSION",
                                                 "AWS_LAMBDA_INITIALIZATION_TYPE",
                                                 "AWS_LAMBDA_LOG_GROUP_NAME",
                                                 "AWS_LAMBDA_LOG_STREAM_NAME",
                                                 "AWS_ACCESS_KEY",
                                                 "AWS_ACCESS_KEY_ID",
                                                 "AWS_SECRET_ACCESS_KEY",
                                                 "AWS_SESSION_TOKEN",
                                                 "AWS_LAMBDA_RUNTIME_API",
                                                 "LAMBDA_TASK_ROOT",
                                                 "LAMBDA_RUNTIME_DIR"};

} // namespace

json lambda_call::body() const {
    if (req.body.empty()) {
        return json::object();
    }
    auto parsed = json::parse(req.body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
        throw errors::invalid_content("Could not parse request body into json: Could not parse "
                                      "payload into json: Unexpected character");
    }
    return parsed;
}

namespace {

// A bare name ([a-zA-Z0-9-_]+, the usual case) matches the pattern's last group alone: no need
// for std::regex, which cost more than the rest of an echo invoke's routing.
bool is_plain_function_name(const std::string& value) {
    return !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
    });
}

} // namespace

bool is_digits(const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

void check_function_name(const std::string& value, const std::string& field) {
    static const std::regex pattern(function_name_pattern);
    if (value.size() > 140) {
        throw errors::validation(single_quoted(value), field,
                                 "Member must have length less than or equal to 140");
    }
    if (!is_plain_function_name(value) && !std::regex_match(value, pattern)) {
        throw errors::validation(single_quoted(value), field,
                                 std::string("Member must satisfy regular expression pattern: ") +
                                     function_name_pattern);
    }
}

function_ref parse_function_ref(const lambda_call& call, const std::string& raw,
                                bool allow_query_qualifier) {
    check_function_name(raw);
    std::vector<std::string> parts;
    std::stringstream ss(raw);
    for (std::string part; std::getline(ss, part, ':');) {
        parts.push_back(part);
    }
    function_ref ref;
    std::size_t name_at = 0;
    if (raw.starts_with("arn:")) {
        name_at = 6;
        // AWS answers for the endpoint's region only, and never acts on another region's name.
        if (parts.size() > 3 && parts[3] != call.req.ctx.region) {
            throw errors::resource_not_found("Functions from '" + parts[3] +
                                             "' are not reachable in this region ('" +
                                             call.req.ctx.region + "')");
        }
    } else if (parts.size() >= 3 && parts[1] == "function") {
        name_at = 2;
    }
    ref.name = parts.size() > name_at ? parts[name_at] : raw;
    if (parts.size() > name_at + 1) {
        ref.qualifier = parts[name_at + 1];
    }
    if (allow_query_qualifier) {
        if (auto q = call.req.query.get("Qualifier")) {
            std::string query_qualifier(*q);
            if (!ref.qualifier.empty() && ref.qualifier != query_qualifier) {
                throw errors::invalid_parameter("The derived qualifier from the function name "
                                                "does not match the specified qualifier.");
            }
            static const std::regex qpattern("(|[a-zA-Z0-9$_-]+)");
            if (query_qualifier.size() > 128 || !std::regex_match(query_qualifier, qpattern)) {
                throw errors::validation(single_quoted(query_qualifier), "qualifier",
                                         "Member must satisfy regular expression pattern: "
                                         "(|[a-zA-Z0-9$_-]+)");
            }
            ref.qualifier = query_qualifier;
        }
    }
    return ref;
}

std::string function_arn(const lambda_call& call, const std::string& name,
                         const std::string& qualifier) {
    return call.function_arn_prefix() + name + (qualifier.empty() ? "" : ":" + qualifier);
}

json require_function(lambda_call& call, const std::string& name) {
    auto config = call.lambda.store.get_version(call.scope(), name, "$LATEST");
    if (!config) {
        throw errors::function_not_found(function_arn(call, name));
    }
    return *config;
}

json require_version(lambda_call& call, const function_ref& ref) {
    std::string version = ref.qualifier.empty() ? "$LATEST" : ref.qualifier;
    if (version != "$LATEST" && !is_digits(version)) {
        auto alias = call.lambda.store.get_alias(call.scope(), ref.name, version);
        if (!alias) {
            require_function(call, ref.name);
            throw errors::function_not_found(function_arn(call, ref.name, ref.qualifier));
        }
        version = alias->value("FunctionVersion", "$LATEST");
    }
    auto config = call.lambda.store.get_version(call.scope(), ref.name, version);
    if (!config) {
        throw errors::function_not_found(function_arn(call, ref.name, ref.qualifier));
    }
    return *config;
}

json require_version_or(lambda_call& call, const function_ref& ref,
                        const std::string& not_found_message) {
    try {
        return require_version(call, ref);
    } catch (const core::aws_error& e) {
        if (e.code != "ResourceNotFoundException") {
            throw;
        }
        throw errors::resource_not_found(not_found_message);
    }
}

std::string no_invoke_config_message(const lambda_call& call, const function_ref& ref) {
    return "The function " +
           function_arn(call, ref.name, ref.qualifier.empty() ? "$LATEST" : ref.qualifier) +
           " doesn't have an EventInvokeConfig";
}

std::string route_qualifier(lambda_call& call, const function_ref& ref) {
    if (ref.qualifier.empty() || ref.qualifier == "$LATEST" || is_digits(ref.qualifier)) {
        return ref.qualifier.empty() ? "$LATEST" : ref.qualifier;
    }
    auto alias = call.lambda.store.get_alias(call.scope(), ref.name, ref.qualifier);
    if (!alias) {
        require_function(call, ref.name);
        throw errors::function_not_found(function_arn(call, ref.name, ref.qualifier));
    }
    std::string version = alias->value("FunctionVersion", "$LATEST");
    // Weighted routing: each additional version takes its weight of the traffic.
    auto weights = alias->value("RoutingConfig", json::object())
                       .value("AdditionalVersionWeights", json::object());
    if (!weights.empty()) {
        thread_local std::mt19937_64 rng{std::random_device{}()};
        double draw = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
        double acc = 0;
        for (auto& [v, w] : weights.items()) {
            acc += w.get<double>();
            if (draw < acc) {
                return v;
            }
        }
    }
    return version;
}

std::string last_modified(const core::clock& clock) {
    std::string iso = core::format_iso8601_millis(clock.now()); // ...T15:20:00.000Z
    return iso.substr(0, iso.size() - 1) + "+0000";
}

std::string code_sha256(const std::string& zip) {
    return core::base64_encode(core::digest(core::digest_kind::sha256, zip));
}

std::optional<std::int64_t> optional_int(const json& input, const char* member, const char* field) {
    auto it = input.find(member);
    if (it == input.end() || it->is_null()) {
        return std::nullopt;
    }
    if (!it->is_number_integer()) {
        throw errors::invalid_content(std::string("Could not parse request body into json: Could "
                                                  "not parse payload into json: '") +
                                      field + "' must be an integer");
    }
    return it->get<std::int64_t>();
}

std::optional<std::string> optional_string(const json& input, const char* member,
                                           const char* field) {
    auto it = input.find(member);
    if (it == input.end() || it->is_null()) {
        return std::nullopt;
    }
    if (!it->is_string()) {
        throw errors::invalid_content(std::string("Could not parse request body into json: Could "
                                                  "not parse payload into json: '") +
                                      field + "' must be a string");
    }
    return it->get<std::string>();
}

json update_in_progress(json config) {
    config["LastUpdateStatus"] = "InProgress";
    config["LastUpdateStatusReason"] = "The function is being created.";
    config["LastUpdateStatusReasonCode"] = "Creating";
    return config;
}

json list_view(json config) {
    for (const char* field :
         {"State", "StateReason", "StateReasonCode", "LastUpdateStatus", "LastUpdateStatusReason",
          "LastUpdateStatusReasonCode", "RuntimeVersionConfig"}) {
        config.erase(field);
    }
    return config;
}

namespace {

// AWS names the runtime build that runs a function: arn:aws:lambda:REGION::runtime:<64 hex>.
// cloudbox has one build per runtime name, so the id is the SHA-256 of the name.
json runtime_version_config(const json& config, const std::string& runtime) {
    std::string region = "us-east-1";
    std::string arn = config.value("FunctionArn", "");
    std::size_t from = 0;
    for (int field = 0; field < 3 && from != std::string::npos; ++field) {
        from = arn.find(':', from);
        from = from == std::string::npos ? from : from + 1;
    }
    if (from != std::string::npos) {
        auto to = arn.find(':', from);
        if (to != std::string::npos && to > from) {
            region = arn.substr(from, to - from);
        }
    }
    return {{"RuntimeVersionArn",
             "arn:aws:lambda:" + region +
                 "::runtime:" + core::to_hex(core::digest(core::digest_kind::sha256, runtime))}};
}

} // namespace

void apply_configuration(json& config, const json& input, bool creating) {
    if (auto runtime = optional_string(input, "Runtime", "runtime")) {
        const auto& list = runtimes();
        if (std::find(list.begin(), list.end(), *runtime) == list.end()) {
            std::string set;
            for (const auto& r : list) {
                set += (set.empty() ? "" : ", ") + r;
            }
            // Not a model check: Lambda's own, with its own code and no quotes or count.
            throw errors::invalid_parameter("Value " + *runtime +
                                            " at 'runtime' failed to satisfy constraint: Member "
                                            "must satisfy enum value set: [" +
                                            set + "] or be a valid ARN");
        }
        config["Runtime"] = *runtime;
        config["RuntimeVersionConfig"] = runtime_version_config(config, *runtime);
    }
    auto role = optional_string(input, "Role", "role");
    if (creating && !role) {
        throw errors::not_null("role");
    }
    if (role) {
        static const std::regex pattern(role_pattern);
        if (!std::regex_match(*role, pattern)) {
            throw errors::validation(single_quoted(*role), "role",
                                     std::string("Member must satisfy regular expression "
                                                 "pattern: ") +
                                         role_pattern);
        }
        config["Role"] = *role;
    }
    if (auto handler = optional_string(input, "Handler", "handler")) {
        if (handler->size() > 128) {
            throw errors::validation(single_quoted(*handler), "handler",
                                     "Member must have length less than or equal to 128");
        }
        config["Handler"] = *handler;
    }
    if (auto description = optional_string(input, "Description", "description")) {
        if (description->size() > 256) {
            throw errors::validation(single_quoted(*description), "description",
                                     "Member must have length less than or equal to 256");
        }
        config["Description"] = *description;
    }
    if (auto timeout = optional_int(input, "Timeout", "timeout")) {
        if (*timeout < 1) {
            throw errors::validation(single_quoted(std::to_string(*timeout)), "timeout",
                                     "Member must have value greater than or equal to 1");
        }
        if (*timeout > 900) {
            throw errors::validation(single_quoted(std::to_string(*timeout)), "timeout",
                                     "Member must have value less than or equal to 900");
        }
        config["Timeout"] = *timeout;
    }
    if (auto memory = optional_int(input, "MemorySize", "memorySize")) {
        if (*memory < 128) {
            throw errors::validation(single_quoted(std::to_string(*memory)), "memorySize",
                                     "Member must have value greater than or equal to 128");
        }
        if (*memory > 10240) {
            throw errors::validation(single_quoted(std::to_string(*memory)), "memorySize",
                                     "Member must have value less than or equal to 10240");
        }
        config["MemorySize"] = *memory;
    }
    if (input.contains("Environment")) {
        const json& env = input["Environment"];
        json vars = env.is_object() ? env.value("Variables", json::object()) : json::object();
        if (!vars.is_object()) {
            throw errors::invalid_content("Could not parse request body into json: Could not "
                                          "parse payload into json: 'Variables' must be a map");
        }
        std::string reserved;
        static const std::regex name_pattern("[a-zA-Z]([a-zA-Z0-9_])+");
        std::size_t total = 0;
        for (auto& [k, v] : vars.items()) {
            if (std::find(reserved_env_keys.begin(), reserved_env_keys.end(), k) !=
                reserved_env_keys.end()) {
                reserved += (reserved.empty() ? "" : ", ") + k;
            }
            if (!v.is_string()) {
                throw errors::invalid_content("Could not parse request body into json: Could not "
                                              "parse payload into json: environment variable "
                                              "values must be strings");
            }
            if (!std::regex_match(k, name_pattern)) {
                throw core::aws_error("ValidationException",
                                      "1 validation error detected: Value at "
                                      "'environment.variables' failed to satisfy constraint: Map "
                                      "keys must satisfy constraint: [Member must satisfy regular "
                                      "expression pattern: [a-zA-Z]([a-zA-Z0-9_])+]",
                                      400);
            }
            total += k.size() + v.get<std::string>().size();
        }
        if (!reserved.empty()) {
            throw errors::invalid_parameter(
                "Lambda was unable to configure your environment variables because the "
                "environment variables you have provided contains reserved keys that are "
                "currently not supported for modification. Reserved keys used in this request: " +
                reserved);
        }
        if (total > 4096) {
            throw errors::invalid_parameter(
                "Lambda was unable to configure your environment variables because the "
                "environment variables you have provided exceeded the 4KB limit. String "
                "measured: " +
                vars.dump());
        }
        if (vars.empty()) {
            config.erase("Environment");
        } else {
            config["Environment"] = {{"Variables", vars}};
        }
    }
    if (input.contains("DeadLetterConfig")) {
        std::string target = input["DeadLetterConfig"].is_object()
                                 ? input["DeadLetterConfig"].value("TargetArn", "")
                                 : "";
        if (target.empty()) {
            config.erase("DeadLetterConfig");
        } else {
            if (!target.starts_with("arn:aws:sqs:") && !target.starts_with("arn:aws:sns:")) {
                throw errors::invalid_parameter("The provided target arn is invalid: " + target +
                                                ". Target arn must be an SQS queue or SNS topic.");
            }
            config["DeadLetterConfig"] = {{"TargetArn", target}};
        }
    }
    if (input.contains("TracingConfig") && input["TracingConfig"].is_object()) {
        config["TracingConfig"] = {{"Mode", input["TracingConfig"].value("Mode", "PassThrough")}};
    }
}

cloudbox::lambda::function_spec spec_for(lambda_store& store, const scope_key& scope,
                                         const json& config, const std::string& invoked_arn) {
    cloudbox::lambda::function_spec spec;
    spec.account_id = scope.account;
    spec.region = scope.region;
    spec.name = config.value("FunctionName", "");
    spec.version = config.value("Version", "$LATEST");
    spec.invoked_arn = invoked_arn;
    spec.handler = config.value("Handler", "");
    spec.memory_mb = config.value("MemorySize", 128);
    spec.timeout_seconds = config.value("Timeout", 3);
    spec.revision_id = config.value("RevisionId", "");
    if (config.contains("Environment")) {
        json vars = config["Environment"].value("Variables", json::object());
        for (auto& [k, v] : vars.items()) {
            spec.environment[k] = v.get<std::string>();
        }
    }
    // What Lambda's runtime environment defines for every function.
    spec.environment["AWS_REGION"] = scope.region;
    spec.environment["AWS_DEFAULT_REGION"] = scope.region;
    spec.environment["AWS_LAMBDA_FUNCTION_NAME"] = spec.name;
    spec.environment["AWS_LAMBDA_FUNCTION_VERSION"] = spec.version;
    spec.environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = std::to_string(spec.memory_mb);
    spec.environment["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + spec.name;
    spec.environment["AWS_EXECUTION_ENV"] = "AWS_Lambda_" + config.value("Runtime", "provided");
    spec.environment["_HANDLER"] = spec.handler;
    spec.environment["TZ"] = ":UTC";
    spec.reserved_concurrency = store.get_settings(scope, spec.name).concurrency;
    return spec;
}

cloudbox::lambda::function_spec spec_for(lambda_call& call, const json& config,
                                         const std::string& invoked_arn) {
    return spec_for(call.lambda.store, call.scope(), config, invoked_arn);
}

service::response json_response(int status, const json& body) {
    service::response r;
    r.status = status;
    r.headers.set("content-type", "application/json");
    r.body = body.dump();
    return r;
}

service::response empty_response(int status) {
    service::response r;
    r.status = status;
    return r;
}

} // namespace cloudbox::services::lambda

namespace cloudbox::services::lambda {

namespace {

// What makes two versions the same for PublishVersion.
json comparable(json config) {
    for (const char* k : {"Version", "FunctionArn", "RevisionId", "LastModified", "Description"}) {
        config.erase(k);
    }
    return config;
}

} // namespace

json publish_latest(lambda_call& call, const std::string& name,
                    const std::optional<std::string>& description) {
    json latest = require_function(call, name);
    auto versions = call.lambda.store.list_versions(call.scope(), name);
    if (versions.size() > 1 && comparable(versions.back()) == comparable(latest)) {
        return versions.back(); // nothing changed since the last version: Lambda returns it
    }
    return call.lambda.store.publish(call.scope(), name, [&](const json& base, int number) {
        json v = base;
        v["Version"] = std::to_string(number);
        v["FunctionArn"] = function_arn(call, name, std::to_string(number));
        v["RevisionId"] = core::new_uuid();
        if (description) {
            v["Description"] = *description;
        }
        return v;
    });
}

std::string code_from_input(lambda_call& call, const json& input) {
    if (!input.is_object()) {
        throw errors::not_null("code");
    }
    std::string zip;
    if (auto zip_file = optional_string(input, "ZipFile", "zipFile")) {
        auto decoded = core::base64_decode(*zip_file);
        if (!decoded) {
            throw errors::invalid_content("Could not parse request body into json: Could not "
                                          "parse payload into json: Cannot access contents of "
                                          "zipFile as base64");
        }
        zip = std::move(*decoded);
    } else if (auto bucket = optional_string(input, "S3Bucket", "s3Bucket")) {
        auto key = optional_string(input, "S3Key", "s3Key").value_or("");
        if (call.lambda.dispatcher == nullptr) {
            throw errors::invalid_parameter("Error occurred while GetObject. S3 Error Code: "
                                            "NoSuchBucket. S3 Error Message: The specified bucket "
                                            "does not exist");
        }
        try {
            service::internal_client client(*call.lambda.dispatcher,
                                            {call.req.ctx.account_id, call.req.ctx.region});
            zip = client.get_object(*bucket, key).body;
        } catch (const core::aws_error& e) {
            throw errors::invalid_parameter("Error occurred while GetObject. S3 Error Code: " +
                                            e.code + ". S3 Error Message: " + e.message);
        }
    } else if (input.contains("ImageUri")) {
        throw errors::invalid_parameter("cloudbox runs zip packages only: ImageUri is not "
                                        "supported.");
    } else {
        throw errors::invalid_parameter("Please provide a source for function code.");
    }
    // Any zip will do, even an empty one (the handler is a registered C++ function).
    if (!zip.starts_with(std::string_view("PK\x03\x04", 4)) &&
        !zip.starts_with(std::string_view("PK\x05\x06", 4))) {
        throw errors::invalid_parameter(
            "Could not unzip uploaded file. Please check your file, then try to upload again.");
    }
    return zip;
}

} // namespace cloudbox::services::lambda

namespace cloudbox::services::lambda {

std::string function_of_resource_arn(lambda_call& call, const std::string& arn) {
    // The pattern AWS quotes today (newer than Debian's botocore model).
    static const char* text = "arn:(aws[a-zA-Z-]*)?:lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-"
                              "\\d{1}:\\d{12}:(function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))"
                              "?|layer:[a-zA-Z0-9-_]+)";
    static const std::regex pattern(text);
    if (!std::regex_match(arn, pattern)) {
        throw errors::validation("'" + arn + "'", "resource",
                                 std::string("Member must satisfy regular expression pattern: ") +
                                     text);
    }
    function_ref ref = parse_function_ref(call, arn, false);
    if (!ref.qualifier.empty()) {
        throw errors::invalid_parameter("Tags on function aliases and versions are not "
                                        "supported. Please specify a function ARN.");
    }
    require_function(call, ref.name);
    return ref.name;
}

void touch_revision(lambda_call& call, const std::string& name) {
    json config = require_function(call, name);
    config["RevisionId"] = core::new_uuid();
    call.lambda.store.put_version(call.scope(), name, "$LATEST", config, std::nullopt);
}

} // namespace cloudbox::services::lambda

// Seeding the book's chapter-5 resources through the same API calls a user would make.
#include "book_world.hpp"

#include "core/encoding.hpp"
#include "core/logging.hpp"
#include "service/internal_client.hpp"

#include <functional>
#include <string>

namespace cloudbox {

using nlohmann::json;

namespace {

// The smallest valid zip: an empty archive (the C++ handler named by Handler runs).
const std::string empty_zip("PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 22);

// Runs one creation; an "already exists" answer counts as done.
bool create(const char* what, const std::function<void()>& call) {
    try {
        call();
        return true;
    } catch (const core::aws_error& e) {
        if (e.code.find("Exists") == std::string::npos &&
            e.code.find("AlreadyOwnedByYou") == std::string::npos &&
            e.code != "ResourceInUseException") {
            core::log_warn(std::string("book world: ") + what + ": " + e.code + ": " + e.message);
        }
        return false;
    }
}

} // namespace

int seed_book_world(service::dispatcher& dispatcher, const char* region) {
    service::internal_client client(dispatcher, {"000000000000", region});
    const std::string account_prefix = std::string("arn:aws:lambda:") + region + ":000000000000:";
    int created = 0;
    auto s3 = [&](const std::string& method, const std::string& path, const std::string& query,
                  const std::string& body) {
        auto res = client.send({method, "s3", path, query, {}, body});
        if (res.status >= 300) {
            throw service::error_from_response(res);
        }
    };
    created += create("bucket pictures", [&] { s3("PUT", "/pictures", "", ""); });
    created += create("table images", [&] {
        client.call_json(
            "dynamodb", "DynamoDB_20120810.CreateTable",
            {{"TableName", "images"},
             {"AttributeDefinitions", {{{"AttributeName", "name"}, {"AttributeType", "S"}}}},
             {"KeySchema", {{{"AttributeName", "name"}, {"KeyType", "HASH"}}}},
             {"BillingMode", "PAY_PER_REQUEST"}});
    });
    struct function_spec {
        const char* name;
        int timeout;
        json environment;
    };
    const function_spec functions[] = {
        {"greetingsOnDemand", 3, json::object()},
        {"createThumbnailAndStoreInDB", 10, {{"TABLE", "images"}}},
        {"purgeBucketByPrefix", 30, {{"BUCKET", "pictures"}, {"PREFIX", "tmp/"}}},
    };
    for (const auto& fn : functions) {
        created += create(fn.name, [&] {
            json input = {{"FunctionName", fn.name},
                          {"Runtime", "provided.al2023"},
                          {"Handler", fn.name},
                          {"Role", "arn:aws:iam::000000000000:role/lambda-book-role"},
                          {"Timeout", fn.timeout},
                          {"MemorySize", 128},
                          {"Environment", {{"Variables", fn.environment}}},
                          {"Code", {{"ZipFile", core::base64_encode(empty_zip)}}}};
            client.call_rest_json("lambda", "POST", "/2015-03-31/functions", input.dump());
        });
    }
    created += create("notifications on pictures", [&] {
        s3("PUT", "/pictures", "notification",
           "<NotificationConfiguration><CloudFunctionConfiguration><Id>thumbnails</Id>"
           "<CloudFunction>" +
               account_prefix +
               "function:createThumbnailAndStoreInDB</CloudFunction>"
               "<Event>s3:ObjectCreated:*</Event><Filter><S3Key><FilterRule><Name>prefix</Name>"
               "<Value>images/</Value></FilterRule></S3Key></Filter>"
               "</CloudFunctionConfiguration></NotificationConfiguration>");
    });
    created += create("rule purge-tmp", [&] {
        client.call_json("events", "AWSEvents.PutRule",
                         {{"Name", "purge-tmp"}, {"ScheduleExpression", "rate(1 hour)"}});
        client.call_json(
            "events", "AWSEvents.PutTargets",
            {{"Rule", "purge-tmp"},
             {"Targets",
              {{{"Id", "purge"}, {"Arn", account_prefix + "function:purgeBucketByPrefix"}}}}});
    });
    return created;
}

} // namespace cloudbox

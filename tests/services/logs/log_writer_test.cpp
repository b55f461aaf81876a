// The group-commit writer of Lambda's log lines: flush waits for everything queued before it,
// batches keep their order, discard drops what is queued.
#include "logs/log_writer.hpp"

#include <catch2/catch.hpp>

using namespace cloudbox;
using services::logs::event_query;
using services::logs::log_writer;
using services::logs::logs_store;

namespace {

lambda::log_batch batch_of(int n) {
    lambda::log_batch b;
    b.account_id = "000000000000";
    b.region = "us-east-1";
    b.group = "/aws/lambda/fn";
    b.stream = "2026/11/22/[$LATEST]abc";
    for (int line = 0; line < 3; ++line) {
        b.events.push_back(
            {1000 + n, "invocation " + std::to_string(n) + " line " + std::to_string(line)});
    }
    return b;
}

std::vector<services::logs::log_event_row> stored(logs_store& store) {
    event_query q;
    q.group = "/aws/lambda/fn";
    return store.events("000000000000:us-east-1", q);
}

} // namespace

TEST_CASE("log_writer: flush returns once every queued batch is stored, in order", "[unit]") {
    core::clock clock;
    logs_store store(":memory:");
    log_writer writer(store, clock);
    for (int n = 0; n < 2000; ++n) {
        writer.add(batch_of(n));
    }
    writer.flush();
    auto rows = stored(store);
    REQUIRE(rows.size() == 6000);
    CHECK(rows.front().message == "invocation 0 line 0");
    CHECK(rows[5].message == "invocation 1 line 2");
    CHECK(rows.back().message == "invocation 1999 line 2");

    writer.add(batch_of(5000));
    writer.discard();
    writer.flush(); // nothing pending: returns at once
    auto after = stored(store);
    // The discarded batch was either already being written (stored whole) or dropped whole.
    CHECK((after.size() == 6000 || after.size() == 6003));
}

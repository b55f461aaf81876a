// The TTL sweeper: deletes items whose TTL attribute (a Number of epoch seconds) is before the
// clock, with a REMOVE stream record from the service identity. DynamoDB ignores TTL values more
// than five years in the past; so does this.
#include "core/ids.hpp"
#include "dynamodb/dynamodb_items.hpp"
#include "dynamodb/expr/number.hpp"
#include "dynamodb/ops/ops.hpp"

namespace cloudbox::services::dynamodb::ops {

namespace {
constexpr std::int64_t five_years_s = 5LL * 365 * 24 * 3600;
}

std::size_t sweep_expired_items(ddb_context& ddb) {
    std::lock_guard lock(ddb.ttl_mutex);
    const std::int64_t now_s = ddb.clock.now_seconds();
    const std::int64_t now_ms = ddb.clock.now_millis();
    std::size_t deleted = 0;
    for (const auto& t : ddb.store.all_tables()) {
        const json& ttl = t->meta.value("TimeToLive", json::object());
        if (!ttl.value("Enabled", false)) {
            continue;
        }
        const std::string attribute = ttl["AttributeName"].get<std::string>();
        std::vector<item_row> expired;
        ddb.store.scan(*t, std::nullopt, [&](const item_row& row) {
            json item = json::parse(row.item);
            auto it = item.find(attribute);
            if (it == item.end() || !it->contains("N")) {
                return true;
            }
            auto n = ddb_number::try_parse((*it)["N"].get<std::string>());
            if (!n) {
                return true;
            }
            double seconds = std::stod(n->to_string());
            if (seconds <= static_cast<double>(now_s) &&
                seconds >= static_cast<double>(now_s - five_years_s)) {
                expired.push_back(row);
            }
            return true;
        });
        for (const auto& row : expired) {
            ddb.store.write([&](item_txn& tx) {
                auto current = tx.get(*t, row.pk, row.sk);
                if (!current || *current != row.item) {
                    return; // changed since the scan: the next sweep decides
                }
                tx.remove(*t, row.pk, row.sk);
                record_change(tx, *t, json::parse(row.item), std::nullopt, now_ms, core::new_uuid(),
                              true);
                ++deleted;
            });
        }
    }
    return deleted;
}

} // namespace cloudbox::services::dynamodb::ops

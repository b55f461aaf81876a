// Lambda's SQL for event source positions: the last stream record each mapping processed, per
// shard, so that a restart resumes a DynamoDB Streams mapping where it left off.
#include "lambda/lambda_store.hpp"

namespace cloudbox::services::lambda {

using storage::database;

std::optional<std::string> lambda_store::get_checkpoint(const std::string& uuid,
                                                        const std::string& shard_id) {
    return db_.read([&](database& db) -> std::optional<std::string> {
        auto& st = db.prepare("SELECT sequence FROM mapping_checkpoints WHERE uuid=? AND shard=?");
        st.bind_all(uuid, shard_id);
        if (!st.step()) {
            return std::nullopt;
        }
        return st.column_text(0);
    });
}

void lambda_store::put_checkpoint(const std::string& uuid, const std::string& shard_id,
                                  const std::string& sequence) {
    write([&](database& db) {
        db.prepare("INSERT INTO mapping_checkpoints(uuid, shard, sequence) VALUES(?, ?, ?) "
                   "ON CONFLICT(uuid, shard) DO UPDATE SET sequence=excluded.sequence")
            .bind_all(uuid, shard_id, sequence)
            .run();
    });
}

} // namespace cloudbox::services::lambda

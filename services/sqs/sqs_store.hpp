// The only SQL of the SQS service. The engine keeps the live state in memory and writes every
// change through here in one short transaction, so an acknowledged change survives a restart.
#pragma once

#include "sqs/sqs_types.hpp"
#include "storage/database.hpp"

#include <functional>
#include <string>
#include <vector>

namespace cloudbox::services::sqs {

struct dedup_record {
    std::string dedup_id;
    std::string message_id;
    std::string sequence_number;
    std::int64_t expires_ms = 0;
};

class sqs_store {
  public:
    explicit sqs_store(const std::string& db_path); // ":memory:" for --in-memory

    // Everything, for start-up: each queue with its messages (in seq order) and dedup ids.
    void load(const std::function<void(queue_record, std::vector<message_record>,
                                       std::vector<dedup_record>)>& on_queue);

    void put_queue(const queue_record& queue);
    void delete_queue(const std::string& account, const std::string& name);

    // New messages (and their FIFO dedup ids) plus the queue's next_seq, in one transaction.
    void insert_messages(const queue_record& queue, const std::vector<const message_record*>& added,
                         const std::vector<dedup_record>& dedups);
    // Receive state (visibility, counts, handle) of existing messages.
    void update_messages(const queue_record& queue,
                         const std::vector<const message_record*>& changed);
    void delete_messages(const queue_record& queue, const std::vector<std::int64_t>& seqs);
    // Moves messages between queues (dead-letter redrive, move tasks) in one transaction.
    void move_messages(const queue_record& from, const std::vector<std::int64_t>& seqs,
                       const queue_record& to, const std::vector<const message_record*>& added);
    void purge(const queue_record& queue);

    // Message move tasks, as JSON documents keyed by task handle.
    void put_move_task(const std::string& handle, const std::string& source_arn,
                       const std::string& document);
    std::vector<std::string> list_move_tasks(const std::string& source_arn);
    bool has_move_task(const std::string& handle);

    void reset();

  private:
    void migrate();
    storage::database db_;
};

} // namespace cloudbox::services::sqs

// The receiving half of the message state machine: receives (with dead-letter redrive and FIFO
// group rules), receipt handles, visibility changes, purges and move tasks.
#include "sqs/sqs_engine.hpp"

#include "core/encoding.hpp"

#include <nlohmann/json.hpp>

namespace cloudbox::services::sqs {

namespace {

constexpr std::int64_t attempt_window_ms = 5 * 60 * 1000; // ReceiveRequestAttemptId

// maxReceiveCount and the target ARN of a RedrivePolicy, when it has both.
std::optional<std::pair<int, std::string>> redrive_of(const queue_record& q) {
    auto it = q.attributes.find("RedrivePolicy");
    if (it == q.attributes.end() || it->second.empty()) {
        return std::nullopt;
    }
    auto j = nlohmann::json::parse(it->second, nullptr, false);
    if (!j.is_object() || !j.contains("deadLetterTargetArn") || !j.contains("maxReceiveCount")) {
        return std::nullopt;
    }
    int max = 0;
    const auto& v = j["maxReceiveCount"];
    if (v.is_number_integer()) {
        max = v.get<int>();
    } else if (v.is_string()) {
        max = std::atoi(v.get<std::string>().c_str());
    }
    return std::make_pair(max, j["deadLetterTargetArn"].get<std::string>());
}

} // namespace

std::vector<const message_record*> sqs_engine::receive(live_queue& q, int max, int visibility_s,
                                                       const std::string& attempt_id) {
    auto now = clock_.now_millis();
    promote(q, now);
    std::vector<const message_record*> out;
    // FIFO: a retried receive with the same attempt id gets the same messages while they are
    // still in flight under the handles it was given.
    if (!attempt_id.empty()) {
        auto a = q.attempts.find(attempt_id);
        if (a != q.attempts.end() && a->second.second > now) {
            for (auto seq : a->second.first) {
                auto it = q.messages.find(seq);
                if (it != q.messages.end() && it->second.in_flight) {
                    out.push_back(&it->second);
                }
            }
            if (!out.empty()) {
                return out;
            }
        }
    }
    auto redrive = redrive_of(q.rec);
    live_queue* dlq = redrive ? find_arn(redrive->second) : nullptr;
    std::vector<std::int64_t> to_dlq;
    std::set<std::string> groups_taken;
    std::vector<message_record*> taken;
    for (auto it = q.ready.begin(); it != q.ready.end() && static_cast<int>(taken.size()) < max;
         ++it) {
        auto& m = q.messages.at(*it);
        if (!m.group_id.empty() && q.groups_in_flight.count(m.group_id) &&
            !groups_taken.count(m.group_id)) {
            continue; // one group in flight at a time: later messages wait
        }
        if (dlq && dlq != &q && redrive->first > 0 && m.receive_count >= redrive->first) {
            to_dlq.push_back(m.seq);
            if (!m.group_id.empty()) {
                break; // keep a group's order: nothing behind a redriven message this time
            }
            continue;
        }
        taken.push_back(&m);
        if (!m.group_id.empty()) {
            groups_taken.insert(m.group_id);
        }
    }
    if (!to_dlq.empty()) {
        std::vector<message_record> moved;
        for (auto seq : to_dlq) {
            message_record m = q.messages.at(seq);
            erase(q, seq);
            m.seq = dlq->rec.next_seq++;
            m.in_flight = false;
            m.visible_at_ms = 0;
            m.receipt_handle.clear();
            m.dead_letter_source_arn = q.arn(region_);
            if (!dlq->rec.fifo()) {
                m.group_id.clear();
            }
            moved.push_back(std::move(m));
        }
        std::vector<const message_record*> rows;
        for (const auto& m : moved) {
            rows.push_back(&m);
        }
        store_.move_messages(q.rec, to_dlq, dlq->rec, rows);
        for (auto& m : moved) {
            insert(*dlq, std::move(m));
        }
        notify(*dlq);
    }
    std::vector<const message_record*> changed;
    for (auto* m : taken) {
        hide(q, *m, now + visibility_s * 1000LL);
        ++m->receive_count;
        if (m->first_receive_ms == 0) {
            m->first_receive_ms = now;
        }
        m->receipt_handle = new_handle(q, *m);
        changed.push_back(m);
    }
    if (!changed.empty()) {
        store_.update_messages(q.rec, changed);
        if (!attempt_id.empty()) {
            std::vector<std::int64_t> seqs;
            for (auto* m : changed) {
                seqs.push_back(m->seq);
            }
            q.attempts[attempt_id] = {seqs, now + attempt_window_ms};
        }
    }
    return changed;
}

namespace {
// "name\nid\nnonce" inside base64; anything else was never issued by this queue.
std::optional<std::string> handle_message_id(const live_queue& q, const std::string& handle) {
    auto decoded = core::base64_decode(handle);
    if (!decoded) {
        return std::nullopt;
    }
    auto first = decoded->find('\n');
    auto second = decoded->find('\n', first == std::string::npos ? first : first + 1);
    if (first == std::string::npos || second == std::string::npos ||
        decoded->substr(0, first) != q.rec.name) {
        return std::nullopt;
    }
    return decoded->substr(first + 1, second - first - 1);
}
} // namespace

handle_result sqs_engine::delete_message(live_queue& q, const std::string& receipt_handle) {
    auto id = handle_message_id(q, receipt_handle);
    if (!id) {
        return handle_result::invalid;
    }
    auto it = q.by_id.find(*id);
    if (it == q.by_id.end()) {
        return handle_result::gone; // already deleted: AWS answers success
    }
    auto& m = q.messages.at(it->second);
    // FIFO: a handle from an earlier receive no longer deletes the message.
    if (q.rec.fifo() && m.receipt_handle != receipt_handle) {
        return handle_result::stale;
    }
    auto seq = m.seq;
    bool was_group_in_flight = m.in_flight && !m.group_id.empty();
    erase(q, seq);
    store_.delete_messages(q.rec, {seq});
    if (was_group_in_flight) {
        notify(q); // the group's next message is now deliverable
    }
    return handle_result::ok;
}

handle_result sqs_engine::change_visibility(live_queue& q, const std::string& receipt_handle,
                                            int timeout_s) {
    auto now = clock_.now_millis();
    promote(q, now);
    auto id = handle_message_id(q, receipt_handle);
    if (!id) {
        return handle_result::invalid;
    }
    auto it = q.by_id.find(*id);
    if (it == q.by_id.end()) {
        return handle_result::gone;
    }
    auto& m = q.messages.at(it->second);
    if (!m.in_flight) {
        return handle_result::not_in_flight;
    }
    if (m.receipt_handle != receipt_handle) {
        return handle_result::stale;
    }
    if (timeout_s == 0) {
        unhide(q, m);
    } else {
        hide(q, m, now + timeout_s * 1000LL);
    }
    store_.update_messages(q.rec, {&m});
    notify(q);
    return handle_result::ok;
}

void sqs_engine::purge(live_queue& q) {
    q.messages.clear();
    q.ready.clear();
    q.hidden.clear();
    q.by_id.clear();
    q.groups_in_flight.clear();
    q.attempts.clear();
    q.rec.last_purge_ms = clock_.now_millis();
    store_.purge(q.rec);
}

queue_counts sqs_engine::counts(live_queue& q) {
    promote(q, clock_.now_millis());
    queue_counts c;
    c.visible = static_cast<std::int64_t>(q.ready.size());
    for (const auto& [at, seq] : q.hidden) {
        (q.messages.at(seq).in_flight ? c.in_flight : c.delayed)++;
    }
    return c;
}

std::int64_t sqs_engine::move_all(live_queue& from, live_queue* to) {
    promote(from, clock_.now_millis());
    std::map<live_queue*, std::vector<message_record>> moved;
    std::vector<std::int64_t> seqs(from.ready.begin(), from.ready.end());
    std::int64_t count = 0;
    for (auto seq : seqs) {
        message_record m = from.messages.at(seq);
        live_queue* target = to ? to : find_arn(m.dead_letter_source_arn);
        if (target == nullptr || target == &from) {
            continue;
        }
        erase(from, seq);
        store_.delete_messages(from.rec, {seq});
        m.seq = target->rec.next_seq++;
        m.receive_count = 0;
        m.first_receive_ms = 0;
        m.receipt_handle.clear();
        m.dead_letter_source_arn.clear();
        store_.move_messages(from.rec, {}, target->rec, {&m});
        insert(*target, std::move(m));
        notify(*target);
        ++count;
    }
    return count;
}

} // namespace cloudbox::services::sqs

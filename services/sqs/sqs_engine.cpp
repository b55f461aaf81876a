// The live state of every queue and the message state machine.
#include "sqs/sqs_engine.hpp"

#include "core/encoding.hpp"
#include "core/ids.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace cloudbox::services::sqs {

namespace {

constexpr std::int64_t dedup_window_ms = 5 * 60 * 1000;

std::int64_t parse_int(const string_map& m, const char* name, std::int64_t fallback) {
    auto it = m.find(name);
    if (it == m.end()) {
        return fallback;
    }
    try {
        return std::stoll(it->second);
    } catch (...) {
        return fallback;
    }
}

} // namespace

int live_queue::int_attribute(const char* name) const {
    return static_cast<int>(parse_int(rec.attributes, name, 0));
}

sqs_engine::sqs_engine(sqs_store& store, core::clock& clock, std::string region)
    : store_(store), clock_(clock), region_(std::move(region)) {
    store_.load([this](queue_record rec, std::vector<message_record> messages,
                       std::vector<dedup_record> dedups) {
        auto& q = create(std::move(rec));
        for (auto& m : messages) {
            insert(q, std::move(m));
        }
        for (auto& d : dedups) {
            q.dedup[d.dedup_id] = d;
        }
    });
}

live_queue* sqs_engine::find(const std::string& account, const std::string& name) {
    auto it = queues_.find({account, name});
    return it == queues_.end() ? nullptr : it->second.get();
}

live_queue* sqs_engine::find_arn(const std::string& arn) {
    // arn:aws:sqs:region:account:name
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (int i = 0; i < 5; ++i) {
        auto colon = arn.find(':', start);
        if (colon == std::string::npos) {
            return nullptr;
        }
        parts.push_back(arn.substr(start, colon - start));
        start = colon + 1;
    }
    if (parts[0] != "arn" || parts[2] != "sqs") {
        return nullptr;
    }
    return find(parts[4], arn.substr(start));
}

live_queue& sqs_engine::create(queue_record rec) {
    auto key = std::make_pair(rec.account, rec.name);
    auto q = std::make_unique<live_queue>();
    q->rec = std::move(rec);
    auto& ref = *q;
    queues_[key] = std::move(q);
    return ref;
}

void sqs_engine::remove(live_queue& q) {
    store_.delete_queue(q.rec.account, q.rec.name);
    for (auto& w : q.waiters) {
        if (auto p = w.lock()) {
            p->wake(); // the waiting receive answers NonExistentQueue
        }
    }
    queues_.erase({q.rec.account, q.rec.name});
}

std::vector<live_queue*> sqs_engine::all() {
    std::vector<live_queue*> out;
    for (auto& [k, q] : queues_) {
        out.push_back(q.get());
    }
    return out;
}

void sqs_engine::insert(live_queue& q, message_record m) {
    auto seq = m.seq;
    bool hidden = m.in_flight || m.visible_at_ms > 0;
    auto visible_at = m.visible_at_ms;
    q.by_id[m.id] = seq;
    if (m.in_flight && !m.group_id.empty()) {
        ++q.groups_in_flight[m.group_id];
    }
    q.messages.emplace(seq, std::move(m));
    if (hidden) {
        q.hidden.emplace(visible_at, seq);
    } else {
        q.ready.insert(seq);
    }
}

void sqs_engine::erase(live_queue& q, std::int64_t seq) {
    auto it = q.messages.find(seq);
    if (it == q.messages.end()) {
        return;
    }
    auto& m = it->second;
    if (m.in_flight || m.visible_at_ms > 0) {
        q.hidden.erase({m.visible_at_ms, seq});
        if (m.in_flight && !m.group_id.empty() && --q.groups_in_flight[m.group_id] <= 0) {
            q.groups_in_flight.erase(m.group_id);
        }
    } else {
        q.ready.erase(seq);
    }
    q.by_id.erase(m.id);
    q.messages.erase(it);
}

void sqs_engine::hide(live_queue& q, message_record& m, std::int64_t visible_at_ms) {
    unhide(q, m);
    q.ready.erase(m.seq);
    m.visible_at_ms = visible_at_ms;
    m.in_flight = true;
    if (!m.group_id.empty()) {
        ++q.groups_in_flight[m.group_id];
    }
    q.hidden.emplace(visible_at_ms, m.seq);
}

// Makes m visible (leaving the hidden set and its group's in-flight count).
void sqs_engine::unhide(live_queue& q, message_record& m) {
    if (!(m.in_flight || m.visible_at_ms > 0)) {
        return;
    }
    q.hidden.erase({m.visible_at_ms, m.seq});
    if (m.in_flight && !m.group_id.empty() && --q.groups_in_flight[m.group_id] <= 0) {
        q.groups_in_flight.erase(m.group_id);
    }
    m.in_flight = false;
    m.visible_at_ms = 0;
    q.ready.insert(m.seq);
}

void sqs_engine::promote(live_queue& q, std::int64_t now_ms) {
    while (!q.hidden.empty() && q.hidden.begin()->first <= now_ms) {
        auto seq = q.hidden.begin()->second;
        unhide(q, q.messages.at(seq)); // erases the entry
    }
    // Retention: the oldest messages are at the front of the send order.
    auto retention_ms = parse_int(q.rec.attributes, "MessageRetentionPeriod", 345600) * 1000;
    std::vector<std::int64_t> expired;
    for (auto& [seq, m] : q.messages) {
        if (m.sent_ms + retention_ms > now_ms) {
            break;
        }
        expired.push_back(seq);
    }
    if (!expired.empty()) {
        for (auto seq : expired) {
            erase(q, seq);
        }
        store_.delete_messages(q.rec, expired);
    }
    for (auto it = q.dedup.begin(); it != q.dedup.end();) {
        it = it->second.expires_ms <= now_ms ? q.dedup.erase(it) : std::next(it);
    }
}

std::string sqs_engine::new_handle(const live_queue& q, const message_record& m) {
    return core::base64_encode(q.rec.name + "\n" + m.id + "\n" + core::random_hex(16));
}

void sqs_engine::send(live_queue& q, std::vector<message_record>& batch,
                      const std::vector<int>& delays) {
    auto now = clock_.now_millis();
    promote(q, now);
    std::vector<message_record> added;
    std::vector<dedup_record> dedups;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        auto& m = batch[i];
        if (q.rec.fifo()) {
            auto d = q.dedup.find(m.dedup_id);
            if (d != q.dedup.end()) {
                m.id = d->second.message_id; // a duplicate: accepted, not enqueued again
                m.sequence_number = d->second.sequence_number;
                continue;
            }
        }
        m.seq = q.rec.next_seq++;
        m.id = core::new_uuid();
        m.sent_ms = now;
        m.visible_at_ms = delays[i] > 0 ? now + delays[i] * 1000LL : 0;
        if (q.rec.fifo()) {
            char digits[24];
            std::snprintf(digits, sizeof digits, "%020lld", static_cast<long long>(m.seq));
            m.sequence_number = digits;
            dedup_record d{m.dedup_id, m.id, m.sequence_number, now + dedup_window_ms};
            q.dedup[m.dedup_id] = d;
            dedups.push_back(d);
        }
        added.push_back(m);
    }
    if (added.empty()) {
        return;
    }
    std::vector<const message_record*> rows;
    for (const auto& m : added) {
        rows.push_back(&m);
    }
    store_.insert_messages(q.rec, rows, dedups);
    for (auto& m : added) {
        insert(q, std::move(m));
    }
    notify(q);
}

void sqs_engine::add_waiter(live_queue& q, const std::shared_ptr<service::pending_response>& w) {
    std::erase_if(q.waiters, [](const auto& weak) { return weak.expired(); });
    q.waiters.push_back(w);
}

std::chrono::steady_clock::time_point sqs_engine::next_visible(live_queue& q) {
    if (q.hidden.empty() || clock_.frozen()) {
        return std::chrono::steady_clock::time_point::max();
    }
    auto wait_ms = q.hidden.begin()->first - clock_.now_millis();
    return std::chrono::steady_clock::now() +
           std::chrono::milliseconds(std::max<std::int64_t>(wait_ms, 0) + 1);
}

void sqs_engine::notify(live_queue& q) {
    auto waiters = std::move(q.waiters);
    q.waiters.clear();
    for (auto& w : waiters) {
        if (auto p = w.lock()) {
            p->wake();
        }
    }
    std::lock_guard lock(observers_mutex_);
    for (auto& [id, o] : observers_) {
        if (o.account == q.rec.account && o.queue == q.rec.name) {
            o.fn();
        }
    }
}

int sqs_engine::subscribe(const std::string& account, const std::string& queue_name,
                          std::function<void()> listener) {
    std::lock_guard lock(observers_mutex_);
    observers_[++next_observer_] = observer{account, queue_name, std::move(listener)};
    return next_observer_;
}

void sqs_engine::unsubscribe(int id) {
    std::lock_guard lock(observers_mutex_);
    observers_.erase(id);
}

void sqs_engine::wake_all() {
    auto guard = lock();
    for (auto& [key, q] : queues_) {
        notify(*q);
    }
}

std::size_t sqs_engine::waiting_receives() {
    auto guard = lock();
    std::size_t n = 0;
    for (auto& [key, q] : queues_) {
        n += static_cast<std::size_t>(
            std::ranges::count_if(q->waiters, [](const auto& weak) { return !weak.expired(); }));
    }
    return n;
}

void sqs_engine::reset() {
    for (auto& [key, q] : queues_) {
        for (auto& w : q->waiters) {
            if (auto p = w.lock()) {
                p->wake();
            }
        }
    }
    queues_.clear();
    store_.reset();
}

} // namespace cloudbox::services::sqs

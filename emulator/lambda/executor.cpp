// Execution environments, concurrency, timeouts and the START/END/REPORT lines.
#include "lambda/executor.hpp"

#include "core/encoding.hpp"
#include "core/ids.hpp"
#include "core/logging.hpp"
#include "core/time_format.hpp"

#include <cmath>
#include <ctime>
#include <cxxabi.h>
#include <future>
#include <sys/resource.h>

namespace cloudbox::lambda {

namespace {

using steady = std::chrono::steady_clock;

std::string millis_text(double ms) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", ms);
    return buf;
}

double elapsed_ms(steady::time_point from, steady::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

// The process's peak RSS. RUSAGE_THREAD reports the same ru_maxrss (the address space's high
// water mark) as RUSAGE_SELF, without summing the CPU times of every thread under a lock: with
// RUSAGE_SELF this was the largest single cost of an echo invocation.
int max_memory_used_mb(int memory_mb) {
    rusage usage{};
    getrusage(RUSAGE_THREAD, &usage);
    return std::max(1, std::min(memory_mb, static_cast<int>(usage.ru_maxrss / 1024)));
}

std::string type_name_of(const std::exception& e) {
    int status = 0;
    char* name = abi::__cxa_demangle(typeid(e).name(), nullptr, nullptr, &status);
    std::string out = status == 0 && name != nullptr ? name : typeid(e).name();
    std::free(name);
    return out;
}

std::string error_json(const std::string& message, const std::string& type,
                       const std::vector<std::string>& trace) {
    json body{{"errorMessage", message}, {"errorType", type}};
    if (!trace.empty()) {
        body["stackTrace"] = trace;
    }
    return body.dump();
}

} // namespace

std::string new_log_stream_name(std::chrono::system_clock::time_point now,
                                const std::string& version) {
    std::time_t secs = std::chrono::system_clock::to_time_t(now);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char date[16];
    std::strftime(date, sizeof date, "%Y/%m/%d", &tm);
    return std::string(date) + "/[" + version + "]" + core::random_hex(16);
}

// An initialised handler with its own log stream (one per environment, as in Lambda).
struct executor::environment {
    handler_fn handler;
    std::string log_stream;
    std::string key;
    std::uint64_t generation = 0;
    std::unique_ptr<aws_client> aws;
};

// One invocation in flight; `finished` decides between the handler and the watchdog.
struct executor::running : logger {
    invocation inv;
    std::function<void(invocation_result)> done;
    std::atomic<bool> finished{false};
    steady::time_point started;
    steady::time_point deadline;
    std::string log_stream;
    double init_ms = -1; // >= 0 on a cold start
    // Its entry in deadlines_, while `watched` (both guarded by watch_mutex_).
    deadline_map::iterator deadline_entry;
    bool watched = false;
    std::mutex log_mutex;
    std::vector<log_event> lines;
    core::clock* clock = nullptr;

    void log(std::string_view line) override {
        std::lock_guard lock(log_mutex);
        lines.push_back({clock->now_millis(), std::string(line)});
    }
};

executor::executor(core::clock& clock, log_sink& logs, client_factory clients,
                   std::vector<registered_function> handlers)
    : clock_(clock), logs_(logs), clients_(std::move(clients)) {
    for (auto& h : handlers) {
        if (h.runs_inline) {
            inline_handlers_.insert(h.name);
        }
        handlers_.emplace(h.name, std::move(h.init));
    }
    watchdog_ = std::thread([this] { watchdog_loop(); });
}

executor::~executor() {
    wait_idle(std::chrono::seconds(30));
    {
        std::lock_guard lock(watch_mutex_);
        stopping_ = true;
    }
    watch_cv_.notify_all();
    watchdog_.join();
}

std::string executor::environment_key(const function_spec& fn) const {
    return fn.account_id + "/" + fn.region + "/" + fn.name + "/" + fn.version + "/" +
           fn.revision_id;
}

bool executor::submit(invocation inv, std::function<void(invocation_result)> done) {
    const std::string concurrency_key = inv.fn.account_id + "/" + inv.fn.region + "/" + inv.fn.name;
    {
        std::lock_guard lock(mutex_);
        int limit = inv.fn.reserved_concurrency.value_or(account_concurrency);
        if (in_flight_[concurrency_key] >= limit || total_in_flight_ >= account_concurrency) {
            return false;
        }
        ++in_flight_[concurrency_key];
        ++total_in_flight_;
    }
    auto run = std::make_shared<running>();
    run->inv = std::move(inv);
    run->done = std::move(done);
    run->clock = &clock_;
    if (inline_handlers_.contains(run->inv.fn.handler)) {
        execute(run); // `done` has run when this returns
        return true;
    }
    bool queued = pool_.submit([this, run] { execute(run); });
    if (!queued) {
        std::lock_guard lock(mutex_);
        --in_flight_[concurrency_key];
        --total_in_flight_;
        idle_cv_.notify_all();
        return false;
    }
    return true;
}

std::optional<invocation_result> executor::run(invocation inv) {
    auto promise = std::make_shared<std::promise<invocation_result>>();
    auto future = promise->get_future();
    if (!submit(std::move(inv),
                [promise](invocation_result r) { promise->set_value(std::move(r)); })) {
        return std::nullopt;
    }
    return future.get();
}

void executor::execute(const std::shared_ptr<running>& run) {
    const function_spec& fn = run->inv.fn;
    std::string key = environment_key(fn);
    std::unique_ptr<environment> env;
    {
        std::lock_guard lock(mutex_);
        auto& idle = idle_envs_[key];
        if (!idle.empty()) {
            env = std::move(idle.back());
            idle.pop_back();
        }
    }
    run->started = steady::now();
    run->deadline = run->started + std::chrono::seconds(fn.timeout_seconds);
    bool wake_watchdog = false;
    {
        std::lock_guard lock(watch_mutex_);
        run->deadline_entry = deadlines_.emplace(run->deadline, run);
        run->watched = true;
        wake_watchdog = run->deadline < watch_wake_at_;
    }
    if (wake_watchdog) {
        watch_cv_.notify_all();
    }

    invocation_result result;
    bool keep_env = true;
    if (!env) {
        // Cold start: the init phase runs once per environment, on this invocation.
        env = std::make_unique<environment>();
        env->key = key;
        {
            std::lock_guard lock(mutex_);
            env->generation = generation_;
        }
        env->log_stream = new_log_stream_name(clock_.now(), fn.version);
        env->aws = clients_(fn.account_id, fn.region);
        run->log_stream = env->log_stream;
        auto init_start = steady::now();
        auto factory = handlers_.find(fn.handler);
        if (factory == handlers_.end()) {
            result.function_error = true;
            result.error_type = "Runtime.HandlerNotFound";
            result.error_message =
                "Handler '" + fn.handler + "' missing on module 'register_functions'";
            keep_env = false;
        } else {
            init_context init{fn.name, fn.environment, run.get()};
            try {
                env->handler = factory->second(init);
            } catch (const std::exception& e) {
                result.function_error = true;
                result.error_type = "Runtime.InitError";
                result.error_message = e.what();
                keep_env = false;
            }
        }
        run->init_ms = elapsed_ms(init_start, steady::now());
        run->started = steady::now();
    }
    run->log_stream = env->log_stream;
    run->log("START RequestId: " + run->inv.request_id + " Version: " + fn.version);
    if (!result.function_error) {
        invocation_context ctx;
        ctx.request_id = run->inv.request_id;
        ctx.function_name = fn.name;
        ctx.function_version = fn.version;
        ctx.invoked_function_arn = fn.invoked_arn;
        ctx.memory_limit_in_mb = fn.memory_mb;
        ctx.log_group_name = "/aws/lambda/" + fn.name;
        ctx.log_stream_name = env->log_stream;
        ctx.client_context = run->inv.client_context;
        ctx.environment = fn.environment;
        ctx.deadline = run->deadline;
        ctx.now = [this] { return clock_.now(); };
        ctx.log = run.get();
        ctx.aws = env->aws.get();
        invocation_response response;
        try {
            json event = json::parse(run->inv.payload.empty() ? "{}" : run->inv.payload);
            response = env->handler(event, ctx);
        } catch (const std::exception& e) {
            response = invocation_response::failure(e.what(), type_name_of(e));
        }
        if (response.success) {
            result.payload = response.payload.dump();
        } else {
            result.function_error = true;
            result.error_type = response.error_type;
            result.error_message = response.error_message;
            result.payload =
                error_json(response.error_message, response.error_type, response.stack_trace);
        }
    } else {
        result.payload = error_json(result.error_message, result.error_type, {});
    }
    if (run->finished.exchange(true)) {
        return; // the watchdog reported a timeout: this environment is discarded
    }
    {
        std::lock_guard lock(watch_mutex_);
        if (run->watched) {
            deadlines_.erase(run->deadline_entry);
            run->watched = false;
        }
    }
    if (keep_env) {
        // Back in the pool before the caller hears back, so its next call finds it warm. Only
        // an environment of the current generation (no reset since) is reused.
        std::lock_guard lock(mutex_);
        if (env->generation == generation_) {
            idle_envs_[key].push_back(std::move(env));
        }
    }
    finish(run, std::move(result));
}

// Writes END/REPORT and the logs, frees the slot, then calls `done`; the caller has claimed
// the invocation (finished == true). Always true.
bool executor::finish(const std::shared_ptr<running>& run, invocation_result result) {
    const function_spec& fn = run->inv.fn;
    auto end = steady::now();
    double duration = elapsed_ms(run->started, end);
    if (result.timed_out) {
        duration = fn.timeout_seconds * 1000.0;
        char text[96];
        std::snprintf(text, sizeof text, "Task timed out after %.2f seconds",
                      static_cast<double>(fn.timeout_seconds));
        run->log(core::format_iso8601_millis(clock_.now()) + " " + run->inv.request_id + " " +
                 text);
    }
    run->log("END RequestId: " + run->inv.request_id);
    std::string report =
        "REPORT RequestId: " + run->inv.request_id + "\tDuration: " + millis_text(duration) +
        " ms\tBilled Duration: " + std::to_string(static_cast<long>(std::ceil(duration))) +
        " ms\tMemory Size: " + std::to_string(fn.memory_mb) +
        " MB\tMax Memory Used: " + std::to_string(max_memory_used_mb(fn.memory_mb)) + " MB\t";
    if (run->init_ms >= 0) {
        report += "Init Duration: " + millis_text(run->init_ms) + " ms\t";
    }
    if (result.timed_out) {
        report += "Status: timeout";
    }
    run->log(report);

    log_batch batch;
    {
        std::lock_guard lock(run->log_mutex);
        batch.events = run->lines;
    }
    batch.account_id = fn.account_id;
    batch.region = fn.region;
    batch.group = "/aws/lambda/" + fn.name;
    batch.stream = run->log_stream;
    bool console = core::current_log_level() <= core::log_level::info;
    for (const auto& line : batch.events) {
        result.log_text += line.message;
        result.log_text += '\n';
        if (console) {
            core::log_info("lambda " + fn.name + ": " + line.message);
        }
    }
    try {
        logs_.write(batch);
    } catch (const std::exception& e) {
        core::log_warn(std::string("lambda: could not store log lines: ") + e.what());
    }
    {
        // The function's slot is free before the caller hears back, so its next call fits.
        std::lock_guard lock(mutex_);
        --in_flight_[fn.account_id + "/" + fn.region + "/" + fn.name];
    }
    auto done = std::move(run->done);
    done(std::move(result));
    {
        // Idle only once the completion (which may touch the async queue) has run.
        std::lock_guard lock(mutex_);
        --total_in_flight_;
    }
    idle_cv_.notify_all();
    return true;
}

void executor::watchdog_loop() {
    std::unique_lock lock(watch_mutex_);
    while (!stopping_) {
        if (deadlines_.empty()) {
            watch_wake_at_ = steady::time_point::max();
            watch_cv_.wait(lock);
            watch_wake_at_ = steady::time_point::min();
            continue;
        }
        auto first = deadlines_.begin();
        if (steady::now() < first->first) {
            watch_wake_at_ = first->first;
            watch_cv_.wait_until(lock, first->first);
            watch_wake_at_ = steady::time_point::min();
            continue;
        }
        auto run = first->second.lock();
        deadlines_.erase(first);
        if (run) {
            run->watched = false;
        }
        if (!run || run->finished.exchange(true)) {
            continue;
        }
        lock.unlock();
        // The handler keeps its thread until it returns; its environment is discarded then.
        invocation_result result;
        result.function_error = true;
        result.timed_out = true;
        result.error_type = "Sandbox.Timedout";
        char text[64];
        std::snprintf(text, sizeof text, "Task timed out after %.2f seconds",
                      static_cast<double>(run->inv.fn.timeout_seconds));
        result.error_message = "RequestId: " + run->inv.request_id + " Error: " + text;
        result.payload =
            json{{"errorMessage", result.error_message}, {"errorType", result.error_type}}.dump();
        finish(run, std::move(result));
        lock.lock();
    }
}

void executor::drop_environments(const std::string& account, const std::string& region,
                                 const std::string& name) {
    std::lock_guard lock(mutex_);
    std::string prefix = account + "/" + region + "/" + name + "/";
    for (auto& [key, envs] : idle_envs_) {
        if (key.starts_with(prefix)) {
            envs.clear();
        }
    }
}

void executor::drop_all_environments() {
    std::lock_guard lock(mutex_);
    idle_envs_.clear();
    ++generation_;
}

int executor::in_flight(const std::string& account, const std::string& region,
                        const std::string& name) const {
    std::lock_guard lock(mutex_);
    auto it = in_flight_.find(account + "/" + region + "/" + name);
    return it == in_flight_.end() ? 0 : it->second;
}

std::size_t executor::total_in_flight() const {
    std::lock_guard lock(mutex_);
    return total_in_flight_;
}

bool executor::wait_idle(std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return idle_cv_.wait_for(lock, timeout, [this] { return total_in_flight_ == 0; });
}

} // namespace cloudbox::lambda

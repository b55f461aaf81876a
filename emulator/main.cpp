// cloudbox command line: `cloudbox serve [options]`.
#include "app.hpp"
#include "book_world.hpp"
#include "core/config.hpp"
#include "core/logging.hpp"

#include <charconv>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

namespace {

void usage(FILE* out) {
    std::fputs(
        "usage: cloudbox serve [options]\n"
        "  --host ADDR        listen address (default 127.0.0.1)\n"
        "  --port N           port (default 4566; 0 picks a free port and prints it)\n"
        "  --data-dir DIR     state directory (default ./.cloudbox)\n"
        "  --in-memory        keep all state in memory (lost on exit)\n"
        "  --region NAME      default region (default us-east-1)\n"
        "  --log-level LEVEL  debug|info|warn|error|off (default info)\n"
        "  --threads N        I/O threads (default: number of cores)\n"
        "  --busy-poll-us N   an idle I/O thread keeps polling N us before it sleeps, so that\n"
        "                     a request right behind the last one needs no wake-up (default 50;\n"
        "                     0 sleeps at once)\n"
        "  --seed N           seed for generated ids (deterministic tests)\n"
        "  --sync-events      deliver events (notifications, schedules, event sources)\n"
        "                     before the request that caused them answers\n"
        "  --book-world       create the book's chapter-5 bucket, table, functions and rule\n"
        "  --ses-sandbox      SES: only verified senders and recipients (as in AWS)\n",
        out);
}

template <class T> bool parse_number(const char* text, T& out) {
    auto end = text + std::strlen(text);
    auto [ptr, ec] = std::from_chars(text, end, out);
    return ec == std::errc() && ptr == end;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h") {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (std::string_view(argv[1]) == "--version") {
        std::puts("cloudbox " CLOUDBOX_VERSION);
        return 0;
    }
    if (std::string_view(argv[1]) != "serve") {
        std::fprintf(stderr, "cloudbox: unknown command '%s'\n", argv[1]);
        usage(stderr);
        return 2;
    }
    cloudbox::core::config cfg;
    bool book_world = false; // --book-world: seed the chapter-5 resources before serving
    for (int i = 2; i < argc; ++i) {
        std::string_view arg = argv[i];
        auto value = [&]() -> const char* {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "cloudbox: %s needs a value\n", argv[i]);
                std::exit(2);
            }
            return argv[++i];
        };
        bool ok = true;
        if (arg == "--host") {
            cfg.host = value();
        } else if (arg == "--port") {
            ok = parse_number(value(), cfg.port);
        } else if (arg == "--data-dir") {
            cfg.data_dir = value();
        } else if (arg == "--in-memory") {
            cfg.in_memory = true;
        } else if (arg == "--region") {
            cfg.region = value();
        } else if (arg == "--log-level") {
            cfg.log_level = value();
            cloudbox::core::log_level level;
            ok = cloudbox::core::parse_log_level(cfg.log_level, level);
        } else if (arg == "--threads") {
            ok = parse_number(value(), cfg.threads);
        } else if (arg == "--busy-poll-us") {
            ok = parse_number(value(), cfg.busy_poll_us);
        } else if (arg == "--seed") {
            ok = parse_number(value(), cfg.id_seed);
        } else if (arg == "--book-world") {
            book_world = true;
        } else if (arg == "--sync-events") {
            cfg.sync_events = true;
        } else if (arg == "--ses-sandbox") {
            cfg.ses_sandbox = true;
        } else if (arg == "--help" || arg == "-h") {
            usage(stdout);
            return 0;
        } else {
            std::fprintf(stderr, "cloudbox: unknown option '%s'\n", argv[i]);
            usage(stderr);
            return 2;
        }
        if (!ok) {
            std::fprintf(stderr, "cloudbox: invalid value for %s\n", std::string(arg).c_str());
            return 2;
        }
    }
    try {
        cloudbox::app app(cfg);
        // Seeded before the port opens, so that clients never see a half-made world.
        int created =
            book_world ? cloudbox::seed_book_world(app.dispatcher(), cfg.region.c_str()) : -1;
        std::uint16_t port = app.listen();
        std::printf("cloudbox %s listening on http://%s:%u (data: %s)\n", CLOUDBOX_VERSION,
                    cfg.host.c_str(), port, cfg.in_memory ? "in memory" : cfg.data_dir.c_str());
        if (created >= 0) {
            std::printf("book world: %d resources created (bucket pictures, table images, 3 "
                        "functions, notifications, rule purge-tmp)\n",
                        created);
        }
        std::fflush(stdout);
        app.run(true);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cloudbox: %s\n", e.what());
        return 1;
    }
    return 0;
}

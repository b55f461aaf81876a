// The only SQL of SES (v1 and v2 share it): identities, templates, sent messages and send
// statistics, every row scoped by account and region. Each method is one short transaction.
#pragma once

#include "storage/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cloudbox::services::ses {

struct scope {
    std::string account;
    std::string region;
};

struct identity_record {
    std::string name;
    std::string type; // "EmailAddress" or "Domain" (v1 spelling; v2 maps it)
    std::string token;
    std::int64_t created_ms = 0;
};

struct template_record {
    std::string name;
    std::optional<std::string> subject;
    std::optional<std::string> text;
    std::optional<std::string> html;
    std::int64_t created_ms = 0;
};

struct message_record {
    std::string id;
    std::string account;
    std::string region;
    std::string api;       // "ses" or "sesv2"
    std::string operation; // SendEmail, SendRawEmail, SendTemplatedEmail
    std::string source;
    std::vector<std::string> to, cc, bcc, reply_to;
    std::string subject;
    std::optional<std::string> text, html;
    bool raw = false;
    std::optional<std::string> template_name, template_data;
    std::int64_t timestamp_ms = 0;
    std::string eml_file; // file name under the mailbox directory
    std::int64_t size = 0;
};

class ses_store {
  public:
    explicit ses_store(const std::string& db_path); // ":memory:" for --in-memory

    // Identities. put_identity returns false (and changes nothing) when it exists.
    bool put_identity(const scope& s, const identity_record& identity);
    std::optional<identity_record> get_identity(const scope& s, const std::string& name);
    // In name order after `after`; `type` empty for every type. limit+1 rows tell truncation.
    std::vector<identity_record> list_identities(const scope& s, const std::string& type,
                                                 const std::string& after, int limit);
    bool delete_identity(const scope& s, const std::string& name);

    // Templates (shared by v1 and v2, as in AWS).
    bool create_template(const scope& s, const template_record& t); // false when it exists
    bool update_template(const scope& s, const template_record& t); // false when missing
    std::optional<template_record> get_template(const scope& s, const std::string& name);
    std::vector<template_record> list_templates(const scope& s, const std::string& after,
                                                int limit);
    bool delete_template(const scope& s, const std::string& name);

    // The mailbox. add_message also counts the delivery attempts for the send statistics.
    void add_message(const message_record& m, int recipients, std::int64_t stats_bucket_ms);
    std::vector<message_record> messages(const std::optional<std::string>& id = std::nullopt);
    // Deletes one message (or all when id is nullopt); returns the .eml files to unlink.
    std::vector<std::string> delete_messages(const std::optional<std::string>& id);

    // Delivery attempts per 15-minute bucket since since_ms, oldest first.
    std::vector<std::pair<std::int64_t, std::int64_t>> send_stats(const scope& s,
                                                                  std::int64_t since_ms);

    void reset(); // drops all rows

  private:
    void migrate();
    storage::database db_;
};

} // namespace cloudbox::services::ses

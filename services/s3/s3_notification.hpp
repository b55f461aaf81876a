// S3 bucket event notification configuration: the parsed model, its validation (as S3 runs it on
// PutBucketNotificationConfiguration), its XML form and its canonical JSON storage form, which
// the event delivery (Lambda, SQS, SNS) reads from bucket config "notification".
//
// Canonical JSON (bucket config "notification"), version 1:
//   {"version": 1,
//    "event_bridge": false,
//    "targets": [
//      {"kind": "queue" | "topic" | "lambda",
//       "id": "images-to-queue",              // the configuration Id (generated when absent)
//       "arn": "arn:aws:sqs:us-east-1:000000000000:q",
//       "events": ["s3:ObjectCreated:*", ...],  // as given, validated
//       "filter": [{"name": "Prefix", "value": "images/"},
//                  {"name": "Suffix", "value": ".jpg"}]}]}   // in the order given; may be empty
// Targets keep S3's document order: topics, then queues, then functions.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cloudbox::services::s3 {

enum class notification_kind { topic, queue, lambda };

struct notification_filter_rule {
    std::string name; // "Prefix" or "Suffix" (S3 capitalises what it was sent)
    std::string value;
};

struct notification_target {
    notification_kind kind = notification_kind::queue;
    std::string id;
    std::string arn;
    std::vector<std::string> events;
    std::vector<notification_filter_rule> filter;

    std::string prefix() const; // "" when no prefix rule
    std::string suffix() const; // "" when no suffix rule
    // True when `event` (e.g. "s3:ObjectCreated:Put") is one of events, directly or through a
    // "...:*" wildcard, and `key` passes the prefix and suffix rules.
    bool matches(std::string_view event, std::string_view key) const;
};

struct notification_configuration {
    std::vector<notification_target> targets;
    bool event_bridge = false;

    bool empty() const { return targets.empty() && !event_bridge; }
    // The targets an event on `key` is delivered to, in configuration order.
    std::vector<const notification_target*> targets_for(std::string_view event,
                                                        std::string_view key) const;
};

// True for the event names S3 accepts in a notification configuration.
bool valid_notification_event(std::string_view event);

// Parses and validates a <NotificationConfiguration> body: MalformedXML for a document that is
// not one (or a configuration without an ARN or events), InvalidArgument for an unsupported
// event, a filter rule name other than prefix/suffix, a repeated rule, an ARN of the wrong
// service, or two configurations sharing an event type with overlapping filters. `new_id` makes
// the Id of configurations that have none.
notification_configuration parse_notification_xml(std::string_view body,
                                                  const std::function<std::string()>& new_id);

// The GetBucketNotificationConfiguration body (an empty <NotificationConfiguration/> when empty).
std::string notification_to_xml(const notification_configuration& config);

std::string notification_to_json(const notification_configuration& config);
notification_configuration notification_from_json(std::string_view text);

} // namespace cloudbox::services::s3

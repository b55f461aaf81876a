// FilterCriteria of an event source mapping: EventBridge-style patterns matched against each
// record (for SQS the body is matched as JSON when it is JSON). A record passes when any filter
// matches; a mapping without filters passes everything.
#pragma once

#include <nlohmann/json.hpp>

namespace cloudbox::services::lambda_sources {

bool passes_filter_criteria(const nlohmann::json& mapping, const nlohmann::json& record);

// One pattern against one document: literal lists, prefix, suffix, exists, anything-but,
// numeric ranges, nested objects.
bool pattern_matches(const nlohmann::json& pattern, const nlohmann::json& document);

} // namespace cloudbox::services::lambda_sources

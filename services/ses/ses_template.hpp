// SES template rendering: the Handlebars subset SES templates use ({{var}}, {{a.b}}, {{{raw}}},
// {{#if}}/{{#unless}}/{{else}}, {{#each}} with {{this}} and {{@index}}).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace cloudbox::services::ses {

// Renders `text` with `data` (a JSON object). In HTML parts {{var}} is HTML-escaped, as
// Handlebars does; {{{var}}} never is. A missing variable renders as nothing.
std::string render_template(std::string_view text, const nlohmann::json& data, bool html);

// nullopt when the template's tags are balanced and blocks nest at most 64 deep; otherwise a
// description of the first problem. Only templates that pass are ever rendered.
std::optional<std::string> template_syntax_error(std::string_view text);

} // namespace cloudbox::services::ses

// Evaluation of conditions, updates and projections against an item (DynamoDB semantics).
#include "dynamodb/expr/expression_eval.hpp"

#include "core/encoding.hpp"
#include "dynamodb/expr/attribute_value.hpp"
#include "dynamodb/expr/expr_errors.hpp"

#include <algorithm>
#include <map>

namespace cloudbox::services::dynamodb {

namespace {

const char* const missing_operand =
    "The provided expression refers to an attribute that does not exist in the item";
const char* const wrong_data_type =
    "An operand in the update expression has an incorrect data type";
const char* const invalid_update_path =
    "The document path provided in the update expression is invalid for update";
// The legacy AttributeUpdates' wording of wrong_data_type.
const char* const legacy_type_mismatch = "Type mismatch for attribute to update";

// The single member of an AttributeValue: its tag and payload, or nullptr.
const json* payload(const json& value, const char* tag) {
    if (!value.is_object()) {
        return nullptr;
    }
    auto it = value.find(tag);
    return it == value.end() ? nullptr : &*it;
}

std::string tag_of(const json& value) {
    if (!value.is_object() || value.empty()) {
        return "";
    }
    try {
        return std::string(type_tag(type_of(value)));
    } catch (const core::aws_error&) {
        return "";
    }
}

std::string bytes_of(const json& v) {
    return v.is_string() ? core::base64_decode(v.get<std::string>()).value_or(std::string())
                         : std::string();
}

// Evaluates a condition operand: a pointer into the item / AST, or into `scratch` for size().
const json* eval_operand(const operand& op, const json& item, json& scratch) {
    switch (op.kind) {
    case operand_kind::path:
        return resolve_path(item, op.path);
    case operand_kind::value:
        return &op.value;
    case operand_kind::size: {
        if (op.args.empty()) {
            return nullptr;
        }
        json inner_scratch;
        const json* v = eval_operand(op.args[0], item, inner_scratch);
        if (!v) {
            return nullptr;
        }
        std::string tag = tag_of(*v);
        const json& p = (*v)[tag];
        std::size_t size = 0;
        if (tag == "S") {
            size = p.get_ref<const std::string&>().size();
        } else if (tag == "B") {
            size = bytes_of(p).size();
        } else if (tag == "SS" || tag == "NS" || tag == "BS" || tag == "L" || tag == "M") {
            size = p.size();
        } else {
            return nullptr; // size() of N, BOOL, NULL is not defined
        }
        scratch = json{{"N", std::to_string(size)}};
        return &scratch;
    }
    default:
        return nullptr; // update-only operands never reach a condition
    }
}

bool contains_value(const json& haystack, const json& needle) {
    std::string tag = tag_of(haystack);
    std::string needle_tag = tag_of(needle);
    const json& h = haystack[tag];
    if (tag == "S" && needle_tag == "S") {
        return h.get_ref<const std::string&>().find(needle["S"].get_ref<const std::string&>()) !=
               std::string::npos;
    }
    if (tag == "B" && needle_tag == "B") {
        return bytes_of(h).find(bytes_of(needle["B"])) != std::string::npos;
    }
    if ((tag == "SS" && needle_tag == "S") || (tag == "NS" && needle_tag == "N") ||
        (tag == "BS" && needle_tag == "B")) {
        for (const auto& member : h) {
            if (values_equal(json{{needle_tag, member}}, needle)) {
                return true;
            }
        }
        return false;
    }
    if (tag == "L") {
        for (const auto& element : h) {
            if (values_equal(element, needle)) {
                return true;
            }
        }
    }
    return false;
}

bool begins_with(const json& value, const json& prefix) {
    std::string tag = tag_of(value);
    if (tag != tag_of(prefix)) {
        return false;
    }
    if (tag == "S") {
        const auto& s = value["S"].get_ref<const std::string&>();
        const auto& p = prefix["S"].get_ref<const std::string&>();
        return s.compare(0, p.size(), p) == 0 && s.size() >= p.size();
    }
    if (tag == "B") {
        std::string s = bytes_of(value["B"]);
        std::string p = bytes_of(prefix["B"]);
        return s.size() >= p.size() && s.compare(0, p.size(), p) == 0;
    }
    return false;
}

bool compare_with(comparator op, const json* a, const json* b) {
    if (op == comparator::eq) {
        return a && b && values_equal(*a, *b);
    }
    if (op == comparator::ne) {
        return !(a && b && values_equal(*a, *b));
    }
    if (!a || !b) {
        return false;
    }
    auto c = compare_values(*a, *b);
    if (!c) {
        return false;
    }
    switch (op) {
    case comparator::lt:
        return *c < 0;
    case comparator::le:
        return *c <= 0;
    case comparator::gt:
        return *c > 0;
    case comparator::ge:
        return *c >= 0;
    default:
        return false;
    }
}

// ---- updates ----------------------------------------------------------------------------------

json* resolve_mutable(json& item, const document_path& path, std::size_t length) {
    if (length == 0 || path.steps.empty() || !item.is_object()) {
        return nullptr;
    }
    auto it = item.find(path.steps[0].name);
    if (it == item.end()) {
        return nullptr;
    }
    json* cur = &*it;
    for (std::size_t i = 1; i < length; ++i) {
        const auto& step = path.steps[i];
        if (step.is_index) {
            json* list = cur->is_object() && cur->contains("L") ? &(*cur)["L"] : nullptr;
            if (!list || !list->is_array() || step.index >= list->size()) {
                return nullptr;
            }
            cur = &(*list)[step.index];
        } else {
            json* map = cur->is_object() && cur->contains("M") ? &(*cur)["M"] : nullptr;
            if (!map || !map->is_object() || !map->contains(step.name)) {
                return nullptr;
            }
            cur = &(*map)[step.name];
        }
    }
    return cur;
}

void assign(json& item, const document_path& path, json value) {
    if (path.steps.size() == 1) {
        item[path.steps[0].name] = std::move(value);
        return;
    }
    json* parent = resolve_mutable(item, path, path.steps.size() - 1);
    const auto& last = path.steps.back();
    if (!parent) {
        throw validation_error(invalid_update_path);
    }
    if (last.is_index) {
        json* list = parent->contains("L") ? &(*parent)["L"] : nullptr;
        if (!list || !list->is_array()) {
            throw validation_error(invalid_update_path);
        }
        if (last.index < list->size()) {
            (*list)[last.index] = std::move(value);
        } else {
            list->push_back(std::move(value)); // past the end appends
        }
    } else {
        json* map = parent->contains("M") ? &(*parent)["M"] : nullptr;
        if (!map || !map->is_object()) {
            throw validation_error(invalid_update_path);
        }
        (*map)[last.name] = std::move(value);
    }
}

// Whether the map or list a nested path ends in exists, as REMOVE and DELETE need: a path
// through a missing attribute or a scalar is invalid, a missing last step is not.
bool parent_exists(json& item, const document_path& path) {
    if (path.steps.size() == 1) {
        return true;
    }
    json* parent = resolve_mutable(item, path, path.steps.size() - 1);
    const char* kind = path.steps.back().is_index ? "L" : "M";
    return parent != nullptr && parent->is_object() && parent->contains(kind);
}

void remove_at(json& item, const document_path& path) {
    if (!parent_exists(item, path)) {
        throw validation_error(invalid_update_path);
    }
    if (path.steps.size() == 1) {
        item.erase(path.steps[0].name);
        return;
    }
    json* parent = resolve_mutable(item, path, path.steps.size() - 1);
    const auto& last = path.steps.back();
    if (last.is_index) {
        json* list = parent->contains("L") ? &(*parent)["L"] : nullptr;
        if (list && list->is_array() && last.index < list->size()) {
            list->erase(last.index);
        }
    } else if (json* map = parent->contains("M") ? &(*parent)["M"] : nullptr;
               map && map->is_object()) {
        map->erase(last.name);
    }
}

json eval_set_value(const operand& op, const json& item, const char* mismatch) {
    switch (op.kind) {
    case operand_kind::path: {
        const json* v = resolve_path(item, op.path);
        if (!v) {
            throw validation_error(missing_operand);
        }
        return *v;
    }
    case operand_kind::value:
        return op.value;
    case operand_kind::if_not_exists: {
        const json* v = resolve_path(item, op.args[0].path);
        return v ? *v : eval_set_value(op.args[1], item, mismatch);
    }
    case operand_kind::list_append: {
        json a = eval_set_value(op.args[0], item, mismatch);
        json b = eval_set_value(op.args[1], item, mismatch);
        const json* la = payload(a, "L");
        const json* lb = payload(b, "L");
        if (tag_of(a) != "L" || tag_of(b) != "L" || !la || !lb) {
            throw validation_error(mismatch);
        }
        json out = *la;
        for (const auto& e : *lb) {
            out.push_back(e);
        }
        return json{{"L", out}};
    }
    case operand_kind::plus:
    case operand_kind::minus: {
        json a = eval_set_value(op.args[0], item, mismatch);
        json b = eval_set_value(op.args[1], item, mismatch);
        if (tag_of(a) != "N" || tag_of(b) != "N") {
            throw validation_error(mismatch);
        }
        auto x = ddb_number::parse(a["N"].get<std::string>());
        auto y = ddb_number::parse(b["N"].get<std::string>());
        auto r = op.kind == operand_kind::plus ? x + y : x - y;
        return json{{"N", r.to_string()}};
    }
    default:
        throw validation_error(mismatch);
    }
}

// Union (ADD) or difference (DELETE) of two sets of the same type, keeping the existing order.
json combine_sets(const std::string& tag, const json& existing, const json& change, bool add) {
    std::string member_tag = tag.substr(0, 1);
    auto in = [&](const json& list, const json& member) {
        for (const auto& m : list) {
            if (values_equal(json{{member_tag, m}}, json{{member_tag, member}})) {
                return true;
            }
        }
        return false;
    };
    json out = json::array();
    for (const auto& m : existing) {
        if (add || !in(change, m)) {
            out.push_back(m);
        }
    }
    if (add) {
        for (const auto& m : change) {
            if (!in(existing, m)) {
                out.push_back(m);
            }
        }
    }
    return out;
}

void apply_add_or_delete(json& result, const update_action& action, const char* mismatch) {
    const json& change = action.value.value;
    std::string change_tag = tag_of(change);
    json* existing = resolve_mutable(result, action.path, action.path.steps.size());
    bool add = action.kind == update_action_kind::add;
    if (!existing) {
        if (add) {
            assign(result, action.path, change);
        } else if (!parent_exists(result, action.path)) {
            throw validation_error(invalid_update_path);
        }
        return;
    }
    std::string tag = tag_of(*existing);
    if (tag != change_tag) {
        throw validation_error(mismatch);
    }
    if (tag == "N" && add) {
        auto sum = ddb_number::parse((*existing)["N"].get<std::string>()) +
                   ddb_number::parse(change["N"].get<std::string>());
        *existing = json{{"N", sum.to_string()}};
        return;
    }
    if (tag != "SS" && tag != "NS" && tag != "BS") {
        throw validation_error(mismatch);
    }
    json members = combine_sets(tag, (*existing)[tag], change[tag], add);
    if (members.empty()) {
        remove_at(result, action.path); // DELETE of the last members removes the attribute
    } else {
        *existing = json{{tag, members}};
    }
}

bool path_greater(const document_path& a, const document_path& b) {
    std::size_t n = std::min(a.steps.size(), b.steps.size());
    for (std::size_t i = 0; i < n; ++i) {
        const auto& x = a.steps[i];
        const auto& y = b.steps[i];
        if (x.is_index && y.is_index && x.index != y.index) {
            return x.index > y.index;
        }
        if (!x.is_index && !y.is_index && x.name != y.name) {
            return x.name > y.name;
        }
    }
    return a.steps.size() > b.steps.size();
}

// ---- projections -------------------------------------------------------------------------------

struct projection_node {
    bool whole = false;
    std::map<std::string, projection_node> names;
    std::map<std::size_t, projection_node> indexes;
};

std::optional<json> project_value(const json& value, const projection_node& node);

json project_map(const json& map, const projection_node& node) {
    json out = json::object();
    for (const auto& [name, child] : node.names) {
        auto it = map.find(name);
        if (it == map.end()) {
            continue;
        }
        if (auto v = project_value(*it, child)) {
            out[name] = std::move(*v);
        }
    }
    return out;
}

std::optional<json> project_value(const json& value, const projection_node& node) {
    if (node.whole) {
        return value;
    }
    if (const json* m = payload(value, "M"); m && m->is_object() && !node.names.empty()) {
        json out = project_map(*m, node);
        return out.empty() ? std::nullopt : std::optional<json>(json{{"M", out}});
    }
    if (const json* l = payload(value, "L"); l && l->is_array() && !node.indexes.empty()) {
        json out = json::array();
        for (const auto& [index, child] : node.indexes) {
            if (index < l->size()) {
                if (auto v = project_value((*l)[index], child)) {
                    out.push_back(std::move(*v));
                }
            }
        }
        return out.empty() ? std::nullopt : std::optional<json>(json{{"L", out}});
    }
    return std::nullopt;
}

} // namespace

const json* resolve_path(const json& item, const document_path& path) {
    if (path.steps.empty() || !item.is_object()) {
        return nullptr;
    }
    auto it = item.find(path.steps[0].name);
    if (it == item.end()) {
        return nullptr;
    }
    const json* cur = &*it;
    for (std::size_t i = 1; i < path.steps.size(); ++i) {
        const auto& step = path.steps[i];
        if (step.is_index) {
            const json* list = payload(*cur, "L");
            if (!list || !list->is_array() || step.index >= list->size()) {
                return nullptr;
            }
            cur = &(*list)[step.index];
        } else {
            const json* map = payload(*cur, "M");
            if (!map || !map->is_object()) {
                return nullptr;
            }
            auto child = map->find(step.name);
            if (child == map->end()) {
                return nullptr;
            }
            cur = &*child;
        }
    }
    return cur;
}

bool evaluate_condition(const condition& cond, const json& item) {
    json s0, s1, s2;
    auto operand_at = [&](std::size_t i, json& scratch) -> const json* {
        return i < cond.operands.size() ? eval_operand(cond.operands[i], item, scratch) : nullptr;
    };
    switch (cond.kind) {
    case condition_kind::and_:
        return evaluate_condition(cond.children[0], item) &&
               evaluate_condition(cond.children[1], item);
    case condition_kind::or_:
        return evaluate_condition(cond.children[0], item) ||
               evaluate_condition(cond.children[1], item);
    case condition_kind::not_:
        return !evaluate_condition(cond.children[0], item);
    case condition_kind::compare:
        return compare_with(cond.op, operand_at(0, s0), operand_at(1, s1));
    case condition_kind::between: {
        const json* x = operand_at(0, s0);
        const json* lo = operand_at(1, s1);
        const json* hi = operand_at(2, s2);
        return compare_with(comparator::ge, x, lo) && compare_with(comparator::le, x, hi);
    }
    case condition_kind::in: {
        const json* x = operand_at(0, s0);
        for (std::size_t i = 1; x && i < cond.operands.size(); ++i) {
            if (compare_with(comparator::eq, x, operand_at(i, s1))) {
                return true;
            }
        }
        return false;
    }
    case condition_kind::attribute_exists:
        return resolve_path(item, cond.operands[0].path) != nullptr;
    case condition_kind::attribute_not_exists:
        return resolve_path(item, cond.operands[0].path) == nullptr;
    case condition_kind::attribute_type: {
        const json* v = operand_at(0, s0);
        const json* t = operand_at(1, s1);
        return v && t && tag_of(*t) == "S" && tag_of(*v) == (*t)["S"].get<std::string>();
    }
    case condition_kind::begins_with: {
        const json* v = operand_at(0, s0);
        const json* p = operand_at(1, s1);
        return v && p && begins_with(*v, *p);
    }
    case condition_kind::contains: {
        const json* v = operand_at(0, s0);
        const json* n = operand_at(1, s1);
        return v && n && contains_value(*v, *n);
    }
    case condition_kind::legacy_not_contains: {
        const json* v = operand_at(0, s0);
        const json* n = operand_at(1, s1);
        return v && n && !contains_value(*v, *n);
    }
    }
    return false;
}

json apply_update(const update_expression& update, const json& item) {
    json result = item.is_object() ? item : json::object();
    const char* mismatch = update.legacy ? legacy_type_mismatch : wrong_data_type;
    std::vector<const update_action*> removals;
    for (const auto& action : update.actions) {
        switch (action.kind) {
        case update_action_kind::set:
            assign(result, action.path, eval_set_value(action.value, item, mismatch));
            break;
        case update_action_kind::remove:
            removals.push_back(&action);
            break;
        case update_action_kind::add:
        case update_action_kind::delete_:
            apply_add_or_delete(result, action, mismatch);
            break;
        }
    }
    // Removals last and from the highest list index down, so every index names an element of
    // the list as it was before the update.
    std::stable_sort(removals.begin(), removals.end(),
                     [](const auto* a, const auto* b) { return path_greater(a->path, b->path); });
    for (const auto* action : removals) {
        remove_at(result, action->path);
    }
    return result;
}

json project_paths(const std::vector<document_path>& paths, const json& item) {
    projection_node root;
    for (const auto& path : paths) {
        projection_node* node = &root;
        for (const auto& step : path.steps) {
            node = step.is_index ? &node->indexes[step.index] : &node->names[step.name];
        }
        node->whole = true;
    }
    return item.is_object() ? project_map(item, root) : json::object();
}

} // namespace cloudbox::services::dynamodb

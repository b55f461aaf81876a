// The PartiQL statement parser: SELECT, INSERT, UPDATE, DELETE and EXISTS (see
// partiql_statement.hpp).
#include "dynamodb/partiql/partiql_reader.hpp"

#include "dynamodb/expr/expr_errors.hpp"

namespace cloudbox::services::dynamodb::partiql {

namespace {

// FROM / INTO / UPDATE target: "table" or "table"."index".
void parse_target(reader& r, statement& s, bool allow_index) {
    s.table = r.name();
    if (allow_index && r.accept(token_kind::dot)) {
        s.index = r.name();
    }
}

void parse_select_body(reader& r, statement& s) {
    r.expect_keyword("select");
    if (!r.accept(token_kind::star)) {
        do {
            s.projection.push_back(r.path());
        } while (r.accept(token_kind::comma));
    }
    r.expect_keyword("from");
    parse_target(r, s, true);
    if (r.accept_keyword("where")) {
        s.where = r.where();
    }
    if (r.accept_keyword("order")) {
        r.expect_keyword("by");
        s.order_by = r.name();
        if (r.accept_keyword("desc")) {
            s.descending = true;
        } else {
            r.accept_keyword("asc");
        }
    }
}

operand set_term(reader& r);

// list_append(a, b): either operand a path or a value.
operand function_term(reader& r, operand_kind kind) {
    r.next();
    r.expect(token_kind::lparen);
    operand o;
    o.kind = kind;
    o.args.push_back(set_term(r));
    r.expect(token_kind::comma);
    o.args.push_back(set_term(r));
    r.expect(token_kind::rparen);
    return o;
}

operand set_term(reader& r) {
    if (r.at_keyword("list_append") && r.peek(1).kind == token_kind::lparen) {
        return function_term(r, operand_kind::list_append);
    }
    if (r.at_keyword("if_not_exists") && r.peek(1).kind == token_kind::lparen) {
        return function_term(r, operand_kind::if_not_exists);
    }
    return r.condition_operand();
}

// path = value [+|- value] | path = set_add(path, set) | path = set_delete(path, set)
update_action assignment(reader& r) {
    update_action a;
    a.path = r.path();
    r.expect(token_kind::eq);
    const bool add = r.at_keyword("set_add");
    if ((add || r.at_keyword("set_delete")) && r.peek(1).kind == token_kind::lparen) {
        r.next();
        r.next();
        if (r.path() != a.path) {
            r.fail(std::string(add ? "set_add" : "set_delete") +
                   " must name the attribute being set");
        }
        r.expect(token_kind::comma);
        a.kind = add ? update_action_kind::add : update_action_kind::delete_;
        a.value.kind = operand_kind::value;
        a.value.value = r.value();
        r.expect(token_kind::rparen);
        return a;
    }
    a.kind = update_action_kind::set;
    operand first = set_term(r);
    if (r.at(token_kind::plus) || r.at(token_kind::minus)) {
        operand sum;
        sum.kind = r.next().kind == token_kind::plus ? operand_kind::plus : operand_kind::minus;
        sum.args.push_back(std::move(first));
        sum.args.push_back(set_term(r));
        a.value = std::move(sum);
    } else {
        a.value = std::move(first);
    }
    return a;
}

returning_kind parse_returning(reader& r) {
    if (!r.accept_keyword("returning")) {
        return returning_kind::none;
    }
    const bool all = r.accept_keyword("all");
    if (!all && !r.accept_keyword("modified")) {
        r.unexpected();
    }
    const bool old = r.accept_keyword("old");
    if (!old && !r.accept_keyword("new")) {
        r.unexpected();
    }
    r.expect(token_kind::star);
    if (all) {
        return old ? returning_kind::all_old : returning_kind::all_new;
    }
    return old ? returning_kind::modified_old : returning_kind::modified_new;
}

void parse_update(reader& r, statement& s) {
    s.kind = statement_kind::update;
    r.expect_keyword("update");
    parse_target(r, s, false);
    bool any = false;
    while (true) {
        if (r.accept_keyword("set")) {
            do {
                s.update.actions.push_back(assignment(r));
            } while (r.accept(token_kind::comma));
        } else if (r.accept_keyword("remove")) {
            do {
                update_action a;
                a.kind = update_action_kind::remove;
                a.path = r.path();
                s.update.actions.push_back(std::move(a));
            } while (r.accept(token_kind::comma));
        } else {
            break;
        }
        any = true;
    }
    if (!any) {
        r.unexpected();
    }
    r.expect_keyword("where");
    s.where = r.where();
    s.returning = parse_returning(r);
}

void parse_delete(reader& r, statement& s) {
    s.kind = statement_kind::remove;
    r.expect_keyword("delete");
    r.expect_keyword("from");
    parse_target(r, s, false);
    r.expect_keyword("where");
    s.where = r.where();
    s.returning = parse_returning(r);
    if (s.returning != returning_kind::none && s.returning != returning_kind::all_old) {
        throw validation_error("Only RETURNING ALL OLD * is allowed in DELETE statements.");
    }
}

void parse_insert(reader& r, statement& s) {
    s.kind = statement_kind::insert;
    r.expect_keyword("insert");
    r.expect_keyword("into");
    parse_target(r, s, false);
    r.expect_keyword("value");
    if (!r.at(token_kind::lbrace) && !r.at(token_kind::parameter)) {
        r.unexpected();
    }
    json v = r.value();
    if (!v.contains("M")) {
        r.fail("The VALUE of an INSERT must be a tuple");
    }
    s.item = v["M"];
}

} // namespace

statement parse_statement(std::string_view text, const json& parameters) {
    reader r(text, parameters);
    statement s;
    if (r.at_keyword("select")) {
        parse_select_body(r, s);
    } else if (r.at_keyword("insert")) {
        parse_insert(r, s);
    } else if (r.at_keyword("update")) {
        parse_update(r, s);
    } else if (r.at_keyword("delete")) {
        parse_delete(r, s);
    } else if (r.accept_keyword("exists")) {
        s.kind = statement_kind::exists;
        r.expect(token_kind::lparen);
        parse_select_body(r, s);
        r.expect(token_kind::rparen);
        if (!s.projection.empty() || s.index || s.order_by || !s.where) {
            r.fail("EXISTS takes SELECT * FROM a table WHERE its primary key");
        }
    } else {
        r.fail("Expected data manipulation");
    }
    if (!r.at(token_kind::end)) {
        r.unexpected();
    }
    r.check_parameter_count();
    return s;
}

std::vector<const condition*> conjuncts(const condition& where) {
    if (where.kind != condition_kind::and_) {
        return {&where};
    }
    auto out = conjuncts(where.children[0]);
    auto rest = conjuncts(where.children[1]);
    out.insert(out.end(), rest.begin(), rest.end());
    return out;
}

const json* equality_value(const condition& c, const std::string& attribute) {
    if (c.kind != condition_kind::compare || c.op != comparator::eq) {
        return nullptr;
    }
    for (int side = 0; side < 2; ++side) {
        const operand& p = c.operands[side];
        const operand& v = c.operands[1 - side];
        if (p.kind == operand_kind::path && p.path.steps.size() == 1 &&
            p.path.steps[0].name == attribute && v.kind == operand_kind::value) {
            return &v.value;
        }
    }
    return nullptr;
}

} // namespace cloudbox::services::dynamodb::partiql

// Every DynamoDB and DynamoDB Streams operation, one file each.
#pragma once

#include "dynamodb/dynamodb_call.hpp"

namespace cloudbox::services::dynamodb::ops {

// Control plane.
json create_table(ddb_call& call);
json describe_table(ddb_call& call);
json list_tables(ddb_call& call);
json update_table(ddb_call& call);
json delete_table(ddb_call& call);
json update_time_to_live(ddb_call& call);
json describe_time_to_live(ddb_call& call);
json tag_resource(ddb_call& call);
json untag_resource(ddb_call& call);
json list_tags_of_resource(ddb_call& call);
json describe_limits(ddb_call& call);
json describe_endpoints(ddb_call& call);

// Items.
json put_item(ddb_call& call);
json get_item(ddb_call& call);
json delete_item(ddb_call& call);
json update_item(ddb_call& call);
json query(ddb_call& call);
json scan(ddb_call& call);
json batch_get_item(ddb_call& call);
json batch_write_item(ddb_call& call);
json transact_write_items(ddb_call& call);
json transact_get_items(ddb_call& call);

// PartiQL.
json execute_statement(ddb_call& call);
json batch_execute_statement(ddb_call& call);
json execute_transaction(ddb_call& call);

// DynamoDB Streams.
json list_streams(ddb_call& call);
json describe_stream(ddb_call& call);
json get_shard_iterator(ddb_call& call);
json get_records(ddb_call& call);

// TTL: deletes the items whose TTL attribute is before the clock; returns how many.
std::size_t sweep_expired_items(ddb_context& ddb);

} // namespace cloudbox::services::dynamodb::ops

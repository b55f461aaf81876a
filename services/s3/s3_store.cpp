// The only SQL of the S3 service. Keys are stored as BLOBs so ordering is UTF-8 byte order, as
// S3 lists them; a listing is one index range scan per common prefix.
#include "s3/s3_store.hpp"

#include <nlohmann/json.hpp>

namespace cloudbox::services::s3 {

using nlohmann::json;
using storage::database;
using storage::statement;

namespace {

constexpr int schema_version = 2; // 2: completed_uploads

constexpr const char* object_columns =
    "bucket, key, size, etag, last_modified_ms, headers, checksum_algorithm, checksum_value, "
    "checksum_type, tags, storage_class, parts_count, part_sizes, segments, inline_data";

std::string headers_to_json(const object_headers& h) {
    json j{{"content_type", h.content_type}, {"metadata", h.metadata}};
    auto opt = [&](const char* name, const std::optional<std::string>& v) {
        if (v) {
            j[name] = *v;
        }
    };
    opt("cache_control", h.cache_control);
    opt("content_disposition", h.content_disposition);
    opt("content_encoding", h.content_encoding);
    opt("content_language", h.content_language);
    opt("expires", h.expires);
    opt("website_redirect_location", h.website_redirect_location);
    opt("sse_algorithm", h.sse_algorithm);
    opt("sse_kms_key_id", h.sse_kms_key_id);
    return j.dump();
}

object_headers headers_from_json(std::string_view text) {
    object_headers h;
    auto j = json::parse(text);
    h.content_type = j.value("content_type", h.content_type);
    h.metadata = j.value("metadata", string_pairs{});
    auto opt = [&](const char* name, std::optional<std::string>& v) {
        if (j.contains(name)) {
            v = j[name].get<std::string>();
        }
    };
    opt("cache_control", h.cache_control);
    opt("content_disposition", h.content_disposition);
    opt("content_encoding", h.content_encoding);
    opt("content_language", h.content_language);
    opt("expires", h.expires);
    opt("website_redirect_location", h.website_redirect_location);
    opt("sse_algorithm", h.sse_algorithm);
    opt("sse_kms_key_id", h.sse_kms_key_id);
    return h;
}

std::string segments_to_json(const std::vector<blob_segment>& segs) {
    json j = json::array();
    for (const auto& s : segs) {
        j.push_back(json::array({s.blob_id, s.offset, s.length}));
    }
    return j.dump();
}

std::vector<blob_segment> segments_from_json(std::string_view text) {
    std::vector<blob_segment> out;
    for (const auto& s : json::parse(text)) {
        out.push_back(
            {s[0].get<std::string>(), s[1].get<std::uint64_t>(), s[2].get<std::uint64_t>()});
    }
    return out;
}

std::vector<std::string> blobs_of(const std::vector<blob_segment>& segs) {
    std::vector<std::string> out;
    for (const auto& s : segs) {
        out.push_back(s.blob_id);
    }
    return out;
}

object_record read_object(const statement& st) {
    object_record o;
    o.bucket = st.column_text(0);
    o.key = st.column_blob(1);
    o.size = static_cast<std::uint64_t>(st.column_int64(2));
    o.etag = st.column_text(3);
    o.last_modified_ms = st.column_int64(4);
    o.headers = headers_from_json(st.column_view(5));
    o.checksum_algorithm = st.column_optional(6);
    o.checksum_value = st.column_optional(7);
    o.checksum_type = st.column_optional(8);
    o.tags = json::parse(st.column_view(9)).get<string_pairs>();
    o.storage_class = st.column_text(10);
    o.parts_count = static_cast<int>(st.column_int64(11));
    o.part_sizes = json::parse(st.column_view(12)).get<std::vector<std::uint64_t>>();
    o.segments = segments_from_json(st.column_view(13));
    if (!st.column_is_null(14)) {
        o.inline_data = st.column_blob(14);
    }
    return o;
}

std::optional<object_record> select_object(database& db, const std::string& bucket,
                                           const std::string& key) {
    auto& st = db.prepare(std::string("SELECT ") + object_columns +
                          " FROM objects WHERE bucket=?1 AND key=?2");
    st.bind(1, bucket).bind_blob(2, key);
    if (!st.step()) {
        return std::nullopt;
    }
    auto o = read_object(st);
    st.reset();
    return o;
}

void insert_object(database& db, const object_record& o) {
    auto& st = db.prepare(std::string("INSERT OR REPLACE INTO objects(") + object_columns +
                          ") VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)");
    st.bind(1, o.bucket).bind_blob(2, o.key);
    st.bind(3, static_cast<std::int64_t>(o.size)).bind(4, o.etag).bind(5, o.last_modified_ms);
    st.bind(6, headers_to_json(o.headers));
    st.bind(7, o.checksum_algorithm).bind(8, o.checksum_value).bind(9, o.checksum_type);
    st.bind(10, json(o.tags).dump()).bind(11, o.storage_class).bind(12, o.parts_count);
    st.bind(13, json(o.part_sizes).dump()).bind(14, segments_to_json(o.segments));
    if (o.inline_data) {
        st.bind_blob(15, *o.inline_data);
    } else {
        st.bind_null(15);
    }
    st.run();
}

// The blobs of the object a write is about to replace (only its segments column is read: this
// runs on every PUT).
std::vector<std::string> replaced_blobs(database& db, const std::string& bucket,
                                        const std::string& key) {
    auto& st = db.prepare("SELECT segments FROM objects WHERE bucket=?1 AND key=?2");
    st.bind(1, bucket).bind_blob(2, key);
    std::vector<std::string> ids;
    if (st.step()) {
        for (const auto& s : segments_from_json(st.column_view(0))) {
            ids.push_back(s.blob_id);
        }
    }
    st.reset();
    return ids;
}

upload_record read_upload(const statement& st) {
    upload_record u;
    u.upload_id = st.column_text(0);
    u.bucket = st.column_text(1);
    u.key = st.column_blob(2);
    u.initiated_ms = st.column_int64(3);
    u.headers = headers_from_json(st.column_view(4));
    u.tags = json::parse(st.column_view(5)).get<string_pairs>();
    u.storage_class = st.column_text(6);
    u.checksum_algorithm = st.column_optional(7);
    u.checksum_type = st.column_optional(8);
    return u;
}

constexpr const char* upload_columns = "upload_id, bucket, key, initiated_ms, headers, tags, "
                                       "storage_class, checksum_algorithm, checksum_type";

part_record read_part(const statement& st) {
    part_record p;
    p.upload_id = st.column_text(0);
    p.part_number = static_cast<int>(st.column_int64(1));
    p.etag = st.column_text(2);
    p.size = static_cast<std::uint64_t>(st.column_int64(3));
    p.last_modified_ms = st.column_int64(4);
    p.checksum_value = st.column_optional(5);
    p.blob_id = st.column_text(6);
    return p;
}

constexpr const char* part_columns =
    "upload_id, part_number, etag, size, last_modified_ms, checksum_value, blob_id";

// The smallest byte string greater than every string starting with prefix; empty when none.
std::string prefix_successor(std::string prefix) {
    while (!prefix.empty()) {
        auto last = static_cast<unsigned char>(prefix.back());
        if (last < 0xFF) {
            prefix.back() = static_cast<char>(last + 1);
            return prefix;
        }
        prefix.pop_back();
    }
    return prefix;
}

std::vector<std::string> delete_upload_rows(database& db, const std::string& upload_id) {
    std::vector<std::string> freed;
    auto& parts = db.prepare("SELECT blob_id FROM parts WHERE upload_id=?1");
    parts.bind(1, upload_id);
    while (parts.step()) {
        freed.push_back(parts.column_text(0));
    }
    db.prepare("DELETE FROM parts WHERE upload_id=?1").bind(1, upload_id).run();
    db.prepare("DELETE FROM uploads WHERE upload_id=?1").bind(1, upload_id).run();
    return freed;
}

} // namespace

// 16 KiB pages: a small object's row (body inline) stays within one page. With 4 KiB pages a
// 1 KiB body spilled to an overflow page, and every PUT rewrote about ten pages.
s3_store::s3_store(const std::string& db_path) : db_(db_path, 16384) {
    migrate();
}

void s3_store::migrate() {
    db_.write([](database& db) {
        if (db.user_version() >= schema_version) {
            return;
        }
        db.exec(R"sql(
            CREATE TABLE IF NOT EXISTS buckets(
                name TEXT PRIMARY KEY, region TEXT NOT NULL, created_ms INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS bucket_config(
                bucket TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL,
                PRIMARY KEY(bucket, name)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS objects(
                bucket TEXT NOT NULL, key BLOB NOT NULL, size INTEGER NOT NULL,
                etag TEXT NOT NULL, last_modified_ms INTEGER NOT NULL, headers TEXT NOT NULL,
                checksum_algorithm TEXT, checksum_value TEXT, checksum_type TEXT,
                tags TEXT NOT NULL, storage_class TEXT NOT NULL, parts_count INTEGER NOT NULL,
                part_sizes TEXT NOT NULL, segments TEXT NOT NULL, inline_data BLOB,
                PRIMARY KEY(bucket, key)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS uploads(
                upload_id TEXT PRIMARY KEY, bucket TEXT NOT NULL, key BLOB NOT NULL,
                initiated_ms INTEGER NOT NULL, headers TEXT NOT NULL, tags TEXT NOT NULL,
                storage_class TEXT NOT NULL, checksum_algorithm TEXT, checksum_type TEXT);
            CREATE INDEX IF NOT EXISTS uploads_by_key ON uploads(bucket, key, initiated_ms, upload_id);
            CREATE TABLE IF NOT EXISTS parts(
                upload_id TEXT NOT NULL, part_number INTEGER NOT NULL, etag TEXT NOT NULL,
                size INTEGER NOT NULL, last_modified_ms INTEGER NOT NULL, checksum_value TEXT,
                blob_id TEXT NOT NULL, PRIMARY KEY(upload_id, part_number)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS completed_uploads(
                upload_id TEXT PRIMARY KEY, bucket TEXT NOT NULL, key BLOB NOT NULL,
                etag TEXT NOT NULL, last_modified_ms INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS completed_by_key ON completed_uploads(bucket, key);
        )sql");
        db.set_user_version(schema_version);
    });
}

bool s3_store::create_bucket(const bucket_record& b) {
    return db_.write([&](database& db) {
        db.prepare("INSERT OR IGNORE INTO buckets(name, region, created_ms) VALUES(?1, ?2, ?3)")
            .bind_all(b.name, b.region, b.created_ms)
            .run();
        return db.changes() == 1;
    });
}

std::optional<bucket_record> s3_store::get_bucket(const std::string& name) {
    return db_.read([&](database& db) -> std::optional<bucket_record> {
        auto& st = db.prepare("SELECT name, region, created_ms FROM buckets WHERE name=?1");
        st.bind(1, name);
        if (!st.step()) {
            return std::nullopt;
        }
        bucket_record b{st.column_text(0), st.column_text(1), st.column_int64(2)};
        st.reset();
        return b;
    });
}

std::vector<bucket_record> s3_store::list_buckets() {
    return db_.read([&](database& db) {
        std::vector<bucket_record> out;
        auto& st = db.prepare("SELECT name, region, created_ms FROM buckets ORDER BY name");
        while (st.step()) {
            out.push_back({st.column_text(0), st.column_text(1), st.column_int64(2)});
        }
        return out;
    });
}

s3_store::delete_bucket_result s3_store::delete_bucket(const std::string& name,
                                                       std::vector<std::string>& freed) {
    return db_.write([&](database& db) {
        auto& exists = db.prepare("SELECT 1 FROM buckets WHERE name=?1");
        exists.bind(1, name);
        if (!exists.step()) {
            return delete_bucket_result::missing;
        }
        exists.reset();
        auto& any = db.prepare("SELECT 1 FROM objects WHERE bucket=?1 LIMIT 1");
        any.bind(1, name);
        if (any.step()) {
            any.reset();
            return delete_bucket_result::not_empty;
        }
        std::vector<std::string> uploads;
        auto& ups = db.prepare("SELECT upload_id FROM uploads WHERE bucket=?1");
        ups.bind(1, name);
        while (ups.step()) {
            uploads.push_back(ups.column_text(0));
        }
        for (const auto& id : uploads) {
            auto blobs = delete_upload_rows(db, id);
            freed.insert(freed.end(), blobs.begin(), blobs.end());
        }
        db.prepare("DELETE FROM bucket_config WHERE bucket=?1").bind(1, name).run();
        db.prepare("DELETE FROM completed_uploads WHERE bucket=?1").bind(1, name).run();
        db.prepare("DELETE FROM buckets WHERE name=?1").bind(1, name).run();
        return delete_bucket_result::deleted;
    });
}

std::optional<std::string> s3_store::get_bucket_config(const std::string& bucket,
                                                       const std::string& name) {
    return db_.read([&](database& db) -> std::optional<std::string> {
        auto& st = db.prepare("SELECT value FROM bucket_config WHERE bucket=?1 AND name=?2");
        st.bind(1, bucket).bind(2, name);
        if (!st.step()) {
            return std::nullopt;
        }
        auto v = st.column_text(0);
        st.reset();
        return v;
    });
}

void s3_store::set_bucket_config(const std::string& bucket, const std::string& name,
                                 const std::optional<std::string>& value) {
    db_.write([&](database& db) {
        if (value) {
            db.prepare("INSERT OR REPLACE INTO bucket_config(bucket, name, value) VALUES(?1,?2,?3)")
                .bind_all(bucket, name, *value)
                .run();
        } else {
            db.prepare("DELETE FROM bucket_config WHERE bucket=?1 AND name=?2")
                .bind_all(bucket, name)
                .run();
        }
    });
}

std::optional<object_record> s3_store::get_object(const std::string& bucket,
                                                  const std::string& key) {
    return db_.read([&](database& db) { return select_object(db, bucket, key); });
}

std::optional<std::vector<std::string>> s3_store::put_object(const object_record& o) {
    return db_.write([&](database& db) -> std::optional<std::vector<std::string>> {
        // The bucket is checked in the same transaction: a small PUT is one round trip.
        auto& bucket = db.prepare("SELECT 1 FROM buckets WHERE name=?1");
        bucket.bind(1, o.bucket);
        if (!bucket.step()) {
            return std::nullopt;
        }
        bucket.reset();
        std::vector<std::string> freed = replaced_blobs(db, o.bucket, o.key);
        insert_object(db, o);
        // A blob kept by the new version (copy onto itself) is still referenced.
        std::erase_if(freed, [&](const std::string& id) {
            for (const auto& s : o.segments) {
                if (s.blob_id == id) {
                    return true;
                }
            }
            return false;
        });
        return freed;
    });
}

std::optional<std::vector<std::string>> s3_store::delete_object(const std::string& bucket,
                                                                const std::string& key) {
    return db_.write([&](database& db) -> std::optional<std::vector<std::string>> {
        auto old = select_object(db, bucket, key);
        if (!old) {
            return std::nullopt;
        }
        db.prepare("DELETE FROM objects WHERE bucket=?1 AND key=?2")
            .bind(1, bucket)
            .bind_blob(2, key)
            .run();
        return blobs_of(old->segments);
    });
}

std::vector<std::string> s3_store::delete_objects(const std::string& bucket,
                                                  const std::vector<std::string>& keys) {
    return db_.write([&](database& db) {
        std::vector<std::string> freed;
        for (const auto& key : keys) {
            auto old = select_object(db, bucket, key);
            if (!old) {
                continue;
            }
            db.prepare("DELETE FROM objects WHERE bucket=?1 AND key=?2")
                .bind(1, bucket)
                .bind_blob(2, key)
                .run();
            auto blobs = blobs_of(old->segments);
            freed.insert(freed.end(), blobs.begin(), blobs.end());
        }
        return freed;
    });
}

bool s3_store::set_object_tags(const std::string& bucket, const std::string& key,
                               const string_pairs& tags) {
    return db_.write([&](database& db) {
        db.prepare("UPDATE objects SET tags=?3 WHERE bucket=?1 AND key=?2")
            .bind(1, bucket)
            .bind_blob(2, key)
            .bind(3, json(tags).dump())
            .run();
        return db.changes() == 1;
    });
}

list_result s3_store::list_objects(const std::string& bucket, const list_request& req) {
    return db_.read([&](database& db) {
        list_result result;
        const std::string upper = prefix_successor(req.prefix); // empty: no upper bound
        // Lower bound, inclusive: the first key after start_after, and at least the prefix.
        std::string lower = req.start_after.empty() ? req.prefix : req.start_after + '\0';
        if (lower < req.prefix) {
            lower = req.prefix;
        }
        const std::size_t want = static_cast<std::size_t>(std::max(req.max_keys, 0)) + 1;
        bool exhausted = false;
        while (result.entries.size() < want && !exhausted) {
            auto& st = upper.empty()
                           ? db.prepare("SELECT key, size, etag, last_modified_ms, storage_class, "
                                        "checksum_algorithm, checksum_type FROM objects WHERE "
                                        "bucket=?1 AND key>=?2 ORDER BY key LIMIT ?4")
                           : db.prepare("SELECT key, size, etag, last_modified_ms, storage_class, "
                                        "checksum_algorithm, checksum_type FROM objects WHERE "
                                        "bucket=?1 AND key>=?2 AND key<?3 ORDER BY key LIMIT ?4");
            st.bind(1, bucket).bind_blob(2, lower);
            if (!upper.empty()) {
                st.bind_blob(3, upper);
            }
            st.bind(4, static_cast<std::int64_t>(want - result.entries.size()));
            exhausted = true;
            while (st.step()) {
                std::string key = st.column_blob(0);
                if (!req.delimiter.empty()) {
                    auto pos = key.find(req.delimiter, req.prefix.size());
                    if (pos != std::string::npos) {
                        std::string common = key.substr(0, pos + req.delimiter.size());
                        // A marker inside this common prefix means it was already returned.
                        if (req.start_after.empty() || common > req.start_after) {
                            list_result::entry e;
                            e.is_prefix = true;
                            e.prefix = common;
                            result.entries.push_back(std::move(e));
                        }
                        lower = prefix_successor(common);
                        exhausted = lower.empty();
                        break; // seek past every key under this common prefix
                    }
                }
                list_result::entry e;
                e.object.key = std::move(key);
                e.object.size = static_cast<std::uint64_t>(st.column_int64(1));
                e.object.etag = st.column_text(2);
                e.object.last_modified_ms = st.column_int64(3);
                e.object.storage_class = st.column_text(4);
                e.object.checksum_algorithm = st.column_optional(5);
                e.object.checksum_type = st.column_optional(6);
                lower = e.object.key + '\0';
                result.entries.push_back(std::move(e));
                if (result.entries.size() >= want) {
                    break;
                }
            }
            st.reset();
            if (!exhausted && !upper.empty() && !(lower < upper)) {
                exhausted = true;
            }
        }
        if (result.entries.size() >= want) {
            result.entries.pop_back();
            result.truncated = true;
        }
        if (!result.entries.empty()) {
            const auto& last = result.entries.back();
            result.last_key = last.is_prefix ? last.prefix : last.object.key;
        }
        return result;
    });
}

void s3_store::create_upload(const upload_record& u) {
    db_.write([&](database& db) {
        auto& st = db.prepare(std::string("INSERT INTO uploads(") + upload_columns +
                              ") VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)");
        st.bind(1, u.upload_id).bind(2, u.bucket).bind_blob(3, u.key).bind(4, u.initiated_ms);
        st.bind(5, headers_to_json(u.headers)).bind(6, json(u.tags).dump());
        st.bind(7, u.storage_class).bind(8, u.checksum_algorithm).bind(9, u.checksum_type);
        st.run();
    });
}

std::optional<upload_record> s3_store::get_upload(const std::string& upload_id) {
    return db_.read([&](database& db) -> std::optional<upload_record> {
        auto& st = db.prepare(std::string("SELECT ") + upload_columns +
                              " FROM uploads WHERE upload_id=?1");
        st.bind(1, upload_id);
        if (!st.step()) {
            return std::nullopt;
        }
        auto u = read_upload(st);
        st.reset();
        return u;
    });
}

std::vector<std::string> s3_store::put_part(const part_record& p) {
    return db_.write([&](database& db) {
        std::vector<std::string> freed;
        auto& old = db.prepare("SELECT blob_id FROM parts WHERE upload_id=?1 AND part_number=?2");
        old.bind(1, p.upload_id).bind(2, p.part_number);
        if (old.step()) {
            freed.push_back(old.column_text(0));
        }
        old.reset();
        db.prepare(std::string("INSERT OR REPLACE INTO parts(") + part_columns +
                   ") VALUES(?1,?2,?3,?4,?5,?6,?7)")
            .bind(1, p.upload_id)
            .bind(2, p.part_number)
            .bind(3, p.etag)
            .bind(4, static_cast<std::int64_t>(p.size))
            .bind(5, p.last_modified_ms)
            .bind(6, p.checksum_value)
            .bind(7, p.blob_id)
            .run();
        return freed;
    });
}

std::vector<part_record> s3_store::list_parts(const std::string& upload_id, int after_part,
                                              int max_parts) {
    return db_.read([&](database& db) {
        std::vector<part_record> out;
        auto& st = db.prepare(std::string("SELECT ") + part_columns +
                              " FROM parts WHERE upload_id=?1 AND part_number>?2 "
                              "ORDER BY part_number LIMIT ?3");
        st.bind(1, upload_id).bind(2, after_part).bind(3, max_parts + 1);
        while (st.step()) {
            out.push_back(read_part(st));
        }
        return out;
    });
}

std::optional<part_record> s3_store::get_part(const std::string& upload_id, int part_number) {
    return db_.read([&](database& db) -> std::optional<part_record> {
        auto& st = db.prepare(std::string("SELECT ") + part_columns +
                              " FROM parts WHERE upload_id=?1 AND part_number=?2");
        st.bind(1, upload_id).bind(2, part_number);
        if (!st.step()) {
            return std::nullopt;
        }
        auto p = read_part(st);
        st.reset();
        return p;
    });
}

std::vector<upload_record> s3_store::list_uploads(const std::string& bucket,
                                                  const std::string& prefix,
                                                  const std::string& key_marker,
                                                  const std::string& upload_id_marker, int limit) {
    return db_.read([&](database& db) {
        std::vector<upload_record> out;
        // With only a key marker, uploads of that key are skipped; with both, uploads of that
        // key after the upload id marker are included (S3's ListMultipartUploads rule).
        auto& st = db.prepare(std::string("SELECT ") + upload_columns +
                              " FROM uploads WHERE bucket=?1 AND substr(key, 1, length(?2))=?2 "
                              "AND (key>?3 OR (key=?3 AND ?4<>'' AND upload_id>?4)) "
                              "ORDER BY key, initiated_ms, upload_id LIMIT ?5");
        st.bind(1, bucket).bind_blob(2, prefix).bind_blob(3, key_marker).bind(4, upload_id_marker);
        st.bind(5, limit);
        while (st.step()) {
            out.push_back(read_upload(st));
        }
        return out;
    });
}

std::vector<std::string> s3_store::complete_upload(const std::string& upload_id,
                                                   const object_record& object,
                                                   const std::vector<std::string>& used_blobs) {
    return db_.write([&](database& db) {
        std::vector<std::string> freed = replaced_blobs(db, object.bucket, object.key);
        for (auto& blob : delete_upload_rows(db, upload_id)) {
            bool used = false;
            for (const auto& u : used_blobs) {
                used = used || u == blob;
            }
            if (!used) {
                freed.push_back(std::move(blob));
            }
        }
        insert_object(db, object);
        // Only the latest completion of a key can still be replayed: older ones named objects
        // that this one replaced.
        db.prepare("DELETE FROM completed_uploads WHERE bucket=?1 AND key=?2")
            .bind(1, object.bucket)
            .bind_blob(2, object.key)
            .run();
        db.prepare("INSERT INTO completed_uploads(upload_id, bucket, key, etag, last_modified_ms) "
                   "VALUES(?1, ?2, ?3, ?4, ?5)")
            .bind(1, upload_id)
            .bind(2, object.bucket)
            .bind_blob(3, object.key)
            .bind(4, object.etag)
            .bind(5, object.last_modified_ms)
            .run();
        return freed;
    });
}

std::optional<object_record> s3_store::completed_upload_object(const std::string& upload_id) {
    return db_.read([&](database& db) -> std::optional<object_record> {
        auto& st = db.prepare(
            "SELECT bucket, key, etag, last_modified_ms FROM completed_uploads WHERE upload_id=?1");
        st.bind(1, upload_id);
        if (!st.step()) {
            return std::nullopt;
        }
        std::string bucket = st.column_text(0);
        std::string key = st.column_blob(1);
        std::string etag = st.column_text(2);
        auto last_modified_ms = st.column_int64(3);
        st.reset();
        auto object = select_object(db, bucket, key);
        if (!object || object->etag != etag || object->last_modified_ms != last_modified_ms) {
            return std::nullopt; // overwritten or deleted since
        }
        return object;
    });
}

std::optional<std::vector<std::string>> s3_store::abort_upload(const std::string& upload_id) {
    return db_.write([&](database& db) -> std::optional<std::vector<std::string>> {
        auto& st = db.prepare("SELECT 1 FROM uploads WHERE upload_id=?1");
        st.bind(1, upload_id);
        if (!st.step()) {
            return std::nullopt;
        }
        st.reset();
        return delete_upload_rows(db, upload_id);
    });
}

void s3_store::reset() {
    db_.write([](database& db) {
        db.exec("DELETE FROM parts; DELETE FROM uploads; DELETE FROM completed_uploads; "
                "DELETE FROM objects; "
                "DELETE FROM bucket_config; DELETE FROM buckets;");
    });
}

} // namespace cloudbox::services::s3

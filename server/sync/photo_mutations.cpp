// Photos pushed by devices: a photo describes an image of a visit or report (the bytes travel as
// blobs, §6). Whoever may edit the owner record adds or removes its photos (core decides).
#include "core/domain/record_json.h"
#include "core/store/record_rows.h"
#include "server/sync/apply_context.h"
#include "server/sync/versions.h"

namespace duban::server {
namespace {

struct Owner {
    std::string projectId;
    std::string authorId;
    RecordState state = RecordState::draft;
};

std::optional<Owner> loadOwner(const Database& db, Entity kind, const std::string& id) {
    if (kind == Entity::progress_report) {
        if (auto r = loadReport(db, id))
            return Owner{r->report.projectId, r->report.authorId, r->report.state};
    } else if (kind == Entity::site_visit) {
        if (auto v = loadVisit(db, id))
            return Owner{v->visit.projectId, v->visit.authorId, v->visit.state};
    }
    return std::nullopt;
}

Status mayChangePhotos(const ApplyContext& c, WriteOp op, const Owner& owner) {
    const WriteRequest request{Entity::photo,  op,
                               std::nullopt,   loadProjectUnits(c.db, owner.projectId),
                               owner.authorId, owner.state};
    return mayWrite(c.session.actor, request);
}

Outcome create(const ApplyContext& c, const Mutation& m) {
    if (recordIdTaken(c.db, Entity::photo, m.id))
        return reject("conflict", "a record with this id exists already; create it with a new id.");
    Photo photo;
    photo.id = m.id;
    if (auto read = applyJson(photo, m.fields); !read)
        return reject(read.error());
    if (auto errors = validatePhoto(photo); !errors.empty())
        return invalidFields(std::move(errors));
    const auto owner = loadOwner(c.db, photo.ownerKind, photo.ownerId);
    if (!owner)
        return reject("not_found", "owner_id names no visit or report on the server.");
    if (auto allowed = mayChangePhotos(c, WriteOp::create, *owner); !allowed)
        return reject(allowed.error());
    const std::optional<Position>& p = photo.position;
    c.db.prepare(R"sql(
            INSERT INTO photo (id, owner_kind, owner_id, sha256, size, thumbnail_sha256, width,
                               height, taken_at, lat, lon, caption, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1))sql")
        .bindAll(photo.id, toString(photo.ownerKind), photo.ownerId, photo.sha256, photo.size,
                 photo.thumbnailSha256, photo.width, photo.height, photo.takenAt,
                 p ? std::optional<double>(p->latitude) : std::nullopt,
                 p ? std::optional<double>(p->longitude) : std::nullopt, photo.caption)
        .run();
    noteChange(c, Entity::photo, m.id, ChangeScope{owner->projectId, std::nullopt}, 1);
    return Applied{1, {}};
}

Outcome remove(const ApplyContext& c, const Mutation& m) {
    Statement s = c.db.prepare("SELECT owner_kind, owner_id, version FROM photo WHERE id = ?");
    s.bindAll(m.id);
    if (!s.step())
        return reject("not_found", "no such photo on the server; it may have been removed.");
    const auto kind = parseEnum<Entity>(s.text(0)).value_or(Entity::site_visit);
    const auto owner = loadOwner(c.db, kind, s.text(1));
    const std::int64_t version = s.int64(2) + 1;
    if (!owner)
        return reject("not_found", "the visit or report of this photo is gone.");
    if (auto allowed = mayChangePhotos(c, WriteOp::remove, *owner); !allowed)
        return reject(allowed.error());
    c.db.prepare("DELETE FROM photo WHERE id = ?").bindAll(m.id).run();
    noteChange(c, Entity::photo, m.id, ChangeScope{owner->projectId, std::nullopt}, version, true);
    return Applied{version, {}};
}

}  // namespace

Outcome applyPhotoMutation(const ApplyContext& context, const Mutation& m) {
    switch (m.op) {
        case WriteOp::create:
            return create(context, m);
        case WriteOp::remove:
            return remove(context, m);
        case WriteOp::update:
        case WriteOp::transition:
            break;
    }
    return reject("invalid",
                  "a photo is added or removed, not changed: remove it and add the new one.");
}

}  // namespace duban::server

// Photos of a visit or report: the checks before any decoding, the processed bytes written next
// to the store, then the row, its outbox entry and the two blob uploads in one transaction.
#include "core/domain/dates.h"
#include "core/domain/record_json.h"
#include "core/media/photo.h"
#include "core/rules/validation.h"
#include "core/store/authored_records.h"
#include "core/store/blob_files.h"
#include "core/store/blob_uploads.h"
#include "core/store/local_store.h"
#include "core/store/record_rows.h"

namespace duban {

Status LocalStore::mayAddPhoto(const Actor& actor, Entity ownerKind,
                               const std::string& ownerId) const {
    const auto owner = loadAuthoredFacts(m_db, ownerKind, ownerId);
    if (!owner)
        return makeError("not_found", "the visit or report for this photo is not on this device.");
    return mayWrite(actor, WriteRequest{Entity::photo, WriteOp::create, std::nullopt,
                                        loadProjectUnits(m_db, owner->projectId), owner->authorId,
                                        owner->state});
}

Result<Photo> LocalStore::attachPhoto(const Actor& actor, Entity ownerKind,
                                      const std::string& ownerId,
                                      const std::filesystem::path& jpegFile, std::string caption) {
    try {
        // The cheap refusal first: no decoding for a photo that could not be attached.
        if (Status allowed = mayAddPhoto(actor, ownerKind, ownerId); !allowed)
            return allowed.error();
    } catch (const DatabaseError& e) {
        return makeError("store_failed", std::string("the photo was not added: ") + e.what());
    }
    auto processed = media::processPhotoFile(jpegFile);
    if (!processed)
        return processed.error();
    const media::ProcessedPhoto& p = processed.value();
    Photo photo;
    photo.id = m_uuids.next();
    photo.ownerKind = ownerKind;
    photo.ownerId = ownerId;
    photo.sha256 = p.sha256;
    photo.size = static_cast<std::int64_t>(p.jpeg.size());
    photo.thumbnailSha256 = p.thumbnailSha256;
    photo.width = p.size.width;
    photo.height = p.size.height;
    photo.takenAt = p.exif.takenAt;
    if (p.exif.latitude && p.exif.longitude)
        photo.position =
            Position{*p.exif.latitude, *p.exif.longitude, std::nullopt, PositionSource::gps};
    photo.caption = std::move(caption);
    if (auto errors = validatePhoto(photo); !errors.empty())
        return validationError(errors);
    // The bytes before the row: a row never names a blob the device does not have. A failure
    // after this leaves only unnamed content-addressed files, which a later attach reuses.
    for (const auto& [sha, bytes] :
         {std::pair{&p.sha256, &p.jpeg}, std::pair{&p.thumbnailSha256, &p.thumbnail}}) {
        if (Status written = writeBlobFile(m_blobsFolder, *sha, *bytes); !written)
            return written.error();
    }
    const Status saved = inTransaction([&]() -> Status {
        if (Status allowed = mayAddPhoto(actor, ownerKind, ownerId); !allowed)
            return allowed;
        const std::string now = formatInstantUtc(m_clock.nowMs());
        insertPhoto(m_db, photo, 0);
        OutboxEntry entry = mutation(Entity::photo, photo.id, "create", 0);
        entry.fields = toJson(photo);
        appendOutbox(m_db, entry);
        // The thumbnail first: small, and what a supervisor sees before opening the photo.
        queueBlobUpload(m_db, photo.thumbnailSha256, BlobKind::thumbnail,
                        static_cast<std::int64_t>(p.thumbnail.size()), now);
        queueBlobUpload(m_db, photo.sha256, BlobKind::photo, photo.size, now);
        return Ok{};
    });
    if (!saved)
        return saved.error();
    return photo;
}

std::vector<Photo> LocalStore::photosOf(const std::string& ownerId) const {
    return loadPhotos(m_db, ownerId);
}

std::filesystem::path LocalStore::blobPath(const std::string& sha256) const {
    return blobFilePath(m_blobsFolder, sha256);
}

}  // namespace duban

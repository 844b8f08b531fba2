// Attaching a photo on the device: the core rules first, the bytes next to the store, then the
// photo row, its outbox entry and its two blob uploads in one transaction — or nothing at all.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "core/domain/record_json.h"
#include "core/store/blob_uploads.h"
#include "core/util/sha256.h"
#include "tests/support/test_photos.h"
#include "tests/support/test_store.h"

namespace duban {
namespace {

std::string fileBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class PhotoStoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_store = test::openSeededStore(m_dir.file("device.db"), m_clock);
        const std::string unit = test::unitIdByName(*m_store, "市科工信局");
        m_project = test::projectIdByCode(*m_store, "key_projects_2022#1");
        m_field = Actor{"user-field", Role::field, unit, {}};
        m_colleague = Actor{"user-field-2", Role::field, unit, {}};
        m_jpeg = m_dir.file("photo.jpg");
        test::writeNoiseJpeg(m_jpeg, 640, 480, 7);
    }

    SiteVisit visit() {
        SiteVisit v;
        v.projectId = m_project;
        v.visitedAt = "2022-06-30T02:00:00Z";
        v.notes = "三区二期酿酒车间基础施工";
        auto saved = m_store->saveVisit(m_field, v);
        if (!saved)
            throw std::runtime_error(saved.error().message);
        return saved.value();
    }

    int rows(const char* sql) const {
        Statement s = m_store->database().prepare(sql);
        s.step();
        return s.integer(0);
    }

    test::TempDir m_dir;
    ManualClock m_clock{test::kJuly1st2022};
    std::unique_ptr<LocalStore> m_store;
    std::string m_project;
    Actor m_field;
    Actor m_colleague;
    std::filesystem::path m_jpeg;
};

TEST_F(PhotoStoreTest, APhotoIsStoredWithItsOutboxEntryAndTwoBlobUploads) {
    const SiteVisit owner = visit();
    const auto photo =
        m_store->attachPhoto(m_field, Entity::site_visit, owner.id, m_jpeg, "基础钢筋");
    ASSERT_TRUE(photo) << photo.error().code << ": " << photo.error().message;
    EXPECT_EQ(photo->ownerId, owner.id);
    EXPECT_EQ(photo->width, 640);
    EXPECT_EQ(photo->height, 480);
    EXPECT_EQ(photo->caption, "基础钢筋");

    const auto photos = m_store->photosOf(owner.id);
    ASSERT_EQ(photos.size(), 1u);
    EXPECT_EQ(toJson(photos[0]), toJson(photo.value()));

    const auto outbox = m_store->outbox();
    ASSERT_EQ(outbox.size(), 2u);  // the visit, then its photo
    EXPECT_EQ(outbox[1].entity, "photo");
    EXPECT_EQ(outbox[1].op, "create");
    EXPECT_EQ(outbox[1].recordId, photo->id);
    EXPECT_EQ(outbox[1].fields, toJson(photo.value()));

    // Both blobs are on disk under their SHA-256, and queued thumbnail first.
    const std::string image = fileBytes(m_store->blobPath(photo->sha256));
    EXPECT_EQ(static_cast<std::int64_t>(image.size()), photo->size);
    EXPECT_EQ(sha256Hex(image), photo->sha256);
    EXPECT_EQ(sha256Hex(fileBytes(m_store->blobPath(photo->thumbnailSha256))),
              photo->thumbnailSha256);
    const auto waiting = waitingBlobUploads(m_store->database());
    ASSERT_EQ(waiting.size(), 2u);
    EXPECT_EQ(waiting[0].sha256, photo->thumbnailSha256);
    EXPECT_EQ(waiting[0].kind, BlobKind::thumbnail);
    EXPECT_EQ(waiting[1].sha256, photo->sha256);
    EXPECT_EQ(waiting[1].size, photo->size);
    EXPECT_EQ(waiting[1].state, BlobUploadState::pending);
    EXPECT_FALSE(waiting[1].location);
}

TEST_F(PhotoStoreTest, ABrokenPhotoIsRefusedAndChangesNothing) {
    const SiteVisit owner = visit();
    std::string bytes = fileBytes(m_jpeg);
    bytes.resize(bytes.size() / 2);  // cut off in the middle of the scan
    {
        std::ofstream out(m_jpeg, std::ios::binary | std::ios::trunc);
        out << bytes;
    }
    const auto photo = m_store->attachPhoto(m_field, Entity::site_visit, owner.id, m_jpeg);
    ASSERT_FALSE(photo);
    EXPECT_EQ(photo.error().code, "photo_truncated") << photo.error().message;
    EXPECT_FALSE(photo.error().message.empty());
    EXPECT_EQ(rows("SELECT count(*) FROM photo"), 0);
    EXPECT_EQ(rows("SELECT count(*) FROM outbox WHERE entity = 'photo'"), 0);
    EXPECT_EQ(rows("SELECT count(*) FROM blob_upload"), 0);
    EXPECT_FALSE(std::filesystem::exists(m_store->blobsFolder()));

    const auto missing =
        m_store->attachPhoto(m_field, Entity::site_visit, owner.id, m_dir.file("none.jpg"));
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, "photo_io");
}

TEST_F(PhotoStoreTest, OnlyTheAuthorAddsPhotosAndOnlyToADraft) {
    const SiteVisit owner = visit();
    const auto other = m_store->attachPhoto(m_colleague, Entity::site_visit, owner.id, m_jpeg);
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().code, "forbidden");

    ASSERT_TRUE(m_store->transition(m_field, Entity::site_visit, owner.id, Transition::submit));
    const auto submitted = m_store->attachPhoto(m_field, Entity::site_visit, owner.id, m_jpeg);
    ASSERT_FALSE(submitted);
    EXPECT_EQ(submitted.error().code, "forbidden");

    const auto unknown = m_store->attachPhoto(m_field, Entity::progress_report, owner.id, m_jpeg);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, "not_found");
    EXPECT_EQ(rows("SELECT count(*) FROM photo"), 0);
    EXPECT_EQ(rows("SELECT count(*) FROM blob_upload"), 0);
}

TEST_F(PhotoStoreTest, AFailedTransactionLeavesNoRowNoEntryNoUpload) {
    const SiteVisit owner = visit();
    // The last write of the transaction fails: everything before it must roll back.
    m_store->database().execute(R"sql(
        CREATE TEMP TRIGGER refuse_photo_upload BEFORE INSERT ON blob_upload
          WHEN NEW.kind = 'photo' BEGIN SELECT RAISE(ABORT, 'disk full'); END;)sql");
    const auto photo = m_store->attachPhoto(m_field, Entity::site_visit, owner.id, m_jpeg);
    ASSERT_FALSE(photo);
    EXPECT_EQ(photo.error().code, "store_failed");
    EXPECT_EQ(rows("SELECT count(*) FROM photo"), 0);
    EXPECT_EQ(rows("SELECT count(*) FROM outbox"), 1);  // the visit alone
    EXPECT_EQ(rows("SELECT count(*) FROM blob_upload"), 0);
}

TEST_F(PhotoStoreTest, TheSameBytesTwiceAreTwoPhotosButOneUpload) {
    const SiteVisit owner = visit();
    const auto first = m_store->attachPhoto(m_field, Entity::site_visit, owner.id, m_jpeg);
    const auto second = m_store->attachPhoto(m_field, Entity::site_visit, owner.id, m_jpeg);
    ASSERT_TRUE(first && second);
    EXPECT_NE(first->id, second->id);
    EXPECT_EQ(first->sha256, second->sha256);
    EXPECT_EQ(rows("SELECT count(*) FROM photo"), 2);
    EXPECT_EQ(rows("SELECT count(*) FROM blob_upload"), 2);
}

}  // namespace
}  // namespace duban

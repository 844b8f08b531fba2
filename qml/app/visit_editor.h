#pragma once
// The site visit form: when, where (from the device with its accuracy, or typed), notes, people
// met, and photos (re-encoded with a thumbnail on the store's thread, never the GUI's).
#include <QUrl>
#include <QVariantList>

#include "qml/app/record_editor.h"

namespace duban::app {

// Not `final`: QML creates it (Qt 6.4 derives QQmlElement<T> from it).
class VisitEditor : public duban::app::RecordEditor {  // qualified: Qt 6.4's qmltypes need it
    Q_OBJECT
    QML_ELEMENT
    // "2022-06-30 10:00", Beijing time, as typed or set.
    Q_PROPERTY(QString visitedAt READ visitedAt WRITE setVisitedAt NOTIFY formChanged FINAL)
    Q_PROPERTY(QString latitude READ latitude WRITE setLatitude NOTIFY formChanged FINAL)
    Q_PROPERTY(QString longitude READ longitude WRITE setLongitude NOTIFY formChanged FINAL)
    Q_PROPERTY(QString accuracy READ accuracy WRITE setAccuracy NOTIFY formChanged FINAL)
    // "gps" when the position came from the device, "manual" when typed.
    Q_PROPERTY(QString positionSource READ positionSource NOTIFY formChanged FINAL)
    Q_PROPERTY(QString notes READ notes WRITE setNotes NOTIFY formChanged FINAL)
    Q_PROPERTY(QString peopleMet READ peopleMet WRITE setPeopleMet NOTIFY formChanged FINAL)
    // {id, thumbnail (file URL), width, height, caption}
    Q_PROPERTY(QVariantList photos READ photos NOTIFY photosChanged FINAL)
    Q_PROPERTY(bool addingPhoto READ addingPhoto NOTIFY photosChanged FINAL)

public:
    explicit VisitEditor(QObject* parent = nullptr);

    [[nodiscard]] QString visitedAt() const { return m_visitedAt; }
    void setVisitedAt(const QString& value);
    [[nodiscard]] QString latitude() const { return m_latitude; }
    void setLatitude(const QString& value);
    [[nodiscard]] QString longitude() const { return m_longitude; }
    void setLongitude(const QString& value);
    [[nodiscard]] QString accuracy() const { return m_accuracy; }
    void setAccuracy(const QString& value);
    [[nodiscard]] QString positionSource() const { return m_positionSource; }
    [[nodiscard]] QString notes() const { return m_notes; }
    void setNotes(const QString& value);
    [[nodiscard]] QString peopleMet() const { return m_peopleMet; }
    void setPeopleMet(const QString& value);
    [[nodiscard]] QVariantList photos() const { return m_photos; }
    [[nodiscard]] bool addingPhoto() const { return !m_photoQueue.isEmpty(); }

    // A fix from the device's positioning (QML's PositionSource); typed values become "manual".
    Q_INVOKABLE void setDevicePosition(double latitude, double longitude, double accuracyMeters);
    // Adds a JPEG from a file (or the camera's capture); the visit is saved first if it is new.
    Q_INVOKABLE void addPhoto(const QUrl& file);
    // Where the camera writes its next shot: a new file in the data folder's captures/, kept
    // there until the store holds the photo, then removed (a crash in between loses no shot).
    Q_INVOKABLE QUrl newCaptureFile() const;

signals:
    void formChanged();
    void photosChanged();

protected:
    SaveJob saveJob(const std::string& id, bool submit) const override;
    LoadJob loadJob(const std::string& id) override;
    void afterSave() override;
    // A new visit is at the time now (Beijing).
    void fillDefaults(const Services& services) override;

private:
    void setText(QString& field, const QString& value);
    void setTyped(QString& field, const QString& value);
    void attachNext();
    void loadPhotos();
    [[nodiscard]] QString captureFolder() const;

    QString m_visitedAt;
    QString m_latitude;
    QString m_longitude;
    QString m_accuracy;
    QString m_positionSource = QStringLiteral("manual");
    QString m_notes;
    QString m_peopleMet;
    QVariantList m_photos;
    QStringList m_photoQueue;  // files waiting for the visit's id, or for the one before
    bool m_attaching = false;
};

}  // namespace duban::app

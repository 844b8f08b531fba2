#pragma once
// Warning letters (督办函) in the app: the letters to the user's unit (a supervisor: all on the
// device), newest first, a page at a time, each with whether the user may acknowledge it (core
// permissions), acknowledged and exported from here. The supervisor's proposals are
// warning_proposals_model.h.
#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <QPointer>

#include <vector>

#include "core/store/warnings.h"
#include "qml/app/gadget_roles.h"
#include "qml/app/paged_rows.h"
#include "qml/app/services.h"

namespace duban::app {

// One letter as a row of the list and as `letter(id)` gives it; the fields are the roles.
struct WarningLetter {
    Q_GADGET
    QML_VALUE_TYPE(warningLetter)
    Q_PROPERTY(QString warningId MEMBER warningId FINAL)
    Q_PROPERTY(QString number MEMBER number FINAL)  // 文号, or "文号待同步后生成" (D24)
    Q_PROPERTY(int level MEMBER level FINAL)
    Q_PROPERTY(QString letter MEMBER letter FINAL)  // 提醒函 / 督办函 / …
    Q_PROPERTY(QString project MEMBER project FINAL)
    Q_PROPERTY(QString milestone MEMBER milestone FINAL)
    Q_PROPERTY(QString milestoneDue MEMBER milestoneDue FINAL)
    Q_PROPERTY(QString reason MEMBER reason FINAL)
    Q_PROPERTY(QString correctBy MEMBER correctBy FINAL)
    Q_PROPERTY(QString issuedAt MEMBER issuedAt FINAL)              // Beijing time
    Q_PROPERTY(QString acknowledgedAt MEMBER acknowledgedAt FINAL)  // "" until acknowledged
    Q_PROPERTY(bool canAcknowledge MEMBER canAcknowledge FINAL)     // core's permissions

public:
    QString warningId;
    QString number;
    int level = 0;
    QString letter;
    QString project;
    QString milestone;
    QString milestoneDue;
    QString reason;
    QString correctBy;
    QString issuedAt;
    QString acknowledgedAt;
    bool canAcknowledge = false;
};

// Not `final`: QML creates it (Qt 6.4 derives QQmlElement<T> from it).
class WarningsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        duban::app::Services* services READ services WRITE setServices NOTIFY servicesChanged FINAL)
    // Only letters not acknowledged yet (the banner's "待签收").
    Q_PROPERTY(bool openOnly READ openOnly WRITE setOpenOnly NOTIFY filterChanged FINAL)
    // One project's letters; "" for all.
    Q_PROPERTY(QString projectId READ projectId WRITE setProjectId NOTIFY filterChanged FINAL)
    // One letter (the letter's page); "" for all.
    Q_PROPERTY(QString warningId READ warningId WRITE setWarningId NOTIFY filterChanged FINAL)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countsChanged FINAL)
    Q_PROPERTY(int count READ count NOTIFY countsChanged FINAL)
    // How many letters wait for the user's acknowledgment (what the banner shows).
    Q_PROPERTY(int toAcknowledge READ toAcknowledge NOTIFY countsChanged FINAL)
    Q_PROPERTY(QString message READ message NOTIFY countsChanged FINAL)
    Q_PROPERTY(QString exported READ exported NOTIFY exportedChanged FINAL)

public:
    explicit WarningsModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    [[nodiscard]] Services* services() const { return m_services; }
    void setServices(Services* services);
    [[nodiscard]] bool openOnly() const { return m_openOnly; }
    void setOpenOnly(bool openOnly);
    [[nodiscard]] QString projectId() const { return m_projectId; }
    void setProjectId(const QString& projectId);
    [[nodiscard]] QString warningId() const { return m_warningId; }
    void setWarningId(const QString& warningId);
    [[nodiscard]] int totalCount() const { return m_page.total(); }
    [[nodiscard]] int count() const { return rowCount(); }
    [[nodiscard]] int toAcknowledge() const { return m_toAcknowledge; }
    // Why the letters could not be read, else what the last action said.
    [[nodiscard]] QString message() const {
        return m_readError.isEmpty() ? m_message : m_readError;
    }

    // The letter by id, from the rows shown (an empty warningId when not shown).
    Q_INVOKABLE duban::app::WarningLetter letter(const QString& warningId) const;
    // 签收: checked by the core rules on the store's thread; a refusal says why in `message`.
    Q_INVOKABLE void acknowledge(const QString& warningId);
    // The letter as a PDF from the template, into <data folder>/exports/; the file in
    // `exported`, or why not in `message`.
    Q_INVOKABLE void exportPdf(const QString& warningId);
    [[nodiscard]] QString exported() const { return m_exported; }

signals:
    void servicesChanged();
    void filterChanged();
    void countsChanged();
    void acknowledged(const QString& warningId);
    void exportedChanged();

private:
    friend class PagedRows<WarningLetter>;  // inserts the pages it reads
    void reload();
    [[nodiscard]] WarningFilter filter() const;
    // On the store's thread: each letter of a page as shown, with what core allows on it.
    static std::vector<WarningLetter> lettersOf(const LocalStore& store, const Actor& actor,
                                                std::vector<WarningRow> rows);

    QPointer<Services> m_services;
    PagedRows<WarningLetter> m_page;
    bool m_openOnly = false;
    QString m_projectId;
    QString m_warningId;
    int m_toAcknowledge = 0;
    QString m_readError;
    QString m_message;
    QString m_exported;
};

}  // namespace duban::app

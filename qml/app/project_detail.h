#pragma once
// The project detail screen's controller: the project's facts, milestones and timeline, read on
// the store's thread whenever the project or the store's data change.
#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QVariantMap>

#include "qml/app/store_executor.h"

namespace duban::app {

// Not `final`: QML creates it (Qt 6.4 derives QQmlElement<T> from it).
class ProjectDetail : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(duban::app::StoreExecutor* store READ store WRITE setStore NOTIFY storeChanged FINAL)
    Q_PROPERTY(QString projectId READ projectId WRITE setProjectId NOTIFY projectIdChanged FINAL)
    Q_PROPERTY(bool loading READ loading NOTIFY loaded FINAL)
    Q_PROPERTY(bool found READ found NOTIFY loaded FINAL)
    // name, code, category, stage, years, scope, industryChain, planContent, remarks,
    // totalInvestment, completedBefore, planInvestment, completedThisYear (texts in 万元),
    // planWan, completedWan (numbers for the chart), completionPercent (16.67, -1 without a plan)
    // and completionRate ("16.7%", as on the board and the list), warningLevel, leadUnits,
    // responsibleUnits, township, lists.
    Q_PROPERTY(QVariantMap facts READ facts NOTIFY loaded FINAL)
    Q_PROPERTY(QVariantList milestones READ milestones NOTIFY loaded FINAL)  // title, due, …
    Q_PROPERTY(QVariantList timeline READ timeline NOTIFY loaded FINAL)      // kind, at, …
    // Why the project could not be read (the store failed); "" when it was.
    Q_PROPERTY(QString message READ message NOTIFY loaded FINAL)

public:
    explicit ProjectDetail(QObject* parent = nullptr) : QObject(parent) {}
    Q_DISABLE_COPY_MOVE(ProjectDetail)

    [[nodiscard]] StoreExecutor* store() const { return m_store; }
    void setStore(StoreExecutor* store);
    [[nodiscard]] QString projectId() const { return m_projectId; }
    void setProjectId(const QString& id);
    [[nodiscard]] bool loading() const { return m_loading; }
    [[nodiscard]] bool found() const { return !m_facts.isEmpty(); }
    [[nodiscard]] QVariantMap facts() const { return m_facts; }
    [[nodiscard]] QVariantList milestones() const { return m_milestones; }
    [[nodiscard]] QVariantList timeline() const { return m_timeline; }
    [[nodiscard]] QString message() const { return m_message; }

signals:
    void storeChanged();
    void projectIdChanged();
    void loaded();

private:
    static constexpr int kTimelineLimit = 100;
    void reload();

    QPointer<StoreExecutor> m_store;
    QString m_projectId;
    bool m_loading = false;
    QVariantMap m_facts;
    QVariantList m_milestones;
    QVariantList m_timeline;
    QString m_message;
    quint64 m_generation = 0;
};

}  // namespace duban::app
